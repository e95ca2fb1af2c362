"""Reading order of a PDF's plain text layer, repaired before the text is cleaned.

A plain extraction of a laid-out page (pypdf's `extract_text`, many converters) follows
the content stream, not the page: the footnotes of a page come before its heading and
are repeated on every page, a raised mark stands alone on the line after the text it
marks, the heading, the enacting formula and the first clause share one line, and no
blank line separates one clause from the next. Each stage below takes one of these out
and leaves the words as printed:

- `split_heading`: the formula printed after the heading on one line starts its own;
- `leading_notes`: numbered notes printed above the heading become `[^n]: text`
  definitions, and their repeats further down (one per page) page breaks;
- `attach_marks`: a known note's number alone on a line becomes the mark of the line
  above it;
- `break_clauses`: a line opened by a clause word of the language, a sub-paragraph label
  or the next operative number, right under a line that ends a clause, opens a paragraph.

>>> lines = ["3 Document A66/11.", "WHA66.4 Eye health", "3",
...          "The Sixty-sixth World Health Assembly, Having considered the report;",
...          "Recalling resolution WHA56.26;", "1. ENDORSES the plan; 2. URGES Member States:"]
>>> from respub.knowledge.profiles import profile
>>> for line in repair_reading_order(lines, profile("WHO-WHA"), "en"):
...     print(repr(line))
'WHA66.4 Eye health[^3]'
'The Sixty-sixth World Health Assembly, Having considered the report;'
''
'Recalling resolution WHA56.26;'
''
'1. ENDORSES the plan;'
''
'2. URGES Member States:'
''
'[^3]: Document A66/11.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from respub.knowledge.layout import MARKS
from respub.knowledge.lexicon import Lexicon, lexicon
from respub.knowledge.profiles import BodyProfile, unanchored
from respub.parse.footnotes import PAGE_BREAK

_HEAD_LINES = 60  # the heading and the formula are looked for this far down, no further
_NOTE = re.compile(r"^(?P<label>\d{1,3})\s+(?P<text>[^\s\d.a-z].*)$")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
# marks glued to the heading: "…2013–20202" (no year has five digits), "…Children1"
_HEADING_MARKS = re.compile(
    r"\b((?:19|20)\d\d[–‒-](?:19|20)\d\d)(\d)\b|(?<=[a-z]{3})()(\d{1,2})(?=[\s,;:.)]|$)"
)


def laid_out_heading(text: str, profile: BodyProfile, language: str) -> str:
    """A laid-out text (PDF runs, HTML) whose heading line runs on into the formula,
    with the formula set apart; other paragraphs stay as the layout made them."""
    formula = profile.pattern("formula", language)
    if formula is None:
        return text
    lines = text.split("\n", _HEAD_LINES)
    head = split_heading(lines[:_HEAD_LINES], formula)
    return text if len(head) == len(lines[:_HEAD_LINES]) else "\n".join(head + lines[_HEAD_LINES:])


def repair_reading_order(lines: list[str], profile: BodyProfile, language: str) -> list[str]:
    """`lines` (trimmed, spaces unified) in reading order; see the module's stages."""
    lines, notes = reading_order(lines, profile, language)
    lines = break_clauses(lines, lexicon(language))
    return [*lines, "", *notes] if notes else lines


def reading_order(
    lines: list[str], profile: BodyProfile, language: str
) -> tuple[list[str], list[str]]:
    """(lines, notes): `repair_reading_order` but for its last stage (`break_clauses`, left
    to the caller so that it can do it in its own pass over the lines), the leading notes
    as `[^n]: text` definitions to print after the lines."""
    formula = profile.pattern("formula", language)
    lines = split_heading(lines, formula)
    lines, notes = leading_notes(lines, profile.pattern("title_line", language))
    if not notes:
        return lines, []
    lines = _heading_marks(lines, formula)
    lines = attach_marks(lines, {label for label, _ in notes})
    return lines, [f"[^{label}]: {text}" for label, text in notes]


