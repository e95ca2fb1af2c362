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
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from respub.knowledge.firstlook import (
    CASE_EXCEPTIONS,
    code_page,
    code_page_table,
    lowers_alike,
)
from respub.knowledge.identifiers import (
    Identifier,
    Style,
    find_identifiers,
    identify,
    marks,
    style,
    style_named,
)
from respub.model import Citation
from respub.parse.citation_words import Instrument, Knowledge, Span, scan
from respub.parse.citation_words import knowledge as _knowledge
from respub.parse.identifiers import canonical

_ROMAN = r"(?:[IVXLC]+|ES-[IVXLC\d]+|S-[IVXLC\d]+)"
# 53/199 or 2625 (XXV): the two alternatives never match at one position ("/" after the
# digits or not), so the form with a session (the Assembly's since 1976) is tried first;
# no digit follows a run of digits either takes, so its quantifiers are possessive; an
# optional group is an alternative with nothing, `(?:x|)`, which the engine tries without
# the bookkeeping of a repeat that `(?:x)?` costs (tests/parse/test_citation_patterns.py
# checks these patterns against their plain forms)
_BARE = re.compile(
    r"(?P<session>(?:ES-|S-|)\d{1,4}+)/(?P<number>\d{1,4}+)(?:\s?(?P<suffix>[A-Z])|)(?![\w/])"
    rf"|(?P<num>\d{{1,4}}+)\s?(?:(?P<letter>[A-Z])|)\s?\((?P<paren>{_ROMAN}|\d{{4}})\)"
)
# a phrase of up to 150 characters without a sentence or list break, then "and"/"," and a
# number such as 70/54 (an Assembly session of up to three digits)
_HOP = re.compile(
    r"(?P<gap>[^;.:()\d]{1,150}?)(?:,|\s(?:and|et|y|e|و))\s+(?=(?:ES-|S-)?\d{1,3}/\d{1,4}\b)"
)
# what `_HOP` needs, cheaply: the next of ";.:()" and digits is a number such as 70/54
_HOP_AHEAD = re.compile(r"[^;.:()\d]*+(?=\d{1,3}/\d{1,4}\b)")
# what comes between two items of a list: "and", a comma, and the date of the item before
# ("of 24 October 1970", or without its year: "27 (1947) of 1 August, 30 (1947)");
# possessive where giving characters back cannot let the rest match (a separator or a
# word never opens with a space, nor a month name with a letter taken before it), and
# where what follows matches whatever is taken (the year of a date, the separators after it);
# a month's name, `[^\W\d_]++`, is first read as a run of ASCII letters, which the engine
# tests without looking characters up, where no other letter follows it
_LINK = re.compile(
    r"(?:\s*+(?:,|;|and|et|y|e|و|to|à|a|إلى)\s*+|\s++)"
    r"(?:(?:of|du|de|del|المؤرخ|المؤرخة)\s++"
    r"(?:\d{1,2}+(?:er|)\s++(?:de\s+|)(?:[A-Za-z]++(?![^\W\d_])|[^\W\d_]++)"
    r"(?>\s++(?>de\s++|)\d{4}|)|\d{4})"
    r"(?:\s*+(?:,|;|and|et|y|و))*+\s*+|)"
)
# "resolutions 1325 (2000) to 1330 (2000)", "70/1 à 70/3": every number of the range
_RANGE = re.compile(r"\s*+(?:to|à|au|a|al|إلى|[-–])\s*+")
# an item of a list: its link to the item before where there is one (`_LINK`, taken as
# `_LINK.match` takes it: the atomic group gives nothing back), the reference (`_BARE`),
# and `ranged` where a range word and a number follow, the only place a range may end
_ITEM = re.compile(
    rf"(?>{_LINK.pattern}|)(?P<ref>{_BARE.pattern})"
    rf"(?:(?P<ranged>(?={_RANGE.pattern}(?:ES-|S-)?\d))|)"
)
# a reference's groups, in `_BARE`'s order; `_ITEM.groups()` gives the reference, these,
# and `ranged`: each item's groups read at once, where a call by name costs one each
_FIELDS = ("session", "number", "suffix", "num", "letter", "paren")
assert tuple(_BARE.groupindex) == _FIELDS and _BARE.groups == len(_FIELDS)  # all named
assert tuple(_ITEM.groupindex) == ("ref", *_FIELDS, "ranged") and _ITEM.groups == 8
Fields = tuple[str | None, ...]  # a reference's `_FIELDS`
_LONGEST_RANGE = 100
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s*+")
_ASCII_DIGITS = "0123456789"


