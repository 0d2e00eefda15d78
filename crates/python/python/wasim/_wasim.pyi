"""The native half of the ``wasim`` package (``crates/python/src``). Use ``wasim``'s functions,
which take and give dicts; these take and give Wasim JSON text and bytes."""

import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union, final

__all__ = [
    "FormatError",
    "Model",
    "ModelError",
    "ParseError",
    "WasimError",
    "_model_from_parts",
    "annotate_json",
    "annotate_many_json",
    "convert_files",
    "export_docs",
    "formats",
    "score_json",
    "__version__",
]
__version__: str

class WasimError(Exception):
    """Something Wasim was given cannot be used; the message says what and where."""

class ParseError(WasimError):
    """An annotation does not read; the message names the place and what is wrong."""

class FormatError(WasimError):
    """A format Wasim does not know, or one it writes but does not read."""

class ModelError(WasimError):
    """A model or taught file cannot be read or used."""

@final
class Model:
    """An annotator: the built-in model (``Model()``), or a model file or what a person taught
    the built-in model (``Model(path)``, ``Model(data)``)."""

    def __new__(cls, source: Union[None, str, os.PathLike[str], bytes] = None) -> "Model": ...
    def learn(self, doc: Union[str, Mapping[str, Any]], at: int) -> bool:
        """Learns from the sentence holding code point ``at`` of ``doc`` (a wasim/1 dict or its JSON) as
        corrected; returns whether the model changed."""
    def taught_bytes(self) -> bytes:
        """What was taught, as the bytes of a ``.wasim-taught`` file."""
    @property
    def corrections(self) -> int:
        """How many corrections taught it."""
    def __reduce__(self) -> Tuple[object, Tuple[Optional[bytes], Optional[bytes]]]: ...

def _model_from_parts(file: Optional[bytes], taught: Optional[bytes]) -> Model: ...
def annotate_json(text: str, model: Optional[Model] = None) -> str: ...
def annotate_many_json(texts: Sequence[str], jobs: Optional[int] = None, model: Optional[Model] = None) -> List[str]: ...
def export_docs(docs: Sequence[str], names: Sequence[str], format: str) -> Tuple[str, str, bytes]: ...
def convert_files(
    files: Sequence[Tuple[str, bytes]], from_format: Optional[str], to_format: str
) -> Tuple[str, str, bytes]: ...
def formats() -> List[Dict[str, Union[str, bool]]]: ...
def score_json(gold: str, pred: str, labels: Optional[Sequence[str]] = None) -> str: ...