def split_heading(lines: list[str], formula: re.Pattern[str] | None) -> list[str]:
    """The enacting formula printed after other words of a heading line opens a paragraph.

    >>> formula = re.compile(r"^The General Assembly\\s*(?:,|$)", re.MULTILINE)
    >>> split_heading(["80/1. Participation The General Assembly, Recalling"], formula)
    ['80/1. Participation', '', 'The General Assembly, Recalling']
    >>> split_heading(["DECISION ON THE GENERAL ASSEMBLY", "The General Assembly,"], formula)
    ['DECISION ON THE GENERAL ASSEMBLY', 'The General Assembly,']
    """
    if formula is None:
        return lines
    inside = unanchored(formula)
    # the head's lines joined are searched once: the lines above the first line the formula
    # is found in (at its start or inside) hold it nowhere, and are not looked at one by one
    head = "\n".join(lines[:_HEAD_LINES])
    found = inside.search(head)
    if found is None:
        return lines
    first = head.count("\n", 0, found.start())
    for index, line in enumerate(lines[first:_HEAD_LINES], first):
        if formula.match(line):
            return lines  # the formula opens a line already
        found = inside.search(line, 1)
        # inside a line, the formula ends with its comma: without one, the end of a heading
        # ("DECISION ON THE REPORT OF THE ... COUNCIL") reads like one
        if (
            found is not None
            and line[found.start() - 1] == " "
            and found.group().rstrip().endswith((",", "،"))
        ):
            head, formula_line = line[: found.start()].rstrip(), line[found.start() :]
            return [*lines[:index], head, "", formula_line, *lines[index + 1 :]]
    return lines


def leading_notes(
    lines: list[str], title: re.Pattern[str] | None
) -> tuple[list[str], list[tuple[str, str]]]:
    """(lines, notes): numbered notes printed above the heading line taken out, and the
    same notes repeated further down (at the top of each page) made page breaks.

    Only when the text opens with a note ("3 See Annex 6 ..."), the notes' numbers follow
    one another and the heading line comes right after them.

    >>> title = re.compile(r"^WHA\\d+\\.\\d+\\s+(?P<title>.+)$")
    >>> leading_notes(["4 Document A66/23.", "WHA66.22 R&D", "Text", "4 Document A66/23.",
    ...                "goes on"], title)
    (['WHA66.22 R&D', 'Text', '\\x0c', 'goes on'], [('4', 'Document A66/23.')])
    """
    if title is None or not lines or _NOTE.match(lines[0]) is None:
        return lines, []
    heading = next((i for i, line in enumerate(lines[:_HEAD_LINES]) if title.match(line)), None)
    if heading is None:
        return lines, []
    notes: list[tuple[str, str]] = []
    for line in lines[:heading]:
        found = _NOTE.match(line)
        if found and (not notes or int(found.group("label")) == int(notes[-1][0]) + 1):
            notes.append((found.group("label"), found.group("text").strip()))
        elif found or not notes:
            return lines, []  # numbers out of sequence: not a run of notes
        elif line.strip():
            label, text = notes[-1]
            notes[-1] = (label, f"{text} {line}")
    printed = set(lines[:heading]) - {""}
    body = [PAGE_BREAK if line in printed else line for line in lines[heading:]]
    return body, notes


def _heading_marks(lines: list[str], formula: re.Pattern[str] | None) -> list[str]:
    """The heading's lines (up to a blank line or the formula) with glued marks set apart."""
    end = 0
    while end < min(len(lines), 5) and lines[end] and not (formula and formula.match(lines[end])):
        end += 1
    return [*(_HEADING_MARKS.sub(_as_mark, line) for line in lines[:end]), *lines[end:]]


def _as_mark(found: re.Match[str]) -> str:
    """A number glued to the heading as its mark: "2013–20202" -> "2013–2020[^2]"."""
    years, label = found.group(1) or "", found.group(2) or found.group(4)
    return f"{years}[^{label}]"


def attach_marks(lines: list[str], labels: set[str]) -> list[str]:
    """A known note's number alone on its line is the mark of the line above it.

    >>> attach_marks(["on universal eye health;", "4", "", "Recalling"], {"4"})
    ['on universal eye health;[^4]', '', 'Recalling']
    """
    result: list[str] = []
    for line in lines:
        if line in labels and _BARE_NUMBER.match(line):
            above = len(result) - 1
            while above >= 0 and not result[above].strip():
                above -= 1
            if above >= 0 and result[above] != PAGE_BREAK:
                result[above] += f"[^{line}]"
                continue
        result.append(line)
    return result


def break_clauses(lines: list[str], lex: Lexicon) -> list[str]:
    """A blank line before a line that opens a clause right under one that ends a clause.

    A line opens a clause when it starts with a capital and a clause word of the language
    ("Recalling", "URGES"), with a sub-paragraph label ("(1)", "(a)"), or with the next
    operative number; the next number printed inside a line ("...; 2. URGES") starts a
    line of its own (`split_inline_clauses`).

    >>> break_clauses(["Having considered the report;", "Recalling resolution 1;",
    ...                "(1) to act;", "recalling nothing"], lexicon("en"))
    ['Having considered the report;', '', 'Recalling resolution 1;', '', '(1) to act;', \
'recalling nothing']
    """
    return break_paragraphs(lines, lex)


