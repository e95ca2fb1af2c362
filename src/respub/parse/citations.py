"""Find the documents a clause cites: resolutions, decisions, treaties, articles.

>>> [c.identifier for c in find_citations(
...     "las resoluciones AG-2005-RES-09, sobre ...; AGN/65/RES/9, sobre", "preamble-2")]
['AG-2005-RES-09', 'AGN/65/RES/9']
>>> [c.identifier for c in find_citations(
...     "Recalling its resolutions 2625 (XXV) of 24 October 1970 and 53/199", "preamble-1")]
['A/RES/2625(XXV)', 'A/RES/53/199']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from respub.knowledge.firstlook import lowers_alike, word_starts
from respub.knowledge.identifiers import Style, identify, marks, search_pattern, style, styles
from respub.model import Citation
from respub.parse.identifiers import canonical

_ROMAN = r"(?:[IVXLC]+|ES-[IVXLC\d]+|S-[IVXLC\d]+)"
_BARE = re.compile(
    rf"(?P<num>\d{{1,4}})\s?(?P<letter>[A-Z])?\s?\((?P<paren>{_ROMAN}|\d{{4}})\)"
    r"|(?P<session>(?:ES-|S-)?\d{1,4})/(?P<number>\d{1,4})(?:\s?(?P<suffix>[A-Z]))?(?![\w/])"
)
# a phrase of up to 150 characters without a sentence or list break, then "and"/"," and a
# number such as 70/54 (an Assembly session of up to three digits)
_HOP = re.compile(
    r"(?P<gap>[^;.:()\d]{1,150}?)(?:,|\s(?:and|et|y|e|و))\s+(?=(?:ES-|S-)?\d{1,3}/\d{1,4}\b)"
)
# what comes between two items of a list: "and", a comma, and the date of the item before
# ("of 24 October 1970", or without its year: "27 (1947) of 1 August, 30 (1947)")
_LINK = re.compile(
    r"(?:\s*(?:,|;|and|et|y|e|و|to|à|a|إلى)\s*|\s+)"
    r"(?:(?:of|du|de|del|المؤرخ|المؤرخة)\s+"
    r"(?:\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]+(?:\s+(?:de\s+)?\d{4})?|\d{4})"
    r"(?:\s*(?:,|;|and|et|y|و))*\s*)?"
)
# "resolutions 1325 (2000) to 1330 (2000)", "70/1 à 70/3": every number of the range
_RANGE = re.compile(r"\s*(?:to|à|au|a|al|إلى|[-–])\s*")
_LONGEST_RANGE = 100


@dataclass(frozen=True)
class _Instrument:
    id: str
    kind: str
    pattern: re.Pattern[str]
    stems: tuple[str, ...]  # one of these occurs in any text the pattern matches ("" = always)


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
class _Keyword:
    """The words that open a list of bare references ("resolutions", "décision"): `exact`
    finds them case-insensitively; `lowered` is the same alternation lowered and without
    its look-behind, found case-sensitively in the lowered text (three times faster: no
    case folding, and the engine skips to the characters a word opens with)."""

    exact: re.Pattern[str]
    lowered: re.Pattern[str]
    stems: tuple[str, ...]

    def finditer(self, text: str, lowered: str, alike: bool) -> Iterator[re.Match[str]]:
        """What `exact.finditer(text)` finds (`lowered` is `text.lower()`, `alike` whether
        `lowers_alike(text, lowered)`)."""
        if not any(stem in lowered for stem in self.stems):  # a cheap first look
            return
        if not alike:
            yield from self.exact.finditer(text)
            return
        yield from word_starts(self.lowered, lowered)


def _keyword(alternatives: list[str]) -> _Keyword:
    union = "|".join(alternatives)
    return _Keyword(
        re.compile(rf"(?<!\w)(?:{union})(?!\w)", re.IGNORECASE),
        _lowered(rf"(?:{union})(?!\w)"),
        _stems(alternatives),
    )


def _lowered(source: str) -> re.Pattern[str]:
    """A case-insensitive pattern of words (letters, "?", "|", "(?:", "[’']") lowered, to
    find case-sensitively in lowered text (`lowers_alike`)."""
    if re.search(r"\\(?!w\)$)|\(\?[^:!]|\{", source):
        raise ValueError(f"citations.yaml: keywords and organs are words, not patterns: {source}")
    return re.compile(source.lower())


@dataclass(frozen=True)
class _Knowledge:
    keywords: dict[str, _Keyword]
    organs: dict[str, re.Pattern[str]]
    lowered_organs: dict[str, re.Pattern[str]]  # the same lowered, case-sensitive
    instruments: tuple[_Instrument, ...]
    articles: tuple[re.Pattern[str], ...]


@cache
def _knowledge() -> _Knowledge:
    raw = resources.files("respub.data").joinpath("citations.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    flags = re.IGNORECASE
    return _Knowledge(
        keywords={k: _keyword(v) for k, v in data["keywords"].items()},
        organs={k: re.compile("|".join(v), flags) for k, v in data["organs"].items()},
        lowered_organs={k: _lowered("|".join(v)) for k, v in data["organs"].items()},
        instruments=tuple(
            _Instrument(
                i["id"],
                i["kind"],
                re.compile("|".join(i["patterns"]).lower()),
                _stems(i["patterns"]),
            )
            for i in data["instruments"]
        ),
        articles=tuple(re.compile(rf"(?:{p})\Z", flags) for p in data["articles"]),
    )


_DIGIT = re.compile(r"\d")


def instruments_in(text: str) -> tuple[int, ...]:
    """Which instruments may be cited somewhere in `text` (a whole document): a cheap first
    look that spares `find_citations` trying every instrument on every clause."""
    lowered = text.lower()
    return tuple(
        n
        for n, instrument in enumerate(_knowledge().instruments)
        if any(stem in lowered for stem in instrument.stems)
    )


def find_citations(
    text: str, clause: str, instruments: tuple[int, ...] | None = None, own: str | None = None
) -> list[Citation]:
    """Every citation in `text`, in the order printed; `clause` names where it occurs;
    `own` is the identifier style of the citing body (a bare "resolution 52/3" is its own)."""
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    digits = _DIGIT.search(text) is not None
    if digits:  # symbols and numbered references all carry a digit
        symbols = search_pattern().finditer(text) if marks().search(text) else ()
        for match in symbols:
            named = identify(match.group())
            if named is None:
                continue
            citation = Citation(named.canonical, match.group(), named.kind, clause)
            found.append((match.start(), citation))
            taken.append(match.span())
    lowered = text.lower()  # once for both
    if digits:
        found.extend(_bare_references(text, clause, taken, own, lowered))
    found.extend(_instruments(text, clause, instruments, lowered))
    if not found:
        return []
    seen: set[tuple[str, str]] = set()
    unique = []
    for _, citation in sorted(found, key=lambda item: item[0]):
        if (citation.identifier, citation.kind) not in seen:
            seen.add((citation.identifier, citation.kind))
            unique.append(citation)
    return unique


def _bare_references(
    text: str,
    clause: str,
    taken: list[tuple[int, int]],
    own: str | None = None,
    lowered: str | None = None,
) -> list[tuple[int, Citation]]:
    """Numbers after "resolution(s)"/"decision(s)": 53/199, 2625 (XXV), 2623 (2022);
    `lowered` is `text.lower()` when the caller has it."""
    knowledge = _knowledge()
    found = []
    lowered = text.lower() if lowered is None else lowered
    alike = lowers_alike(text, lowered)
    for kind, keyword in knowledge.keywords.items():
        for hit in keyword.finditer(text, lowered, alike):
            before = slice(max(0, hit.start() - 60), hit.start())
            organ = _organ(lowered[before] if alike else text[before], alike)
            position = hit.end()
            while True:
                link = _LINK.match(text, position)
                start = link.end() if link else position
                ref = _BARE.match(text, start) or _hop(text, start, knowledge)
                span = None if ref else _span(taken, start)
                if span is not None:  # a symbol of the list ("A/HRC/RES/52/3 and 49/1")
                    named = identify(text[span[0] : span[1]])
                    organ = named.style if named and style(named.style).cited_as else organ
                    part = _PART.match(text, span[1])  # "GC(53)/RES/13 A.2": a part of it
                    position = part.end() if part else span[1]
                    continue
                if not ref:
                    found.extend(_unresolved(text, start, clause))
                if not ref or _inside(taken, ref.start()):
                    break
                identifier = _symbol(ref, kind, organ, own)
                if identifier:
                    citation = Citation(identifier, ref.group().strip(), kind, clause)
                    found.append((ref.start(), citation))
                position = ref.end()
                through = _range_end(text, ref, taken)
                if through is not None:  # every member of the range after the first
                    printed = text[ref.start() : through.end()].strip()
                    for groups in _members(ref, through):
                        member = _symbol_of(groups, kind, organ, own)
                        if member:
                            found.append((through.start(), Citation(member, printed, kind, clause)))
                    position = through.end()
    return found


def _range_end(text: str, ref: re.Match[str], taken: list[tuple[int, int]]) -> re.Match[str] | None:
    """The last reference of a range that `ref` opens ("1325 (2000) to 1330 (2000)")."""
    joined = _RANGE.match(text, ref.end())
    last = _BARE.match(text, joined.end()) if joined else None
    if last is None or _inside(taken, last.start()) or not _members(ref, last):
        return None
    return last


def _members(first: re.Match[str], last: re.Match[str]) -> list[tuple[str | None, ...]]:
    """The groups of the references after `first` up to `last` of one range: numbers of one
    year or session counting up (at most `_LONGEST_RANGE` of them), none otherwise."""
    num, letter, paren, session, number, suffix = first.group(
        "num", "letter", "paren", "session", "number", "suffix"
    )
    to = last.group("num", "letter", "paren", "session", "number", "suffix")
    if paren and num and to[0] and to[2] == paren and not letter and not to[1]:
        low, high, by_year = int(num), int(to[0]), True
    elif session and number and to[4] and to[3] == session and not suffix and not to[5]:
        low, high, by_year = int(number), int(to[4]), False
    else:
        return []
    if not low < high <= low + _LONGEST_RANGE:
        return []
    if by_year:
        return [(str(n), None, paren, None, None, None) for n in range(low + 1, high + 1)]
    return [(None, None, None, session, str(n), None) for n in range(low + 1, high + 1)]


_PART = re.compile(r" [A-Z](?:\.\d{1,2})?(?![\w/.])")
# a symbol nobody described, right after "resolution": letters, then digits among / . - ( )
_UNDESCRIBED = re.compile(r"[A-Z][A-Za-z]{0,11}(?=[\w.()/-]*\d)[\w.()/-]*[\w)]")


def _unresolved(text: str, start: int, clause: str) -> list[tuple[int, Citation]]:
    """An unknown symbol after "resolution"/"decision" ("resolution ICC-ASP/20/Res.5"):
    cited all the same, as kind `unresolved`, under its printed form."""
    found = _UNDESCRIBED.match(text, start)
    if found is None or not any(c in found.group() for c in "/.-("):
        return []
    symbol = found.group()
    if symbol.count("(") != symbol.count(")"):
        symbol = symbol.rstrip(")")
    return [(start, Citation(symbol, symbol, "unresolved", clause))]


def _inside(taken: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of the spans `taken` (sorted, not overlapping, as
    `finditer` yields them): one binary search, so a clause with thousands of symbols
    stays linear overall."""
    return _span(taken, position) is not None


