"""The identifier value object, from the one table of styles in `data/identifiers.yaml`.

>>> i = identify("GA-2021-89-RES-9")
>>> i.canonical, i.path, i.session
('GA-2021-89-RES-09', 'resolution/interpol-ga/2021/9', '89')
>>> identify("AG-2005-RES-09").path, identify("AGN/65/RES/9").path
('resolution/interpol-ga/2005/9', 'resolution/interpol-ga/1996/9')
>>> from_path("resolution/interpol-ga/1996/9").canonical
'AGN/65/RES/9'
>>> identify("A/RES/377 A (V)").canonical, identify("A/RES/377 A (V)").path
('A/RES/377A(V)', 'resolution/un-ga/5/377a')
>>> identify("WHA72(9)").path, identify("EB142.R3").path
('decision/who-wha/72/9', 'resolution/who-eb/142/3')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from respub.knowledge.firstlook import opening_literals
from respub.knowledge.literals import longest_first
from respub.model import _filled
from respub.packaged import read_data

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_DIGITS = (
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
    (1, "I"),
)  # fmt: skip
_NAMED = re.compile(r"\(\?P<\w+>")
# optional groups, group names, character classes, \d and repeat counts: no literal text
_NOT_LITERAL = re.compile(r"\(\?:[^()]*\)\?|\(\?P<\w+>|\[[^\]]*\]|\\d|\{[^}]*\}")
_RANGE = re.compile(r"(?P<prefix>[A-Z]+-)?(?P<low>\d*)-(?P<high>\d*)")


def roman_to_int(numeral: str) -> int:
    """XXV -> 25."""
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def int_to_roman(number: int) -> str:
    """25 -> XXV."""
    out = []
    for value, digits in _ROMAN_DIGITS:
        while number >= value:
            out.append(digits)
            number -= value
    return "".join(out)


def _split_session(session: str) -> tuple[str, int]:
    """ "ES-11" -> ("ES-", 11); "89" -> ("", 89)."""
    prefix, _, number = session.upper().rpartition("-")
    return (f"{prefix}-" if prefix else "", int(number))


@_filled  # built once a symbol of a clause: ~3 times faster than the generated __init__
@dataclass(frozen=True)
class Identifier:
    """A resolution or decision identifier, whatever style printed it."""

    style: str
    body: str
    kind: str
    canonical: str
    number: int
    suffix: str = ""
    session: str | None = None  # "89", "ES-11"
    year: int | None = None
    key: str = ""  # the IRI key: the session ("es-11"), the year ("2005"), or none ("")

    @property
    def path(self) -> str:
        """The Work IRI path below the base: ``resolution/interpol-ga/2021/9``, or
        ``convention/ilo-ilc/187`` for a style numbered without session or year."""
        key = f"{self.key}/" if self.key else ""
        return f"{self.kind}/{self.body}/{key}{self.number}{self.suffix.lower()}"

    @property
    def is_session_key(self) -> bool:
        """True when the IRI is keyed by session rather than by year."""
        return self.year is None or str(self.year) != self.key


@dataclass(frozen=True)
class Style:
    """One identifier style of the table."""

    id: str
    body: str
    kind: str
    pattern: re.Pattern[str]
    canonical: str
    key: str
    when: tuple[tuple[str, int | None, int | None], ...]
    examples: tuple[str, ...]
    cited_as: str | None = None  # "session/number", "year/number" or "number/year"
    stems: tuple[str, ...] = ()  # literals one of which every identifier holds, if given

    def read(self, text: str) -> Identifier | None:
        """The identifier `text` is in this style, else None."""
        found = self.pattern.fullmatch(text)
        if found is None:
            return None
        groups = {k: v for k, v in found.groupdict().items() if v is not None}
        return self.build(groups)

    def build(self, groups: dict[str, Any]) -> Identifier | None:
        """The identifier of the given fields (strings as printed, or normalised values)."""
        get = groups.get
        session = get("session")
        session = str(session) if session else None
        roman = get("roman")
        if roman:
            prefix, _, numeral = str(roman).upper().rpartition("-")
            session = f"{prefix}-{roman_to_int(numeral)}" if prefix else str(roman_to_int(numeral))
        if session is not None:  # "es-011" -> "ES-11"
            prefix, _, digits = session.upper().rpartition("-")
            session = f"{prefix}-{int(digits)}" if prefix else str(int(digits))
        year = get("year")
        year = int(year) if year else None
        table = sessions().get(self.body)
        if table is not None:
            if year is None and session is not None:
                year = table.year(int(session))
            elif session is None and year is not None:
                found = table.session(year)
                session = str(found) if found is not None else None
        if self.key == "year":
            if year is None:
                return None
            key = str(year)
        elif self.key == "session":
            if session is None:
                return None
            key = session.lower()
        else:  # "none" (`styles` checks)
            key = ""
        suffix = get("suffix")
        suffix = str(suffix).upper() if suffix else ""
        number = get("number")
        number = int(number) if number else roman_to_int(groups["numeral"])
        fields = {"number": number, "suffix": suffix, "session": session, "year": year}
        if "{numeral" in self.canonical:  # Roman numerals only where printed
            fields["numeral"] = int_to_roman(number)
        if "{roman" in self.canonical:
            fields["roman"] = _roman_session(session) if session else None
        try:
            canonical = self.canonical.format_map(fields)
        except (TypeError, ValueError, KeyError):
            return None
        return Identifier(
            self.id, self.body, self.kind, canonical, number,
            suffix, session, year, key,
        )  # fmt: skip

    @property
    def prints_session(self) -> bool:
        """True when identifiers of this style print the session ("AGN/65/...", "(XXV)")."""
        return "session" in self.pattern.groupindex or "roman" in self.pattern.groupindex

    def prints(self, key: str) -> bool:
        """True when the body prints this style for IRI key `key` ("2005", "es-11")."""
        if not self.when:
            return True
        prefix, number = _split_session(key)
        return any(
            p == prefix and (low is None or number >= low) and (high is None or number <= high)
            for p, low, high in self.when
        )


def _roman_session(session: str) -> str:
    prefix, number = _split_session(session)
    return f"{prefix}{int_to_roman(number)}"


@dataclass(frozen=True)
class SessionTable:
    """Session <-> year for a body that meets once a year."""

    spans: tuple[tuple[int, int, int], ...]  # (first session, last session, first year)

    def year(self, session: int) -> int | None:
        for first, last, year in self.spans:
            if first <= session <= last:
                return year + session - first
        return None

    def session(self, year: int) -> int | None:
        for first, last, start in self.spans:
            if start <= year <= start + last - first:
                return first + year - start
        return None


def _when(ranges: list[str]) -> tuple[tuple[str, int | None, int | None], ...]:
    out = []
    for text in ranges:
        found = _RANGE.fullmatch(text)
        if found is None:
            raise ValueError(f"identifiers.yaml: bad range {text!r}")
        low, high = found.group("low"), found.group("high")
        out.append((found.group("prefix") or "", int(low) if low else None,
                    int(high) if high else None))  # fmt: skip
    return tuple(out)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data("identifiers.yaml")
    return data


@cache
def styles() -> tuple[Style, ...]:
    """Every identifier style, in table order."""
    for s in _data()["styles"]:
        if s["key"] not in ("year", "session", "none"):
            raise ValueError(f"identifiers.yaml: {s['id']}: unknown key {s['key']!r}")
    return tuple(
        Style(
            str(s["id"]),
            str(s["body"]),
            str(s["kind"]),
            re.compile(s["pattern"]),
            str(s["canonical"]),
            str(s["key"]),
            _when(s.get("when") or []),
            tuple(str(e) for e in s.get("examples") or ()),
            s.get("cited_as"),
            tuple(str(t) for t in s.get("stems") or ()),
        )
        for s in _data()["styles"]
    )


@cache
def sessions() -> dict[str, SessionTable]:
    """Session <-> year tables by body IRI segment."""
    return {
        body: SessionTable(
            tuple((int(s["sessions"][0]), int(s["sessions"][1]), int(s["first_year"])) for s in ss)
        )
        for body, ss in (_data().get("sessions") or {}).items()
    }


@cache
def _by_id() -> dict[str, Style]:
    return {s.id: s for s in styles()}


def style_named(style_id: str | None) -> Style | None:
    """The style named `style_id`, None if none (or `style_id` is None)."""
    return None if style_id is None else _by_id().get(style_id)


def style(style_id: str) -> Style:
    """The style named `style_id`; `ValueError` if none."""
    try:
        return _by_id()[style_id]
    except KeyError:
        raise ValueError(f"unknown identifier style {style_id!r}") from None


def identify(text: str, among: tuple[str, ...] | None = None) -> Identifier | None:
    """The identifier `text` is (spaces normalised), in any style or in those of `among`."""
    printed = " ".join(text.split())
    for candidate in styles() if among is None else (style(s) for s in among):
        found = candidate.read(printed)
        if found is not None:
            return found
    return None


def from_path(path: str) -> Identifier | None:
    """The identifier of a Work IRI path (``resolution/interpol-ga/2005/9``), in the style
    the body prints for that key; None for any other path."""
    parts = path.split("/")
    if len(parts) == 3:  # a style numbered without session or year
        parts.insert(2, "")
    if len(parts) != 4:
        return None
    kind, body, key, number = parts
    found = re.fullmatch(r"(\d+)([a-z]*)", number)
    if found is None:
        return None
    for candidate in styles():
        if (candidate.key == "none") != (key == ""):
            continue
        if candidate.kind == kind and candidate.body == body and candidate.prints(key):
            field = "year" if candidate.key == "year" else "session"
            groups = {field: key, "number": found.group(1), "suffix": found.group(2)}
            built = candidate.build(groups)
            if built is not None:
                return built
    return None


def marks() -> re.Pattern[str]:
    """A cheap first look: one literal that every identifier of some style contains
    ("A/RES/", "WHA", "GC"), so text without any needs no `search_pattern`."""
    return _marks()


@cache
def _marks() -> re.Pattern[str]:
    stems = {literal for candidate in styles() for literal in looks(candidate)}
    return re.compile(longest_first(stems))  # a trie: each character tested once


@cache
def stem(candidate: Style) -> str:
    """The longest literal every identifier of the style contains ("A/RES/", "WHA")."""
    bare = _NOT_LITERAL.sub(" ", candidate.pattern.pattern)
    runs = re.findall(r"(?:[A-Za-z/-]|\\[.()])+", bare)
    return re.sub(r"\\(.)", r"\1", max(runs, key=len))


def looks(candidate: Style) -> tuple[str, ...]:
    """Literals one of which every identifier of the style holds (a cheap first look): the
    table's `stems` where given ("C187": "C0" or "C1", not "C"), else the `stem`."""
    return candidate.stems or (stem(candidate),)