def has_digit(text: str) -> bool:
    """Whether `text` holds a decimal digit (`\\d`: "7", Arabic-Indic "٧", not "²").

    >>> has_digit("resolution 70/1"), has_digit("Recalling"), has_digit("القرار ٧")
    (True, False, True)
    >>> has_digit("m² é"), has_digit("m² “é”")
    (False, False)
    """
    return read(text)[2]


def read(text: str) -> tuple[str, bool, bool]:
    """`text` lowered, whether it `lowers_alike` its lowered text, whether it holds a digit
    (`\\d`), with one test of its characters' width: a text of ASCII (a flag CPython keeps)
    or of one of `_CODE_PAGES` holds no digit but the ASCII ones, which ten substring tests
    (memchr) find, and is lowered byte by byte (`str.lower` looks up each character beyond
    ASCII), each to one character: it lowers alike unless it holds µ.

    >>> read("Résolution 70/1"), read("RÉSUMÉ µ"), read("“Résolution”")
    (('résolution 70/1', True, True), ('résumé µ', False, False), ('“résolution”', True, False))
    """
    if text.isascii():
        return text.lower(), True, _ascii_digit(text)
    return _read_wider(text)


def _read_wider(text: str) -> tuple[str, bool, bool]:
    """`read` of a text beyond ASCII: one of `_CODE_PAGES` byte by byte; a wider one by
    `str.lower` and the patterns.

    >>> _read_wider("“Œuvre” µ 7"), _read_wider("القرار ٧"), _read_wider("القرار 7")
    (('“œuvre” µ 7', False, True), ('القرار ٧', True, True), ('القرار 7', True, True))
    """
    lowered = _byte_lowered(text)
    if lowered is None:
        lowered = text.lower()
        digit = _ascii_digit(text) or _DIGIT.search(text) is not None
        return lowered, lowers_alike(text, lowered), digit
    return lowered, _MICRO not in text, _ascii_digit(text)


def _ascii_digit(text: str) -> bool:
    """Whether `text` holds an ASCII digit: ten substring tests, in a loop, where `any` of a
    generator or of `map` costs more than the tests."""
    for digit in _ASCII_DIGITS:  # noqa: SIM110
        if digit in text:
            return True
    return False


_MICRO = "\xb5"  # µ, the Latin-1 character a case-insensitive pattern takes for another


def _lower_table(codec: str) -> bytes:
    """Each byte's lower case in the one-byte `codec`, one byte (`encode` of a longer one
    fails; a byte that encodes no character stays); checks what `_read_wider` takes of
    the code page's characters: no digit beyond ASCII, no case exception but µ."""
    for _, char in code_page(codec):
        if not char.isascii() and (
            char.isdecimal() or (char != _MICRO and char in CASE_EXCEPTIONS)
        ):
            raise AssertionError(f"{codec} {char!r}: a digit or a case exception")
    return code_page_table(codec, str.lower)


# the one-byte code pages a text beyond ASCII is lowered in, byte by byte, if it is of one:
# Latin-1, Windows-1252 (Latin-1's letters with “quotes”, dashes, €, Œ), Windows-1256
# (Arabic, with the letters of French)
_CODE_PAGES = tuple((codec, _lower_table(codec)) for codec in ("latin-1", "cp1252", "cp1256"))


def _byte_lowered(text: str) -> str | None:
    """`text.lower()` where `text` is of one of `_CODE_PAGES`, else None."""
    for codec, table in _CODE_PAGES:
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError:
            continue
        return encoded.translate(table).decode(codec)
    return None


def find_citations(text: str, clause: str, own: str | None = None) -> list[Citation]:
    """Every citation in `text`, in the order printed; `clause` names where it occurs;
    `own` is the identifier style of the citing body (a bare "resolution 52/3" is its own)."""
    return cite_places([(clause, text)], own)[0]


def cite_places(places: Sequence[tuple[str, str]], own: str | None = None) -> list[list[Citation]]:
    """`find_citations` of each (clause, text) of a document, its keywords and instruments
    looked for once in the whole document (`scan`), each symbol identified once."""
    if not places:
        return []
    texts = [text for _, text in places]
    # symbols, numbered references carry a digit
    lowered, alikes, digits = zip(*map(read, texts), strict=True)
    found = scan(texts, lowered, alikes)
    return [
        _cite(text, clause, low, alike, keywords if digit else {}, instruments, symbols, own)
        if symbols or (keywords and digit) or instruments
        else []
        for (clause, text), low, digit, alike, keywords, instruments, symbols in zip(
            places,
            lowered,
            digits,
            found.alike,
            found.keywords,
            found.instruments,
            _symbols(texts, digits),
            strict=True,
        )
    ]


