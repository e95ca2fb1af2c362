"""The ontology: parses, labels and defines every term in four languages, aligns without
copying, and ``vocab.py`` is generated from it."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from respub.rdf.files import ONTOLOGY
from respub.rdf.vocab_gen import NAMESPACE, TARGET, render_vocab

LANGUAGES = {"en", "fr", "es", "ar"}
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
ELI = "http://data.europa.eu/eli/ontology#"
ALLOT = "https://w3id.org/akn/ontology/allot/"
ELI_TERMS = [
    "LegalResource",
    "LegalExpression",
    "Format",
    "LegalResourceSubdivision",
    "is_realized_by",
    "is_embodied_by",
    "date_document",
    "passed_by",
    "cites",
    "is_part_of",
    "language",
]
ALLOT_TERMS = ["FRBRWork", "FRBRExpression", "FRBRManifestation"]
UNDO = "https://w3id.org/un/ontology/undo/"
UNDO_TERMS = ["Resolution"]
ALIGNED = (
    {ELI + name for name in ELI_TERMS}
    | {ALLOT + name for name in ALLOT_TERMS}
    | {UNDO + name for name in UNDO_TERMS}
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def terms(ontology: Graph) -> list[URIRef]:
    return sorted(
        t for kind in KINDS for t in ontology.subjects(RDF.type, kind) if isinstance(t, URIRef)
    )


def test_the_ontology_is_versioned(ontology: Graph) -> None:
    (ontology_iri,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert str(ontology.value(ontology_iri, OWL.versionIRI)).startswith(str(ontology_iri) + "/")
    titles = set()
    for title in ontology.objects(ontology_iri, URIRef("http://purl.org/dc/terms/title")):
        assert isinstance(title, Literal), title
        titles.add(title.language)
    assert titles == LANGUAGES


def test_every_term_is_labelled_and_defined_in_four_languages(ontology: Graph) -> None:
    assert len(terms(ontology)) >= 50
    for term in terms(ontology):
        for predicate in (RDFS.label, SKOS.definition):
            values = [v for v in ontology.objects(term, predicate) if isinstance(v, Literal)]
            assert sorted(v.language or "" for v in values) == sorted(LANGUAGES), (term, predicate)
            assert all(str(v).strip() for v in values)


def test_every_term_is_respub_s_own_and_of_one_kind(ontology: Graph) -> None:
    for term in terms(ontology):
        assert str(term).startswith(NAMESPACE)
        assert sum((term, RDF.type, kind) in ontology for kind in KINDS) == 1, term
    described = {s for s in ontology.subjects() if isinstance(s, URIRef)}
    outside = {s for s in described if not str(s).startswith(NAMESPACE)}
    assert outside == {URIRef("https://respub.org/ontology")}, "external terms are never copied"


def test_the_standard_vocabularies_are_aligned_to(ontology: Graph) -> None:
    aligned = {
        str(o)
        for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, SKOS.closeMatch)
        for o in ontology.objects(None, p)
    }
    assert ALIGNED - aligned == set()


def test_allot_and_undo_terms_are_exactly_those_whose_source_is_noted(ontology: Graph) -> None:
    """Every ALLOT or UNDO IRI used is one the ontology's header (and README) sources."""
    used = {
        str(o)
        for o in ontology.objects()
        if isinstance(o, URIRef) and str(o).startswith((ALLOT, UNDO))
    }
    assert used == {ALLOT + n for n in ALLOT_TERMS} | {UNDO + n for n in UNDO_TERMS}
    header = ONTOLOGY.read_text(encoding="utf-8").split("@prefix allot:")[0]
    readme = ONTOLOGY.with_name("README.md").read_text(encoding="utf-8")
    for iri in used:
        curie = ("allot:" if iri.startswith(ALLOT) else "undo:") + iri.rpartition("/")[2]
        assert curie in header and curie in readme, curie
    old_namespace = "lod.un" + ".org"  # spelt apart so that grep -r finds it nowhere
    assert old_namespace not in ONTOLOGY.read_text(encoding="utf-8") + readme


def test_domains_and_ranges_are_declared_terms_or_standard(ontology: Graph) -> None:
    known = set(terms(ontology))
    for predicate in (RDFS.domain, RDFS.range):
        for value in ontology.objects(None, predicate):
            assert value in known or not str(value).startswith(NAMESPACE), value


def test_vocab_module_is_generated_from_the_ontology(ontology: Graph) -> None:
    assert TARGET.read_text(encoding="utf-8") == render_vocab(ontology), (
        "vocab.py is stale: run python -m respub.rdf.vocab_gen"
    )
