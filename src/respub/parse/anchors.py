"""Footnote marks placed in the clauses: where each mark stood in a clause's text.

`split_blocks` takes the marks out of the paragraphs and keeps where they stood
(`Block.marks`). Every clause and sub-paragraph text is a piece of those paragraphs, in
reading order (the segmenter cuts and joins paragraphs, never rewrites them), so a mark
belongs to the clause whose text covers its place; a mark at the very end of a clause
("...Secretary-General;[^2]") is that clause's. The paragraphs of the annexes are read the
same way. A mark elsewhere (in the title, the enacting formula, an annex heading) and a
mark of no known footnote are left unplaced: the footnote is then kept apart.

>>> from respub.parse.blocks import Block
>>> from respub.model import OperativeClause, PreambularClause
>>> blocks = [Block("Recalling the Charter,", 1, ((21, "1"),)), Block("1. Decides so;", 3)]
>>> preamble, operative = anchor_marks(
...     blocks, (PreambularClause("Recalling", "Recalling the Charter,"),),
...     (OperativeClause("Decides", "Decides so;", 1),), {"1"})
>>> preamble[0].marks
(FootnoteMark(label='1', offset=21),)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from respub.model import Annex, FootnoteMark, OperativeClause, PreambularClause, SubParagraph
from respub.parse.blocks import Block

__all__ = ["Own", "anchor_annexes", "anchor_marks", "marks_of", "marks_owner"]


class Own(Protocol):
    """`_Stream.marks`: the marks of the next occurrence of a text; `own=False`: none (the
    text is passed over)."""

    def __call__(self, text: str, own: bool = True) -> tuple[FootnoteMark, ...]: ...


class _Stream:
    """The paragraphs' texts joined by spaces, the marks at their places in it."""

    def __init__(self, blocks: Sequence[Block], labels: set[str]) -> None:
        self.text = " ".join([b.text for b in blocks])
        self.places: list[int] = []
        self.labels: list[str] = []
        start = 0
        for block in blocks:
            for offset, label in block.marks:
                if label in labels:
                    self.places.append(start + offset)
                    self.labels.append(label)
            start += len(block.text) + 1
        self.cursor = 0
        self.last = self.places[-1] if self.places else -1  # the place of the last mark
        self.placed: set[str] = set()  # the labels of the marks owned: a footnote has one place

    def marks(self, text: str, own: bool = True) -> tuple[FootnoteMark, ...]:
        """The marks inside the next occurrence of `text` (its end included) that no text
        before owns, now owned by `text`; `own=False`: none (`text` is passed over)."""
        if self.cursor > self.last or not text:
            return ()  # no mark stands at or after the cursor: `text` is not looked for
        at = find(self.text, text, self.cursor)
        if at < 0:
            return ()
        end = at + len(text)
        self.cursor = end
        first = bisect.bisect_left(self.places, at)
        last = bisect.bisect_right(self.places, end, first)
        if first == last or not own:
            return ()
        labels, placed = self.labels, self.placed
        found = tuple(
            FootnoteMark(labels[i], self.places[i] - at)
            for i in range(first, last)
            if labels[i] not in placed
        )
        placed.update(m.label for m in found)
        return found


_PROBE = 40  # characters of a clause looked for first: `str.find` is quick for a short text


def find(text: str, part: str, start: int) -> int:
    """`text.find(part, start)`, quicker where `part` is a long clause found soon after
    `start`: its first characters are looked for, then the whole compared there (a long
    `part` makes `str.find` prepare a table the length of `part` first).

    >>> find("a b a c", "a c", 0), find("a b a c", "a d", 0), find("aab", "ab", 0)
    (4, -1, 1)
    """
    at = text.find(part[:_PROBE], start)
    if at < 0 or text.startswith(part, at):
        return at
    return text.find(part, at + 1)  # the first occurrence is further on, if any


def marks_owner(blocks: Sequence[Block], labels: set[str]) -> Own | None:
    """What gives each text its marks, the texts asked in reading order (the preamble's,
    then each operative clause's and its sub-paragraphs', then the annexes'): a clause is
    built with its marks (`clauses.segment`), never copied; None when no block holds a
    mark."""
    if not any(b.marks for b in blocks):
        return None
    return _Stream(blocks, labels).marks


def anchor_annexes(annexes: tuple[Annex, ...], own: Own | None) -> tuple[Annex, ...]:
    """The annexes with the marks that stand in their paragraphs, asked of `own` after
    the clauses' (`marks_owner`)."""
    if own is None:
        return annexes
    attached = []
    for annex in annexes:
        own(annex.title, False)  # a heading's mark is not kept: only its place is passed
        found = tuple(own(paragraph) for paragraph in annex.paragraphs)
        found = found if any(found) else ()
        attached.append(annex if found == annex.marks else replace(annex, marks=found))
    return tuple(attached)


def anchor_marks(
    blocks: Sequence[Block],
    preamble: tuple[PreambularClause, ...],
    operative: tuple[OperativeClause, ...],
    labels: set[str],
) -> tuple[tuple[PreambularClause, ...], tuple[OperativeClause, ...]]:
    """Clauses built without marks, copied with the marks of the footnotes `labels` that
    stand in their texts, as `segment` builds them given `marks_owner`."""
    own = marks_owner(blocks, labels)
    if own is None:
        return preamble, operative
    recitals = [c if (m := own(c.text)) == c.marks else replace(c, marks=m) for c in preamble]
    clauses = []
    for clause in operative:
        marks = own(clause.text)
        subs = _subs(clause.subparagraphs, own)
        if marks != clause.marks or subs is not clause.subparagraphs:
            clause = replace(clause, marks=marks, subparagraphs=subs)
        clauses.append(clause)
    return tuple(recitals), tuple(clauses)


def _subs(subs: tuple[SubParagraph, ...], own: Own) -> tuple[SubParagraph, ...]:
    """The sub-paragraphs with their marks: `subs` itself when none changes."""
    out = []
    changed = False
    for sub in subs:
        marks = own(sub.text)
        nested = _subs(sub.subparagraphs, own)
        if marks != sub.marks or nested is not sub.subparagraphs:
            sub = replace(sub, marks=marks, subparagraphs=nested)
            changed = True
        out.append(sub)
    return tuple(out) if changed else subs


def marks_of(operative: OperativeClause) -> Iterator[FootnoteMark]:
    """Every mark of an operative clause: its own, then its sub-paragraphs', depth first."""
    yield from operative.marks

    def walk(subs: tuple[SubParagraph, ...]) -> Iterator[FootnoteMark]:
        for sub in subs:
            yield from sub.marks
            yield from walk(sub.subparagraphs)

    yield from walk(operative.subparagraphs)
