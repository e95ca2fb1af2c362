"""The text an Akoma Ntoso file carries, to compare with the model's (`model_text`).

`text_of` reads every text node outside ``<meta>`` in document order, leaving out the
elements that render metadata rather than printed text (``docProponent``: the body's
name; ``docDate``: the adoption date in ISO form). A block element (``p``, ``num``) is
a word boundary; whitespace is collapsed. The writer must make
``text_of(to_akn(r)) == model_text(r)`` for every resolution: nothing printed is lost,
moved between blocks or invented.
"""

from __future__ import annotations

from lxml import etree

from respub.akn.write import AKN

_SKIPPED = frozenset(f"{{{AKN}}}{name}" for name in ("meta", "docProponent", "docDate"))
_BLOCKS = frozenset(f"{{{AKN}}}{name}" for name in ("p", "num"))


def text_of(document: bytes) -> str:
    """The printed text of an Akoma Ntoso document, whitespace collapsed."""
    pieces: list[str] = []
    _collect(etree.fromstring(document), pieces)
    return " ".join("".join(pieces).split())


def _collect(element: etree._Element, pieces: list[str]) -> None:
    if element.tag in _SKIPPED:
        return
    block = element.tag in _BLOCKS
    if block:
        pieces.append(" ")
    pieces.append(element.text or "")
    for child in element:
        _collect(child, pieces)
        pieces.append(child.tail or "")
    if block:
        pieces.append(" ")