def search_pattern(among: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """One pattern that finds identifiers of any style (or those of `among`) in running text;
    for an empty `among`, a pattern that matches nothing (not even the empty string)."""
    return _search_pattern(among)


@cache
def _search_pattern(among: tuple[str, ...] | None) -> re.Pattern[str]:
    chosen = styles() if among is None else tuple(style(s) for s in among)
    if not chosen:  # a body without identifier styles: nothing is one of its identifiers
        return _NOTHING
    union = "|".join(_NAMED.sub("(?:", s.pattern.pattern) for s in chosen)
    return re.compile(rf"(?<![\w/.])(?:{union})(?![\w/])")


_NOTHING = re.compile(r"(?!)")  # matches nowhere, not even the empty string


def find_identifiers(text: str) -> Iterator[re.Match[str]]:
    """What `search_pattern().finditer(text)` finds, faster: the styles that open with a
    literal ("A/RES/", "WHA") are one pattern without the look-behind, which the engine
    skips through to their first characters where the look-behind first made it try
    every position; the look-behind is tested where it matches. The others ("38 C/Res.5")
    are a pattern of their own, looked for only in a text holding one of their `looks`.
    Where the leftmost of the two matches, the union is matched: what it finds there.

    >>> [m.group() for m in find_identifiers("A/RES/70/1, XA/RES/70/2 and 38 C/Res.5")]
    ['A/RES/70/1', '38 C/Res.5']
    """
    opened, others, other_looks = _finders()
    union = search_pattern()
    if others is not None and not any(look in text for look in other_looks):
        others = None
    other, position = None, 0
    while True:
        start = _opened_at(opened, text, position)
        if others is not None and (other is None or other.start() < position):
            other = others.search(text, position)
            if other is None:
                others = None
        if other is not None and (start is None or other.start() < start):
            start = other.start()
        if start is None:
            return
        found = union.match(text, start)
        assert found is not None  # the union holds the alternative that matched there
        yield found
        position = found.end()


def _opened_at(opened: re.Pattern[str], text: str, position: int) -> int | None:
    """Where `opened` next matches from `position` with no word character, "/" or "."
    before (the union's look-behind)."""
    while (found := opened.search(text, position)) is not None:
        start = found.start()
        if not start or not _BEHIND.match(text, start - 1):
            return start
        position = start + 1
    return None


_BEHIND = re.compile(r"[\w/.]")


def _latin_opening(source: str) -> bool:
    """Whether every alternative of a style's pattern opens with a literal of Latin-1
    letters: a character beyond them among the first ones of a pattern makes the engine
    test each character of a text against a wide set, slower for every text."""
    literals = opening_literals(source)
    return literals is not None and all(max(map(ord, literal)) < 256 for literal in literals)


@cache
def _finders() -> tuple[re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]]:
    """The styles opening with a literal of Latin-1 letters as one pattern without
    look-behind; the others as one with it (None if none), and their `looks`."""
    bare = {s.id: _NAMED.sub("(?:", s.pattern.pattern) for s in styles()}
    opened = [s for s in styles() if _latin_opening(bare[s.id])]
    others = [s for s in styles() if s not in opened]
    union = "|".join(bare[s.id] for s in others)
    return (
        re.compile(rf"(?:{'|'.join(bare[s.id] for s in opened)})(?![\w/])"),
        re.compile(rf"(?<![\w/.])(?:{union})(?![\w/])") if others else None,
        tuple(look for s in others for look in looks(s)),
    )
