"""Normalise extracted text before it is split into blocks: the words stay as printed.

Stages, each a small function: unify spaces → join clause numbers printed alone on
their line → repair the reading order of a plain PDF text layer (`reading_order`) →
take out page furniture (running headers, job and page numbers) →
set footnotes apart as `[^n]: text` and their marks as `[^n]` → join the paragraphs a
page break split → rejoin words hyphenated at a line end.

>>> clean_text("1. \\nDecides that:\\n\\n(a) \\nThe State of Palestine may").splitlines()
['1. Decides that:', '', '(a) The State of Palestine may']
"""

from __future__ import annotations

import re

from respub.knowledge.headings import annex_heading, annex_line
from respub.knowledge.layout import MARKS
from respub.knowledge.lexicon import lexicon
from respub.knowledge.profiles import BodyProfile
from respub.parse.footnotes import (
    NOTE_MARK,
    PAGE_BREAK,
    collect_notes,
    definition,
    mark_notes,
    note_labels,
)
from respub.parse.furniture import remove_furniture
from respub.parse.reading_order import blank_between, break_paragraphs, reading_order

_SPACES = re.compile(r"  +")  # a literal prefix: searched for as a string
_FORM_FEED = re.compile(r"\n?\f\n?")
# (character, replacement), all beyond ASCII (a tab becomes a space too): spaces of every
# width become a space, the non-breaking hyphen a hyphen; soft hyphens and zero-width marks go
_CHARACTERS = (
    *((chr(c), " ") for c in (0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)),
    ("\u2011", "-"),
    ("\u00ad", ""),
    ("\u200b", ""),
    ("\ufeff", ""),
)
_ENDS_DATE = re.compile(r"\b\d{4}$")
# "confidence- building", "action-\noriented", but not "gender- and age-sensitive"
_WRAPPED_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)[ \n](?!(?:and|or|nor|to|but|as)\b)(?=[^\W\d_])")
_WRAPPED_DASH = re.compile(r"–(?<=\d–)[ \n](?=\d)")
_BLANK_LINES = re.compile(r"\n\n\n+")  # a literal prefix, as _SPACES


def clean_text(text: str, profile: BodyProfile | None = None, language: str = "en") -> str:
    """The text with extraction noise taken out; `profile` names the body's title line."""
    lines = join_labels(normalise_lines(dotted_numbers(text)))
    # an annex heading, the closing line or the formula opens a paragraph
    openers = [annex_line()]
    formula = profile.pattern("formula", language) if profile is not None else None
    if profile is None:
        lines = break_paragraphs(lines, None, openers)
    else:
        lines, notes = reading_order(lines, profile, language)
        openers += [pattern for pattern in (profile.closing, formula) if pattern is not None]
        lines = break_paragraphs(lines, lexicon(language), openers)
        if notes:  # the leading notes after the lines, as `repair_reading_order` has them
            lines += break_paragraphs(["", *notes], None, openers)
    joined = "\n".join(lines)  # joined once for both
    title_at, body_at, symbol, title = landmarks(lines, profile, language, joined)
    title_line = lines[title_at] if title is not None else None
    if title is None and formula is not None:  # the masthead (its symbol line) ends there
        body_at = next((i for i, line in enumerate(lines) if formula.match(line)), 0)
    lines = remove_furniture(lines, symbol, title, body_at, language, joined)
    # (`joined`: the lines before the furniture was taken out, each one of them whole)
    body, notes = collect_notes(lines, _find(lines, title_line), joined)
    joined = "\n".join(body)
    if notes:  # marks are looked for from the title line on
        title_at = _find(body, title_line)
        start = len("\n".join(body[:title_at]))
        joined = mark_notes(joined, note_labels(notes), start, language)
    joined = join_page_breaks(joined)
    # the notes after a blank line; the line end that ends the text joined with the rest
    cleaned = "\n".join([joined, "", *notes, ""] if notes else [joined, ""])
    # the pattern's search for "-" costs less than looking for "- " and "-\n" first
    cleaned = _WRAPPED_HYPHEN.sub("-", cleaned)
    if "–" in cleaned:  # a character found fast (most texts have none), two characters not
        cleaned = _WRAPPED_DASH.sub("–", cleaned)
    if "\n\n\n" in cleaned:
        cleaned = _BLANK_LINES.sub("\n\n", cleaned)
    if cleaned.startswith("\n") or cleaned.endswith("\n\n"):  # (most texts: no copy)
        return cleaned.strip("\n") + "\n"
    return cleaned


