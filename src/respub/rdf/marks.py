"""Where the footnote marks stand: the clause, sub-paragraph or annex of each placed mark."""

from __future__ import annotations

from collections.abc import Iterable

from respub.model import FootnoteMark, Resolution, SubParagraph
from respub.rdf.subdivisions import subparagraph_step

__all__ = ["mark_places"]


def mark_places(resolution: Resolution) -> dict[str, tuple[int, tuple[str | int, ...], int]]:
    """Where each placed footnote's mark stands: label -> (the footnote's position, the
    fragment steps of its clause, sub-paragraph or annex, the offset in its text)."""
    position: dict[str, int] = {}
    for index, note in enumerate(resolution.footnotes, start=1):
        position.setdefault(note.label, index)
    places: dict[str, tuple[int, tuple[str | int, ...], int]] = {}

    def put(steps: tuple[str | int, ...], marks: Iterable[FootnoteMark]) -> None:
        for mark in marks:
            if mark.label in position:
                places.setdefault(mark.label, (position[mark.label], steps, mark.offset))

    def walk(steps: tuple[str | int, ...], subs: Iterable[SubParagraph]) -> None:
        used: set[str] = set()
        for index, sub in enumerate(subs, start=1):
            here = (*steps, subparagraph_step(sub.label, index, used))
            put(here, sub.marks)
            walk(here, sub.subparagraphs)

    for index, recital in enumerate(resolution.preamble, start=1):
        put(("preamble", index), recital.marks)
    for index, clause in enumerate(resolution.operative, start=1):
        put(("operative", index), clause.marks)
        walk(("operative", index), clause.subparagraphs)
    for index, annex in enumerate(resolution.annexes, start=1):
        start = 0  # the annex's text is its paragraphs joined by blank lines
        for paragraph, marks in zip(annex.paragraphs, annex.marks, strict=False):
            put(("annex", index), (FootnoteMark(m.label, start + m.offset) for m in marks))
            start += len(paragraph) + 2
    return places