def break_paragraphs(
    lines: list[str], lex: Lexicon | None, openers: Sequence[re.Pattern[str]] = ()
) -> list[str]:
    """A blank line before a line that opens a paragraph: with `lex`, `break_clauses`'s
    lines; and a line one of `openers` matches right under a line (an annex heading, a
    closing line). One pass does both: it gives what `break_clauses` then a pass for
    `openers` over its lines would give.

    >>> opener = re.compile(r"Annex$")
    >>> break_paragraphs(["Recalling it,", "Noting it;", "Annex", "Text"], lexicon("en"), [opener])
    ['Recalling it,', '', 'Noting it;', '', 'Annex', 'Text']
    >>> break_paragraphs(["Recalling it,", "Noting it;", "Annex"], None, [opener])
    ['Recalling it,', 'Noting it;', '', 'Annex']
    """
    if lex is not None:
        lines = _inline_pieces(lines)
    if blank_between(lines):  # (most texts) no line stands right under a line with text
        return [*lines]
    result: list[str] = []
    ends = MARKS.ends_clause_marked.search
    for line in lines:
        # a blank line opens nothing: the line above it is not looked at
        if line and result and (previous := result[-1]):
            if (
                lex is not None
                and previous != PAGE_BREAK
                and ends(previous[-12:])
                and _opens(line, lex)
            ):
                result.append("")
            elif previous.strip():
                for opener in openers:
                    if opener.match(line):
                        result.append("")
                        break
        result.append(line)
    return result


def split_inline_clauses(lines: list[str]) -> list[str]:
    """The lines (or paragraphs) cut where the next operative paragraph starts inside one:
    after "1. ..." the number 2 printed after a clause's end and before a word, in that
    line or in any line below it ("...; 2. URGES", "...: 2. Pide"). Numbers out of
    sequence are left as they are (quoted or cited paragraphs).

    >>> split_inline_clauses(["1. ENDORSES the plan; 2. URGES Member States:", "(1) to act"])
    ['1. ENDORSES the plan;', '2. URGES Member States:', '(1) to act']
    >>> split_inline_clauses(["1. Applies paragraph 4; 3. Notes are kept."])
    ['1. Applies paragraph 4; 3. Notes are kept.']
    """
    return _inline_pieces(lines)


def blank_between(lines: list[str]) -> bool:
    """Whether every other line is blank (empty), so that no line with text has another
    right above it: told without a loop over the lines (a blank line under each paragraph
    is how most texts print them).

    >>> blank_between(["", "Recalling it,", "", "Noting it;"]), blank_between(["a", "b"])
    (True, False)
    """
    return not any(lines[1::2]) or not any(lines[::2])


def _inline_pieces(lines: list[str]) -> list[str]:
    """`split_inline_clauses`'s pieces (a list made in one loop, not a generator's)."""
    pieces: list[str] = []
    last = 0  # the last operative number that opened a line
    after = ""  # how the number after it is printed inside a line: " 3. " (none after 0)
    numbered = MARKS.numbered.match
    for line in lines:
        # (a blank line holds no number) a numbered line opens with a digit (`MARKS.numbered`
        # does: a test checks it), the character tells most lines apart without a match
        if line and line[0].isdecimal() and (found := numbered(line)):
            last = int(found.group("number"))
            after = f" {last + 1}. " if last else ""
        while after and after in line:
            found = _inline(last + 1).search(line)
            if found is None:
                break
            pieces.append(line[: found.start()].rstrip())
            line = line[found.start() :].lstrip()
            last += 1
            after = f" {last + 1}. "
        pieces.append(line)
    return pieces


@cache
def _inline(number: int) -> re.Pattern[str]:
    """Operative paragraph `number` starting after a clause's end, before a word."""
    return re.compile(rf"(?<=[;:.,])\s+{number}\.\s+(?=[^\W\d_])")


def _opens(line: str, lex: Lexicon) -> bool:
    if MARKS.opens_clause.match(line):
        return True
    if not line[:1].isupper():  # (nor a footnote definition: "[^1]: ..." opens with "[")
        return False
    return any(lex.match_openers(line))
