"""The files of a language version: its source and the files published from it (FRBR
manifestations, with respub's and ELI's terms)."""

from __future__ import annotations

from contextlib import suppress

from pyoxigraph import NamedNode
from rdflib.namespace import PROV

from respub.model import Resolution
from respub.rdf.builder import TripleBuilder
from respub.rdf.iri import Iris
from respub.rdf.standard import ELI, media_type_iri
from respub.rdf.vocab import RESPUB

__all__ = ["PUBLISHED_FORMATS", "SOURCE_EXTENSIONS", "manifestations", "source_extension"]

# The files published for each language version, besides its source: extension, media type.
PUBLISHED_FORMATS = (
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("akn", "application/akn+xml"),  # Akoma Ntoso 3.0 XML (respub.akn)
)

SOURCE_EXTENSIONS = {
    "application/pdf": "pdf",
    "text/plain": "txt",
    "text/html": "html",
    "application/xml": "xml",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


def source_extension(media_type: str, path: str) -> str:
    """The file extension of a source: from its media type, else its path, else ``src``.

    >>> source_extension("application/pdf", "x"), source_extension("", "a/b.TXT")
    ('pdf', 'txt')
    """
    if media_type in SOURCE_EXTENSIONS:
        return SOURCE_EXTENSIONS[media_type]
    suffix = path.rpartition("/")[2].rpartition(".")[2].lower()
    published = {extension for extension, _ in PUBLISHED_FORMATS}
    if suffix and suffix != path and suffix.isalnum() and len(suffix) <= 8:
        return "src" if suffix in published else suffix
    return "src"


def manifestations(
    out: TripleBuilder, resolution: Resolution, iris: Iris, expression: NamedNode
) -> None:
    source = resolution.source
    extension = source_extension(source.media_type, source.path)
    origin = NamedNode(iris.manifestation(expression.value, extension))
    _file(out, expression, origin, source.media_type)
    out.a(origin, RESPUB.SourceFile)
    out.a(origin, PROV.Entity)
    out.string(origin, RESPUB.sha256, source.sha256)
    out.string(origin, RESPUB.location, source.path)
    for extension, media_type in PUBLISHED_FORMATS:
        node = NamedNode(iris.manifestation(expression.value, extension))
        _file(out, expression, node, media_type)
        out.add(node, RESPUB.derivedFrom, origin)
        out.add(node, PROV.wasDerivedFrom, origin)


def _file(out: TripleBuilder, expression: NamedNode, node: NamedNode, media_type: str) -> None:
    """A file embodying a language version: respub's terms and ELI's (IANA media type)."""
    out.add(expression, RESPUB.isEmbodiedBy, node)
    out.add(expression, ELI.is_embodied_by, node)
    out.a(node, RESPUB.Manifestation)  # stated for a source file too: shapes need no inference
    out.a(node, ELI.Format)
    out.add(node, ELI.embodies, expression)
    out.string(node, RESPUB.mediaType, media_type)
    with suppress(ValueError):  # a malformed media type: the shapes report it
        iana = NamedNode(media_type_iri(media_type))
        out.add(node, ELI.media_type, iana)
        out.add(node, ELI.format, iana)
