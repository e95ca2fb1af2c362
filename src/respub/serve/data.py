"""Bytes of the resources served, read from the release (and a few made from it), cached.

N-Triples of a resource are made from its Turtle; the VoID description gains the
endpoint it is served with (`void:sparqlEndpoint`) when the release did not name one.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from respub.serve.current import Release
from respub.serve.resources import NTRIPLES_FROM_TURTLE

__all__ = ["DataCache"]

_VOID = "http://rdfs.org/ns/void#"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_FORMATS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/n-triples": RdfFormat.N_TRIPLES,
}
_LIMIT = 1 << 20  # files larger than this are not kept in memory


class DataCache:
    """A small LRU of served bytes, keyed by release and path."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], tuple[bytes, str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, release: Release, path: str) -> tuple[bytes, str | None]:
        """The bytes and ETag of `path` (a release file, or N-Triples made from a Turtle file)."""
        key = (release.release_id, path)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        if path.startswith(NTRIPLES_FROM_TURTLE):
            turtle = path.removeprefix(NTRIPLES_FROM_TURTLE)
            triples = [
                q.triple for q in parse(path=release.folder / turtle, format=RdfFormat.TURTLE)
            ]
            body = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
            tag = release.etag(turtle)
            found = (body, f'{tag[:-1]}-nt"' if tag else None)
        else:
            found = ((release.folder / path).read_bytes(), release.etag(path))
        if len(found[0]) <= _LIMIT:
            self._remember(key, found)
        return found

    def void(self, release: Release, endpoint: str, media: str) -> bytes:
        """The dataset description in `media`, naming `endpoint` if it names none."""
        key = (release.release_id, f"void:{endpoint}:{media}")
        with self._lock:
            if key in self._items:
                return self._items[key][0]
        quads = list(parse(path=release.folder / "dataset.ttl", format=RdfFormat.TURTLE))
        named = {q.subject for q in quads if q.predicate.value == f"{_VOID}sparqlEndpoint"}
        datasets = {
            q.subject
            for q in quads
            if q.predicate.value == _TYPE and q.object == NamedNode(f"{_VOID}Dataset")
        }
        for subject in sorted(datasets - named, key=str):
            quads.append(Quad(subject, NamedNode(f"{_VOID}sparqlEndpoint"), NamedNode(endpoint)))
        body = serialize([q.triple for q in quads], format=_FORMATS[media]) or b""
        self._remember(key, (body, '"' + hashlib.sha256(body).hexdigest()[:40] + '"'))
        return body

    def _remember(self, key: tuple[str, str], value: tuple[bytes, str | None]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
