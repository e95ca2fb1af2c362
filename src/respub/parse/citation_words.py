"""The words that cite, compiled from `data/citations.yaml` (keywords, organs, instruments,
articles), and where a document's clauses hold them: `scan` looks for the literals they
open with once in the whole document's lowered text, where looking clause by clause cost
one scan of every clause per phrase, and for literals that open alike ("resolution",
"resoluciones") as one, and a literal holding another ("والقرار", "قرار") by the other
(`probes`).

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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from respub.knowledge.firstlook import (
    fewest_keys,
    lowers_alike,
    opened_at,
    opening_literals,
    tried_at,
)
from respub.packaged import read_data

Probe = tuple[str, int]  # a literal looked for, and where it lies in the literal it stands for


@dataclass(frozen=True)
class Instrument:
    id: str
    kind: str
    pattern: re.Pattern[str]  # lowered, matched case-sensitively in lowered text
    stems: tuple[str, ...]  # one of these occurs in any text the pattern matches ("" = always)
    opening: tuple[str, ...] | None  # what each alternative opens with (`opening_literals`)
    probes: tuple[Probe, ...] = ()  # the probes of the opening literals (`probes`)
    # the bodies (IRI segments) whose own texts name it so ("the Charter"); () = any text
    within: frozenset[str] = frozenset()

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
    return fewest_keys(stems)  # a stem holding another is found only where that one is


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
    probes: tuple[Probe, ...] = ()  # the probes of the opening literals (`probes`)

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


_SHARED = 6  # literals opening with this many characters alike are looked for as one


def probes(literals: Iterable[str]) -> dict[str, Probe]:
    """Each of `literals` with its probe, a literal that it holds, looked for in place of it,
    and where the literal holds it: a literal joins a probe it opens with, or one that opens
    with it, or one it shares its first `_SHARED` characters with (the probe becomes their
    common prefix); then a probe holding a shorter one ("والقرار", "قرار") is looked for as
    that one; so one scan of a text finds where any of them may occur.

    >>> probes(["resolution", "resoluciones", "interpol", "inter", "bقرار", "قرار"])["resolution"]
    ('resolu', 0)
    >>> probes(["resolution", "resoluciones", "interpol", "inter", "bقرار", "قرار"])["bقرار"]
    ('قرار', 1)
    """
    groups: dict[str, list[str]] = {}
    for literal in sorted(set(literals), key=lambda s: (len(s), s)):
        joined = next((p for p in groups if len(_shared(p, literal)) >= min(_SHARED, len(p))), None)
        if joined is None:
            groups[literal] = [literal]
        else:  # the shared prefix opens every member: a probe with it may exist already
            members = [*groups.pop(joined), literal]
            groups.setdefault(_shared(joined, literal), []).extend(members)
    held: dict[str, Probe] = {}  # each probe -> the shorter probe it holds, or itself
    for probe in sorted(groups, key=lambda s: (len(s), s)):
        shorter = (other for other, (under, _) in held.items() if under == other)
        holder = next(((other, at) for other in shorter if (at := probe.find(other)) >= 0), None)
        held[probe] = holder or (probe, 0)
    return {
        literal: held[probe] for probe, members in groups.items() for literal in sorted(members)
    }


def _shared(one: str, other: str) -> str:
    """The prefix `one` and `other` share."""
    length = 0
    while length < min(len(one), len(other)) and one[length] == other[length]:
        length += 1
    return one[:length]


@dataclass(frozen=True)
class Knowledge:
    keywords: dict[str, Keyword]
    organs: dict[str, re.Pattern[str]]
    lowered_organs: dict[str, re.Pattern[str]]  # the same lowered, case-sensitive
    any_organ: re.Pattern[str]  # every organ's pattern as one: where does one occur at all
    any_lowered_organ: re.Pattern[str]
    instruments: tuple[Instrument, ...]
    articles: tuple[re.Pattern[str], ...]
    # lowered, a literal of which any text an article pattern matches holds ("" = always)
    article_keys: tuple[str, ...]
    # the probes of the keywords' and instruments' opening literals: those of ASCII, and
    # the others by their first character beyond ASCII (a text without it holds none)
    ascii_probes: tuple[str, ...]
    wider_probes: tuple[tuple[str, tuple[str, ...]], ...]
    # each probe -> the kinds of keyword, and the indices of the instruments, opening with it
    probed: dict[str, tuple[tuple[str, ...], tuple[int, ...]]]
    unprobed: tuple[int, ...]  # the indices of the instruments opening with no literal


@cache
def knowledge() -> Knowledge:
    data = read_data("citations.yaml")
    flags = re.IGNORECASE
    instruments = []
    for i in data["instruments"]:
        source = "|".join(i["patterns"]).lower()
        if _SPANS_LINES.search(source):  # `scan` joins a document's clauses by newlines
            raise ValueError(f"citations.yaml: {i['id']}: a pattern that may match a newline")
        pattern = re.compile(source)
        opening = opening_literals(source) if not pattern.flags & re.IGNORECASE else None
        within = frozenset(i.get("within") or ())
        stems = _stems(i["patterns"])
        instruments.append(Instrument(i["id"], i["kind"], pattern, stems, opening, within=within))
    keywords = {k: _keyword(v) for k, v in data["keywords"].items()}
    openings = [*(k.opening for k in keywords.values()), *(i.opening for i in instruments)]
    probe = probes(literal for opening in openings if opening for literal in opening)

    def probed(opening: tuple[str, ...] | None) -> tuple[Probe, ...]:
        return tuple(dict.fromkeys(probe[literal] for literal in opening or ()))

    keywords = {k: replace(v, probes=probed(v.opening)) for k, v in keywords.items()}
    found = sorted({text for text, _ in probe.values()})
    instruments = [replace(i, probes=probed(i.opening)) for i in instruments]
    return Knowledge(
        keywords=keywords,
        organs={k: re.compile("|".join(v), flags) for k, v in data["organs"].items()},
        lowered_organs={k: _lowered("|".join(v)) for k, v in data["organs"].items()},
        any_organ=re.compile("|".join(v for vs in data["organs"].values() for v in vs), flags),
        any_lowered_organ=_lowered("|".join(v for vs in data["organs"].values() for v in vs)),
        instruments=tuple(instruments),
        articles=tuple(re.compile(rf"(?:{p})\Z", flags) for p in data["articles"]),
        article_keys=_keys(data["articles"]),
        ascii_probes=tuple(text for text in found if text.isascii()),
        wider_probes=_by_shared_character([text for text in found if not text.isascii()]),
        probed={
            text: (
                tuple(k for k, v in keywords.items() if text in dict(v.probes)),
                tuple(n for n, i in enumerate(instruments) if text in dict(i.probes)),
            )
            for text in found
        },
        unprobed=tuple(n for n, i in enumerate(instruments) if i.opening is None),
    )


def _by_shared_character(texts: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`texts` (each holding a character beyond ASCII) in groups, each under a character
    beyond ASCII that all of its texts hold, as few groups as a greedy choice gives (the
    character most texts left hold, then the next): a text lacking a group's character
    holds none of its texts, one substring test for them all ("ق" for "القرار", "مقرر",
    "ميثاق" ...).

    >>> _by_shared_character(["القرار", "مقرر", "ميثاق", "décisi", "résolu", "observación"])
    (('ق', ('القرار', 'مقرر', 'ميثاق')), ('é', ('décisi', 'résolu')), ('ó', ('observación',)))
    """
    groups = []
    left = sorted(texts)
    while left:
        held = Counter(c for text in left for c in set(text) if not c.isascii())
        char = min(held, key=lambda c: (-held[c], c))
        groups.append((char, tuple(text for text in left if char in text)))
        left = [text for text in left if char not in text]
    return tuple(groups)


