"""Collect the triples of one resolution as pyoxigraph terms, texts tagged with its language."""

from __future__ import annotations

from datetime import date
from functools import cache

from pyoxigraph import Literal, NamedNode, Triple
from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS

__all__ = ["TripleBuilder", "named", "part_of"]

_XSD_INTEGER = NamedNode(str(XSD.integer))
_XSD_BOOLEAN = NamedNode(str(XSD.boolean))
_XSD_DATE = NamedNode(str(XSD.date))


@cache
def named(term: URIRef) -> NamedNode:
    """The pyoxigraph node of an rdflib IRI (cached: the vocabulary is small)."""
    return NamedNode(str(term))


_TYPE = named(RDF.type)


class TripleBuilder:
    """Collects the triples of one resolution, tagging texts with its language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.triples: list[Triple] = []

    def add(self, subject: NamedNode, predicate: URIRef, obj: NamedNode | Literal) -> None:
        self.triples.append(Triple(subject, named(predicate), obj))

    def a(self, subject: NamedNode, cls: URIRef) -> None:
        self.triples.append(Triple(subject, _TYPE, named(cls)))

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


def part_of(out: TripleBuilder, whole: NamedNode, part: NamedNode) -> None:
    """Dublin Core's part-whole links, beside respub's more specific ones."""
    out.add(whole, DCTERMS.hasPart, part)
    out.add(part, DCTERMS.isPartOf, whole)
