"""Serialize respub triples to bytes: Turtle (`respub.rdf.turtle`), N-Triples, N-Quads
(pyoxigraph) or JSON-LD.

Byte-for-byte deterministic for the same triples in the same order (Turtle: for the same
set of triples, in any order).

>>> from pyoxigraph import Literal, NamedNode, Triple
>>> t = Triple(NamedNode("https://ex.org/a"), NamedNode("https://ex.org/b"), Literal("c"))
>>> serialize([t], "ntriples")
b'<https://ex.org/a> <https://ex.org/b> "c" .\\n'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple
from pyoxigraph import serialize as ox_serialize

from respub.rdf.iri import DEFAULT_BASE, EU_LANGUAGES, Iris
from respub.rdf.jsonld import compact, indented_json
from respub.rdf.standard import ELI
from respub.rdf.turtle import turtle
from respub.rdf.vocab import RESPUB

FORMATS = ("turtle", "ntriples", "nquads", "jsonld")

# The vocabularies of respub's data, in the order a subject's predicates are written.
PREFIXES = {
    "respub": str(RESPUB._NS),
    "eli": str(ELI._NS),
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "language": EU_LANGUAGES,
}
# respub's concept schemes (and the bodies' IRIs), below the base IRI: prefix → scheme name.
SCHEMES = ("document-type", "status", "preambular", "operative", "addressee")


def prefixes(base_iri: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix respub's Turtle declares for data below `base_iri`.

    >>> prefixes("https://example.org/")["status"]
    'https://example.org/concept/status/'
    """
    iris = Iris(base_iri)
    found = dict(PREFIXES)
    found["body"] = f"{base_iri}body/"
    found.update({name: iris.scheme(name) + "/" for name in SCHEMES})
    return found


_OXIGRAPH = {
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
}


def ntriples_lines(text: str) -> list[str]:
    """The lines of N-Triples text, split at line feeds only (not `str.splitlines`: U+2028,
    U+0085 and other line breaks pyoxigraph leaves unescaped may stand inside a literal).

    >>> text = '<a:b> <a:c> "x' + chr(0x2028) + 'y" .' + chr(10)
    >>> len(ntriples_lines(text)), len(text.splitlines())
    (1, 2)
    """
    return [line for line in text.split("\n") if line]


def serialize(
    triples: Iterable[Triple],
    fmt: str,
    *,
    context_url: str | None = None,
    base_iri: str = DEFAULT_BASE,
) -> bytes:
    """The triples in `fmt` (one of `FORMATS`); JSON-LD is compacted with respub's context,
    embedded or referenced by `context_url`; Turtle uses the `prefixes` of `base_iri`."""
    if fmt == "turtle":
        return turtle(triples, prefixes(base_iri))
    if fmt == "jsonld":
        return _dump_jsonld(compact(triples, context_url=context_url)).encode("utf-8")
    if fmt == "nquads":
        quads = [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples]
        return _bytes(ox_serialize(quads, format=RdfFormat.N_QUADS))
    if fmt in _OXIGRAPH:
        return _bytes(ox_serialize(list(triples), format=_OXIGRAPH[fmt]))
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def _dump_jsonld(document: dict[str, Any]) -> str:
    """Indented JSON, with the context's terms one per line."""
    context = document["@context"]
    if isinstance(context, dict):
        terms = ",\n".join(
            f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in context.items()
        )
        header = "{\n" + terms + "\n  }"
    else:
        header = json.dumps(context, ensure_ascii=False)
    graph = indented_json(document["@graph"], "  ")[2:]  # later lines indented by two
    return f'{{\n  "@context": {header},\n  "@graph": {graph}\n}}\n'


def _bytes(data: bytes | None) -> bytes:
    """pyoxigraph returns the bytes when given no output."""
    if data is None:  # pragma: no cover - only when an output is given
        raise RuntimeError("pyoxigraph wrote to an output instead of returning bytes")
    return data
