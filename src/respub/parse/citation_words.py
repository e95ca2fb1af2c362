"""The words that cite, compiled from `data/citations.yaml` (keywords, organs, instruments,
articles), and where a document's clauses hold them: `scan` looks for each keyword and
instrument once in the whole document's lowered text, where looking clause by clause
cost one scan of every clause per phrase.

A keyword or instrument match never holds a newline (they are words and spaces), so in
the clauses' lowered texts joined by newlines each match lies in one clause, and is what
the clause alone gives: the newline between two clauses is, to the look-behind and the
look-ahead of a keyword, what the start and end of a text are.

>>> found = scan(["Recalling its resolution 1", "the Charter of the United Nations"])
>>> found.keywords[0]["resolution"], [(i.id, s, e) for i, s, e in found.instruments[1]]
([(14, 24)], [('charter-of-the-united-nations', 4, 33)])
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from respub.knowledge.firstlook import lowers_alike, opened_at, opening_literals


@dataclass(frozen=True)
class Instrument:
    id: str
    kind: str
    pattern: re.Pattern[str]  # lowered, matched case-sensitively in lowered text
    stems: tuple[str, ...]  # one of these occurs in any text the pattern matches ("" = always)
    opening: tuple[str, ...] | None  # what each alternative opens with (`opening_literals`)

    def finditer(self, lowered: str) -> Iterator[re.Match[str]]:
        """What `pattern.finditer(lowered)` finds."""
        if self.opening is not None:
            return opened_at(self.pattern, self.opening, lowered)
        if not any(stem in lowered for stem in self.stems):  # a cheap first look
            return iter(())
        return self.pattern.finditer(lowered)


def _stems(patterns: list[str]) -> tuple[str, ...]:
    """A literal, lower-case prefix that each pattern's matches must contain."""
    stems = []
    for pattern in patterns:
        pattern = re.sub(r"^(?:\(\?:[^()]*\)\?)+", "", pattern)  # leading optional groups
        found = re.match(r"[^?*+()\[\]{}|\\.^$]*", pattern)
        literal = found.group() if found else ""
        if literal and pattern[len(literal) : len(literal) + 1] in ("?", "*", "{"):
            literal = literal[:-1]  # the last character is optional
        stems.append(literal.lower())
    # a stem holding another is found only where that one is: one test fewer ("القرار"
    # holds "قرار")
    return tuple(s for s in dict.fromkeys(stems) if not any(o != s and o in s for o in set(stems)))


@dataclass(frozen=True)
class Keyword:
    """The words that open a list of bare references ("resolutions", "décision"): `exact`
    finds them case-insensitively; `lowered` is the same alternation lowered and without
    its look-behind, found case-sensitively in the lowered text where each word opens
    (`opening`: no case folding, and `str.find` skips to them)."""

    exact: re.Pattern[str]
    lowered: re.Pattern[str]
    stems: tuple[str, ...]
    opening: tuple[str, ...]

    def finditer(self, text: str, lowered: str, alike: bool) -> Iterator[re.Match[str]]:
        """What `exact.finditer(text)` finds (`lowered` is `text.lower()`, `alike` whether
        `lowers_alike(text, lowered)`)."""
        if not alike:
            if any(stem in lowered for stem in self.stems):  # a cheap first look
                yield from self.exact.finditer(text)
            return
        yield from opened_at(self.lowered, self.opening, lowered, behind=True)


def _keyword(alternatives: list[str]) -> Keyword:
    union = "|".join(alternatives)
    lowered = _lowered(rf"(?:{union})(?!\w)")
    opening = opening_literals(lowered.pattern)
    if opening is None:
        raise ValueError(f"citations.yaml: a keyword opens with no letter: {union}")
    return Keyword(
        re.compile(rf"(?<!\w)(?:{union})(?!\w)", re.IGNORECASE), lowered, _stems(alternatives),
        opening,
    )  # fmt: skip


