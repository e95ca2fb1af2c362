"""The shapes parse, use only declared terms, and are split once for the fast path."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from respub.rdf.files import DATASET_SHAPES, ONTOLOGY, SHAPES
from respub.rdf.standard import standard_terms
from respub.validate import load_shapes
from respub.validate.shapes import SH

RESPUB = "https://respub.org/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SNAPSHOTS = Path(__file__).parents[1] / "rdf" / "snapshots"
FIXTURES = Path(__file__).with_name("fixtures")


def declared() -> set[str]:
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(t) for kind in kinds for t in ontology.subjects(RDF.type, kind)}


def used_in_shapes(graph: Graph) -> set[str]:
    used: set[str] = set()
    for predicate in (SH.targetClass, SH["class"], SH.path, SH.inversePath, SH.lessThanOrEquals):
        used |= {str(o) for o in graph.objects(None, predicate) if isinstance(o, URIRef)}
    for query in graph.objects(None, SH.select):
        used |= {RESPUB + word for word in _respub_names(str(query))}
    return used


def _respub_names(text: str) -> set[str]:
    import re

    return set(re.findall(r"respub:(\w+)", text))


def test_every_term_the_shapes_use_is_declared() -> None:
    names = declared()
    for path in (SHAPES, DATASET_SHAPES):
        used = used_in_shapes(Graph().parse(path, format="turtle"))
        respub = {u for u in used if u.startswith(RESPUB)}
        assert respub - names == set(), path
        assert {u for u in used if not u.startswith(RESPUB)} <= standard_terms() | {
            str(RDF.type),
            SKOS + "prefLabel",
            SKOS + "notation",
            SKOS + "inScheme",
            SKOS + "Concept",
            SKOS + "ConceptScheme",
        }


def test_every_term_the_data_uses_is_declared() -> None:
    names = declared() | {str(RDF.type)}
    for path in [*SNAPSHOTS.rglob("*.ttl"), FIXTURES / "OneExpressionPerLanguage.ttl"]:
        graph = Graph().parse(path, format="turtle")
        predicates = {str(p) for p in graph.predicates()}
        classes = {str(o) for o in graph.objects(None, RDF.type)}
        respub_terms = {t for t in predicates | classes if t.startswith(RESPUB)}
        assert respub_terms - names == set(), path
        outside = {t for t in predicates | classes if not t.startswith(RESPUB)}
        assert outside <= standard_terms() | {str(RDF.type)} | {
            SKOS + "prefLabel",
            SKOS + "notation",
            SKOS + "inScheme",
            SKOS + "Concept",
            SKOS + "ConceptScheme",
        }, path


def test_every_class_has_a_shape() -> None:
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    shapes = Graph().parse(SHAPES, format="turtle")
    targeted = {str(c) for c in shapes.objects(None, SH.targetClass)}
    abstract = {RESPUB + "Component", RESPUB + "Clause"}  # only their subclasses have instances
    assert {str(c) for c in ontology.subjects(RDF.type, OWL.Class)} - targeted == abstract


def test_shapes_are_parsed_once_and_split() -> None:
    shapes = load_shapes()
    assert load_shapes() is shapes
    names = {c.shape.rpartition("#")[2] for c in shapes.sparql}
    assert names == {
        "NoSelfCitation",
        "OneExpressionPerLanguage",
        "AdoptedDuringSession",
        "LanguageTags",
        "OperativeNumbering",
        "CitationPlace",
        "StandardTerms",
        "PartOf",
        "MarkPlace",
        "MarkOffset",
    }
    assert not set(shapes.core.subjects(SH.sparql, None))
    assert len(shapes.core) < len(shapes.graph)
