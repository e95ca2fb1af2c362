"""The standard terms respub states in its data, beside its own: ELI, and IANA media types.

Only the terms the mapping materialises are listed (``_fail = True``: a misspelt term
fails at import). Dublin Core, PROV and SKOS come from rdflib's own namespaces. Which
terms are stated in the data and which stay as alignments in the ontology is written
down in ``ontology/README.md``.

>>> str(ELI.is_realized_by)
'http://data.europa.eu/eli/ontology#is_realized_by'
>>> media_type_iri("application/pdf")
'https://www.iana.org/assignments/media-types/application/pdf'
"""

from __future__ import annotations

import re

from rdflib.namespace import DCTERMS, PROV, DefinedNamespace, Namespace
from rdflib.term import URIRef

# IANA's registry page of a media type: the IRI DCAT-AP and ELI both expect for a format.
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
_MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+")


class ELI(DefinedNamespace):
    """The European Legislation Identifier ontology (the terms respub states in its data)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    # Classes
    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    LegalExpression: URIRef
    Format: URIRef
    # Properties
    is_realized_by: URIRef
    realizes: URIRef
    is_embodied_by: URIRef
    embodies: URIRef
    title: URIRef
    language: URIRef
    date_document: URIRef
    number: URIRef
    id_local: URIRef
    passed_by: URIRef
    cites: URIRef
    type_document: URIRef
    media_type: URIRef
    format: URIRef
    has_part: URIRef
    is_part_of: URIRef


def media_type_iri(media_type: str) -> str:
    """The IANA IRI of a media type such as ``text/turtle``; ValueError if malformed.

    >>> media_type_iri("PDF")
    Traceback (most recent call last):
    ...
    ValueError: not a media type: 'PDF'
    """
    if not _MEDIA_TYPE.fullmatch(media_type):
        raise ValueError(f"not a media type: {media_type!r}")
    return IANA_MEDIA_TYPES + media_type


# The Dublin Core and PROV terms the mapping states (ELI's are the members of `ELI`).
DUBLIN_CORE = (
    DCTERMS.identifier,
    DCTERMS.date,
    DCTERMS.title,
    DCTERMS.language,
    DCTERMS.references,
    DCTERMS.hasPart,
    DCTERMS.isPartOf,
)
PROVENANCE = (PROV.Entity, PROV.wasDerivedFrom)


def standard_terms() -> frozenset[str]:
    """Every standard term respub's data states (beside rdf:type and SKOS in the schemes).

    >>> "http://purl.org/dc/terms/title" in standard_terms()
    True
    """
    eli = {str(ELI._NS) + name for name in ELI.__annotations__}
    return frozenset(eli | {str(t) for t in (*DUBLIN_CORE, *PROVENANCE)})
