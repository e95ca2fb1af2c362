"""Text with its inline elements: each citation a ``<ref>``, each footnote at its mark.

`write_inline(element, text, spans, notes, ...)` writes `text` into `element`, a
citation span as a ``ref`` (a span inside another inside its parent; a span crossing
another's end is dropped, since elements cannot overlap) and a note at its offset as the
element its `render` callback appends (an ``authorialNote``). A note at a span's start
comes before the ``ref``, at its end after it, strictly inside it inside the ``ref``
(the schema allows an ``authorialNote`` there), so the reading order is the model's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from respub.akn.slots import Span

__all__ = ["Note", "write_inline"]


@dataclass(frozen=True)
class Note:
    """A footnote to place at `offset` of a text; `render(parent)` appends its element."""

    offset: int
    render: Callable[[etree._Element], etree._Element]


MakeRef = Callable[[etree._Element, Span], etree._Element]


def write_inline(
    element: etree._Element,
    text: str,
    spans: Sequence[Span],
    notes: Sequence[Note],
    make_ref: MakeRef,
) -> None:
    """Write `text` into `element` (spans sorted by start, longest first; notes by offset)."""
    writer = _Inline(element, text, notes)
    index = 0
    while index < len(spans):
        span = spans[index]
        inner: list[Span] = []
        index += 1
        while index < len(spans) and spans[index].start < span.end:
            if spans[index].end <= span.end:
                inner.append(spans[index])
            index += 1  # a span crossing this one's end is dropped: refs cannot overlap
        writer.notes_until(span.start)
        writer.text_until(span.start)
        ref = make_ref(element, span)
        shifted = [
            Span(s.start - span.start, s.end - span.start, s.position, s.citation) for s in inner
        ]
        within = [Note(n.offset - span.start, n.render) for n in writer.take_notes_before(span.end)]
        write_inline(ref, text[span.start : span.end], shifted, within, make_ref)
        writer.after(ref, span.end)
    writer.notes_until(len(text))
    writer.text_until(len(text))


class _Inline:
    """The text and notes written so far into one element."""

    def __init__(self, element: etree._Element, text: str, notes: Sequence[Note]) -> None:
        self.element = element
        self.text = text
        self.notes = list(notes)
        self.next = 0
        self.at = 0
        self.last: etree._Element | None = None

    def text_until(self, end: int) -> None:
        _append_text(self.element, self.last, self.text[self.at : end])
        self.at = max(self.at, end)

    def notes_until(self, end: int) -> None:
        """Write the text and notes up to `end` (notes at `end` included)."""
        while self.next < len(self.notes) and self.notes[self.next].offset <= end:
            note = self.notes[self.next]
            self.next += 1
            self.text_until(note.offset)
            self.last = note.render(self.element)

    def take_notes_before(self, end: int) -> list[Note]:
        """The notes strictly before `end` (inside the span being written)."""
        taken = []
        while self.next < len(self.notes) and self.notes[self.next].offset < end:
            taken.append(self.notes[self.next])
            self.next += 1
        return taken

    def after(self, child: etree._Element, end: int) -> None:
        self.last = child
        self.at = end


def _append_text(element: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text
