"""Rebuild paragraphs and footnotes from positioned runs of text on PDF pages.

Stages, each a pure function: runs → lines (superscript numbers become footnote marks)
→ page furniture dropped (running headers, page and job numbers) → body and footnote
lines apart → paragraphs (numbered clauses, labelled items, vertical gaps, first-line
indents) → text in the Markdown-like form the parser reads.

>>> runs = (Run(72, 700, 11, "1. DECIDES to act;"), Run(170, 707, 9, "2"),
...         Run(72, 680, 11, "2. URGES Member States."), Run(72, 40, 9, "2"),
...         Run(80, 35, 11, "Document A66/1."))
>>> print(layout_text([Page(1, 612, 792, runs)]))
1. DECIDES to act;[^2]
<BLANKLINE>
2. URGES Member States.
<BLANKLINE>
[^2]: Document A66/1.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from respub.knowledge.layout import MARKS
from respub.parse.reading_order import split_inline_clauses

_NUMBER = re.compile(r"^\d{1,3}$|^\*{1,3}$")
_RULE = re.compile(r"^[_\-–—]{5,}$")
_SMALL_NOTE = re.compile(r"^(\d{1,3}|\*{1,3})\s+(\S.*)$")
_OPENER = re.compile(r"^(?:[A-Z][a-z]{2,}|[A-Z]{3,})\b")
_FURNITURE_TOKEN = re.compile(
    r"""^(?:\d{1,4}/\d{1,4}            # page 2/10
        |\d{2}-\d{5}                   # job number 18-16895
        |\(\w\)                        # language code (E)
        |\d{6}                         # date of processing 241018
        |\*\d{5,}\*                    # bar code *1816895*
        |[A-Z]{1,6}(?:/[A-Z0-9.\-]+){2,}  # symbol A/RES/73/3
        |\d{1,4})$""",
    re.VERBOSE,
)
# reference numbers printed on the baseline, glued to the text (no glyph evidence)
_GLUED_MARKS = (
    # "...for Women and Children1" — a lower-case word ending in a number
    (re.compile(r"(?<=[a-z]{3})(\d{1,2})(?=[\s,;:)]|\.(?!\d)|$)"), r"[^\1]"),
    # "Diseases,1 which", "Member States:1", "2021,2 and" — a number after punctuation
    (re.compile(r"(?<=[A-Za-z\d’”)][,;:])(\d{1,2})(?=\s|$)"), r"[^\1]"),
    (re.compile(r"(?<=[A-Za-z][’”])(\d{1,2})(?=\s|$)"), r"[^\1]"),
    # "action plan 2013–20202" — a number glued to a range of years
    (re.compile(r"\b((?:19|20)\d\d[–‒-](?:19|20)\d\d)(\d)\b"), r"\1[^\2]"),
)
_MARK = re.compile(r"\[\^[^\]]+\]")
_SPACED_HYPHEN = re.compile(r"(?<=[a-z]) -(?=[a-z])")
_LAST_LETTERS = re.compile(r"([^\W\d_]+) {0,2}$")
_FIRST_LETTERS = re.compile(r" {0,2}([^\W\d_]+)")
SplitWord = Callable[[str, str], bool]
"""Whether two pieces printed with a space between them are one word split in two."""
_EM = 0.7  # the widest average glyph, in font sizes (bold capitals)
_INDENT = 4.0  # points of first-line indent that open a paragraph
_BAND = 0.11  # top and bottom share of a page where running headers and footers live


@dataclass(frozen=True)
class Run:
    """A run of text drawn at (x, y) — the baseline's start — in a font of `size` points."""

    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class Page:
    """The runs of text of one page (numbered from 1) and the page's size in points."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Line:
    """A line of text: runs sharing a baseline, with its raised reference numbers as marks.

    `top` is the highest baseline in the line (a raised mark lifts it); `label` is the
    raised number that opens a footnote line; `columns` are where its later runs start
    (runs aligned with the next or previous line's make a table row).
    """

    page: int
    y: float
    top: float
    x: float
    size: float
    text: str
    label: str | None = None
    columns: tuple[float, ...] = ()


@dataclass
class _Group:
    runs: list[Run] = field(default_factory=list)
    marks: list[Run] = field(default_factory=list)

    @property
    def y(self) -> float:
        return max(r.y for r in self.runs)


def layout_text(pages: Sequence[Page], split_word: SplitWord | None = None) -> str:
    """The text of the pages: paragraphs separated by blank lines, then `[^n]: ...` notes.

    `split_word` tells a word the PDF drew in two runs with a space between ("St" " ates")
    from two words; without it every such space stays.
    """
    lines = [page_lines(page, split_word) for page in pages]
    lines = drop_furniture(lines, pages)
    sizes = Counter(line.size for page in lines for line in page for _ in line.text.split())
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    body: list[Line] = []
    notes: list[tuple[str, str]] = []
    for page, info in zip(lines, pages, strict=True):
        page_body, notes = split_footnotes(page, notes, size, info.height)
        body.extend(page_body)
    paragraphs = split_inline_clauses(paragraphs_of(body))
    text = "\n\n".join(paragraphs)
    unique = list(dict.fromkeys((label, _tidy(note)) for label, note in notes))
    if unique:
        text += "\n\n" + "\n".join(f"[^{label}]: {note}" for label, note in unique)
    return text


def page_lines(page: Page, split_word: SplitWord | None = None) -> list[Line]:
    """The lines of a page from top to bottom; raised numbers become marks of the line below."""
    groups: list[_Group] = []
    for run in sorted(page.runs, key=lambda r: (-r.y, r.x)):
        tolerance = max(1.0, 0.2 * run.size)
        if groups and groups[-1].y - run.y <= tolerance:
            groups[-1].runs.append(run)
        else:
            groups.append(_Group([run]))
    lines: list[_Group] = []
    floating: list[_Group] = []
    for group in groups:
        if all(_NUMBER.match(r.text.strip()) for r in group.runs):
            floating.append(group)
        else:
            lines.append(group)
    for group in floating:
        target = _line_below(group, lines)
        if target is None:
            lines.append(group)
        else:
            target.marks.extend(group.runs)
    lines.sort(key=lambda g: -g.y)
    return [_line(page.number, group, split_word) for group in lines]


def _line_below(mark: _Group, lines: list[_Group]) -> _Group | None:
    """The line whose baseline lies just below a raised number (within 1.4 font sizes)."""
    best: _Group | None = None
    for line in lines:
        size = max(r.size for r in line.runs)
        drop = mark.y - line.y
        if 0 < drop <= 1.4 * size and (best is None or line.y > best.y):
            best = line
    return best


def _line(page: int, group: _Group, split_word: SplitWord | None = None) -> Line:
    runs = sorted(group.runs, key=lambda r: r.x)
    first_x = runs[0].x
    label = None
    items: list[tuple[float, str]] = [(r.x, r.text) for r in runs]
    for mark in group.marks:
        number = mark.text.strip()
        if mark.x < first_x and label is None:
            label = number
        else:
            items.append((mark.x, f"\0[^{number}]"))
    text = ""
    reach = first_x  # how far right the text so far can reach, at most
    for x, piece in sorted(items, key=lambda item: item[0]):
        if piece.startswith("\0"):
            text = text.rstrip() + piece[1:] + " "
            continue
        if text.endswith("] ") and piece.lstrip()[:1] in tuple(",.;:)"):
            text = text.rstrip()
            piece = piece.lstrip()
        elif text and not text[-1].isspace() and not piece[:1].isspace() and x > reach:
            text += " "  # a run far beyond the end of the one before: another cell
        elif split_word is not None and x <= reach and _split_between(text, piece, split_word):
            text, piece = text.rstrip(" "), piece.lstrip(" ")
        text += piece
        reach = x + _EM * len(piece) * max(r.size for r in runs) + 0.5 * runs[0].size
    sizes = Counter[float]()
    for run in runs:
        sizes[round(run.size, 1)] += len(run.text.strip())
    top = max([group.y, *(m.y for m in group.marks)])
    text = re.sub(r"\s+", " ", text).strip()
    columns = tuple(round(r.x, 1) for r in runs[1:])
    size = sizes.most_common(1)[0][0]
    return Line(page, group.y, top, first_x, size, text, label, columns)


def _split_between(text: str, piece: str, split_word: SplitWord) -> bool:
    """Whether the space between two runs ("...All St" + " ates, ") splits a word."""
    head, tail = _LAST_LETTERS.search(text[-40:]), _FIRST_LETTERS.match(piece)
    return (
        head is not None
        and tail is not None
        and (head.end() - head.start() + tail.end() - tail.start())
        > len(head.group(1)) + len(tail.group(1))  # a space between them
        and split_word(head.group(1), tail.group(1))
    )


def drop_furniture(pages: list[list[Line]], info: Sequence[Page]) -> list[list[Line]]:
    """Drop running headers and footers: page and job numbers, symbols, repeated lines.

    Only lines in the top or bottom band of a page are candidates; a candidate goes when
    all its words are page furniture or when the same words recur at the same height on
    another page.
    """

    def band(line: Line, page: Page) -> bool:
        return line.y > page.height * (1 - _BAND) or line.y < page.height * _BAND

    keys: Counter[tuple[int, tuple[str, ...]]] = Counter()
    for lines, page in zip(pages, info, strict=True):
        keys.update({_key(line) for line in lines if band(line, page) and line.label is None})
    kept: list[list[Line]] = []
    for lines, page in zip(pages, info, strict=True):
        kept.append(
            [
                line
                for line in lines
                if not (
                    band(line, page)
                    and line.label is None
                    and (_is_furniture(line.text) or keys[_key(line)] > 1)
                )
            ]
        )
    return kept


def _key(line: Line) -> tuple[int, tuple[str, ...]]:
    """A running line's words (numbers aside, in any order) and its height on the page."""
    words = re.sub(r"\d+", "#", _MARK.sub("", line.text)).casefold().split()
    return round(line.y / 2), tuple(sorted(words))


def _is_furniture(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(_FURNITURE_TOKEN.match(t) for t in tokens)


def split_footnotes(
    lines: list[Line], notes: list[tuple[str, str]], size: float, height: float
) -> tuple[list[Line], list[tuple[str, str]]]:
    """(body lines, notes so far): a page's notes start at a rule, at a raised number
    opening a line, or at a number opening a line in small print low on the page.

    A note line without a number continues the note before it, even from the page before.
    `size` is the body text's font size, `height` the page's.
    """
    notes = list(notes)
    body: list[Line] = []
    in_notes = False
    for line in lines:
        small = _SMALL_NOTE.match(line.text)
        if small and not (line.size < 0.9 * size and line.y < 0.4 * height):
            small = None
        if _RULE.match(line.text):
            in_notes = True
            continue
        if line.label is not None or small:
            in_notes = True
            label, text = (line.label, line.text) if small is None else small.groups()
            notes.append((str(label), text))
        elif in_notes and notes:
            label, text = notes[-1]
            notes[-1] = (label, _join(text, line.text))
        else:
            body.append(line)
    return body, notes


def paragraphs_of(lines: list[Line]) -> list[str]:
    """Join body lines into paragraphs; see `_opens` for what starts one."""
    pairs = list(itertools.pairwise(lines))
    gap, size = _gap(pairs)
    rows = {n + k for n, (a, b) in enumerate(pairs) if _aligned(a, b) for k in (0, 1)}
    indents = sum(
        1
        for n, (a, b) in enumerate(pairs)
        if n not in rows and n + 1 not in rows and _first_line_indent(a, b, gap)
    )
    layout = _Layout(gap, size, indents >= 2)
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        text = _glue_marks(line.text)
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        table = index in rows or index - 1 in rows
        if before is None or table or _opens(line, before, after, layout):
            paragraphs.append(text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], text)
    return [_tidy(p) for p in paragraphs if p.strip()]


@dataclass(frozen=True)
class _Layout:
    gap: float  # a larger vertical gap between two lines separates paragraphs
    size: float  # the body text's font size
    indented: bool  # paragraphs open with a first-line indent


def _gap(pairs: list[tuple[Line, Line]]) -> tuple[float, float]:
    """(gap that separates paragraphs, body font size): the usual pitch plus a third of a line."""
    pitches: Counter[float] = Counter()
    for a, b in pairs:
        step = a.y - b.top
        if a.page == b.page and 0.8 * a.size < step < 2 * a.size:
            pitches[round(step * 2) / 2] += 1
    sizes = Counter(line.size for pair in pairs for line in pair)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2 * size
    return pitch + 0.35 * size, size


def _opens(line: Line, before: Line, after: Line | None, layout: _Layout) -> bool:
    """Whether `line` opens a paragraph rather than continuing the one of `before`."""
    if MARKS.opens_clause.match(line.text):
        return True
    if after is not None and _first_line_indent(line, after, layout.gap):
        return True
    if line.page != before.page:
        ended = _MARK.sub("", before.text).rstrip().endswith((";", ":", ",", "."))
        return not layout.indented and ended and bool(_OPENER.match(line.text))
    scale = max(1.0, max(line.size, before.size) / layout.size)
    return before.y - line.top > layout.gap * scale


def _aligned(line: Line, other: Line) -> bool:
    """Table rows: the second cells of two lines start at the same point."""
    return (
        line.page == other.page
        and bool(line.columns and other.columns)
        and abs(line.columns[0] - other.columns[0]) < 0.2
    )


def _first_line_indent(line: Line, after: Line, gap: float) -> bool:
    """`line` is indented more than the next line, which continues it on the same page."""
    return (
        after.page == line.page
        and line.x > after.x + _INDENT
        and not MARKS.opens_clause.match(after.text)
        and line.y - after.top <= gap
    )


def _glue_marks(text: str) -> str:
    for pattern, replacement in _GLUED_MARKS:
        text = pattern.sub(replacement, text)
    return text


def _join(head: str, tail: str) -> str:
    """Join two lines: a hyphen at the end of a line joins the words it splits."""
    stripped = head.rstrip()
    if re.search(r"\w ?-$|\w[–‒]$", stripped):
        return re.sub(r" ?-$", "-", stripped) + tail.lstrip()
    return f"{stripped} {tail.lstrip()}"


def _tidy(text: str) -> str:
    return _SPACED_HYPHEN.sub("-", re.sub(r"\s+", " ", text)).strip()
