"""The printed texts of a resolution in reading order, each named by its RDF fragment.

A *slot* is one printed string of the model (the identifier, the title, the formula, a
clause, a sub-paragraph's label or text, a footnote, an annex heading or paragraph) with
the fragment name of the part it belongs to (``preamble-3``, ``operative-2-a``,
``footnote-1``). The Akoma Ntoso writer renders slots and places each citation in the
slot where it occurs; `model_text` is the text the XML must carry.

>>> from respub.model import OperativeClause, Resolution, Source, SubParagraph
>>> r = Resolution("A/RES/80/4", "UN-GA", "en", Source("x", "0" * 64, "text/plain"),
...     operative=(OperativeClause("Decides", "Decides that:", 1, "decides",
...                (SubParagraph("a", "States act;"),)),))
>>> for slot in slots(r):
...     print(slot.part, slot.role, slot.text)
identifier identifier A/RES/80/4
operative-1 num 1
operative-1 text Decides that:
operative-1-a num a
operative-1-a text States act;
>>> model_text(r)
'A/RES/80/4 1 Decides that: a States act;'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from respub.model import Citation, FootnoteMark, Resolution, SubParagraph
from respub.rdf.mapping import subparagraph_step


@dataclass(frozen=True)
class Slot:
    """One printed string: the part it belongs to, its role there, and the text.

    A clause's text slot lists the footnote marks that stand in it; the slots of those
    footnotes (role ``note``) follow it at once, in the order of the marks.
    """

    part: str
    role: str
    text: str
    marks: tuple[FootnoteMark, ...] = ()


def slots(resolution: Resolution) -> list[Slot]:
    """Every printed string of the model, in reading order."""
    return list(_slots(resolution))


def _slots(r: Resolution) -> Iterator[Slot]:
    yield Slot("identifier", "identifier", r.identifier)
    if r.title is not None:
        yield Slot("title", "title", r.title)
    if r.formula is not None:
        yield Slot("formula", "formula", r.formula)
    notes = _Notes(r)
    for position, clause in enumerate(r.preamble, start=1):
        part = f"preamble-{position}"
        if clause.number is not None:
            yield Slot(part, "num", str(clause.number))
        yield from notes.text(part, clause.text)
    for position, op in enumerate(r.operative, start=1):
        part = f"operative-{position}"
        if op.number is not None:
            yield Slot(part, "num", str(op.number))
        if op.heading is not None:  # printed above the number, written after it (`num`)
            yield Slot(part, "heading", op.heading)
        yield from notes.text(part, op.text)
        yield from _subparagraph_slots(part, op.subparagraphs, notes)
    for position, note in enumerate(r.footnotes, start=1):
        if position not in notes.placed:
            yield Slot(f"footnote-{position}", "text", note.text)
    for position, annex in enumerate(r.annexes, start=1):
        part = f"annex-{position}"
        yield Slot(part, "title", annex.title)
        for paragraph in annex.paragraphs:
            yield from notes.text(part, paragraph)


def _marked_texts(r: Resolution) -> Iterator[tuple[FootnoteMark, ...]]:
    """The marks of every text that may carry some, in the order `_slots` writes them."""

    def subs(items: Sequence[SubParagraph]) -> Iterator[tuple[FootnoteMark, ...]]:
        for sub in items:
            yield sub.marks
            yield from subs(sub.subparagraphs)

    for recital in r.preamble:
        yield recital.marks
    for clause in r.operative:
        yield clause.marks
        yield from subs(clause.subparagraphs)
    for annex in r.annexes:
        yield from annex.marks or ((),) * len(annex.paragraphs)


class _Notes:
    """The footnotes placed at their marks: a text slot, then its notes' slots. A
    footnote is placed at its first mark; the texts come in the order of `_slots`."""

    def __init__(self, r: Resolution) -> None:
        self.footnotes = r.footnotes
        position: dict[str, int] = {}
        for index, note in enumerate(r.footnotes, start=1):
            position.setdefault(note.label, index)
        self.placed: set[int] = set()
        self.own: list[tuple[tuple[FootnoteMark, int], ...]] = []
        for marks in _marked_texts(r):
            own = []
            for mark in marks:
                found = position.get(mark.label)
                if found is not None and found not in self.placed:
                    self.placed.add(found)
                    own.append((mark, found))
            self.own.append(tuple(own))
        self.next = 0

    def text(self, part: str, text: str) -> Iterator[Slot]:
        own = self.own[self.next]
        self.next += 1
        yield Slot(part, "text", text, tuple(mark for mark, _ in own))
        for _, position in own:
            yield Slot(f"footnote-{position}", "note", self.footnotes[position - 1].text)


def _subparagraph_slots(parent: str, subs: Sequence[SubParagraph], notes: _Notes) -> Iterator[Slot]:
    used: set[str] = set()
    for position, sub in enumerate(subs, start=1):
        part = f"{parent}-{subparagraph_step(sub.label, position, used)}"
        yield Slot(part, "num", sub.label)
        yield from notes.text(part, sub.text)
        yield from _subparagraph_slots(part, sub.subparagraphs, notes)


def subparagraph_parts(parent: str, subs: Sequence[SubParagraph]) -> list[str]:
    """The fragment names of the sub-paragraphs directly under `parent`, in order."""
    used: set[str] = set()
    return [
        f"{parent}-{subparagraph_step(sub.label, position, used)}"
        for position, sub in enumerate(subs, start=1)
    ]


def model_text(resolution: Resolution) -> str:
    """The model's printed strings in reading order, joined by spaces, whitespace collapsed.

    This is what the concatenated text of the Akoma Ntoso file must equal (see
    `respub.akn.text_of`): the identifier, title, formula, preambular clauses, operative
    clauses (number, text, then each sub-paragraph's label and text, depth first),
    the footnotes not placed at a mark, then annexes (heading, paragraphs). A footnote
    whose mark stands in a clause is read there, at its mark, as the XML places it: its
    text counts, between the clause's words before and after the mark.
    """
    found = slots(resolution)
    pieces: list[str] = []
    index = 0
    while index < len(found):
        slot = found[index]
        index += 1
        at = 0
        for mark in slot.marks:
            pieces.extend([slot.text[at : mark.offset], found[index].text])
            at = mark.offset
            index += 1
        pieces.append(slot.text[at:])
    return " ".join(" ".join(pieces).split())


@dataclass(frozen=True)
class Span:
    """Where a citation sits in a slot's text: [start, end), and the citation's position."""

    start: int
    end: int
    position: int
    citation: Citation


def place_citations(
    resolution: Resolution, found: Sequence[Slot]
) -> tuple[dict[int, list[Span]], list[Citation]]:
    """Each citation located in the slot where it occurs: (spans by slot index, not found).

    A citation names its part (``preamble-2``; ``operative-3`` also covers its
    sub-paragraphs); its printed text is looked for in the texts of that part, in order,
    after the previous occurrence of the same text there, so repeated citations each get
    their own occurrence.
    """
    spans: dict[int, list[Span]] = {}
    missing: list[Citation] = []
    resume: dict[tuple[str, str], tuple[int, int]] = {}
    for position, citation in enumerate(resolution.citations, start=1):
        key = (citation.clause, citation.text)
        start_slot, start_at = resume.get(key, (0, 0))
        located = _locate(found, citation, start_slot, start_at)
        if located is None:
            missing.append(citation)
            continue
        index, at = located
        end = at + len(citation.text)
        spans.setdefault(index, []).append(Span(at, end, position, citation))
        resume[key] = (index, end)
    return spans, missing


def _locate(
    found: Sequence[Slot], citation: Citation, start_slot: int, start_at: int
) -> tuple[int, int] | None:
    clause = citation.clause
    for index in range(start_slot, len(found)):
        slot = found[index]
        if slot.role == "num":
            continue
        if slot.part != clause and not slot.part.startswith(clause + "-"):
            continue
        at = slot.text.find(citation.text, start_at if index == start_slot else 0)
        if at >= 0 and citation.text:
            return index, at
    return None
