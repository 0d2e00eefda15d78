"""The ``wasim/1`` shape as typed dicts (the Wasim JSON export; see the project's README).

Offsets are code points of ``text``, end exclusive: Python's own string indices.
"""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict

Label = Literal["PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "NORP", "TITLE"]
Status = Literal["auto", "accepted", "edited"]


class Entity(TypedDict):
    id: str
    start: int
    end: int
    label: Label
    text: str
    #: The list or rule that proposed it (``list:countries``, ``model``), or ``user``.
    source: str
    status: Status
    confidence: float


class Part(TypedDict):
    """A part of a claim: its span and its text."""

    start: int
    end: int
    text: str


class Speaker(Part):
    """A claim's speaker, naming the entities inside it (``T4``, ``T5``)."""

    entities: List[str]


class Claim(TypedDict):
    id: str
    speaker: Optional[Speaker]
    #: The reporting verb or phrase (قال، أكدت، بحسب), None for a headline or a quotation going on.
    cue: Optional[Part]
    content: Part
    quoted: bool
    negated: bool
    source: str
    status: Status
    #: Who the claim is attributed to: the fullest mention of that person or organization.
    attributed_to: Optional[Speaker]


class Document(TypedDict):
    format: Literal["wasim/1"]
    text: str
    offsets: Literal["codepoint"]
    entities: List[Entity]
    claims: List[Claim]


class FormatInfo(TypedDict):
    id: str
    name: str
    offsets: str
    loses: str
    extension: str
    mime: str
    imports: bool