def _lowered(source: str) -> re.Pattern[str]:
    """A case-insensitive pattern of words (letters, "?", "|", "(?:", "[’']") lowered, to
    find case-sensitively in lowered text (`lowers_alike`)."""
    if re.search(r"\\(?!w\)$)|\(\?[^:!]|\{", source):
        raise ValueError(f"citations.yaml: keywords and organs are words, not patterns: {source}")
    return re.compile(source.lower())


@dataclass(frozen=True)
class Knowledge:
    keywords: dict[str, Keyword]
    organs: dict[str, re.Pattern[str]]
    lowered_organs: dict[str, re.Pattern[str]]  # the same lowered, case-sensitive
    instruments: tuple[Instrument, ...]
    articles: tuple[re.Pattern[str], ...]


@cache
def knowledge() -> Knowledge:
    raw = resources.files("respub.data").joinpath("citations.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    flags = re.IGNORECASE
    instruments = []
    for i in data["instruments"]:
        source = "|".join(i["patterns"]).lower()
        if _SPANS_LINES.search(source):  # `scan` joins a document's clauses by newlines
            raise ValueError(f"citations.yaml: {i['id']}: a pattern that may match a newline")
        pattern = re.compile(source)
        opening = opening_literals(source) if not pattern.flags & re.IGNORECASE else None
        instruments.append(Instrument(i["id"], i["kind"], pattern, _stems(i["patterns"]), opening))
    return Knowledge(
        keywords={k: _keyword(v) for k, v in data["keywords"].items()},
        organs={k: re.compile("|".join(v), flags) for k, v in data["organs"].items()},
        lowered_organs={k: _lowered("|".join(v)) for k, v in data["organs"].items()},
        instruments=tuple(instruments),
        articles=tuple(re.compile(rf"(?:{p})\Z", flags) for p in data["articles"]),
    )


# what may match a newline: \s, \S, \W, \D, a negated class, an unescaped "."
_SPANS_LINES = re.compile(r"\\[sSWD]|\[\^|(?<!\\)\.")
Span = tuple[int, int]


@dataclass(frozen=True)
class Scan:
    """Per clause: the spans of each kind of keyword, and the instruments named (each with
    its span), in the clause's own offsets."""

    keywords: list[dict[str, list[Span]]]
    instruments: list[list[tuple[Instrument, int, int]]]


def scan(texts: Sequence[str], lowered: Sequence[str] | None = None) -> Scan:
    """Where the keywords and instruments occur in each of `texts` (`lowered`: each
    lowered, when the caller has them): the lowered texts are joined and searched once."""
    lowered = [t.lower() for t in texts] if lowered is None else lowered
    known = knowledge()
    starts, position = [], 0
    for low in lowered:
        starts.append(position)
        position += len(low) + 1
    joined = "\n".join(lowered)
    alike = [lowers_alike(t, low) for t, low in zip(texts, lowered, strict=True)]
    keywords: list[dict[str, list[Span]]] = [{} for _ in texts]
    for kind, keyword in known.keywords.items():
        for hit in opened_at(keyword.lowered, keyword.opening, joined, behind=True):
            index = bisect_right(starts, hit.start()) - 1
            if alike[index]:
                at = starts[index]
                keywords[index].setdefault(kind, []).append((hit.start() - at, hit.end() - at))
        for index, text in enumerate(texts):
            if not alike[index]:  # the case-insensitive pattern, in the printed text
                spans = [m.span() for m in keyword.finditer(text, lowered[index], False)]
                if spans:
                    keywords[index][kind] = spans
    instruments: list[list[tuple[Instrument, int, int]]] = [[] for _ in texts]
    for instrument in known.instruments:
        for hit in instrument.finditer(joined):
            index = bisect_right(starts, hit.start()) - 1
            if len(lowered[index]) == len(texts[index]):  # else lower() moved offsets
                at = starts[index]
                instruments[index].append((instrument, hit.start() - at, hit.end() - at))
    return Scan(keywords, instruments)
