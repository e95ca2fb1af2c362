"""The structured model of a resolution, named after Akoma Ntoso / AKN4UN concepts.

Every value is a frozen dataclass: a parsed resolution is data, not behaviour.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any, TypeVar

_T = TypeVar("_T")


def _filled(cls: type[_T]) -> type[_T]:
    """A frozen dataclass built ~3 times faster: its `__init__` (same signature and
    defaults) writes the fields into the new instance's `__dict__`, where the generated one
    calls `object.__setattr__` once a field (a frozen `__setattr__` refuses assignment).
    The instances are the same: immutable, equal and hashed alike, `replace`/`asdict` work.

    >>> Session(3), Session(number=3) == Session(3), Session().end
    (Session(number=3, place=None, country=None, start=None, end=None), True, None)
    """
    names: dict[str, Any] = {"_MISSING": MISSING}
    params, body = [], []
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.init, f"{cls.__name__}.{f.name}: a field __init__ does not take"
        if f.default is not MISSING:
            names[f"_{f.name}"] = f.default
            params.append(f"{f.name}=_{f.name}")
        elif f.default_factory is not MISSING:
            names[f"_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            body.append(f"if {f.name} is _MISSING: {f.name} = _{f.name}()")
        else:
            params.append(f.name)
        body.append(f"d[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n d = self.__dict__\n "
    exec(source + "\n ".join(body), names)  # (as dataclasses writes its __init__)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@_filled
@dataclass(frozen=True)
class Source:
    """Where a document came from: path or URL, and the SHA-256 of its bytes."""

    path: str
    sha256: str
    media_type: str


@_filled
@dataclass(frozen=True)
class Session:
    """The session (meeting) of the body at which a resolution was adopted."""

    number: int | None = None
    place: str | None = None
    country: str | None = None
    start: date | None = None
    end: date | None = None


@_filled
@dataclass(frozen=True)
class FootnoteMark:
    """Where a footnote's mark stood in a clause's text: after `text[:offset]`."""

    label: str
    offset: int


@_filled
@dataclass(frozen=True)
class SubParagraph:
    """A lettered, roman or numbered sub-paragraph: (a), (i), (1); may nest."""

    label: str
    text: str
    subparagraphs: tuple[SubParagraph, ...] = ()
    marks: tuple[FootnoteMark, ...] = ()  # the footnote marks in `text`
    # whom it addresses: its chapeau's addressees, else those it names (data/addressees.yaml)
    addressees: tuple[str, ...] = ()


@_filled
@dataclass(frozen=True)
class PreambularClause:
    """A recital, opened by a participle or adjective (RECOGNIZING, Recalling also)."""

    keyword: str
    text: str
    concept: str | None = None
    marks: tuple[FootnoteMark, ...] = ()  # the footnote marks in `text`
    # the number printed before it, where recitals are numbered with the operative
    # paragraphs ("1. Recalling ...", "3. Welcomes ...": UNESCO)
    number: int | None = None


@_filled
@dataclass(frozen=True)
class OperativeClause:
    """An operative paragraph, opened by a verb (URGES, Decides), numbered if printed."""

    keyword: str
    text: str
    number: int | None = None
    concept: str | None = None
    subparagraphs: tuple[SubParagraph, ...] = ()
    addressees: tuple[str, ...] = ()  # whom it calls on, urges, requests (data/addressees.yaml)
    # the adopting body acts on itself (decides on its agenda, adopts an instrument) and
    # names no addressee: never counted as one (data/addressees.yaml)
    self_acting: bool = False
    marks: tuple[FootnoteMark, ...] = ()  # the footnote marks in `text`
    # whom it thanks, commends or expresses its appreciation to: not addressees, no one is
    # asked to act (data/addressees.yaml `thanking`)
    thanked: tuple[str, ...] = ()
    # the heading printed above it, opening a part of the operative text that runs to the
    # next heading ("II Capacity-building", "Asset freeze"): on the part's first clause only
    heading: str | None = None


@_filled
@dataclass(frozen=True)
class Footnote:
    """A footnote, kept apart from the clause text; `label` is its printed mark."""

    label: str
    text: str


@_filled
@dataclass(frozen=True)
class Annex:
    """An annex: its heading and its text, kept as printed paragraphs."""

    title: str
    paragraphs: tuple[str, ...] = ()
    # the footnote marks of each paragraph (empty, or one tuple per paragraph)
    marks: tuple[tuple[FootnoteMark, ...], ...] = ()


@_filled
@dataclass(frozen=True)
class Citation:
    """A reference to another document, as printed and canonicalised.

    `kind` is one of: resolution, decision, treaty, article, document, general-comment,
    unresolved (a symbol after "resolution"/"decision" in no known style).
    `clause` names where it occurs: "preamble-3", "operative-2", "footnote-1", "title".
    """

    identifier: str
    text: str
    kind: str
    clause: str


@_filled
@dataclass(frozen=True)
class Resolution:
    """A resolution in one language: a FRBR expression of the resolution (work)."""

    identifier: str
    body: str
    language: str
    source: Source
    number: str | None = None
    title: str | None = None
    session: Session | None = None
    adopted: date | None = None
    status: str | None = None
    formula: str | None = None
    preamble: tuple[PreambularClause, ...] = ()
    operative: tuple[OperativeClause, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    annexes: tuple[Annex, ...] = ()
    citations: tuple[Citation, ...] = ()
    # the later parts of a resolution adopted in parts (A/RES/80/2B after A/RES/80/2A):
    # each a resolution of its own, with its own clauses and closing line
    parts: tuple[Resolution, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # what the parser could not be sure of ("body not recognised: parsed as `unknown`")
    warnings: tuple[str, ...] = field(default=(), compare=False, hash=False)
