"""Wasim: Arabic news annotation, offline.

Every person, organization, place and date in an Arabic text, and every attributed claim (who
said what, with which reporting verb, quoted or not), from the same Rust engine as the Wasim app
and the ``wasim`` command, with the same results.

>>> import wasim
>>> doc = wasim.annotate("قال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مستمرة.")
>>> [(e["label"], e["text"]) for e in doc["entities"]]  # doctest: +SKIP
[('TITLE', 'وزير الخارجية'), ('NORP', 'المصري'), ('PER', 'سامح شكري'), ('LOC', 'القاهرة')]

A document is a dict in the ``wasim/1`` shape (the Wasim JSON export): ``text``, ``entities``
and ``claims`` with code-point offsets, which are Python's own string indices
(``doc["text"][e["start"]:e["end"]] == e["text"]``).

Analyses run with the interpreter released; :func:`annotate_many` uses every core. The spaCy
component is ``nlp.add_pipe("wasim")`` (see :mod:`wasim.spacy`); annotating a corpus on a Dask
cluster is :mod:`wasim.dask`.
"""

from __future__ import annotations

import json as _json
import os as _os
from functools import lru_cache as _lru_cache
from typing import Any, Iterable, List, Literal, Mapping, Optional, Sequence, Union, overload

from . import _wasim
from ._wasim import FormatError, Model, ModelError, ParseError, WasimError, __version__
from .schema import Claim, Document, Entity, FormatInfo, Part, Speaker

__all__ = [
    "annotate",
    "annotate_many",
    "export",
    "convert",
    "formats",
    "eval",
    "Model",
    "WasimError",
    "ParseError",
    "FormatError",
    "ModelError",
    "Document",
    "Entity",
    "Claim",
    "Part",
    "Speaker",
    "FormatInfo",
    "__version__",
]

#: What ``model=`` takes: None (the built-in model), a :class:`Model`, the path of a model file
#: or of a ``.wasim-taught`` file, or the bytes of either.
ModelLike = Union[None, Model, str, "_os.PathLike[str]", bytes]


def annotate(text: str, model: ModelLike = None) -> Document:
    """Annotates ``text`` and returns its ``wasim/1`` document.

    ``model`` is the model to tag with (see :data:`ModelLike`); files are read once and kept
    while they do not change, so passing the same path to every call costs nothing more.
    Raises :class:`ModelError` when the model cannot be used. Any text gives a result.
    """
    if not isinstance(text, str):
        raise TypeError(f"annotate takes a str, not {type(text).__name__}")
    doc: Document = _json.loads(_wasim.annotate_json(text, _model(model)))
    return doc


@overload
def annotate_many(
    texts: Iterable[str], jobs: Optional[int] = ..., model: ModelLike = ..., *, as_json: Literal[False] = ...
) -> List[Document]: ...
@overload
def annotate_many(
    texts: Iterable[str], jobs: Optional[int] = ..., model: ModelLike = ..., *, as_json: Literal[True]
) -> List[str]: ...
def annotate_many(
    texts: Iterable[str], jobs: Optional[int] = None, model: ModelLike = None, *, as_json: bool = False
) -> Union[List[Document], List[str]]:
    """Annotates every text in parallel and returns their documents in the same order.

    ``jobs`` threads share one model (all cores when None); the interpreter is released the
    whole time. With ``as_json=True`` each document comes as its Wasim JSON line (the text
    ``wasim annotate --format jsonl`` writes), which is cheaper when it is to be written out.
    """
    if isinstance(texts, str):
        raise TypeError("annotate_many takes a list of texts; for one text use annotate(text)")
    batch = list(texts)
    for i, t in enumerate(batch):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] is a {type(t).__name__}, not a str")
    lines = _wasim.annotate_many_json(batch, jobs, _model(model))
    if as_json:
        return lines
    docs: List[Document] = [_json.loads(line) for line in lines]
    return docs


def export(
    doc: Union[Document, Sequence[Document]], format: str, names: Optional[Sequence[str]] = None
) -> Union[str, bytes]:
    """Writes a document (or a list of them) in ``format`` (an id of :func:`formats`).

    Returns ``bytes`` for formats that are archives (``brat``, a zip of ``.txt`` + ``.ann``)
    and ``str`` for the others, exactly as ``wasim convert --from json --to FORMAT`` writes
    them. ``names`` names the documents where the format carries names (brat's files, CoNLL's
    document lines); by default ``document``, ``document-2`` … as the CLI names the documents
    of one file. Several documents in ``json`` come as JSONL.
    """
    docs = [doc] if isinstance(doc, Mapping) else list(doc)
    if names is None:
        names = [_numbered("document", i) for i in range(len(docs))]
    elif len(names) != len(docs):
        raise ValueError(f"{len(names)} names for {len(docs)} documents")
    name, mime, data = _wasim.export_docs([_dumps(d) for d in docs], list(names), format)
    return _out(mime, data)


