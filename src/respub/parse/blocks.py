"""Split normalised text into paragraphs (blocks) and footnotes.

>>> blocks, notes = split_blocks("A line\\nwrapped[^1].\\n\\nNext\\n\\n[^1]: A note.")
>>> [b.text for b in blocks], notes
(['A line wrapped.', 'Next'], (Footnote(label='1', text='A note.'),))
>>> blocks[0].marks  # where the mark stood: after "A line wrapped"
((14, '1'),)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from respub.model import Footnote
from respub.parse.footnotes import NOTE_DEFINITION, NOTE_MARK

_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")


class Block(NamedTuple):
    """A paragraph of the source and the line (1-based) where it starts (a named tuple:
    made several times faster than a frozen dataclass, a few dozen per document)."""

    text: str
    line: int
    # the footnote marks taken out of the text: (offset in `text`, label), in order
    marks: tuple[tuple[int, str], ...] = ()


def split_blocks(text: str, cleaned: bool = False) -> tuple[list[Block], tuple[Footnote, ...]]:
    """Paragraphs separated by blank lines, footnote definitions set apart, marks removed.

    `cleaned`: `text` is `clean_text`'s: its lines trimmed, one empty line between two
    paragraphs, one line end after the last. It is then split into paragraphs, and only
    a paragraph of several lines, or of one that may be a footnote definition or a rule,
    is read line by line (most paragraphs are one line). Every run of spaces is one
    space: unless the text holds other whitespace, only a block that held a mark is
    looked at for whitespace to collapse (`_marked`'s `plain`).
    """
    blocks: list[Block] = []
    notes: list[Footnote] = []
    controls = any(map(text.__contains__, _CONTROL_SPACES))  # once, not in every block
    # whether the text holds no whitespace but the space and the line end (`_KEPT_SPACES`
    # are all beyond ASCII)
    plain = (
        cleaned
        and not controls
        and (text.isascii() or not any(map(text.__contains__, _KEPT_SPACES)))
    )
    if not cleaned:
        _read_lines(text.split("\n"), 1, blocks, notes, controls, plain)
        return blocks, tuple(notes)
    number = 1  # the line where `paragraph` starts
    for paragraph in text.rstrip("\n").split("\n\n"):
        # (an empty paragraph is the text of no line)
        if "\n" in paragraph or not paragraph or paragraph[0] in _MAY_OPEN_NOTE_OR_RULE:
            lines = paragraph.split("\n")
            _read_lines(lines, number, blocks, notes, controls, plain)
            number += len(lines) + 1
            continue
        # a paragraph of one line; most hold no mark: `_marked` would leave them as they are
        if plain and "^" not in paragraph:
            marks: tuple[tuple[int, str], ...] = ()
        else:
            paragraph, marks = _marked(paragraph, controls, plain)
        # Block(text, number, marks) without the named tuple's __new__ (a Python call)
        blocks.append(tuple.__new__(Block, (paragraph, number, marks)))
        number += 2
    return blocks, tuple(notes)


# the first characters of a footnote definition and a rule (`NOTE_DEFINITION`, `_RULE`)
_MAY_OPEN_NOTE_OR_RULE = "[-_*"


def _read_lines(
    lines: list[str],
    first: int,
    blocks: list[Block],
    notes: list[Footnote],
    controls: bool,
    plain: bool,
) -> None:
    """Add the blocks and notes of `lines` (the first numbered `first`) to `blocks` and
    `notes`; `controls` and `plain` as `_marked` takes them."""
    current: list[str] = []
    start = first
    note: list[str] | None = None  # the lines of the footnote `label` being read
    label = ""

    def flush() -> None:
        nonlocal current, note
        if note is not None:
            notes.append(Footnote(label, _marked(" ".join(note), controls, plain)[0]))
            note = None
        elif current:
            text, marks = _marked(" ".join(current), controls, plain)
            # Block(text, start, marks) without the named tuple's __new__ (a Python call)
            blocks.append(tuple.__new__(Block, (text, start, marks)))
        current = []

    for number, line in enumerate(lines, start=first):
        stripped = line.strip()
        # `definition(stripped)` without a call for each line: most open with no "[^"
        found = NOTE_DEFINITION.match(stripped) if stripped[:2] == "[^" else None
        if found:
            flush()
            label, first_line = found.group("label"), found.group("text")
            note = [first_line] if first_line else []  # no space before the next line
        elif not stripped or (stripped[0] in "-_*" and _RULE.match(line)):
            flush()
        elif note is not None:
            note.append(line)
        else:
            if not current:
                start = number
            current.append(line)
    flush()


# the whitespace `clean_text` leaves as it is but the space, the line end and the ASCII
# controls: every other (no-break, em, ideographic ... spaces) it makes a space
_KEPT_SPACES = "\x85\u1680\u2028\u2029"


# the ASCII whitespace but the space and the line end (which splits a text into lines)
_CONTROL_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"


def collapsed(text: str, controls: bool = True, plain: bool = False) -> str:
    """`" ".join(text.split())`: every run of whitespace one space, none at either end. A
    text that is so already is returned as it is, told in C without splitting it into
    words: a printable text holds no whitespace but the space (every other whitespace
    character is a control or separator character, which `isprintable` refuses), so
    with no two spaces together and none at an end it has nothing to collapse.
    `controls=False` tells that the text holds no line end nor `_CONTROL_SPACES`: an
    ASCII text then holds no whitespace but the space, and `isprintable` (a look-up for
    every character) is spared; so is it with `plain=True`: the text holds no whitespace
    but the space, whatever its characters.

    >>> collapsed(" A  line\\nwrapped\\u00a0here "), collapsed("Already one line")
    ('A line wrapped here', 'Already one line')
    """
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    if plain or (not controls and text.isascii()) or text.isprintable():
        return text
    return " ".join(text.split())


def mark_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each mark `NOTE_MARK` finds in `text`, in order: found by
    looking for its brackets (a pattern's call costs more than a paragraph's few marks).

    >>> mark_spans("a[^1] b[^] c[^[^x]]")
    [(1, 5, '1'), (12, 18, '[^x')]
    """
    spans: list[tuple[int, int, str]] = []
    at = text.find("[^")
    while at >= 0:
        end = text.find("]", at + 2)
        if end < 0:  # no mark closes here, nor further on
            break
        if end == at + 2:  # "[^]": no label
            at = text.find("[^", at + 1)
            continue
        spans.append((at, end + 1, text[at + 2 : end]))
        at = text.find("[^", end + 1)
    return spans


_SENTINEL = "\ue000"  # a private-use character standing for a mark while spaces collapse


def _marked(
    text: str, controls: bool, plain: bool = False
) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text with whitespace collapsed, marks taken out, and where they stood;
    `controls` as `collapsed` takes it. `plain`: the text holds no whitespace but one
    space between two words, but where a mark stands (`clean_text`'s lines joined by
    spaces): only a text holding a mark may have whitespace to collapse."""
    if "^" not in text or "[^" not in text:  # a character found fast (memchr), two not
        return (text if plain else collapsed(text, controls)), ()
    # the text less its marks, and where each stood in it (the marks taken out before it less)
    pieces: list[str] = []
    marks: list[tuple[int, str]] = []
    done = removed = 0
    found = mark_spans(text)
    for start, end, label in found:
        pieces.append(text[done:start])
        marks.append((start - removed, label))
        removed += end - start
        done = end
    bare = "".join([*pieces, text[done:]]) if pieces else text
    if collapsed(bare, controls, plain) == bare and _SENTINEL not in text:
        return bare, tuple(marks)  # no mark stood alone between spaces: each stands there
    labels = [label for _, _, label in found]
    marks = []
    pieces = []
    length = 0
    for word in NOTE_MARK.sub(_SENTINEL, text).split():
        if _SENTINEL not in word:  # most words: no mark to place
            length += (1 if pieces else 0) + len(word)
            pieces.append(word)
            continue
        bare = word.replace(_SENTINEL, "")
        start = length + (1 if pieces and bare else 0)
        at = 0
        for char in word:
            if char == _SENTINEL:
                marks.append((start + at if bare else length, labels[len(marks)]))
            else:
                at += 1
        if bare:
            pieces.append(bare)
            length = start + len(bare)
    return " ".join(pieces), tuple(marks)
