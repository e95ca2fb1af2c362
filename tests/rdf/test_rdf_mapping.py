"""The mapping from the model to RDF: complete, deterministic, no blank nodes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pyoxigraph import Literal, NamedNode
from rdflib import RDF, URIRef
from rdflib import Literal as RdfLiteral

from respub.model import Citation, OperativeClause, Resolution, SubParagraph
from respub.rdf.iri import Iris
from respub.rdf.mapping import session_key, source_extension, to_graph, to_triples
from respub.rdf.vocab import RESPUB

WORK = "https://data.respub.org/resolution/interpol-ga/2021/9"
ES = WORK + "/es"


def objects(resolution: Resolution, subject: str, predicate: URIRef) -> list[str]:
    graph = to_graph(resolution)
    return sorted(str(o) for o in graph.objects(URIRef(subject), predicate))


def test_same_resolution_same_triples(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    assert to_triples(resolution) == to_triples(resolution)


def test_no_blank_nodes_and_no_duplicates(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    assert len(triples) == len(set(triples))
    for triple in triples:
        assert isinstance(triple.subject, NamedNode)
        assert isinstance(triple.object, NamedNode | Literal)


def test_to_graph_holds_the_same_triples(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    assert len(to_graph(resolution)) == len(to_triples(resolution))


def test_triples_are_grouped_by_subject(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    subjects = [t.subject for t in to_triples(resolution)]
    runs = [s for i, s in enumerate(subjects) if i == 0 or subjects[i - 1] != s]
    assert len(runs) == len(set(runs))


def test_the_work(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    work = URIRef(WORK)
    assert (work, RDF.type, RESPUB.Resolution) in graph
    assert graph.value(work, RESPUB.identifier) == RdfLiteral("GA-2021-89-RES-09")
    assert str(graph.value(work, RESPUB.passedBy)) == "https://data.respub.org/body/interpol-ga"
    assert graph.value(work, RESPUB.dateAdopted).toPython().isoformat() == "2021-11-25"  # type: ignore[union-attr]
    assert str(graph.value(work, RESPUB.status)) == (
        "https://data.respub.org/concept/status/adopted"
    )
    assert str(graph.value(work, RESPUB.realizedBy)) == ES
    session = graph.value(work, RESPUB.adoptedAt)
    assert str(session) == "https://data.respub.org/session/interpol-ga/89"
    assert graph.value(session, RESPUB.sessionNumber).toPython() == 89  # type: ignore[union-attr]
    assert graph.value(session, RESPUB.place) == RdfLiteral("Estambul", lang="es")
    assert str(graph.value(session, RESPUB.startDate)) == "2021-11-23"
    assert str(graph.value(session, RESPUB.endDate)) == "2021-11-25"


def test_citations_meet_the_cited_work(interpol_es: Resolution) -> None:
    cited = objects(interpol_es, WORK, RESPUB.cites)
    assert "https://data.respub.org/resolution/interpol-ga/1996/9" in cited
    assert "https://data.respub.org/resolution/interpol-ga/2005/9" in cited
    assert len(cited) == 4
    graph = to_graph(interpol_es)
    citation = URIRef(ES + "#citation-1")
    assert (citation, RDF.type, RESPUB.Citation) in graph
    assert str(graph.value(citation, RESPUB.citedWork)) == (
        "https://data.respub.org/resolution/interpol-ga/1996/9"
    )
    assert graph.value(citation, RESPUB.citedIdentifier) == RdfLiteral("AGN/65/RES/9")
    assert graph.value(citation, RESPUB.textAsPrinted) == RdfLiteral(
        "Resolución AGN/65/RES/9", lang="es"
    )
    assert str(graph.value(citation, RESPUB.occursIn)) == ES + "#preamble-2"
    assert str(graph.value(URIRef(ES + "#preamble-2"), RESPUB.mentions)) == (
        "https://data.respub.org/resolution/interpol-ga/1996/9"
    )


def test_the_citing_resolution_and_the_cited_one_share_an_iri(
    interpol_es: Resolution, iris: Iris
) -> None:
    cited = replace(interpol_es, identifier="AGN/65/RES/9", citations=())
    assert str(next(iter(to_graph(cited).subjects(RDF.type, RESPUB.Resolution)))) in objects(
        interpol_es, WORK, RESPUB.cites
    )


def test_the_expression_and_its_texts_carry_the_language(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    expression = URIRef(ES)
    assert graph.value(expression, RESPUB.languageCode) == RdfLiteral("es")
    assert str(graph.value(expression, RESPUB.language)) == (
        "http://publications.europa.eu/resource/authority/language/SPA"
    )
    tagged = [o for o in graph.objects() if isinstance(o, RdfLiteral) and o.language]
    assert tagged and {o.language for o in tagged} == {"es"}


def test_preamble_and_operative_clauses(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    preamble = URIRef(ES + "#preamble")
    recitals = sorted(str(c) for c in graph.objects(preamble, RESPUB.hasPreambularClause))
    assert recitals == sorted(f"{ES}#preamble-{i}" for i in range(1, 9))
    clauses = objects(interpol_es, ES, RESPUB.hasOperativeClause)
    assert clauses == [ES + "#operative-1", ES + "#operative-2"]
    first = URIRef(ES + "#operative-1")
    assert graph.value(first, RESPUB.keyword) == RdfLiteral("INSTA", lang="es")
    assert str(graph.value(first, RESPUB.concept)) == (
        "https://data.respub.org/concept/operative/urges"
    )
    assert graph.value(first, RESPUB.paragraphNumber) is None  # INTERPOL does not number
    assert graph.value(first, RESPUB.position).toPython() == 1  # type: ignore[union-attr]


def test_subparagraphs_and_footnotes(un_en: Resolution) -> None:
    graph = to_graph(un_en)
    en = "https://data.respub.org/resolution/un-ga/76/300/en"
    third = URIRef(en + "#operative-3")
    assert graph.value(third, RESPUB.paragraphNumber).toPython() == 3  # type: ignore[union-attr]
    assert sorted(str(s) for s in graph.objects(third, RESPUB.hasSubParagraph)) == [
        en + "#operative-3-a",
        en + "#operative-3-b",
    ]
    nested = sorted(
        str(s) for s in graph.objects(URIRef(en + "#operative-3-b"), RESPUB.hasSubParagraph)
    )
    assert nested == [en + "#operative-3-b-i", en + "#operative-3-b-ii"]
    assert graph.value(URIRef(en + "#operative-3-b-ii"), RESPUB.printedLabel) == RdfLiteral("(ii)")
    footnote = URIRef(en + "#footnote-2")
    assert graph.value(footnote, RESPUB.text) == RdfLiteral("A/77/284.", lang="en")
    assert str(graph.value(URIRef(en + "#annex-1"), RESPUB.heading)) == "Framework principles"


def test_repeated_or_empty_subparagraph_labels_stay_distinct(un_en: Resolution) -> None:
    clause = OperativeClause(
        "Decides",
        "Decides:",
        1,
        "decides",
        (SubParagraph("(a)", "x"), SubParagraph("(a)", "y"), SubParagraph("", "z")),
    )
    graph = to_graph(replace(un_en, operative=(clause,)))
    en = "https://data.respub.org/resolution/un-ga/76/300/en"
    subs = sorted(
        str(s) for s in graph.objects(URIRef(en + "#operative-1"), RESPUB.hasSubParagraph)
    )
    assert subs == [en + "#operative-1-a", en + "#operative-1-p2", en + "#operative-1-p3"]


def test_the_source_and_published_files(interpol_es: Resolution) -> None:
    graph = to_graph(interpol_es)
    files = objects(interpol_es, ES, RESPUB.isEmbodiedBy)
    assert files == [ES + ".akn", ES + ".jsonld", ES + ".pdf", ES + ".ttl"]
    source = URIRef(ES + ".pdf")
    assert (source, RDF.type, RESPUB.SourceFile) in graph
    assert str(graph.value(source, RESPUB.sha256)).startswith("3f79bb7b")
    assert str(graph.value(source, RESPUB.location)).endswith("GA-2021-89-RES-09-ES.pdf")
    assert str(graph.value(URIRef(ES + ".ttl"), RESPUB.derivedFrom)) == ES + ".pdf"
    assert str(graph.value(URIRef(ES + ".ttl"), RESPUB.mediaType)) == "text/turtle"
    assert str(graph.value(URIRef(ES + ".akn"), RESPUB.mediaType)) == "application/akn+xml"


def test_a_configured_base(interpol_es: Resolution) -> None:
    triples = to_triples(interpol_es, Iris("https://example.org/"))
    subjects = {t.subject.value for t in triples if isinstance(t.subject, NamedNode)}
    assert all(s.startswith("https://example.org/") for s in subjects)


def test_a_citation_in_no_known_clause_is_left_to_the_shapes(interpol_es: Resolution) -> None:
    odd = replace(interpol_es, citations=(Citation("AGN/65/RES/9", "x", "resolution", "margin"),))
    graph = to_graph(odd)
    assert graph.value(URIRef(ES + "#citation-1"), RESPUB.occursIn) is None


def test_a_citation_in_the_title_occurs_in_the_expression(interpol_es: Resolution) -> None:
    titled = replace(interpol_es, citations=(Citation("AGN/65/RES/9", "x", "resolution", "title"),))
    assert str(to_graph(titled).value(URIRef(ES + "#citation-1"), RESPUB.occursIn)) == ES


def test_session_keys(interpol_es: Resolution, un_en: Resolution) -> None:
    assert session_key(interpol_es) == "89"
    assert session_key(replace(un_en, identifier="A/RES/ES-11/1")) == "es-11"
    interpol_2005 = replace(interpol_es, identifier="AG-2005-RES-09")
    assert session_key(interpol_2005) == "89"  # the printed session number
    undated = replace(interpol_2005, session=None)
    assert session_key(undated) == "74"  # the session of 2005, from the session table
    assert session_key(replace(undated, identifier="S/RES/7(1946)")) is None
    assert (
        str(
            to_graph(undated).value(
                URIRef("https://data.respub.org/resolution/interpol-ga/2005/9"), RESPUB.adoptedAt
            )
        )
        == "https://data.respub.org/session/interpol-ga/74"
    )
    unknown = replace(undated, identifier="S/RES/7(1946)", body="UN-SC")
    assert to_graph(unknown).value(URIRef(Iris().work("S/RES/7(1946)")), RESPUB.adoptedAt) is None


@pytest.mark.parametrize(
    ("media_type", "path", "extension"),
    [
        ("application/pdf", "x.bin", "pdf"),
        ("text/plain", "x", "txt"),
        ("", "a/b.DOCX", "docx"),
        ("", "a/b.ttl", "src"),
        ("", "noextension", "src"),
    ],
)
def test_source_extensions(media_type: str, path: str, extension: str) -> None:
    assert source_extension(media_type, path) == extension


def test_bad_input_raises_value_error(interpol_es: Resolution) -> None:
    with pytest.raises(ValueError):
        to_triples(replace(interpol_es, language="Spanish"))
    with pytest.raises(ValueError):
        to_triples(replace(interpol_es, identifier=" "))