# an operative number printed with a dash, as the Arabic texts of the United Nations do
# ("1 - يقرر", "٢- يطلب"), before a word: not a range of numbers ("10 - 12 June")
_DASHED = r" ?[-–] +(?=[^\W\d_])"
# an operative number printed bare before a verb in capitals, as IMO does ("1<tab>ADOPTS, in
# accordance with ..."): a line with lower case after the verb, not a heading in capitals
# ("2 GENERAL PROVISIONS") nor a date ("8 JUNE 2023")
_BARE = r"[ \t]+(?=[A-ZÀ-ÖØ-Þ]{3,}\b[^\n]*?[a-zß-öø-ÿ])"
_DASHED_NUMBER = re.compile(rf"\n[ \t]*(\d{{1,3}}){_DASHED}")
_BARE_NUMBER = re.compile(rf"\n[ \t]*(\d{{1,3}}){_BARE}")
# a line that `_DASHED_NUMBER` changes (`dash`), or the first of `_BARE_NUMBER`'s (number 1):
# one search of the text tells both (a line that one changes the other leaves as it is)
_NUMBER_LINE = re.compile(rf"\n[ \t]*(?:(?P<dash>\d{{1,3}}{_DASHED})|1{_BARE})")


def dotted_numbers(text: str) -> str:
    """`text` with its operative numbers printed with a dash, or bare before a verb in
    capitals, printed with a dot ("1 - " -> "1. ", "1 ADOPTS" -> "1. ADOPTS"), as every later
    stage reads them. Bare numbers are read so only in a text whose first one is printed so.

    >>> dotted_numbers("1 - يقرر\\n  ٢- يطلب\\n10 - 12 June")
    '1. يقرر\\n٢. يطلب\\n10 - 12 June'
    >>> dotted_numbers("THE ASSEMBLY,\\n1\\tADOPTS the plan;\\n2 REQUESTS it\\n3 JUNE 2023")
    'THE ASSEMBLY,\\n1. ADOPTS the plan;\\n2. REQUESTS it\\n3 JUNE 2023'
    """
    dashed = bare = False
    for found in _NUMBER_LINE.finditer("\n" + text):
        if found.group("dash"):
            dashed = True
        elif found.start():  # (a bare number is never read on the first line: the heading's)
            bare = True
        if dashed and bare:
            break
    if dashed:
        text = _DASHED_NUMBER.sub("\n\\1. ", "\n" + text)[1:]
    if bare:
        text = _BARE_NUMBER.sub("\n\\1. ", text)
    return text


