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

from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import date
from functools import cache

import rdflib
from pyoxigraph import Literal, NamedNode, Triple
from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV

from respub.knowledge.identifiers import identify, style
from respub.knowledge.labels import places
from respub.model import (
    Citation,
    FootnoteMark,
    OperativeClause,
    Resolution,
    Session,
    SubParagraph,
)
from respub.rdf.iri import Iris, language_authority, slug
from respub.rdf.standard import ELI, media_type_iri
from respub.rdf.vocab import RESPUB

# The files published for each language version, besides its source: extension, media type.
PUBLISHED_FORMATS = (
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("akn", "application/akn+xml"),  # Akoma Ntoso 3.0 XML (respub.akn)
)

SOURCE_EXTENSIONS = {
    "application/pdf": "pdf",
    "text/plain": "txt",
    "text/html": "html",
    "application/xml": "xml",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}

_XSD_STRING = str(XSD.string)
_XSD_INTEGER = NamedNode(str(XSD.integer))
_XSD_BOOLEAN = NamedNode(str(XSD.boolean))
_XSD_DATE = NamedNode(str(XSD.date))


@cache
def _n(term: URIRef) -> NamedNode:
    return NamedNode(str(term))


_TYPE = _n(RDF.type)


class _Builder:
    """Collects the triples of one resolution, tagging texts with its language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.triples: list[Triple] = []

    def add(self, subject: NamedNode, predicate: URIRef, obj: NamedNode | Literal) -> None:
        self.triples.append(Triple(subject, _n(predicate), obj))

    def a(self, subject: NamedNode, cls: URIRef) -> None:
        self.triples.append(Triple(subject, _TYPE, _n(cls)))

    def text(self, subject: NamedNode, predicate: URIRef, value: str | None) -> None:
        if value is not None:
            self.add(subject, predicate, Literal(value, language=self.language))

    def string(self, subject: NamedNode, predicate: URIRef, value: str | None) -> None:
        if value is not None:
            self.add(subject, predicate, Literal(value))

    def integer(self, subject: NamedNode, predicate: URIRef, value: int | None) -> None:
        if value is not None:
            self.add(subject, predicate, Literal(str(value), datatype=_XSD_INTEGER))

    def boolean(self, subject: NamedNode, predicate: URIRef, value: bool) -> None:
        self.add(subject, predicate, Literal("true" if value else "false", datatype=_XSD_BOOLEAN))

    def date(self, subject: NamedNode, predicate: URIRef, value: date | None) -> None:
        if value is not None:
            self.add(subject, predicate, Literal(value.isoformat(), datatype=_XSD_DATE))


def to_triples(resolution: Resolution, iris: Iris | None = None) -> list[Triple]:
    """The triples of a resolution: its work, this language version, its files and parts."""
    iris = iris or Iris()
    out = _Builder(resolution.language)
    work = NamedNode(iris.work(resolution.identifier))
    expression = NamedNode(iris.expression(work.value, resolution.language))
    _work(out, resolution, iris, work)
    out.add(work, RESPUB.realizedBy, expression)
    out.add(work, ELI.is_realized_by, expression)
    _subdivisions(out, resolution, iris, work, expression)
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


def _work(out: _Builder, resolution: Resolution, iris: Iris, work: NamedNode) -> None:
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
        _session(out, resolution.session or Session(), session, body, key)
    for citation in resolution.citations:
        cited = NamedNode(iris.work(citation.identifier))
        for predicate in (RESPUB.cites, ELI.cites, DCTERMS.references):
            out.add(work, predicate, cited)


def _subdivisions(
    out: _Builder, resolution: Resolution, iris: Iris, work: NamedNode, expression: NamedNode
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
    out: _Builder,
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


def session_key(resolution: Resolution) -> str | None:
    """The key of a resolution's session IRI: the session its identifier prints (89, es-11),
    else the session number printed, else the session of its year (the body's session table),
    else the first day of the session; None when nothing is known.

    >>> from respub.model import Source
    >>> session_key(Resolution("AG-2005-RES-09", "INTERPOL-GA", "en", Source("", "", "")))
    '74'
    >>> session_key(Resolution("S/RES/7(1946)", "UN-SC", "en", Source("", "", ""))) is None
    True
    """
    named = identify(resolution.identifier)
    if named is not None and named.session is not None and style(named.style).prints_session:
        return named.session.lower()
    session = resolution.session
    if session is not None and session.number is not None:
        return str(session.number)
    if named is not None and named.session is not None:  # from the body's session table
        return named.session.lower()
    if session is not None and session.start is not None:
        return session.start.isoformat()
    return None


def _session(out: _Builder, session: Session, node: NamedNode, body: NamedNode, key: str) -> None:
    out.a(node, RESPUB.Session)
    out.add(node, RESPUB.heldBy, body)
    number = session.number if session.number is not None else (int(key) if key.isdigit() else None)
    out.integer(node, RESPUB.sessionNumber, number)
    out.text(node, RESPUB.place, session.place)
    out.text(node, RESPUB.country, session.country)
    out.date(node, RESPUB.startDate, session.start)
    out.date(node, RESPUB.endDate, session.end)


def _expression(
    out: _Builder, resolution: Resolution, iris: Iris, work: NamedNode, expression: NamedNode
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
    _manifestations(out, resolution, iris, expression)
    _preamble(out, resolution, iris, expression)
    for position, clause in enumerate(resolution.operative, start=1):
        _operative(out, iris, expression, position, clause)
    places = mark_places(resolution)
    for position, footnote in enumerate(resolution.footnotes, start=1):
        node = NamedNode(iris.part(expression.value, "footnote", position))
        out.add(expression, RESPUB.hasFootnote, node)
        _part(out, expression, node)
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
        _part(out, expression, node)
        out.a(node, RESPUB.Annex)
        out.integer(node, RESPUB.position, position)
        out.text(node, RESPUB.heading, annex.title)
        out.text(node, RESPUB.text, "\n\n".join(annex.paragraphs) if annex.paragraphs else None)
    for position, citation in enumerate(resolution.citations, start=1):
        _citation(out, iris, expression, position, citation)


def source_extension(media_type: str, path: str) -> str:
    """The file extension of a source: from its media type, else its path, else ``src``.

    >>> source_extension("application/pdf", "x"), source_extension("", "a/b.TXT")
    ('pdf', 'txt')
    """
    if media_type in SOURCE_EXTENSIONS:
        return SOURCE_EXTENSIONS[media_type]
    suffix = path.rpartition("/")[2].rpartition(".")[2].lower()
    published = {extension for extension, _ in PUBLISHED_FORMATS}
    if suffix and suffix != path and suffix.isalnum() and len(suffix) <= 8:
        return "src" if suffix in published else suffix
    return "src"


def _manifestations(
    out: _Builder, resolution: Resolution, iris: Iris, expression: NamedNode
) -> None:
    source = resolution.source
    extension = source_extension(source.media_type, source.path)
    origin = NamedNode(iris.manifestation(expression.value, extension))
    _file(out, expression, origin, source.media_type)
    out.a(origin, RESPUB.SourceFile)
    out.a(origin, PROV.Entity)
    out.string(origin, RESPUB.sha256, source.sha256)
    out.string(origin, RESPUB.location, source.path)
    for extension, media_type in PUBLISHED_FORMATS:
        node = NamedNode(iris.manifestation(expression.value, extension))
        _file(out, expression, node, media_type)
        out.add(node, RESPUB.derivedFrom, origin)
        out.add(node, PROV.wasDerivedFrom, origin)


def _file(out: _Builder, expression: NamedNode, node: NamedNode, media_type: str) -> None:
    """A file embodying a language version: respub's terms and ELI's (IANA media type)."""
    out.add(expression, RESPUB.isEmbodiedBy, node)
    out.add(expression, ELI.is_embodied_by, node)
    out.a(node, RESPUB.Manifestation)  # stated for a source file too: shapes need no inference
    out.a(node, ELI.Format)
    out.add(node, ELI.embodies, expression)
    out.string(node, RESPUB.mediaType, media_type)
    with suppress(ValueError):  # a malformed media type: the shapes report it
        iana = NamedNode(media_type_iri(media_type))
        out.add(node, ELI.media_type, iana)
        out.add(node, ELI.format, iana)


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


def _part(out: _Builder, whole: NamedNode, part: NamedNode) -> None:
    """Dublin Core's part-whole links, beside respub's more specific ones."""
    out.add(whole, DCTERMS.hasPart, part)
    out.add(part, DCTERMS.isPartOf, whole)


def _preamble(out: _Builder, resolution: Resolution, iris: Iris, expression: NamedNode) -> None:
    if not resolution.preamble:
        return
    preamble = NamedNode(iris.part(expression.value, "preamble"))
    out.add(expression, RESPUB.hasPreamble, preamble)
    _part(out, expression, preamble)
    out.a(preamble, RESPUB.Preamble)
    for position, clause in enumerate(resolution.preamble, start=1):
        node = NamedNode(iris.part(expression.value, "preamble", position))
        out.add(preamble, RESPUB.hasPreambularClause, node)
        _part(out, preamble, node)
        out.a(node, RESPUB.PreambularClause)
        out.integer(node, RESPUB.position, position)
        out.text(node, RESPUB.keyword, clause.keyword)
        out.text(node, RESPUB.text, clause.text)
        if clause.concept is not None:
            concept = iris.concept("preambular", slug(clause.concept))
            out.add(node, RESPUB.concept, NamedNode(concept))


def _operative(
    out: _Builder, iris: Iris, expression: NamedNode, position: int, clause: OperativeClause
) -> None:
    node = NamedNode(iris.part(expression.value, "operative", position))
    out.add(expression, RESPUB.hasOperativeClause, node)
    _part(out, expression, node)
    out.a(node, RESPUB.OperativeClause)
    out.integer(node, RESPUB.position, position)
    out.integer(node, RESPUB.paragraphNumber, clause.number)
    out.text(node, RESPUB.keyword, clause.keyword)
    out.text(node, RESPUB.text, clause.text)
    if clause.concept is not None:
        out.add(node, RESPUB.concept, NamedNode(iris.concept("operative", slug(clause.concept))))
    for addressee in clause.addressees:
        out.add(node, RESPUB.addressee, NamedNode(iris.concept("addressee", addressee)))
    if clause.self_acting:
        out.boolean(node, RESPUB.actsOnItself, True)
    _subparagraphs(out, iris, expression, node, ("operative", position), clause.subparagraphs)


def _subparagraphs(
    out: _Builder,
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
        _part(out, parent, node)
        out.a(node, RESPUB.SubParagraph)
        out.integer(node, RESPUB.position, position)
        out.string(node, RESPUB.printedLabel, sub.label)
        out.text(node, RESPUB.text, sub.text)
        _subparagraphs(out, iris, expression, node, (*steps, step), sub.subparagraphs)


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


def _citation(
    out: _Builder, iris: Iris, expression: NamedNode, position: int, citation: Citation
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


def triples_to_graph(triples: Iterable[Triple]) -> rdflib.Graph:
    """An rdflib graph of pyoxigraph triples (IRIs and literals only: respub has no blank nodes)."""
    graph = rdflib.Graph()
    graph.bind("respub", RESPUB._NS)
    graph.bind("eli", ELI._NS)
    graph.bind("dcterms", DCTERMS)
    graph.bind("prov", PROV)
    for triple in triples:
        graph.add((_rdflib(triple.subject), _rdflib(triple.predicate), _rdflib(triple.object)))
    return graph


def _rdflib(term: object) -> rdflib.term.Identifier:
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if datatype == _XSD_STRING else datatype)
    raise ValueError(f"respub data has IRIs and literals only, not {term!r}")
