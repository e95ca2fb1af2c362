"""The metadata vocabularies of a release (VoID, DCAT, PROV-O, SPDX …) as pyoxigraph terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from respub.rdf.serialize import ntriples_lines

__all__ = [
    "DCAT",
    "DCTERMS",
    "FOAF",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SPDX",
    "VOID",
    "XSD",
    "Namespace",
    "integer",
    "sorted_triples",
    "turtle",
]


class Namespace:
    """An IRI prefix; `NS.term` and `NS["term"]` build the term's `NamedNode`.

    >>> Namespace("http://rdfs.org/ns/void#").triples.value
    'http://rdfs.org/ns/void#triples'
    """

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self.iri + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self.iri + name)


DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VOID = Namespace("http://rdfs.org/ns/void#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

PREFIXES = {
    "dcat": DCAT.iri,
    "dcterms": DCTERMS.iri,
    "foaf": FOAF.iri,
    "owl": OWL.iri,
    "prov": PROV.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "sh": SH.iri,
    "spdx": SPDX.iri,
    "void": VOID.iri,
    "xsd": XSD.iri,
}


def integer(value: int) -> Literal:
    """An `xsd:integer` literal."""
    return Literal(str(value), datatype=XSD.integer)


def sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    """Triples without duplicates, in canonical N-Triples order (subjects grouped)."""
    data = (serialize(list(triples), format=RdfFormat.N_TRIPLES) or b"").decode()
    text = "".join(line + "\n" for line in sorted(set(ntriples_lines(data))))
    return [q.triple for q in parse(text.encode(), format=RdfFormat.N_TRIPLES)]


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str] | None = None) -> bytes:
    """Deterministic Turtle: sorted triples, the given prefixes (default `PREFIXES`)."""
    chosen = dict(PREFIXES if prefixes is None else prefixes)
    return serialize(sorted_triples(triples), format=RdfFormat.TURTLE, prefixes=chosen) or b""
