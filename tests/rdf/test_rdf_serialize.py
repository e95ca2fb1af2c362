"""Serialization: every format gives back the same graph; JSON-LD is compact and readable."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld
from pyoxigraph import Literal, NamedNode, Triple
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from respub.model import Resolution
from respub.rdf.files import CONTEXT
from respub.rdf.jsonld import compact, load_context, natural_key
from respub.rdf.mapping import to_graph, to_triples
from respub.rdf.serialize import FORMATS, serialize

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nt"}  # quads: default graph
CONTEXT_URL = "https://respub.org/context.jsonld"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def pyld_graph(document: bytes) -> Graph:
    """The graph pyld reads from a JSON-LD document (the context URL served locally)."""

    def loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        assert url == CONTEXT_URL, url
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": json.loads(CONTEXT.read_text(encoding="utf-8")),
        }

    nquads = jsonld.to_rdf(
        json.loads(document), {"format": "application/n-quads", "documentLoader": loader}
    )
    return Graph().parse(data=nquads, format="nt")  # all in the default graph


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMATS))
def test_each_format_reads_back_as_the_same_graph(fmt: str, sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    data = serialize(to_triples(resolution), fmt)
    assert isomorphic(Graph().parse(data=data, format=RDFLIB_FORMATS[fmt]), to_graph(resolution))


@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_are_byte_for_byte_deterministic(fmt: str, sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    assert serialize(to_triples(resolution), fmt) == serialize(to_triples(resolution), fmt)


@pytest.mark.parametrize("context_url", [None, CONTEXT_URL])
def test_jsonld_expanded_by_pyld_is_the_turtle_graph(
    context_url: str | None, sample: tuple[str, Resolution]
) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    turtle = Graph().parse(data=serialize(triples, "turtle"), format="turtle")
    document = serialize(triples, "jsonld", context_url=context_url)
    assert isomorphic(pyld_graph(document), turtle)


def test_jsonld_is_plain_json(interpol_es: Resolution) -> None:
    document = json.loads(serialize(to_triples(interpol_es), "jsonld", context_url=CONTEXT_URL))
    assert document["@context"] == CONTEXT_URL
    nodes = {node["id"]: node for node in document["@graph"]}
    work = nodes["https://data.respub.org/resolution/interpol-ga/2021/9"]
    assert work["type"] == ["Resolution", "eli:LegalResource"]
    assert work["eli:id_local"] == "GA-2021-89-RES-09"
    assert work["eli:is_realized_by"] == {"@id": work["realizedBy"]}
    assert work["identifier"] == "GA-2021-89-RES-09"
    assert work["dateAdopted"] == "2021-11-25"
    expression = nodes[work["realizedBy"]]
    assert expression["title"] == {
        "es": "Cooperación policial internacional contra la delincuencia financiera"
    }
    clause = nodes[expression["hasOperativeClause"][0]]
    assert clause["position"] == 1
    assert clause["keyword"] == {"es": "INSTA"}
    ids = [node["id"] for node in document["@graph"]]
    assert ids == sorted(ids, key=natural_key)


def test_values_no_term_can_carry_keep_their_iri_and_type() -> None:
    subject = NamedNode("https://ex.org/r/es")
    title = NamedNode("https://respub.org/ontology#title")
    date = NamedNode("https://respub.org/ontology#dateAdopted")
    position = NamedNode("https://respub.org/ontology#position")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    triples = [
        Triple(subject, title, Literal("untagged")),
        Triple(subject, title, Literal("uno", language="es")),
        Triple(subject, title, Literal("dos", language="es")),
        Triple(subject, date, Literal("2021", datatype=NamedNode(xsd + "gYear"))),
        Triple(subject, position, Literal("01", datatype=NamedNode(xsd + "integer"))),
        Triple(subject, NamedNode("https://ex.org/other"), NamedNode("https://ex.org/x")),
    ]
    node = compact(triples)["@graph"][0]
    assert node["title"] == {"es": ["dos", "uno"]}
    assert node[str(title.value)] == "untagged"
    assert node[str(date.value)] == {"@value": "2021", "@type": xsd + "gYear"}
    assert node["position"] == {"@value": "01", "@type": xsd + "integer"}
    assert node["https://ex.org/other"] == {"@id": "https://ex.org/x"}
    expected = Graph().parse(data=serialize(triples, "ntriples"), format="nt")
    assert isomorphic(pyld_graph(serialize(triples, "jsonld")), expected)


def test_the_context_has_a_term_for_every_class_and_property() -> None:
    context = load_context()
    ontology = Graph().parse(CONTEXT.with_name("respub.ttl"))
    for cls in ontology.subjects(RDF.type, OWL.Class):
        assert str(cls) in context.classes
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert context.properties[str(prop)].type == "@id", prop
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        term = context.properties[str(prop)]
        kind = ontology.value(prop, RDFS.range)
        if kind == RDF.langString:
            assert term.container == "@language", prop
        elif kind == URIRef(XSD_DATE):
            assert term.type == XSD_DATE, prop
        else:
            assert term.type is None and term.container is None, prop
        assert term.name == str(prop).rpartition("#")[2]


def test_unknown_formats_are_refused(interpol_es: Resolution) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        serialize(to_triples(interpol_es), "rdfxml")
