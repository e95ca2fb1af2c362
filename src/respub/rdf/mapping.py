"""Map a parsed `Resolution` to RDF: pyoxigraph triples (fast) or an rdflib graph (pyshacl).

Pure and deterministic: the same resolution gives the same triples in the same order,
with no blank nodes. Texts carry the language of the resolution as their tag.

>>> from respub.model import OperativeClause, Resolution, Source
>>> resolution = Resolution(
...     identifier="A/RES/80/4", body="UN-GA", language="en",
...     source=Source("a-res-80-4.pdf", "0" * 64, "application/pdf"),
...     operative=(OperativeClause("Decides", "Decides to act;", 1, "decides"),),
... )
>>> triples = to_triples(resolution)
>>> print(triples[0])
<https://data.respub.org/resolution/un-ga/80/4> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://respub.org/ontology#Resolution>
>>> len(to_graph(resolution)) == len(triples)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress

import rdflib
from pyoxigraph import NamedNode, Triple
from rdflib.namespace import DCTERMS

from respub.model import Citation, OperativeClause, Resolution, Session, SubParagraph
from respub.rdf.builder import TripleBuilder, part_of
from respub.rdf.iri import Iris, language_authority, slug
from respub.rdf.manifestations import (
    PUBLISHED_FORMATS,
    SOURCE_EXTENSIONS,
    manifestations,
    source_extension,
)
from respub.rdf.marks import mark_places
from respub.rdf.rdflib_graph import triples_to_graph
from respub.rdf.sessions import session_key, session_triples
from respub.rdf.standard import ELI
from respub.rdf.subdivisions import subdivisions, subparagraph_step
from respub.rdf.vocab import RESPUB

__all__ = [
    "PUBLISHED_FORMATS",
    "SOURCE_EXTENSIONS",
    "mark_places",
    "session_key",
    "source_extension",
    "subparagraph_step",
    "to_graph",
    "to_triples",
    "triples_to_graph",
]


def to_triples(resolution: Resolution, iris: Iris | None = None) -> list[Triple]:
    """The triples of a resolution: its work, this language version, its files and parts."""
    iris = iris or Iris()
    out = TripleBuilder(resolution.language)
    work = NamedNode(iris.work(resolution.identifier))
    expression = NamedNode(iris.expression(work.value, resolution.language))
    _work(out, resolution, iris, work)
    out.add(work, RESPUB.realizedBy, expression)
    out.add(work, ELI.is_realized_by, expression)
    subdivisions(out, resolution, iris, work, expression)
    _expression(out, resolution, iris, work, expression)
    # a resolution adopted in parts: each later part is a Work of its own (A/RES/80/2B)
    later = [t for part in resolution.parts for t in to_triples(part, iris)]
    return _grouped(out.triples) + later


def _grouped(triples: list[Triple]) -> list[Triple]:
    """Without duplicates, grouped by subject in order of first appearance (readable Turtle)."""
    subjects: dict[NamedNode, list[Triple]] = {}
    for triple in dict.fromkeys(triples):
        subjects.setdefault(triple.subject, []).append(triple)  # type: ignore[arg-type]
    return [triple for group in subjects.values() for triple in group]


def _work(out: TripleBuilder, resolution: Resolution, iris: Iris, work: NamedNode) -> None:
    body = NamedNode(iris.body(resolution.body))
    out.a(work, RESPUB.Resolution)
    out.a(work, ELI.LegalResource)
    out.add(work, ELI.type_document, NamedNode(iris.concept("document-type", "resolution")))
    for predicate in (RESPUB.identifier, ELI.id_local, DCTERMS.identifier):
        out.string(work, predicate, resolution.identifier)
    out.add(work, RESPUB.passedBy, body)
    out.add(work, ELI.passed_by, body)
    out.string(work, RESPUB.number, resolution.number)
    out.string(work, ELI.number, resolution.number)
    for predicate in (RESPUB.dateAdopted, ELI.date_document, DCTERMS.date):
        out.date(work, predicate, resolution.adopted)
    if resolution.status is not None:
        out.add(work, RESPUB.status, NamedNode(iris.concept("status", slug(resolution.status))))
    key = session_key(resolution)
    if key is not None:
        session = NamedNode(iris.session(resolution.body, key))
        out.add(work, RESPUB.adoptedAt, session)
        session_triples(out, resolution.session or Session(), session, body, key)
    for citation in resolution.citations:
        cited = NamedNode(iris.work(citation.identifier))
        for predicate in (RESPUB.cites, ELI.cites, DCTERMS.references):
            out.add(work, predicate, cited)


def _expression(
    out: TripleBuilder, resolution: Resolution, iris: Iris, work: NamedNode, expression: NamedNode
) -> None:
    out.a(expression, RESPUB.Expression)
    out.a(expression, ELI.LegalExpression)
    out.add(expression, ELI.realizes, work)
    out.string(expression, RESPUB.languageCode, resolution.language)
    with suppress(ValueError):  # an unknown language: the shapes report it missing
        language = NamedNode(language_authority(resolution.language))
        for predicate in (RESPUB.language, ELI.language, DCTERMS.language):
            out.add(expression, predicate, language)
    for predicate in (RESPUB.title, ELI.title, DCTERMS.title):
        out.text(expression, predicate, resolution.title)
    out.text(expression, RESPUB.formula, resolution.formula)
    manifestations(out, resolution, iris, expression)
    _preamble(out, resolution, iris, expression)
    for position, clause in enumerate(resolution.operative, start=1):
        _operative(out, iris, expression, position, clause)
    places = mark_places(resolution)
    for position, footnote in enumerate(resolution.footnotes, start=1):
        node = NamedNode(iris.part(expression.value, "footnote", position))
        out.add(expression, RESPUB.hasFootnote, node)
        part_of(out, expression, node)
        out.a(node, RESPUB.Footnote)
        out.integer(node, RESPUB.position, position)
        out.string(node, RESPUB.printedLabel, footnote.label)
        out.text(node, RESPUB.text, footnote.text)
        if footnote.label in places and places[footnote.label][0] == position:
            _, steps, offset = places.pop(footnote.label)
            out.add(node, RESPUB.markedIn, NamedNode(iris.part(expression.value, *steps)))
            out.integer(node, RESPUB.markOffset, offset)
    for position, annex in enumerate(resolution.annexes, start=1):
        node = NamedNode(iris.part(expression.value, "annex", position))
        out.add(expression, RESPUB.hasAnnex, node)
        part_of(out, expression, node)
        out.a(node, RESPUB.Annex)
        out.integer(node, RESPUB.position, position)
        out.text(node, RESPUB.heading, annex.title)
        out.text(node, RESPUB.text, "\n\n".join(annex.paragraphs) if annex.paragraphs else None)
    for position, citation in enumerate(resolution.citations, start=1):
        _citation(out, iris, expression, position, citation)


def _preamble(
    out: TripleBuilder, resolution: Resolution, iris: Iris, expression: NamedNode
) -> None:
    if not resolution.preamble:
        return
    preamble = NamedNode(iris.part(expression.value, "preamble"))
    out.add(expression, RESPUB.hasPreamble, preamble)
    part_of(out, expression, preamble)
    out.a(preamble, RESPUB.Preamble)
    for position, clause in enumerate(resolution.preamble, start=1):
        node = NamedNode(iris.part(expression.value, "preamble", position))
        out.add(preamble, RESPUB.hasPreambularClause, node)
        part_of(out, preamble, node)
        out.a(node, RESPUB.PreambularClause)
        out.integer(node, RESPUB.position, position)
        out.integer(node, RESPUB.paragraphNumber, clause.number)
        out.text(node, RESPUB.keyword, clause.keyword)
        out.text(node, RESPUB.text, clause.text)
        if clause.concept is not None:
            concept = iris.concept("preambular", slug(clause.concept))
            out.add(node, RESPUB.concept, NamedNode(concept))


def _operative(
    out: TripleBuilder, iris: Iris, expression: NamedNode, position: int, clause: OperativeClause
) -> None:
    node = NamedNode(iris.part(expression.value, "operative", position))
    out.add(expression, RESPUB.hasOperativeClause, node)
    part_of(out, expression, node)
    out.a(node, RESPUB.OperativeClause)
    out.integer(node, RESPUB.position, position)
    out.integer(node, RESPUB.paragraphNumber, clause.number)
    out.text(node, RESPUB.keyword, clause.keyword)
    out.text(node, RESPUB.text, clause.text)
    out.text(node, RESPUB.sectionHeading, clause.heading)
    if clause.concept is not None:
        out.add(node, RESPUB.concept, NamedNode(iris.concept("operative", slug(clause.concept))))
    for addressee in clause.addressees:
        out.add(node, RESPUB.addressee, NamedNode(iris.concept("addressee", addressee)))
    if clause.self_acting:
        out.boolean(node, RESPUB.actsOnItself, True)
    for thanked in clause.thanked:
        out.add(node, RESPUB.thanks, NamedNode(iris.concept("addressee", thanked)))
    _subparagraphs(out, iris, expression, node, ("operative", position), clause.subparagraphs)


def _subparagraphs(
    out: TripleBuilder,
    iris: Iris,
    expression: NamedNode,
    parent: NamedNode,
    steps: tuple[str | int, ...],
    subparagraphs: Iterable[SubParagraph],
) -> None:
    used: set[str] = set()
    for position, sub in enumerate(subparagraphs, start=1):
        step = subparagraph_step(sub.label, position, used)
        node = NamedNode(iris.part(expression.value, *steps, step))
        out.add(parent, RESPUB.hasSubParagraph, node)
        part_of(out, parent, node)
        out.a(node, RESPUB.SubParagraph)
        out.integer(node, RESPUB.position, position)
        out.string(node, RESPUB.printedLabel, sub.label)
        out.text(node, RESPUB.text, sub.text)
        for addressee in sub.addressees:
            out.add(node, RESPUB.addressee, NamedNode(iris.concept("addressee", addressee)))
        _subparagraphs(out, iris, expression, node, (*steps, step), sub.subparagraphs)


def _citation(
    out: TripleBuilder, iris: Iris, expression: NamedNode, position: int, citation: Citation
) -> None:
    node = NamedNode(iris.part(expression.value, "citation", position))
    cited = NamedNode(iris.work(citation.identifier))
    out.add(expression, RESPUB.hasCitation, node)
    out.a(node, RESPUB.Citation)
    out.integer(node, RESPUB.position, position)
    out.string(node, RESPUB.citedIdentifier, citation.identifier)
    out.string(node, RESPUB.citationKind, citation.kind)
    out.text(node, RESPUB.textAsPrinted, citation.text)
    out.add(node, RESPUB.citedWork, cited)
    try:
        place = NamedNode(iris.clause_ref(expression.value, citation.clause))
    except ValueError:
        return  # the shapes report a citation that occurs nowhere
    out.add(node, RESPUB.occursIn, place)
    out.add(place, RESPUB.mentions, cited)


def to_graph(resolution: Resolution, iris: Iris | None = None) -> rdflib.Graph:
    """The same triples as `to_triples`, as an rdflib graph (what pyshacl validates)."""
    return triples_to_graph(to_triples(resolution, iris))