def _span(taken: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span of `taken` that `position` falls in, by binary search."""
    index = bisect_right(taken, (position, _AFTER_ALL)) - 1
    if index >= 0 and taken[index][0] <= position < taken[index][1]:
        return taken[index]
    return None


_AFTER_ALL = 1 << 62


def _hop(text: str, position: int, knowledge: _Knowledge) -> re.Match[str] | None:
    """The next number of a list a phrase interrupts: "resolutions 63/71 of 2 December 2008
    on the Convention on Cluster Munitions and 70/54 of ...", within the sentence."""
    found = _HOP.match(text, position)
    gap = found.group("gap") if found else ""
    if found is None or any(k.exact.search(gap) for k in knowledge.keywords.values()):
        return None
    return _BARE.match(text, found.end())


def _organ(before: str, lowered: bool = False) -> str | None:
    """The organ named last in `before` (the text before "resolution"), if any; `lowered`
    when `before` is lowered text that `lowers_alike` the printed one."""
    knowledge = _knowledge()
    organs = knowledge.lowered_organs if lowered else knowledge.organs
    hits = [(m.end(), code) for code, p in organs.items() for m in p.finditer(before)]
    return max(hits)[1] if hits else None


def _symbol(ref: re.Match[str], kind: str, organ: str | None, own: str | None) -> str | None:
    """The identifier a bare reference names (the same groups always name the same one)."""
    return _symbol_of(
        ref.group("num", "letter", "paren", "session", "number", "suffix"), kind, organ, own
    )


@lru_cache(maxsize=4096)
def _symbol_of(
    groups: tuple[str | None, ...], kind: str, organ: str | None, own: str | None
) -> str | None:
    num, letter, paren, session, number, suffix = groups
    try:
        if paren:
            if paren.isdigit():
                return canonical(f"S/RES/{num}({paren})")
            return canonical(f"A/RES/{num}{letter or ''}({paren})")
        assert session is not None and number is not None  # the other branch of _BARE
        suffix = suffix or ""
        if kind == "decision":
            # the Assembly numbers its decisions from 401 within a session ("decision
            # 79/512"); "decision 15/4" of a conference of parties, "decision 2/102" of the
            # Human Rights Council or "decision 2019/201" of ECOSOC is no A/DEC
            if int(number) < 400 or len(session) == 4:
                return None
            return canonical(f"A/DEC/{session}/{number}{suffix}")
        cited = _cited_as(organ, own)
        if cited is None:
            return None  # an organ whose resolutions are not cited by bare number (WHA, S)
        field = "year" if cited.cited_as == "year/number" else "session"
        built = cited.build({field: session, "number": number, "suffix": suffix})
        return built.canonical if built else None
    except ValueError:
        return None


def _cited_as(organ: str | None, own: str | None) -> Style | None:
    """The style a bare "session/number" names: the organ's when one is named (None if its
    resolutions are not cited so: WHA, S), else the citing body's when it cites its own so
    (HRC), else the General Assembly's."""
    known = {s.id for s in styles()}
    if organ in known:
        named = style(organ)
        return named if named.cited_as else None
    if own in known and style(own).cited_as:
        return style(own)
    return style("un-ga")


def _instruments(
    text: str,
    clause: str,
    candidates: tuple[int, ...] | None = None,
    lowered: str | None = None,
) -> list[tuple[int, Citation]]:
    """Treaties and other named instruments, and the articles of them that are cited;
    `lowered` is `text.lower()` when the caller has it."""
    knowledge = _knowledge()
    found: list[tuple[int, Citation]] = []
    if candidates == ():  # none may be cited in this document
        return found
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):  # lower() changed offsets (rare): match nothing
        return found
    hits = (
        (instrument, hit)
        for n, instrument in enumerate(knowledge.instruments)
        if (candidates is None or n in candidates)
        and any(stem in lowered for stem in instrument.stems)
        for hit in instrument.pattern.finditer(lowered)
    )
    for instrument, hit in hits:
        start = hit.start()
        citation = Citation(instrument.id, text[start : hit.end()], instrument.kind, clause)
        found.append((start, citation))
        before = text[max(0, start - 80) : start]
        for article in knowledge.articles:
            art = article.search(before)
            if art:
                number = re.sub(r"\W+", "-", art.group("number")).strip("-")
                begin = start - len(before) + art.start()
                printed = text[begin : hit.end()]
                ident = f"{instrument.id}/article-{number}"
                found.append((begin, Citation(ident, printed, "article", clause)))
    return found