def convert(
    data: Union[str, bytes, Mapping[str, Union[str, bytes]]], from_format: Optional[str], to_format: str
) -> Union[str, bytes]:
    """Converts annotations from one format to another, as ``wasim convert`` does.

    ``data`` is the content of one file (``str`` or ``bytes``; a zip archive as ``bytes``), or
    a mapping of file names to contents (a brat folder: ``{"a.txt": …, "a.ann": …}``).
    ``from_format`` is the format of the input (None: told by the file names, and JSON by its
    shape). Returns what :func:`export` returns. Raises :class:`ParseError` naming the file,
    line or item that does not read, and :class:`FormatError` for a format Wasim does not read
    or write.
    """
    if isinstance(data, Mapping):
        files = [(str(n), _bytes(v)) for n, v in data.items()]
    else:
        ending = "json"
        if from_format is not None:
            known = {f["id"]: f for f in formats()}
            if from_format in known:
                ending = known[from_format]["extension"].rsplit(".", 1)[-1]
        files = [(f"document.{ending}", _bytes(data))]
    name, mime, out = _wasim.convert_files(files, from_format, to_format)
    return _out(mime, out)


def formats() -> List[FormatInfo]:
    """The formats Wasim writes: ``id``, ``name``, what its ``offsets`` count, what it
    ``loses``, its file ``extension`` and ``mime`` type, and whether Wasim ``imports`` it."""
    return _wasim.formats()  # type: ignore[return-value]


def eval(  # noqa: A001 (the name of `wasim eval`)
    gold: Union[Document, str], pred: Union[Document, str], labels: Optional[Sequence[str]] = None
) -> dict[str, Any]:
    """Scores ``pred`` against ``gold`` (documents or their Wasim JSON text), as
    ``wasim eval GOLD PRED --json`` does: precision, recall and F1 per label, exact and
    clitic-lenient (``entities.exact``, ``entities.lenient``), and claims.

    Scores ``labels`` when given, else the labels gold lists in ``"labels"``, else those gold
    has. ``pred`` without ``"text"`` is read against gold's text.
    """
    g = gold if isinstance(gold, str) else _dumps(gold)
    p = pred if isinstance(pred, str) else _dumps(pred)
    score: dict[str, Any] = _json.loads(_wasim.score_json(g, p, None if labels is None else list(labels)))
    return score


def _dumps(doc: Any) -> str:
    if not isinstance(doc, Mapping):
        raise TypeError(f"a document is a dict in the wasim/1 shape, not a {type(doc).__name__}")
    return _json.dumps(doc, ensure_ascii=False)


def _bytes(v: Union[str, bytes]) -> bytes:
    if isinstance(v, str):
        return v.encode("utf-8")
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v)
    raise TypeError(f"file contents are str or bytes, not {type(v).__name__}")


def _out(mime: str, data: bytes) -> Union[str, bytes]:
    return data if mime == "application/zip" else data.decode("utf-8")


def _numbered(stem: str, i: int) -> str:
    return stem if i == 0 else f"{stem}-{i + 1}"


@_lru_cache(maxsize=8)
def _model_file(path: str, mtime_ns: int, size: int) -> Model:
    return Model(path)


@_lru_cache(maxsize=8)
def _model_bytes(data: bytes) -> Model:
    return Model(data)


def _model(model: ModelLike) -> Optional[Model]:
    """The :class:`Model` of ``model=``: files are read again only when they changed."""
    if model is None or isinstance(model, Model):
        return model
    if isinstance(model, (bytes, bytearray, memoryview)):
        return _model_bytes(bytes(model))
    if isinstance(model, (str, _os.PathLike)):
        path = _os.fspath(model)
        try:
            st = _os.stat(path)
        except OSError:
            return Model(path)  # raises ModelError with the CLI's message
        return _model_file(path, st.st_mtime_ns, st.st_size)
    raise TypeError(
        f"model is a path, bytes, a wasim.Model or None (the built-in model), not {type(model).__name__}"
    )
