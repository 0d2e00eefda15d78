"""The Dask recipe on a local cluster of separate worker processes, and its plan alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

import wasim
import wasim.dask


@pytest.fixture(scope="module")
def corpus(articles, tmp_path_factory) -> Path:
    """30 articles as text files in two folders, and 10 more as a JSONL file (5 with ids)."""
    root = tmp_path_factory.mktemp("corpus")
    for i, (name, text) in enumerate(articles[:30]):
        sub = root / ("2023" if i < 15 else "2024")
        sub.mkdir(exist_ok=True)
        (sub / f"{name}.txt").write_text(text, encoding="utf-8")
    with open(root / "wire.jsonl", "w", encoding="utf-8") as f:
        for i, (name, text) in enumerate(articles[30:40]):
            rec = {"text": text, "id": name} if i % 2 == 0 else {"text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return root


def expected(corpus: Path) -> dict:
    """id → text, as the recipe names the articles."""
    want = {}
    for p in sorted(corpus.rglob("*.txt")):
        want[str(p.relative_to(corpus))] = p.read_text(encoding="utf-8")
    raw = (corpus / "wire.jsonl").read_bytes()
    at = 0
    for line in raw.splitlines(keepends=True):
        rec = json.loads(line)
        want[rec.get("id", f"wire.jsonl:{at}")] = rec["text"]
        at += len(line)
    return want


def read_out(out: Path) -> list:
    docs = []
    for p in sorted(out.glob("part-*.jsonl")):
        docs.extend(json.loads(line) for line in p.read_text(encoding="utf-8").splitlines())
    return docs


def check_output(corpus: Path, out: Path) -> list:
    docs = read_out(out)
    want = expected(corpus)
    assert sorted(d["id"] for d in docs) == sorted(want), "every article once"
    texts = [want[d["id"]] for d in docs]
    # Each line is the wasim/1 document (the engine's own) with the article's id first.
    annotated = wasim.annotate_many(texts)
    for d, a in zip(docs, annotated):
        rid = d.pop("id")
        assert d == a, rid
    return docs


def test_annotates_a_corpus_on_a_cluster_of_worker_processes(corpus, tmp_path):
    out = tmp_path / "annotated"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = wasim.dask.annotate_corpus([str(corpus)], str(out), client=client, partition_mb=0.02)
        worker_pids = set(client.run(os.getpid).values())
    docs = check_output(corpus, out)
    assert report.documents == len(docs) == 40
    assert report.bytes == sum(len(t.encode()) for t in expected(corpus).values())
    # Several tasks, run by both worker processes, none of them this one.
    assert len(report.parts) >= 4
    assert {p.pid for p in report.parts} == worker_pids and os.getpid() not in worker_pids
    assert len(report.workers()) == 2 and all(w["mb_per_s"] > 0 for w in report.workers().values())
    run = json.loads((out / "_wasim.json").read_text(encoding="utf-8"))
    assert run["documents"] == 40 and len(run["workers"]) == 2


def test_a_taught_model_reaches_the_workers(tmp_path):
    name = "زرقلون فيسامر"
    m = wasim.Model()
    for text in ["زار زرقلون فيسامر المصنع أمس.", "التقى وزير الخارجية زرقلون فيسامر في القاهرة."]:
        doc = wasim.annotate(text)
        s = text.index(name)
        doc["entities"] = [e for e in doc["entities"] if e["end"] <= s or e["start"] >= s + len(name)]
        doc["entities"].append({"id": "T9", "start": s, "end": s + len(name), "label": "PER", "text": name,
                                "source": "user", "status": "edited", "confidence": 1.0})
        m.learn(doc, at=s)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("وقالت الشرطة إن زرقلون فيسامر غادر المدينة.", encoding="utf-8")
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        wasim.dask.annotate_corpus(str(src), str(out), client=client, model=m)
    (doc,) = read_out(out)
    assert any(e["text"] == name and e["label"] == "PER" for e in doc["entities"])


def test_jsonl_is_cut_at_line_boundaries(articles, tmp_path):
    """Parts of a few hundred bytes cut the JSONL file inside lines: each record is read once,
    by the part its line starts in (Dask's default scheduler, in this process)."""
    src = tmp_path / "wire.jsonl"
    texts = [t[:300] for _, t in articles[:25]]
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n\n" for t in texts), encoding="utf-8")
    parts = wasim.dask.plan([str(src)], partition_mb=0.0004)
    assert len(parts) > 10
    report = wasim.dask.annotate_corpus(str(src), str(tmp_path / "out"), partition_mb=0.0004)
    docs = read_out(tmp_path / "out")
    assert [d["text"] for d in docs] == texts and report.documents == 25
    raw = src.read_bytes()
    for d in docs:  # the id is the byte where the record's line starts
        at = int(d["id"].rsplit(":", 1)[1])
        assert json.loads(raw[at:].split(b"\n", 1)[0])["text"] == d["text"]


def test_errors_name_the_place(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "نص"}\n{"body": "نص"}\n', encoding="utf-8")
    with pytest.raises(wasim.ParseError, match=r"bad.jsonl: byte 17: no 'text' text in this record"):
        wasim.dask.annotate_corpus(str(src), str(tmp_path / "out"))
    with pytest.raises(FileNotFoundError, match=r"cannot read .*gone: no such file or folder"):
        wasim.dask.annotate_corpus(str(tmp_path / "gone"), str(tmp_path / "out2"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match="empty: no .txt, .jsonl or .parquet files there"):
        wasim.dask.annotate_corpus(str(empty), str(tmp_path / "out2"))


def test_the_command_line_recipe(corpus, tmp_path):
    out = tmp_path / "cli-out"
    r = subprocess.run(
        [sys.executable, "-m", "wasim.dask", str(corpus), "--out", str(out), "--workers", "2",
         "--partition-mb", "0.05"],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "40 documents" in r.stderr, r.stderr
    run = json.loads((out / "_wasim.json").read_text(encoding="utf-8"))
    assert len(run["workers"]) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in run["workers"])
    check_output(corpus, out)


def test_parquet_in_and_out(articles, tmp_path):
    """Parquet articles cut by row groups, written as Parquet with the wasim/1 fields as columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [t for _, t in articles[:20]]
    ids = [name if i % 3 else None for i, (name, _) in enumerate(articles[:20])]
    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"body": texts, "article": ids}), src, row_group_size=4)
    parts = wasim.dask.plan([str(src)], partition_mb=0.004)
    assert len(parts) > 1 and {p.kind for part in parts for p in part} == {"parquet"}
    out = tmp_path / "out"
    report = wasim.dask.annotate_corpus(
        str(src), str(out), text_field="body", id_field="article", partition_mb=0.004, output_format="parquet"
    )
    assert report.documents == 20 and len(report.parts) == len(parts)
    table = pq.read_table(out)  # the folder as a dataset (_wasim.json is left out)
    assert table.schema == wasim.dask.parquet_schema()
    rows = table.to_pylist()
    assert [r.pop("id") for r in rows] == [rid or f"news.parquet:{i}" for i, rid in enumerate(ids)]
    assert rows == wasim.annotate_many(texts)
    with pytest.raises(wasim.ParseError, match=r"news.parquet: no column 'text' \(it has body, article\)"):
        wasim.dask.annotate_corpus(str(src), str(tmp_path / "out2"))
    with pytest.raises(ValueError, match="output_format is jsonl or parquet"):
        wasim.dask.annotate_corpus(str(src), str(tmp_path / "out3"), output_format="csv")
