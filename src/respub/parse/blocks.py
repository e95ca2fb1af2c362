"""Split normalised text into paragraphs (blocks) and footnotes.

>>> blocks, notes = split_blocks("A line\\nwrapped[^1].\\n\\nNext\\n\\n[^1]: A note.")
>>> [b.text for b in blocks], notes
(['A line wrapped.', 'Next'], (Footnote(label='1', text='A note.'),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from respub.model import Footnote
from respub.parse.footnotes import NOTE_DEFINITION, NOTE_MARK

_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")


@dataclass(frozen=True)
class Block:
    """A paragraph of the source and the line (1-based) where it starts."""

    text: str
    line: int


def split_blocks(text: str) -> tuple[list[Block], tuple[Footnote, ...]]:
    """Paragraphs separated by blank lines, footnote definitions set apart, marks removed."""
    blocks: list[Block] = []
    notes: list[Footnote] = []
    current: list[str] = []
    start = 0
    note: list[str] | None = None

    def flush() -> None:
        nonlocal current, note
        if note is not None:
            notes[-1] = Footnote(notes[-1].label, _join(note))
            note = None
        elif current:
            blocks.append(Block(_join(current), start))
        current = []

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        found = NOTE_DEFINITION.match(stripped) if stripped.startswith("[^") else None
        if found:
            flush()
            notes.append(Footnote(found.group("label"), ""))
            note = [found.group("text")]
        elif not stripped or (stripped[0] in "-_*" and _RULE.match(line)):
            flush()
        elif note is not None:
            note.append(line)
        else:
            if not current:
                start = number
            current.append(line)
    flush()
    return blocks, tuple(notes)


def _join(lines: list[str]) -> str:
    text = " ".join(lines)
    if "[^" in text:
        text = NOTE_MARK.sub("", text)
    return " ".join(text.split())  # every run of spaces one space (str.split: much faster)
