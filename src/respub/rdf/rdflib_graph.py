"""pyoxigraph triples as an rdflib graph (what pyshacl, the reference validator, reads)."""

from __future__ import annotations

from collections.abc import Iterable

import rdflib
from pyoxigraph import Literal, NamedNode, Triple
from rdflib import XSD, URIRef
from rdflib.namespace import DCTERMS, PROV

from respub.rdf.standard import ELI
from respub.rdf.vocab import RESPUB

__all__ = ["triples_to_graph"]

_XSD_STRING = str(XSD.string)


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