Symbol = tuple[int, int, Identifier]  # its span in the clause, what it identifies
_START = itemgetter(0)  # of a (start, citation) found


def _symbols(texts: Sequence[str], digits: Sequence[bool]) -> list[list[Symbol]]:
    """The identifiers printed in each of `texts` (`digits`: whether each holds a digit,
    as every identifier does), each printed form identified once."""
    named: dict[str, Identifier | None] = {}
    symbols: list[list[Symbol]] = []
    for text, digit in zip(texts, digits, strict=True):
        found = []
        if digit and marks().search(text):
            for match in find_identifiers(text):
                printed = match.group()
                if printed not in named:
                    named[printed] = identify(printed)
                if (identifier := named[printed]) is not None:
                    found.append((match.start(), match.end(), identifier))
        symbols.append(found)
    return symbols


def _cite(
    text: str,
    clause: str,
    lowered: str,
    alike: bool,
    keywords: dict[str, list[Span]],
    instruments: list[tuple[Instrument, int, int]],
    symbols: list[Symbol],
    own: str | None,
) -> list[Citation]:
    found = [
        (start, Citation(named.canonical, text[start:end], named.kind, clause))
        for start, end, named in symbols
    ]
    if keywords:
        found.extend(_bare_references(text, clause, symbols, keywords, own, lowered, alike))
    if instruments:
        found.extend(_instruments(text, clause, instruments, lowered, alike, own))
    if not found:
        return []
    seen: set[tuple[str, str]] = set()
    unique = []
    for _, citation in sorted(found, key=_START):
        key = (citation.identifier, citation.kind)
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return unique


def _bare_references(
    text: str,
    clause: str,
    symbols: list[Symbol],
    keywords: dict[str, list[Span]],
    own: str | None,
    lowered: str,
    alike: bool,
) -> list[tuple[int, Citation]]:
    """Numbers after "resolution(s)"/"decision(s)" (`keywords`: their spans by kind):
    53/199, 2625 (XXV), 2623 (2022); `lowered` is `text.lower()`, `alike` whether
    `lowers_alike(text, lowered)`."""
    knowledge = _knowledge()
    found = []
    for kind, hits in keywords.items():
        for hit_start, hit_end in hits:
            # the organ named before the keyword, looked for once a reference needs it
            organ: str | None = None
            looked = False
            position = hit_end
            while True:
                ref = _ITEM.match(text, position)
                if ref is None and position == hit_end and not looked:
                    # Arabic names the organ between: "قرار مجلس حقوق الإنسان 5/1"
                    between = _organ_next(text, position)
                    if between is not None:
                        organ, looked, position = between[0], True, between[1]
                        ref = _ITEM.match(text, position)
                if ref is None:  # no reference right after: a phrase, a symbol, the end
                    link = _LINK.match(text, position)
                    start = link.end() if link else position
                    ref = _hop(text, start, knowledge)
                if ref is None:
                    symbol = _span(symbols, start)
                    if symbol is None:
                        found.extend(_unresolved(text, start, clause))
                        break
                    _, end, named = symbol  # a symbol of the list ("A/HRC/RES/52/3 and 49/1")
                    if style(named.style).cited_as:
                        organ, looked = named.style, True
                    part = _PART.match(text, end)  # "GC(53)/RES/13 A.2": a part of it
                    position = part.end() if part else end
                    continue
                ref_start = ref.start(1)
                if symbols and _inside(symbols, ref_start):
                    break
                groups = ref.groups()
                fields = groups[1:-1]
                if not looked and _needs_organ(fields, kind):
                    looked = True
                    if text.endswith(_ITS, hit_start, hit_end):  # "قرارها": its own
                        organ = None
                    else:
                        before = slice(_after_references(text, hit_start), hit_start)
                        organ = _organ(lowered[before] if alike else text[before], alike)
                    if organ is None:  # "résolution 5/1 du Conseil des droits de l'homme"
                        organ = _organ_after(text, ref.end())
                identifier = _symbol_of(fields, kind, organ, own)
                if identifier:
                    found.append((ref_start, Citation(identifier, groups[0], kind, clause)))
                position = ref.end()
                if groups[-1] is None:  # no range word follows
                    continue
                through = _range_end(text, position, fields, symbols)
                if through is not None:  # every member of the range after the first
                    printed = text[ref_start : through.end()].strip()
                    for members in _members(fields, through.groups()):
                        member = _symbol_of(members, kind, organ, own)
                        if member:
                            found.append((through.start(), Citation(member, printed, kind, clause)))
                    position = through.end()
    return found