def _keys(patterns: list[str]) -> tuple[str, ...]:
    """The lowered literals each of `patterns` opens with (`opening_literals`), none holding
    another: a text that holds none in its lowered text, where `lowers_alike` holds, is
    matched by no pattern; the empty key where a pattern opens with no literal."""
    keys: set[str] = set()
    for pattern in patterns:
        opening = opening_literals(pattern.lower())
        keys.update(opening if opening is not None else ("",))
    return tuple(sorted(fewest_keys(keys)))


# what may match a newline: \s, \S, \W, \D, a negated class, an unescaped "."
_SPANS_LINES = re.compile(r"\\[sSWD]|\[\^|(?<!\\)\.")
Span = tuple[int, int]


@dataclass(frozen=True)
class Scan:
    """Per clause: the spans of each kind of keyword, and the instruments named (each with
    its span), in the clause's own offsets; and whether `lowers_alike` holds of it."""

    keywords: list[dict[str, list[Span]]]
    instruments: list[list[tuple[Instrument, int, int]]]
    alike: Sequence[bool]


def scan(
    texts: Sequence[str],
    lowered: Sequence[str] | None = None,
    alike: Sequence[bool] | None = None,
) -> Scan:
    """Where the keywords and instruments occur in each of `texts` (`lowered`: each
    lowered, and `alike`: whether each `lowers_alike` it, when the caller has them): the
    lowered texts are joined and searched once, for the probes; only the keywords and
    instruments opening with a probe found are tried."""
    lowered = [t.lower() for t in texts] if lowered is None else lowered
    if alike is None:
        alike = [lowers_alike(t, low) for t, low in zip(texts, lowered, strict=True)]
    known = knowledge()
    starts, position = [], 0
    for low in lowered:
        starts.append(position)
        position += len(low) + 1
    joined = "\n".join(lowered)
    occurs = _occurrences(joined, known)
    kinds: set[str] = set()
    named = set(known.unprobed)
    for probe in occurs:
        probed_kinds, probed_instruments = known.probed[probe]
        kinds.update(probed_kinds)
        named.update(probed_instruments)
    keywords: list[dict[str, list[Span]]] = [{} for _ in texts]
    for kind, keyword in known.keywords.items():
        if kind not in kinds:
            continue
        for hit in tried_at(keyword.lowered, _starts(occurs, keyword.probes), joined, behind=True):
            index = bisect_right(starts, hit.start()) - 1
            if alike[index]:
                at = starts[index]
                keywords[index].setdefault(kind, []).append((hit.start() - at, hit.end() - at))
    for index, text in enumerate(texts):
        if not alike[index]:  # the case-insensitive patterns, in the printed text
            for kind, keyword in known.keywords.items():
                spans = [m.span() for m in keyword.finditer(text, lowered[index], False)]
                if spans:
                    keywords[index][kind] = spans
    instruments: list[list[tuple[Instrument, int, int]]] = [[] for _ in texts]
    for number in sorted(named):
        instrument = known.instruments[number]
        if instrument.opening is None:
            hits = instrument.finditer(joined)
        else:
            hits = tried_at(instrument.pattern, _starts(occurs, instrument.probes), joined)
        for hit in hits:
            index = bisect_right(starts, hit.start()) - 1
            if len(lowered[index]) == len(texts[index]):  # else lower() moved offsets
                at = starts[index]
                instruments[index].append((instrument, hit.start() - at, hit.end() - at))
    return Scan(keywords, instruments, alike)


def _occurrences(text: str, known: Knowledge) -> dict[str, list[int]]:
    """Where each probe occurs in `text` (ascending; none: absent), one `str.find` scan each,
    those holding a character beyond ASCII only where `text` holds it (a substring test,
    memchr, where `find` would scan the text to tell)."""
    groups = [known.ascii_probes]
    if not text.isascii():  # a flag CPython keeps
        groups.extend(probes for char, probes in known.wider_probes if char in text)
    at: dict[str, list[int]] = {}
    for group in groups:
        for probe in group:
            if (found := text.find(probe)) >= 0:
                hits = at[probe] = [found]
                while (found := text.find(probe, found + 1)) >= 0:
                    hits.append(found)
    return at


def _starts(at: dict[str, list[int]], probes: tuple[Probe, ...]) -> list[int]:
    """Where the literals of `probes` may start (`at`: where each probe occurs), ascending:
    every place a pattern that opens with the literals may match, and more, where it does
    not."""
    found = [
        [hit - offset for hit in at[probe] if hit >= offset] if offset else at[probe]
        for probe, offset in probes
        if probe in at
    ]
    if len(found) <= 1:
        return found[0] if found else []
    return sorted(set().union(*found))
