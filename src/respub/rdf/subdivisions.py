"""The work's ELI subdivisions (operative paragraphs and their lettered sub-paragraphs), and
the IRI step of a sub-paragraph that the RDF and the Akoma Ntoso ``eId``s share."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode

from respub.knowledge.labels import places
from respub.model import Resolution, SubParagraph
from respub.rdf.builder import TripleBuilder
from respub.rdf.iri import Iris, slug
from respub.rdf.standard import ELI

__all__ = ["subdivisions", "subparagraph_step"]


def subdivisions(
    out: TripleBuilder, resolution: Resolution, iris: Iris, work: NamedNode, expression: NamedNode
) -> None:
    """The work's ELI subdivisions: its operative paragraphs by printed number (the same in
    every language, so each language version realizes the same subdivision)."""
    for position, clause in enumerate(resolution.operative, start=1):
        if clause.number is None:
            continue
        node = NamedNode(iris.part(work.value, "operative", clause.number))
        out.add(work, ELI.has_part, node)
        out.a(node, ELI.LegalResourceSubdivision)
        out.add(node, ELI.is_part_of, work)
        out.string(node, ELI.number, str(clause.number))
        clause_node = NamedNode(iris.part(expression.value, "operative", position))
        out.add(node, ELI.is_realized_by, clause_node)
        steps = ("operative", position)
        _sub_subdivisions(out, iris, expression, node, steps, clause.subparagraphs)


def _sub_subdivisions(
    out: TripleBuilder,
    iris: Iris,
    expression: NamedNode,
    parent: NamedNode,
    steps: tuple[str | int, ...],
    subparagraphs: Sequence[SubParagraph],
) -> None:
    """The work's subdivisions of a paragraph's sub-paragraphs, when their printed labels
    are their places ((a), (b) … or (أ), (ب) …: the same key in every language); each
    realized by the sub-paragraph of this version (its IRI step as `_subparagraphs`)."""
    found = places([sub.label for sub in subparagraphs])
    if found is None:
        return
    used: set[str] = set()
    for place, (position, sub) in zip(found, enumerate(subparagraphs, start=1), strict=True):
        step = subparagraph_step(sub.label, position, used)
        node = NamedNode(f"{parent.value}-{place}")
        clause_node = NamedNode(iris.part(expression.value, *steps, step))
        out.add(parent, ELI.has_part, node)
        out.a(node, ELI.LegalResourceSubdivision)
        out.add(node, ELI.is_part_of, parent)
        out.string(node, ELI.number, str(place))
        out.add(node, ELI.is_realized_by, clause_node)
        _sub_subdivisions(out, iris, expression, node, (*steps, step), sub.subparagraphs)


def subparagraph_step(label: str, position: int, used: set[str]) -> str:
    """A sub-paragraph's IRI step: its label, or ``p{position}`` when empty or repeated.

    Shared with the Akoma Ntoso writer, whose ``eId``s are these fragment names.
    """
    stripped = label.strip().strip("().[]").strip()
    step = slug(stripped) if stripped else f"p{position}"
    if step in used:
        step = f"p{position}"
    used.add(step)
    return step