def normalise_lines(text: str) -> list[str]:
    """Lines with spaces unified and trimmed; non-breaking hyphens made plain hyphens.

    >>> normalise_lines("Participation\\u00a0by \\r\\n non\\u2011governmental ")
    ['Participation by', 'non-governmental']
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if PAGE_BREAK in text:  # a form feed between pages stands alone on its line
        text = _FORM_FEED.sub("\n\f\n", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    if not text.isascii():  # (a flag of the string: an ASCII text is not searched for them)
        for character, replacement in _CHARACTERS:
            if character in text:
                text = text.replace(character, replacement)
    lines = list(map(str.strip, text.split("\n")))  # (a loop in C: no bytecode per line)
    if "  " in text:  # runs of spaces collapsed in the lines that hold one (a few)
        lines = [_SPACES.sub(" ", line) if "  " in line else line for line in lines]
    return lines


def _find(lines: list[str], line: str | None) -> int:
    """Index of `line` in `lines` (the title line once lines moved), 0 when absent."""
    try:
        return lines.index(line) if line is not None else 0
    except ValueError:
        return 0


def join_labels(lines: list[str]) -> list[str]:
    """A clause number or label printed alone ("1.", "(a)") joins the line after it; a
    numbered line that follows a finished sentence opens a new paragraph.

    >>> join_labels(["1.", "Decides;", "countries.", "2. We welcome"])
    ['1. Decides;', 'countries.', '', '2. We welcome']
    >>> join_labels(["Acting under Chapter VII,", "1. Condemns"])
    ['Acting under Chapter VII,', '', '1. Condemns']
    """
    if blank_between(lines):  # (most texts) no line has one with text right above or below
        return lines
    result: list[str] = []
    alone, numbered = MARKS.label_alone.match, MARKS.numbered.match
    joined = False  # whether the line was joined to the label above it
    for line, below in zip(lines, [*lines[1:], ""], strict=False):  # "" below the last
        if joined:
            joined = False
            continue
        if line:  # a blank line is no label and no number
            # the line below is looked at first: most lines have a blank line under them
            if below and below.strip() and alone(line):
                line = f"{line} {below}"
                joined = True
            if (
                result
                and (previous := result[-1])
                and numbered(line)
                and (
                    MARKS.ends_sentence.search(NOTE_MARK.sub("", previous))
                    # the first operative paragraph right under the last recital ("..., / 1. ")
                    or (MARKS.first_numbered.match(line) and previous.endswith(","))
                )
            ):
                result.append("")
        result.append(line)
    return result


def landmarks(
    lines: list[str], profile: BodyProfile | None, language: str, joined: str | None = None
) -> tuple[int, int, str | None, str | None]:
    """(index of the title line, index after the title, symbol, title) as printed;
    `joined`: the lines joined by line ends, when the caller has them.

    Without a title line both indexes are 0; the title may wrap over several lines.
    """
    if profile is None:
        return 0, 0, None, None
    pattern = profile.pattern("title_line", language)
    symbol = _first_identifier(lines, profile, joined)
    for index, found in enumerate(map(pattern.match, lines) if pattern else ()):
        if found:
            rest = []
            for following in lines[index + 1 :]:
                if not following.strip() or following == PAGE_BREAK:
                    break
                rest.append(following)
            title = " ".join([found.group("title").strip(), *rest])
            return index, index + 1 + len(rest), symbol, title
    return 0, 0, symbol, None


def _first_identifier(
    lines: list[str], profile: BodyProfile, joined: str | None = None
) -> str | None:
    """The first of the body's identifiers printed in a line, looked for from the first
    line holding one of its stems (a literal every identifier of the body contains);
    `joined` as `landmarks` takes it."""
    first = 0
    if stems := profile.identifier_stems:
        text = "\n".join(lines) if joined is None else joined
        found = [at for stem in stems if (at := text.find(stem)) >= 0]
        if not found:
            return None
        first = text.count("\n", 0, min(found))
    for line in lines[first:]:
        if identifier := profile.find_identifier(line):
            return identifier.group()
    return None


def join_page_breaks(text: str) -> str:
    """Join the two halves of a paragraph a page break split; drop the break lines.

    A `PAGE_BREAK` line goes with the blank and break lines around it; a blank line then
    stays between the lines around them, unless the one after goes on with the paragraph
    of the one before. The text is not split into lines: only the lines next to a break
    are looked at.

    >>> join_page_breaks("debate of the\\n\\n\\f\\n\\nAssembly at its session;")
    'debate of the\\nAssembly at its session;'
    >>> join_page_breaks("Recalling it,\\n\\n\\f\\n\\nNoting that")
    'Recalling it,\\n\\nNoting that'
    """
    pieces: list[str] = []
    done = 0  # text[:done] is in `pieces`
    at = text.find(PAGE_BREAK)
    while at >= 0:
        if (at and text[at - 1] != "\n") or text[at + 1 : at + 2] not in ("", "\n"):
            at = text.find(PAGE_BREAK, at + 1)  # a form feed inside a line is no break
            continue
        start, end = at, at + 1  # the gap: text[start:end], whole lines
        while start and not text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip():
            start = text.rfind("\n", 0, start - 1) + 1  # a blank line before
        while end < len(text) and _is_gap(text[end + 1 : _line_end(text, end + 1)]):
            end = _line_end(text, end + 1)  # a blank or break line after
        after = text[end + 1 : _line_end(text, end + 1)] if end < len(text) else None
        if start == 0:  # no line before: one blank line opens the text
            pieces.append("" if after is None else "\n")
        else:
            before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
            pieces.append(text[done : start - 1])
            joins = after is None or _continues(before, after)
            pieces.append("\n" if joins else "\n\n")
        done = len(text) if after is None else end + 1
        at = text.find(PAGE_BREAK, done)
    return "".join([*pieces, text[done:]]) if pieces else text


def _line_end(text: str, start: int) -> int:
    """The end of the line starting at `start`: its line end, or the end of the text."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _is_gap(line: str) -> bool:
    return not line.strip() or line == PAGE_BREAK


def _continues(before: str, after: str) -> bool:
    """Whether `after`, first line of a page, goes on with the paragraph ending in `before`."""
    if definition(before):
        return False
    if after[:1].islower():
        return True
    if MARKS.opens_part.match(after) or annex_heading().match(after):
        return False
    if "[^" in before:  # (a pattern's call costs more than looking for its opening)
        before = NOTE_MARK.sub("", before)
    # a date's four digits and the character before them: searching the line costs more
    return not MARKS.ends_clause.search(before) and not _ENDS_DATE.search(before[-5:])
