"""Read the header of a resolution: identifier, number, title, session, adoption date."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from respub.knowledge.declarations import declaration_identifier
from respub.knowledge.identifiers import identify, style
from respub.knowledge.layout import layout
from respub.knowledge.lexicon import Lexicon
from respub.knowledge.profiles import BodyProfile, fold, line_matcher, unanchored
from respub.model import Session
from respub.parse.blocks import Block
from respub.parse.dates import is_date_line, parse_date, parse_date_range
from respub.parse.identifiers import canonical, is_identifier


@dataclass(frozen=True)
class Header:
    """What the lines before the clauses say about the resolution."""

    identifier: str | None
    number: str | None
    title: str | None
    session: Session | None
    adopted: date | None


def read_header(
    head: list[Block],
    formula: Block | None,
    profile: BodyProfile,
    lexicon: Lexicon,
    metadata: dict[str, str],
) -> Header:
    """The header facts from the blocks before (and including) the enacting formula."""
    lang = lexicon.language
    lines = [b.text for b in head]
    joined = " ".join(lines)
    identifier, number = _named(lines, joined, profile)
    title = None
    title_pattern = profile.pattern("title_line", lang)
    for found in _line_starts(title_pattern, lines):
        title = found.group("title").strip()
        groups = found.groupdict()
        if identifier is None and groups.get("number"):
            identifier = _identifier_from(profile, groups["session"], groups["number"])
        number = number or groups.get("number")
        break
    for found in _line_starts(profile.pattern("number_line", lang), lines):
        number = found.group("number")
        if identifier is None and profile.identifier_styles:
            identifier = _identifier_from_fields(profile, found.groupdict())
    if title is None and profile.title_after_heading:
        title = _title_after_heading(lines[:-1] if formula else lines, profile, lexicon)
    if identifier is None and metadata.get("identifier"):
        given = metadata["identifier"].strip()  # given by the publisher: any form is accepted
        identifier = canonical(given) if is_identifier(given) else given
    if identifier is None and metadata.get("symbol"):
        identifier = _symbol(metadata["symbol"])
    if title is None and metadata.get("heading"):
        title = _clean(metadata["heading"])  # the page's own heading (HTML <h1>)
    if identifier is None and title and (known := declaration_identifier(title, profile.code)):
        identifier = canonical(known)
    if title is None and metadata.get("title") and not metadata.get("symbol"):
        title = _clean(metadata["title"])  # the front matter's (a catalogue's goes with a symbol)
    if number is not None:
        number = str(int(number))  # (int reads Arabic-Indic digits too: "١٢" is 12)
    session = _session(lines, formula, profile, lexicon)
    return Header(identifier, number, title, session, _adopted(joined, profile, lexicon))


def _named(lines: list[str], joined: str, profile: BodyProfile) -> tuple[str | None, str | None]:
    """The identifier and number of the first of `lines` (`joined` by spaces) that names the
    resolution in one of the body's styles."""
    if profile.may_hold_identifier(joined):  # (none in the lines joined: none in a line)
        for text in lines:
            found = profile.find_identifier(text)
            named = identify(found.group(), profile.identifier_styles) if found else None
            if named:
                return named.canonical, str(named.number)
    return None, None


def numbered_session(identifier: str, profile: BodyProfile) -> Session | None:
    """The session an identifier of the body numbers, for a heading that prints none.

    >>> from respub.knowledge.profiles import profile
    >>> numbered_session("A/HRC/RES/55/7", profile("UN-HRC"))
    Session(number=55, place=None, country=None, start=None, end=None)
    >>> numbered_session("S/RES/1(1946)", profile("UN-SC")) is None  # numbered by year
    True
    """
    named = identify(identifier, profile.identifier_styles)
    if named is None or named.session is None or not named.session.isdecimal():
        return None
    return Session(number=int(named.session))


def _title_after_heading(lines: list[str], profile: BodyProfile, lexicon: Lexicon) -> str | None:
    """The title printed last before the formula ("Open science"), or after the identifier
    on that line ("EB156.R4 Strengthening ..."), passing over up to two lines that name the
    resolution (its adoption, a date, a session) or are a heading's furniture ("Agenda item
    7"); None when no such text is left, or it is the body's name, or no title's length:
    better no title than a wrong one."""
    furniture = profile.pattern("heading_line", lexicon.language)
    for line in reversed(lines[-3:]):  # above an adoption line or an agenda item, if any
        symbol = profile.find_identifier(line)  # (none for a body without identifier styles)
        last = line[symbol.end() :].strip(" .:–-") if symbol is not None else line
        if not (furniture is not None and furniture.match(last)) and not _names_it(
            last, profile, lexicon
        ):
            break
    else:
        return None
    if (
        not 4 <= len(last) <= 300
        or last.endswith((",", ";", "،"))
        or fold(last) in profile.name_forms
    ):
        return None
    return _clean(last)


def _names_it(text: str, profile: BodyProfile, lexicon: Lexicon) -> bool:
    """Whether `text` holds a date, the adoption line or an ordinal session: text that names
    the resolution, not its title."""
    lang = lexicon.language
    if parse_date(text, lexicon) is not None or is_date_line(text, lexicon):
        return True
    adopted = profile.pattern("adopted", lang)
    if adopted is not None and adopted.search(text):
        return True
    session = profile.pattern("session_line", lang)
    found = unanchored(session).search(text) if session is not None else None
    return found is not None and lexicon.ordinal(found.group("ordinal")) is not None