def _range_end(text: str, end: int, first: Fields, symbols: list[Symbol]) -> re.Match[str] | None:
    """The last reference of a range that the reference of `first` (its fields) ending at
    `end` opens ("1325 (2000) to 1330 (2000)")."""
    joined = _RANGE.match(text, end)
    last = _BARE.match(text, joined.end()) if joined else None
    if last is None or _inside(symbols, last.start()) or not _members(first, last.groups()):
        return None
    return last


def _members(first: Fields, last: Fields) -> list[Fields]:
    """The fields of the references after `first` up to `last` of one range: numbers of one
    year or session counting up (at most `_LONGEST_RANGE` of them), none otherwise."""
    session, number, suffix, num, letter, paren = first
    to_session, to_number, to_suffix, to_num, to_letter, to_paren = last
    if paren and num and to_num and to_paren == paren and not letter and not to_letter:
        low, high, by_year = int(num), int(to_num), True
    elif session and number and to_number and to_session == session and not (suffix or to_suffix):
        low, high, by_year = int(number), int(to_number), False
    else:
        return []
    if not low < high <= low + _LONGEST_RANGE:
        return []
    if by_year:
        return [(None, None, None, str(n), None, paren) for n in range(low + 1, high + 1)]
    return [(session, str(n), None, None, None, None) for n in range(low + 1, high + 1)]


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


def _inside(symbols: list[Symbol], position: int) -> bool:
    """Whether `position` falls in the span of one of the `symbols` (sorted, not
    overlapping, as `finditer` yields them): one binary search, so a clause with thousands
    of symbols stays linear overall."""
    return _span(symbols, position) is not None


def _span(symbols: list[Symbol], position: int) -> Symbol | None:
    """The symbol whose span `position` falls in, by binary search."""
    index = bisect_right(symbols, (position, _AFTER_ALL)) - 1
    if index >= 0 and symbols[index][0] <= position < symbols[index][1]:
        return symbols[index]
    return None


_AFTER_ALL = 1 << 62


def _hop(text: str, position: int, knowledge: Knowledge) -> re.Match[str] | None:
    """The next number of a list a phrase interrupts: "resolutions 63/71 of 2 December 2008
    on the Convention on Cluster Munitions and 70/54 of ...", within the sentence."""
    if text.find("/", position) < 0 or not _HOP_AHEAD.match(text, position):
        return None  # (the number, 70/54, holds a "/": a substring test, memchr, tells)
    found = _HOP.match(text, position)
    gap = found.group("gap") if found else ""
    if found is None or any(k.exact.search(gap) for k in knowledge.keywords.values()):
        return None
    return _ITEM.match(text, found.end())  # a number opens it: no link to take


def _needs_organ(fields: Fields, kind: str) -> bool:
    """Whether the identifier of a bare reference depends on the organ that cites it: a
    resolution "session/number" (`_symbol_of`)."""
    return kind != "decision" and fields[0] is not None


def _organ(before: str, lowered: bool = False) -> str | None:
    """The organ named last in `before` (the text before "resolution"), if any; `lowered`
    when `before` is lowered text that `lowers_alike` the printed one."""
    knowledge = _knowledge()
    if not (knowledge.any_lowered_organ if lowered else knowledge.any_organ).search(before):
        return None  # as a rule: one scan of the text, where each organ's pattern took one
    organs = knowledge.lowered_organs if lowered else knowledge.organs
    hits = [(m.end(), code) for code, p in organs.items() for m in p.finditer(before)]
    return max(hits)[1] if hits else None


# what may come between a French or Spanish reference (or list) and the organ named after
# it: more references and their links; then "of the", "du", "de la", "de l'", "del"
_ITS = ("ها", "ه")  # the possessive suffixes of Arabic keywords: "قرارها", "قراره"
_POSSESSIVE = re.compile(r"\b(?:its|their|sa|ses|son|leurs?|sus?)\b", re.IGNORECASE)
_OF = re.compile(r"\s*+(?:,\s*+)?(?:of\s+the|du|de\s+la|de\s+l['’]|del)\s*+")
_OF_ORGAN = re.compile(
    r"(?:[\s,]++(?:(?:et|y|e|à|a)\s++)?+(?:ES-|S-)?\d{1,4}+/\d{1,4}+(?:\s?[A-Z](?![\w/]))?+)*+"
    + _OF.pattern
)


