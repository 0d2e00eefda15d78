"""The spaCy component: found by name, entities on spaCy's tokens, claims, displacy."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

import wasim
import wasim.spacy

from conftest import REPO

TEXT = "قال وزير الخارجية المصري سامح شكري بالقاهرة إن «المحادثات مستمرة»، ولم ينف وجود خلافات مع الأمم المتحدة."


def test_add_pipe_finds_the_component_without_importing_it():
    # A fresh interpreter that imports spaCy only: the package's entry point registers "wasim".
    code = (
        "import spacy, sys; nlp = spacy.blank('ar'); nlp.add_pipe('wasim'); "
        "print(sorted(e.label_ for e in nlp('زار الرئيس القاهرة أمس').ents)); "
        "print('wasim' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    labels, imported = out.stdout.split("\n")[:2]
    assert "LOC" in labels and imported == "True"


def nlp_with(**config):
    nlp = spacy.blank("ar")
    nlp.add_pipe("wasim", config=config)
    return nlp


def test_entities_take_the_whole_token_by_default():
    doc = nlp_with()(TEXT)
    w = doc._.wasim
    assert w == wasim.annotate(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    # Wasim's span leaves بـ out; spaCy's token is بالقاهرة, and the entity takes it.
    assert ("بالقاهرة", "LOC") in ents and ("القاهرة", "LOC") not in ents
    assert ("القاهرة", "LOC") in [(e["text"], e["label"]) for e in w["entities"]]
    for e in doc.ents:  # each entity is on whole tokens and holds a Wasim entity
        assert any(e.start_char <= x["start"] and x["end"] <= e.end_char and x["label"] == e.label_
                   for x in w["entities"])


def test_split_makes_entities_exact_and_contract_leaves_out_those_inside_a_token():
    doc = nlp_with(alignment_mode="split")(TEXT)
    assert [t.text for t in doc][5:8] == ["شكري", "ب", "القاهرة"]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (x["start"], x["end"], x["label"]) for x in doc._.wasim["entities"]
    ]
    assert doc.text == TEXT
    contracted = nlp_with(alignment_mode="contract")(TEXT)
    assert "LOC" not in [e.label_ for e in contracted.ents if e.text.endswith("القاهرة")]
    assert any(x["text"] == "القاهرة" for x in contracted._.wasim["entities"])
    with pytest.raises(ValueError, match="alignment_mode is one of"):
        nlp_with(alignment_mode="guess")


def test_claims_are_spans_of_the_doc():
    doc = nlp_with()(TEXT)
    claims = doc._.claims
    assert len(claims) == len(doc._.wasim["claims"]) >= 1
    c = claims[0]
    assert c["cue"].text == "قال" and c["content"].text == "المحادثات مستمرة" and c["quoted"] is True
    assert c["attributed_to"].text == "سامح شكري"
    assert c["speaker"].doc is doc


def test_pipe_on_all_cores_equals_one_at_a_time(articles):
    nlp = nlp_with()
    texts = [t for _, t in articles[:12]]
    piped = list(nlp.pipe(texts, batch_size=5))
    assert [d._.wasim for d in piped] == wasim.annotate_many(texts)
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in piped] == [
        [(e.start, e.end, e.label_) for e in nlp(t).ents] for t in texts
    ]


def test_docbin_keeps_the_annotation():
    nlp = nlp_with()
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    # spaCy's msgpack gives lists back as tuples; the content is the same.
    assert json.loads(json.dumps(back._.wasim)) == doc._.wasim
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]
    assert [c["content"].text for c in back._.claims] == [c["content"].text for c in doc._.claims]


def test_displacy_renders_the_entities_right_to_left():
    doc = nlp_with()(TEXT)
    html = displacy.render(doc, style="ent", options={"colors": wasim.spacy.COLORS})
    assert "direction: rtl" in html
    marks = re.findall(r'<mark class="entity" style="background: (#[0-9a-f]+);[^>]*>\s*(.*?)\s*<span[^>]*>(\w+)</span>', html)
    assert [(t, label) for _, t, label in marks] == [(e.text, e.label_) for e in doc.ents]
    assert ("بالقاهرة", "LOC") in [(t, label) for _, t, label in marks]
    assert all(colour == wasim.spacy.COLORS[label] for colour, _, label in marks)


def test_colours_are_the_apps():
    css = (REPO / "styles" / "main.css").read_text(encoding="utf-8")
    app = {k.upper(): v for k, v in re.findall(r"--([a-z]+): (#[0-9a-f]{6});", css)}
    assert {k: app[k] for k in wasim.spacy.COLORS} == wasim.spacy.COLORS


def test_a_saved_pipeline_loads_with_its_settings(tmp_path):
    nlp_with(alignment_mode="split").to_disk(tmp_path / "pipeline")
    doc = spacy.load(tmp_path / "pipeline")(TEXT)
    assert "ب" in [t.text for t in doc]
    assert [(e.start_char, e.end_char) for e in doc.ents] == [(x["start"], x["end"]) for x in doc._.wasim["entities"]]
