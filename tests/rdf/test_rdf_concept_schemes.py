"""Concept schemes: generated from the lexicons and body profiles, committed, in sync."""

from __future__ import annotations

from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from respub.knowledge.lexicon import CATEGORIES, LANGUAGES, concepts, lexicon
from respub.knowledge.profiles import known_bodies, profiles
from respub.rdf.concept_schemes import build_concept_schemes, render_concept_schemes
from respub.rdf.files import CONCEPTS
from respub.rdf.iri import Iris
from respub.validate import assert_validates


def labels(graph: Graph, concept: URIRef, predicate: URIRef, language: str) -> set[str]:
    return {
        str(v)
        for v in graph.objects(concept, predicate)
        if isinstance(v, Literal) and v.language == language
    }


def test_the_committed_file_is_what_the_data_generates(regenerate: bool) -> None:
    if regenerate:
        CONCEPTS.write_text(render_concept_schemes(), encoding="utf-8")
    committed = Graph().parse(CONCEPTS, format="turtle")
    assert isomorphic(committed, build_concept_schemes()), (
        "ontology/concepts.ttl is stale: run python -m respub.rdf.concept_schemes"
    )


def test_one_concept_per_meaning_labelled_from_the_lexicons(iris: Iris) -> None:
    graph = build_concept_schemes()
    for category in CATEGORIES:
        scheme = URIRef(iris.scheme(category))
        members = set(graph.subjects(SKOS.inScheme, scheme))
        assert members == {URIRef(iris.concept(category, c)) for c in concepts()[category]}
        for concept_id in concepts()[category]:
            concept = URIRef(iris.concept(category, concept_id))
            assert (concept, RDF.type, SKOS.Concept) in graph
            for language in LANGUAGES:
                phrases = lexicon(language).phrases[category].get(concept_id, ())
                if not phrases:
                    continue
                assert labels(graph, concept, SKOS.prefLabel, language) == {phrases[0]}
                assert labels(graph, concept, SKOS.altLabel, language) == set(phrases[1:]) - {
                    phrases[0]
                }


def test_statuses_and_bodies(iris: Iris) -> None:
    graph = build_concept_schemes()
    adopted = URIRef(iris.concept("status", "adopted"))
    assert labels(graph, adopted, SKOS.prefLabel, "fr") == {"Adoptée"}
    assert URIRef(iris.concept("status", "rejected")) in set(graph.subjects(RDF.type, SKOS.Concept))
    assert {"ILO-ILC", "FAO-C", "WHO-EB", "IMO-MEPC"} <= {
        str(n) for n in graph.objects(None, SKOS.notation)
    }
    # hand-written profiles and the table-only bodies (ILO, FAO, WHO Executive Board ...)
    for profile in [*profiles().values(), *known_bodies().values()]:
        body = URIRef(iris.body(profile.code))
        assert graph.value(body, SKOS.notation) == Literal(profile.code)
        for language, name in profile.names.items():
            assert labels(graph, body, SKOS.prefLabel, language) == {name}


def test_the_schemes_conform_to_the_shapes() -> None:
    assert_validates(Graph().parse(CONCEPTS, format="turtle"))


def test_a_configured_base_moves_every_concept() -> None:
    graph = build_concept_schemes(Iris("https://example.org/"))
    subjects = {str(s) for s in graph.subjects()}
    assert all(s.startswith("https://example.org/") for s in subjects)
