"""The Python API against the `wasim` command: the same text gives the same result."""

from __future__ import annotations

import json
import pickle
import re
import threading
import time
from pathlib import Path

import pytest

import wasim


def test_a_document_is_the_wasim_1_shape_with_python_string_offsets():
    text = "قال وزير الخارجية المصري سامح شكري بالقاهرة إن «المحادثات مستمرة»."
    doc = wasim.annotate(text)
    assert doc["format"] == "wasim/1" and doc["offsets"] == "codepoint" and doc["text"] == text
    found = {(e["label"], e["text"]) for e in doc["entities"]}
    assert ("LOC", "القاهرة") in found, found  # without the clitic بـ
    for e in doc["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    (claim,) = doc["claims"]
    assert claim["content"]["text"] == "المحادثات مستمرة" and claim["quoted"] is True
    assert claim["attributed_to"]["text"] == "سامح شكري"


def test_annotate_equals_the_cli(articles, wasim_cli, tmp_path):
    for name, text in articles[:8]:
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        assert wasim.annotate(text) == wasim_cli.json("annotate", str(f)), name


def test_annotate_many_equals_the_cli_on_all_cores(articles, wasim_cli, tmp_path):
    files = []
    for name, text in articles:
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(str(f))
    cli_lines = wasim_cli.ok("annotate", "--format", "jsonl", *files).decode().splitlines()
    texts = [t for _, t in articles]
    # The very lines the command writes, and the same documents as dicts.
    assert wasim.annotate_many(texts, as_json=True) == cli_lines
    assert wasim.annotate_many(texts) == [json.loads(line) for line in cli_lines]
    for jobs in (1, 3):
        assert wasim.annotate_many(iter(texts), jobs=jobs, as_json=True) == cli_lines


def test_annotate_many_refuses_what_it_cannot_use():
    assert wasim.annotate_many([]) == []
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        wasim.annotate_many(["نص"], jobs=0)
    with pytest.raises(TypeError, match="list of texts"):
        wasim.annotate_many("نص")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"texts\[1\] is a bytes"):
        wasim.annotate_many(["نص", b"x"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        wasim.annotate(b"x")  # type: ignore[arg-type]


def test_the_analysis_runs_with_the_interpreter_released(articles):
    """While annotate_many works, this thread keeps running Python: the longest pause between
    two of its steps is a small part of the call (holding the lock would stop it throughout)."""
    texts = [t for _, t in articles]
    t0 = time.perf_counter()
    wasim.annotate_many(texts, jobs=1, as_json=True)  # the model is loaded; how long 40 take
    texts *= max(1, round(0.8 / (time.perf_counter() - t0)))  # about 0.8 s of work
    done = threading.Event()
    took = []

    def work():
        t0 = time.perf_counter()
        wasim.annotate_many(texts, jobs=1, as_json=True)
        took.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=work)
    last = time.perf_counter()
    longest = 0.0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    assert took[0] > 0.3, f"too little work to tell ({took[0]:.3f} s)"
    assert longest < 0.3 * took[0], f"this thread stopped for {longest:.3f} s of the call's {took[0]:.3f} s"


@pytest.mark.parametrize("fmt", [f["id"] for f in wasim.formats()])
def test_export_equals_cli_convert(fmt, articles, wasim_cli, tmp_path):
    docs = [wasim.annotate(t) for _, t in articles[:2]]
    one = tmp_path / "document.json"
    one.write_text(json.dumps(docs[0], ensure_ascii=False), encoding="utf-8")
    got = wasim.export(docs[0], fmt)
    want = wasim_cli.ok("convert", "--from", "json", "--to", fmt, str(one))
    assert (got if isinstance(got, bytes) else got.encode("utf-8")) == want
    assert isinstance(got, bytes) == (fmt == "brat")
    # Several documents: those of one JSONL file, named as the command names them.
    many = tmp_path / "document.jsonl"
    many.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    got = wasim.export(docs, fmt)
    want = wasim_cli.ok("convert", "--from", "jsonl", "--to", fmt, str(many))
    assert (got if isinstance(got, bytes) else got.encode("utf-8")) == want


def test_convert_equals_the_cli(articles, wasim_cli, tmp_path):
    doc = wasim.annotate(articles[3][1])
    brat = wasim.export(doc, "brat")
    assert isinstance(brat, bytes)
    z = tmp_path / "document.zip"
    z.write_bytes(brat)
    want = wasim_cli.ok("convert", "--from", "brat", "--to", "json", str(z)).decode()
    assert wasim.convert(brat, "brat", "json") == want
    assert wasim.convert(brat, None, "json") == want  # a zip is told by its content
    conll = wasim.export(doc, "conll")
    assert wasim.convert(conll, "conll", "jsonl") == wasim_cli.ok(
        "convert", "--from", "conll", "--to", "jsonl", str(_write(tmp_path / "document.conll", conll))
    ).decode()
    ls = wasim.convert(json.dumps(doc, ensure_ascii=False), "json", "label-studio")
    assert isinstance(ls, str)
    back = json.loads(wasim.convert(ls, "label-studio", "json"))
    assert [(e["start"], e["end"], e["label"]) for e in back["entities"]] == [
        (e["start"], e["end"], e["label"]) for e in doc["entities"]
    ]


def test_convert_reads_a_brat_folder_given_as_files(articles):
    doc = wasim.annotate(articles[5][1])
    brat = wasim.convert(json.dumps(doc, ensure_ascii=False), "json", "brat")
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(brat)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    assert {"document.txt", "document.ann"} <= set(files)
    back = json.loads(wasim.convert(files, None, "json"))
    assert back["text"] == doc["text"]
    assert [(e["start"], e["end"], e["label"]) for e in back["entities"]] == [
        (e["start"], e["end"], e["label"]) for e in doc["entities"]
    ]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_formats_are_the_clis(wasim_cli):
    help_text = wasim_cli.ok("help").decode()
    table = help_text.split("FORMATS (offsets):", 1)[1].split("\n\n", 1)[0]
    listed = [(m.group(1), "export only" not in m.group(0)) for m in re.finditer(r"^  (\S+) .*$", table, re.M)]
    assert [(f["id"], f["imports"]) for f in wasim.formats()] == listed
    assert {"id", "name", "offsets", "loses", "extension", "mime", "imports"} == set(wasim.formats()[0])


def test_eval_equals_the_cli(articles, wasim_cli, tmp_path):
    text = articles[1][1]
    pred = wasim.annotate(text)
    gold = json.loads(json.dumps(pred))
    gold["entities"] = gold["entities"][1:]  # one spurious prediction
    gold["entities"][0]["label"] = "ORG" if gold["entities"][0]["label"] != "ORG" else "PER"
    g = _write(tmp_path / "gold.json", json.dumps(gold, ensure_ascii=False))
    p = _write(tmp_path / "pred.json", json.dumps(pred, ensure_ascii=False))
    want = wasim_cli.json("eval", str(g), str(p), "--json")
    got = wasim.eval(gold, pred)
    assert got == want
    assert got["entities"]["exact"]["ALL"]["f1"] < 1.0
    assert wasim.eval(json.dumps(gold), pred) == want
    # Only the labels asked for, and gold's own list read as the command reads it.
    gold["labels"] = ["PER", "GPE"]
    g2 = _write(tmp_path / "gold2.json", json.dumps(gold, ensure_ascii=False))
    assert wasim.eval(gold, pred) == wasim_cli.json("eval", str(g2), str(p), "--json")
    assert set(wasim.eval(gold, pred, labels=["LOC"])["entities"]["exact"]) <= {"LOC", "ALL"}
    with pytest.raises(ValueError, match='unknown label "ANIMAL"'):
        wasim.eval(gold, pred, labels=["ANIMAL"])


def test_errors_are_the_clis_messages(wasim_cli, tmp_path):
    bad = '{"text": "القاهرة", "entities": [{"start": 0, "end": 9, "label": "LOC"}]}'
    f = _write(tmp_path / "document.json", bad)
    with pytest.raises(wasim.ParseError) as e:
        wasim.convert(bad, "json", "conll")
    assert str(e.value) == wasim_cli.error("convert", "--from", "json", "--to", "conll", str(f))
    assert "entities[0]" in str(e.value) and "outside the text" in str(e.value)
    assert isinstance(e.value, wasim.WasimError)

    not_json = _write(tmp_path / "document.jsonl", '{"text": "x", "entities": []}\n{"text": \n')
    with pytest.raises(wasim.ParseError) as e:
        wasim.convert(not_json.read_text(), "jsonl", "json")
    assert str(e.value) == wasim_cli.error("convert", "--from", "jsonl", "--to", "json", str(not_json))
    assert "line 2" in str(e.value)

    with pytest.raises(wasim.ParseError, match=r"^document: entities\[0\]: offsets 0\.\.9"):
        wasim.export(json.loads(bad), "conll")

    with pytest.raises(wasim.FormatError, match='unknown format "docx"; known: json, jsonl'):
        wasim.export(wasim.annotate("نص"), "docx")
    with pytest.raises(wasim.FormatError, match="Wasim writes w3c but does not read it"):
        wasim.convert("{}", "w3c", "json")

    notes = _write(tmp_path / "notes.txt", "hello")
    with pytest.raises(wasim.ModelError) as e:
        wasim.annotate("نص", model=notes)
    assert str(e.value) == wasim_cli.error("annotate", "--model", str(notes), input="نص".encode())
    assert "not a Wasim model" in str(e.value)
    missing = tmp_path / "gone.wasim-taught"
    with pytest.raises(wasim.ModelError) as e:
        wasim.annotate("نص", model=str(missing))
    assert str(e.value) == wasim_cli.error("annotate", "--model", str(missing), input="نص".encode())
    with pytest.raises(TypeError, match="model is a path, bytes"):
        wasim.annotate("نص", model=42)  # type: ignore[arg-type]


NAME = "زرقلون فيسامر"


def _corrected(text: str) -> dict:
    """The document of `text` as a person corrects it: the made-up name is a person."""
    doc = wasim.annotate(text)
    start = text.index(NAME)
    doc["entities"] = [e for e in doc["entities"] if e["end"] <= start or e["start"] >= start + len(NAME)]
    doc["entities"].append(
        {"id": "T99", "start": start, "end": start + len(NAME), "label": "PER", "text": NAME,
         "source": "user", "status": "edited", "confidence": 1.0}
    )
    doc["entities"].sort(key=lambda e: e["start"])
    return doc


def test_what_a_person_taught_tags_as_in_the_cli(wasim_cli, tmp_path):
    m = wasim.Model()
    lessons = ["زار زرقلون فيسامر المصنع أمس.", "التقى وزير الخارجية زرقلون فيسامر في القاهرة."]
    learned = [m.learn(_corrected(text), at=text.index(NAME)) for text in lessons]
    # The first teaches; the second may already be followed then, and is counted only if it taught.
    assert learned[0] is True and m.corrections == sum(learned) >= 1
    taught = tmp_path / "team.wasim-taught"
    taught.write_bytes(m.taught_bytes())

    text = "وقالت الشرطة إن زرقلون فيسامر غادر المدينة."
    has_name = lambda d: any(e["label"] == "PER" and e["text"] == NAME for e in d["entities"])  # noqa: E731
    assert not has_name(wasim.annotate(text)), "unknown to the shipped model"
    got = wasim.annotate(text, model=taught)
    assert has_name(got)
    assert got == wasim_cli.json("annotate", "--model", str(taught), input=text.encode())
    assert wasim.annotate(text, model=taught.read_bytes()) == got
    assert wasim.annotate(text, model=m) == got
    assert wasim.annotate_many([text, text], model=taught) == [got, got]
    # A model travels to other processes (Dask, multiprocessing) with what it was taught.
    again = pickle.loads(pickle.dumps(m))
    assert again.corrections == m.corrections and wasim.annotate(text, model=again) == got
    assert f"{m.corrections} correction" in repr(again)
    # The built-in model pickles as itself.
    assert wasim.annotate(text, model=pickle.loads(pickle.dumps(wasim.Model()))) == wasim.annotate(text)
    with pytest.raises(ValueError, match="outside the text"):
        m.learn(_corrected("زار زرقلون فيسامر المصنع."), at=1000)


def test_version_and_stubs_ship():
    assert re.fullmatch(r"\d+\.\d+\.\d+", wasim.__version__)
    pkg = Path(wasim.__file__).parent
    assert (pkg / "py.typed").exists() and (pkg / "_wasim.pyi").exists()
    assert wasim.annotate.__doc__ and wasim.Model.__doc__ and wasim.WasimError.__doc__
