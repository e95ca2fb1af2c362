"""The standard terms stated in the data (no inference): ELI, Dublin Core, PROV.

A consumer asking in ELI or Dublin Core terms finds what respub states in its own;
ontology/README.md names every such term.
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from respub.model import Resolution
from respub.rdf.files import ONTOLOGY
from respub.rdf.mapping import to_graph
from respub.rdf.standard import ELI, standard_terms
from respub.rdf.vocab import RESPUB

WORK = URIRef("https://data.respub.org/resolution/interpol-ga/2021/9")
ES = URIRef(str(WORK) + "/es")
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
IANA = "https://www.iana.org/assignments/media-types/"


def test_the_work_in_eli_and_dublin_core(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    assert (WORK, RDF.type, ELI.LegalResource) in graph
    assert (WORK, ELI.is_realized_by, ES) in graph
    assert graph.value(WORK, ELI.id_local) == Literal("GA-2021-89-RES-09")
    assert graph.value(WORK, DCTERMS.identifier) == Literal("GA-2021-89-RES-09")
    for predicate in (ELI.date_document, DCTERMS.date):
        assert graph.value(WORK, predicate).toPython().isoformat() == "2021-11-25"  # type: ignore[union-attr]
    assert str(graph.value(WORK, ELI.passed_by)) == "https://data.respub.org/body/interpol-ga"
    assert str(graph.value(WORK, ELI.type_document)).endswith("/concept/document-type/resolution")
    cited = set(graph.objects(WORK, RESPUB.cites))
    assert cited and set(graph.objects(WORK, ELI.cites)) == cited
    assert set(graph.objects(WORK, DCTERMS.references)) == cited


def test_the_expression_in_eli_and_dublin_core(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    assert (ES, RDF.type, ELI.LegalExpression) in graph
    assert (ES, ELI.realizes, WORK) in graph
    title = graph.value(ES, RESPUB.title)
    assert isinstance(title, Literal) and title.language == "es"
    assert graph.value(ES, ELI.title) == title == graph.value(ES, DCTERMS.title)
    for predicate in (ELI.language, DCTERMS.language):
        assert str(graph.value(ES, predicate)) == EU_LANGUAGE + "SPA"


def test_files_are_eli_formats_with_iana_media_types(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    files = set(graph.objects(ES, ELI.is_embodied_by))
    assert files == set(graph.objects(ES, RESPUB.isEmbodiedBy)) and len(files) == 4
    for node in files:
        assert (node, RDF.type, ELI.Format) in graph
        assert (node, ELI.embodies, ES) in graph
        media = str(graph.value(node, RESPUB.mediaType))
        assert str(graph.value(node, ELI.media_type)) == IANA + media
        assert graph.value(node, ELI.format) == graph.value(node, ELI.media_type)
    (source,) = graph.subjects(RDF.type, RESPUB.SourceFile)
    assert (source, RDF.type, PROV.Entity) in graph
    assert set(graph.subjects(PROV.wasDerivedFrom, source)) == files - {source}


def test_parts_down_to_clauses(un_en: Resolution) -> None:
    graph = to_graph(un_en)
    work = URIRef("https://data.respub.org/resolution/un-ga/76/300")
    expression = URIRef(str(work) + "/en")
    clauses = set(graph.objects(expression, RESPUB.hasOperativeClause))
    assert clauses and clauses <= set(graph.objects(expression, DCTERMS.hasPart))
    for clause in clauses:
        assert (clause, DCTERMS.isPartOf, expression) in graph
    subdivisions = set(graph.objects(work, ELI.has_part))
    numbered = {c for c in clauses if graph.value(c, RESPUB.paragraphNumber) is not None}
    assert len(subdivisions) == len(numbered) > 0
    for sub in subdivisions:
        assert (sub, RDF.type, ELI.LegalResourceSubdivision) in graph
        assert (sub, ELI.is_part_of, work) in graph
        (clause,) = graph.objects(sub, ELI.is_realized_by)
        number = graph.value(clause, RESPUB.paragraphNumber)
        assert graph.value(sub, ELI.number) == Literal(str(number))
        assert str(sub) == f"{work}#operative-{number}"


def test_without_inference_every_work_and_expression_answers_in_eli(
    sample: tuple[str, Resolution],
) -> None:
    _, resolution = sample
    graph = to_graph(resolution)
    works = set(graph.subjects(RDF.type, RESPUB.Resolution))
    assert works == set(graph.subjects(RDF.type, ELI.LegalResource))
    for work in works:
        expressions = set(graph.objects(work, RESPUB.realizedBy))
        assert expressions == set(graph.objects(work, ELI.is_realized_by))
        for expression in expressions:
            assert graph.value(expression, ELI.language) is not None
            if resolution.title is not None:
                assert graph.value(expression, ELI.title) is not None


def test_every_standard_term_is_documented_in_the_ontology_readme() -> None:
    readme = ONTOLOGY.with_name("README.md").read_text(encoding="utf-8")
    prefixes = {
        str(ELI._NS): "eli:",
        str(DCTERMS._NS): "dcterms:",
        str(PROV._NS): "prov:",
    }
    for term in sorted(standard_terms()):
        namespace = next(n for n in prefixes if term.startswith(n))
        curie = prefixes[namespace] + term.removeprefix(namespace)
        assert curie in readme, curie


def test_standard_terms_parse_as_the_ontology_declares_them() -> None:
    """The ontology's alignments point at the same ELI terms the data states."""
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    aligned = {str(o) for o in ontology.objects() if str(o).startswith(str(ELI._NS))}
    stated = {t for t in standard_terms() if t.startswith(str(ELI._NS))}
    assert {str(ELI.is_realized_by), str(ELI.title), str(ELI.language)} <= aligned & stated