def _line_starts(pattern: re.Pattern[str] | None, lines: list[str]) -> Iterator[re.Match[str]]:
    """The match of `pattern` at the start of each of `lines` where it matches (none
    without a pattern).

    >>> [m.group() for m in _line_starts(re.compile(r"\\d+"), ["1 a", "b", "23"])]
    ['1', '23']
    """
    if pattern is not None:
        yield from filter(None, map(pattern.match, lines))


def _symbol(symbol: str) -> str:
    """The identifier a source's metadata (front matter `symbol:`) gives."""
    try:
        return canonical(symbol)
    except ValueError:
        raise ValueError(f"the symbol {symbol!r} is not a resolution identifier") from None


def _identifier_from(profile: BodyProfile, session: str, number: str) -> str | None:
    """The identifier a title line's session and number make in the body's first style."""
    if not profile.identifier_styles:
        return None
    first = style(profile.identifier_styles[0])
    key = "year" if first.cited_as == "year/number" else "session"  # "2022/12." of ECOSOC
    found = first.build({key: session, "number": number})
    return found.canonical if found else None


def _identifier_from_fields(profile: BodyProfile, groups: dict[str, str | None]) -> str | None:
    """The identifier a printed number and year (or session) make in the body's first style:
    "Resolution 577 (1985)" of the Security Council is S/RES/577(1985)."""
    fields = {k: v for k, v in groups.items() if v is not None}
    found = style(profile.identifier_styles[0]).build(fields) if "number" in fields else None
    return found.canonical if found else None


def _session(
    lines: list[str], formula: Block | None, profile: BodyProfile, lexicon: Lexicon
) -> Session | None:
    lang = lexicon.language
    pattern = profile.pattern("session", lang)
    if formula is not None and pattern is not None:
        found = pattern.search(formula.text)
        if found:
            groups = found.groupdict()
            dates = parse_date_range(groups.get("dates") or "", lexicon)
            return Session(
                number=lexicon.ordinal(groups["ordinal"]) if groups.get("ordinal") else None,
                place=_clean(groups.get("place")),
                country=_clean(groups.get("country")),
                start=dates[0] if dates else None,
                end=dates[1] if dates else None,
            )
    formula_pattern = profile.pattern("formula", lang)
    if formula is not None and formula_pattern and "ordinal" in formula_pattern.groupindex:
        found = formula_pattern.match(formula.text)
        if found and found.group("ordinal"):
            number = lexicon.ordinal(found.group("ordinal"))
            if number:
                return Session(number=number)
    line_pattern = profile.pattern("session_line", lang)
    if line_pattern is None:
        return None
    match = line_matcher(line_pattern)
    for text in lines:
        found = match(text)
        if found:
            number = lexicon.ordinal(found.group("ordinal"))
            if number:
                return Session(number=number)
    return None


def _adopted(joined: str, profile: BodyProfile, lexicon: Lexicon) -> date | None:
    """The adoption date printed in the header's lines (`joined` by spaces)."""
    pattern = profile.pattern("adopted", lexicon.language)
    if pattern is None:
        return None
    found = pattern.search(joined)
    return parse_date(found.group("date"), lexicon) if found else None


_SPACES = re.compile(r"\s+")
_SPACED_COLON = re.compile(r"\s+:")
_QUOTED = re.compile(r"[“\"]([^”\"]{10,400})[”\"]")


def complete_title(
    title: str | None, texts: Iterable[str], metadata: dict[str, str], language: str = "en"
) -> str | None:
    """A title cut at the end of its first printed line ("... expenses of the") completed
    from a quotation of it in the text (the sub-item entitled “...”), else from the
    catalogue title of the metadata when that one starts with it. A title cut elsewhere
    ("... Zone" for "... Zone (Bangkok Treaty)") is completed only when a quotation
    and the catalogue title agree; any other title stays as printed.

    >>> complete_title("Possible risks of the", ["a sub-item entitled “Possible risks of "
    ...     "the integration of artificial intelligence”."], {})
    'Possible risks of the integration of artificial intelligence'
    >>> complete_title("Scale of the", [], {"title": "Scale of the United Nations : requests :"})
    'Scale of the United Nations: requests'
    """
    if not title:
        return title
    folded = title.casefold()

    def continues(text: str) -> bool:
        return len(text) > len(title) and text.casefold().startswith(folded)

    catalogue = _SPACED_COLON.sub(":", metadata.get("title", "")).strip().rstrip(":").strip()
    dangling = title.rsplit(" ", 1)[-1].casefold() in layout(language).dangling
    if not dangling and not continues(catalogue):
        return title  # (no quotation completes it alone: the text need not be read)
    quoted = [
        " ".join(q.split())
        for text in texts
        if "“" in text or '"' in text  # every quotation opens with one
        for q in _QUOTED.findall(text)
    ]
    longer = [c for c in [*quoted, catalogue] if continues(c)]
    if dangling and longer:
        return title + longer[0][len(title) :]
    # a title cut at a line end elsewhere: the text and the catalogue must agree
    if catalogue in longer and catalogue in quoted:
        return title + catalogue[len(title) :]
    return title


def _clean(value: str | None) -> str | None:
    return _SPACES.sub(" ", value).strip(" ,") if value else None