def _after_references(text: str, start: int) -> int:
    """Where the text an organ may be named in before `start` begins: up to 60 characters
    back; after an organ named after the reference before ("la résolution 60/251 de
    l'Assemblée générale et la résolution 5/1": that reference's), or after that reference
    where a possessive follows it ("Human Rights Council resolution 5/1 and its resolution
    60/251"), where "Human Rights Council decision 79/512 and resolution 52/3" leaves 52/3
    the Council's."""
    begin = max(0, start - 60)
    last = max(text.rfind(digit, begin, start) for digit in _ASCII_DIGITS)
    if last < 0:
        return begin
    link = _OF.match(text, last + 1)
    named = _organ_next(text, link.end()) if link else None
    if named is not None and named[1] <= start:
        return named[1]
    return last + 1 if _POSSESSIVE.search(text, last + 1, start) else begin


def _organ_next(text: str, position: int) -> tuple[str, int] | None:
    """The organ named at `position` (after spaces) and where it ends, if any."""
    knowledge = _knowledge()
    spaces = _SPACES.match(text, position)
    start = spaces.end() if spaces else position
    if not knowledge.any_organ.match(text, start):
        return None
    for code, pattern in knowledge.organs.items():
        if found := pattern.match(text, start):
            return code, found.end()
    return None


def _organ_after(text: str, end: int) -> str | None:
    """The organ named right after a reference ending at `end`, or after the list it opens,
    as French and Spanish name it ("résolutions 5/1 et 5/2 du Conseil des droits de
    l'homme", "resolución 5/1 del Consejo de Derechos Humanos"), if any."""
    link = _OF_ORGAN.match(text, end)
    named = _organ_next(text, link.end()) if link else None
    return named[0] if named else None


@lru_cache(maxsize=4096)
def _symbol_of(fields: Fields, kind: str, organ: str | None, own: str | None) -> str | None:
    session, number, suffix, num, letter, paren = fields
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
        if organ is None and not _fits(cited, session, number):
            cited = style("un-ga")  # "resolution 70/1" in a text of ECOSOC (2022/12)
        if not _fits(cited, session, number):
            return None  # "resolution 2005/69" of no organ numbering by year: none known
        if cited.cited_as == "number/year":  # "résolution 1/2017" of the FAO Conference
            if suffix or len(number) != 4:
                return None
            printed: dict[str, str] = {"number": session, "year": number}
        else:
            field = "year" if cited.cited_as == "year/number" else "session"
            printed = {field: session, "number": number, "suffix": suffix}
        built = cited.build(printed)
        return built.canonical if built else None
    except ValueError:
        return None


def _fits(cited: Style, session: str, number: str) -> bool:
    """Whether a bare "session/number" has the shape `cited` numbers by: a year of four
    digits where the year is printed, a session of up to three."""
    if cited.cited_as == "year/number":
        return len(session) == 4
    if cited.cited_as == "number/year":
        return len(number) == 4
    return len(session) < 4 or not session.isdecimal()


def _cited_as(organ: str | None, own: str | None) -> Style | None:
    """The style a bare "session/number" names: the organ's when one is named (None if its
    resolutions are not cited so: WHA, S), else the citing body's when it cites its own so
    (HRC), else the General Assembly's."""
    named = style_named(organ)
    if named is not None:
        return named if named.cited_as else None
    mine = style_named(own)
    if mine is not None and mine.cited_as:
        return mine
    return style("un-ga")


def _instruments(
    text: str,
    clause: str,
    instruments: list[tuple[Instrument, int, int]],
    lowered: str,
    alike: bool,
    own: str | None = None,
) -> list[tuple[int, Citation]]:
    """Treaties and other named instruments (`instruments`: each with its span), and the
    articles of them that are cited (looked for only where the lowered text before holds
    one of their `article_keys`, when `alike`: `lowers_alike(text, lowered)`). A short
    name only the citing body's own texts use ("the Charter") counts in them alone (`own`:
    the citing body's identifier style)."""
    knowledge = _knowledge()
    found: list[tuple[int, Citation]] = []
    mine = style_named(own)
    body = mine.body if mine is not None else None
    for instrument, start, end in instruments:
        if instrument.within and body not in instrument.within:
            continue
        citation = Citation(instrument.id, text[start:end], instrument.kind, clause)
        found.append((start, citation))
        begin = max(0, start - 80)
        window = lowered[begin:start]
        if alike and not any(key in window for key in knowledge.article_keys):
            continue
        before = text[begin:start]
        for article in knowledge.articles:
            art = article.search(before)
            if art:
                number = re.sub(r"\W+", "-", art.group("number")).strip("-")
                begin = start - len(before) + art.start()
                printed = text[begin:end]
                ident = f"{instrument.id}/article-{number}"
                found.append((begin, Citation(ident, printed, "article", clause)))
    return found
