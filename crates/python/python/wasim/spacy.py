"""Wasim as a spaCy pipeline component.

>>> import spacy
>>> nlp = spacy.blank("ar")
>>> nlp.add_pipe("wasim")  # doctest: +SKIP
>>> doc = nlp("قال وزير الخارجية سامح شكري في القاهرة إن المحادثات مستمرة.")
>>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP

spaCy finds the component through the package's ``spacy_factories`` entry point, so
``nlp.add_pipe("wasim")`` works once the package is installed, without importing anything.

What the component sets:

- ``doc.ents``: Wasim's entities as spaCy spans (labels ``PER``, ``ORG``, ``LOC``, ``DATE`` …),
  replacing any entities set before. Entities that overlap once aligned keep the longest.
- ``doc._.wasim``: the whole ``wasim/1`` document (exact code-point offsets, sources,
  confidences, claims); it is plain data, so ``DocBin`` and ``doc.to_bytes()`` keep it (their
  msgpack gives its lists back as tuples).
- ``doc._.claims``: the claims, each a dict with ``speaker``, ``cue``, ``content`` and
  ``attributed_to`` as spaCy spans (or None), and ``quoted``, ``negated``, ``source``,
  ``status``, ``id`` as in ``wasim/1``.

Clitics. Wasim's spans leave attached clitics out (بالقاهرة → القاهرة), while spaCy's Arabic
tokenizer keeps بالقاهرة one token, so an entity can start or end inside a token. The
``alignment_mode`` setting says what happens then:

- ``"expand"`` (default): the entity takes the whole token (بالقاهرة is the LOC), as Wasim's
  CoNLL export does; ``doc._.wasim`` keeps the exact span.
- ``"contract"`` / ``"strict"``: the entity keeps only the tokens wholly inside it; one that
  lies inside a single token is left out of ``doc.ents`` (it is still in ``doc._.wasim``).
- ``"split"``: the token is split where the entity starts or ends (ب + القاهرة), as Wasim's
  ``conll-clitics`` export does, so every entity is exact. This changes the doc's tokens: put
  the component before the ones that read them.

Claim parts are aligned by expanding to whole tokens.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import wasim

MODES = ("expand", "contract", "strict", "split")

#: The app's label colours (``styles/main.css``), for
#: ``displacy.render(doc, style="ent", options={"colors": wasim.spacy.COLORS})``.
COLORS = {
    "PER": "#ffc9cf",
    "ORG": "#bcd8ff",
    "LOC": "#bfeabf",
    "DATE": "#ffe7a3",
    "TIME": "#ffcf9e",
    "MONEY": "#9fe3d8",
    "PERCENT": "#dcc8fa",
    "CARDINAL": "#d6d9de",
    "NORP": "#e6cfb0",
    "TITLE": "#d9eba0",
}

if not Doc.has_extension("wasim"):
    Doc.set_extension("wasim", default=None)


def _claims(doc: Doc) -> List[Dict[str, Any]]:
    w = doc._.wasim
    if w is None:
        return []

    def span(part: Optional[Dict[str, Any]]) -> Optional[Span]:
        return None if part is None else doc.char_span(part["start"], part["end"], alignment_mode="expand")

    return [
        {
            "id": c["id"],
            "speaker": span(c["speaker"]),
            "cue": span(c["cue"]),
            "content": span(c["content"]),
            "attributed_to": span(c.get("attributed_to")),
            "quoted": c["quoted"],
            "negated": c["negated"],
            "source": c["source"],
            "status": c["status"],
        }
        for c in w["claims"]
    ]


if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=_claims)


class Wasim:
    """The ``wasim`` pipeline component (see the module's documentation)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "wasim",
        model: wasim.ModelLike = None,
        alignment_mode: str = "expand",
        batch_size: int = 256,
    ) -> None:
        if alignment_mode not in MODES:
            raise ValueError(f"alignment_mode is one of {', '.join(MODES)}, not {alignment_mode!r}")
        self.name = name
        self.alignment_mode = alignment_mode
        self.batch_size = batch_size
        self.model = wasim._model(model)

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, wasim.annotate(doc.text, self.model))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Annotates the docs a batch at a time, on all cores (``wasim.annotate_many``)."""
        size = batch_size or self.batch_size
        it = iter(docs)
        while batch := list(islice(it, size)):
            found = wasim.annotate_many([d.text for d in batch], model=self.model)
            for doc, w in zip(batch, found):
                yield self._set(doc, w)

    def _set(self, doc: Doc, w: wasim.Document) -> Doc:
        doc._.wasim = w
        if self.alignment_mode == "split":
            _split(doc, [(e["start"], e["end"]) for e in w["entities"]])
            mode = "strict"
        else:
            mode = self.alignment_mode
        spans = []
        for e in w["entities"]:
            s = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode=mode)
            if s is not None and len(s) > 0:
                spans.append(s)
        doc.ents = filter_spans(spans)
        return doc


def _split(doc: Doc, spans: List[tuple[int, int]]) -> None:
    """Splits the tokens inside which a span starts or ends, at those places."""
    cuts: Dict[int, set[int]] = {}
    for start, end in spans:
        for at in (start, end):
            tok = _token_inside(doc, at)
            if tok is not None:
                cuts.setdefault(tok, set()).add(at)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, places in cuts.items():
            token = doc[i]
            bounds = [token.idx, *sorted(places), token.idx + len(token.text)]
            orths = [token.text[a - token.idx : b - token.idx] for a, b in zip(bounds, bounds[1:])]
            # Each piece hangs on the last one (the stem, when a clitic comes first).
            heads: List[Union[Token, Tuple[Token, int]]] = [(token, len(orths) - 1)] * len(orths)
            retokenizer.split(token, orths, heads=heads)


def _token_inside(doc: Doc, at: int) -> Optional[int]:
    """The index of the token that character offset ``at`` falls strictly inside, if any."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid].text) <= at:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(doc) and doc[lo].idx < at < doc[lo].idx + len(doc[lo].text):
        return lo
    return None


@Language.factory(
    "wasim",
    assigns=["doc.ents", "doc._.wasim", "doc._.claims"],
    default_config={"model": None, "alignment_mode": "expand", "batch_size": 256},
)
def make_wasim(nlp: Language, name: str, model: Optional[str], alignment_mode: str, batch_size: int) -> Wasim:
    """Makes the ``wasim`` component: ``model`` is the path of a model or ``.wasim-taught``
    file (None: the built-in model); ``alignment_mode`` is ``expand``, ``contract``,
    ``strict`` or ``split`` (see :mod:`wasim.spacy`)."""
    return Wasim(nlp, name, model=model, alignment_mode=alignment_mode, batch_size=batch_size)
