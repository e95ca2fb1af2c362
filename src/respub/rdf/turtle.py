"""Readable, byte-deterministic Turtle: one prefix header, then document bodies.

A Turtle file is ``prefix_header(prefixes) + document_body(triples, prefixes)``. A body uses
no prefix the header does not declare, so the bodies of many documents written with the same
prefixes may be concatenated under one header and still be valid Turtle (the whole-dataset
dump is assembled that way, and may reuse the bodies of unchanged documents as they are).
Triples repeated in two bodies are the same triple: the graph is the union.

Each body lists its subjects in reading order (`respub.rdf.reading_order`: the Work, its
Expressions, the clauses in document order, the citations, then the rest), a blank line
after each. In a subject, ``a`` comes first, then predicates in the order of the prefix
table (respub's, ELI's, Dublin Core's …) and by name; several objects of a predicate share
it with ``,`` (IRIs first, in natural order: ``operative-2`` before ``operative-10``). IRIs
under a declared namespace are written as prefixed names when the rest is a plain name
(letters, digits, ``_``, ``-``); canonical integers and booleans are bare. Literals keep the
escapes of canonical N-Triples (``\\"``, ``\\\\``, ``\\n``, ``\\r``, ``\\uXXXX`` for other
control characters), which Turtle reads alike; other characters (Arabic…) are UTF-8.

The bytes depend only on the set of triples and the prefixes: not on the triples' order,
hash seeds or dict order. `ntriples_body` is the fast path from canonical N-Triples (one
``S P O .`` per line, single spaces, as pyoxigraph writes them: what publish holds).

>>> from pyoxigraph import Literal, NamedNode, Triple
>>> ex = {"ex": "https://ex.org/"}
>>> a, b = NamedNode("https://ex.org/a"), NamedNode("https://ex.org/b")
>>> triples = [Triple(a, b, Literal('say "hi"', language="en")), Triple(a, b, a)]
>>> print(prefix_header(ex) + document_body(triples, ex), end="")
@prefix ex: <https://ex.org/> .
<BLANKLINE>
ex:a ex:b ex:a, "say \\"hi\\""@en .
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from pyoxigraph import RdfFormat, Triple, serialize

from respub.rdf.reading_order import RDF_TYPE, natural_key, subjects_in_order

__all__ = ["document_body", "ntriples_body", "prefix_header", "turtle"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_BARE = {  # datatypes whose canonical lexical forms Turtle writes bare
    f"^^<{_XSD}integer>": re.compile(r"-?(?:0|[1-9][0-9]*)"),
    f"^^<{_XSD}boolean>": re.compile(r"true|false"),
}
# A prefixed name's local part, kept to what every Turtle parser reads (no escapes, no dots).
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_WIDTH = 100  # a predicate's objects go one per line past this width
_INDENT = "    "
_REMEMBERED = 50_000  # written forms of IRIs a writer keeps (bounded over a large release)


def prefix_header(prefixes: Mapping[str, str]) -> str:
    """The ``@prefix`` lines of `prefixes` (in the given order) and a blank line."""
    _check(prefixes)
    lines = [f"@prefix {name}: <{iri}> ." for name, iri in prefixes.items()]
    return "\n".join(lines) + "\n\n"


def document_body(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """The triples (pyoxigraph's) as Turtle statements, without a header; "" for none."""
    data = serialize(list(triples), format=RdfFormat.N_TRIPLES) or b""
    return ntriples_body(data.decode("utf-8"), prefixes)


def ntriples_body(ntriples: str, prefixes: Mapping[str, str]) -> str:
    """The triples of canonical N-Triples as Turtle statements, without a header."""
    described: dict[str, dict[str, set[str]]] = {}
    for line in ntriples.split("\n"):  # not splitlines(): U+2028 may be in a literal
        if line:
            subject, predicate, rest = line.split(" ", 2)
            described.setdefault(subject, {}).setdefault(predicate, set()).add(rest[:-2])
    writer = _writer(tuple(prefixes.items()))
    return "".join([writer.subject(s, described[s]) for s in subjects_in_order(described)])


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> bytes:
    """A whole Turtle file: the header, then the body, UTF-8."""
    return (prefix_header(prefixes) + document_body(triples, prefixes)).encode("utf-8")


def _check(prefixes: Mapping[str, str]) -> None:
    for name in prefixes:
        if not _PREFIX.fullmatch(name):
            raise ValueError(f"not a Turtle prefix name: {name!r}")


class _Writer:
    """Writes subjects under one prefix table, remembering the IRIs it has written."""

    def __init__(self, prefixes: tuple[tuple[str, str], ...]) -> None:
        _check(dict(prefixes))
        ranked = [(f"<{iri}", name, rank) for rank, (name, iri) in enumerate(prefixes)]
        self.namespaces = sorted(ranked, key=lambda n: -len(n[0]))  # longest match first
        self.unranked = len(prefixes)
        self.iris: dict[str, str] = {}
        self.predicate_keys: dict[str, tuple[int, str]] = {RDF_TYPE: (-1, "")}

    def iri(self, term: str) -> str:
        """``<iri>`` as a prefixed name where one fits."""
        known = self.iris.get(term)
        if known is None:
            if len(self.iris) >= _REMEMBERED:
                self.iris.clear()
            known = self.iris[term] = self._abbreviate(term)
        return known

    def _abbreviate(self, term: str) -> str:
        for namespace, name, _ in self.namespaces:
            if term.startswith(namespace) and _LOCAL.fullmatch(term, len(namespace), len(term) - 1):
                return f"{name}:{term[len(namespace) : -1]}"
        return term

    def predicate_key(self, term: str) -> tuple[int, str]:
        """``a`` first, then the prefix table's order, then the local name (or the IRI)."""
        known = self.predicate_keys.get(term)
        if known is None:
            known = self.predicate_keys[term] = self._predicate_key(term)
        return known

    def _predicate_key(self, term: str) -> tuple[int, str]:
        for namespace, _, rank in self.namespaces:
            if term.startswith(namespace):
                return (rank, term[len(namespace) :])
        return (self.unranked, term)

    def term(self, term: str) -> str:
        if term[0] == "<":
            return self.iri(term)
        if term[0] == '"':
            end = term.rindex('"') + 1
            suffix = term[end:]
            if suffix.startswith("^^"):
                bare = _BARE.get(suffix)
                if bare is not None and bare.fullmatch(term, 1, end - 1):
                    return term[1 : end - 1]
                return f"{term[:end]}^^{self.iri(suffix[2:])}"
        return term

    def subject(self, subject: str, predicates: Mapping[str, set[str]]) -> str:
        lines = []
        for predicate in sorted(predicates, key=self.predicate_key):
            verb = "a" if predicate == RDF_TYPE else self.iri(predicate)
            values = predicates[predicate]
            if len(values) == 1:
                lines.append(f"{verb} {self.term(next(iter(values)))}")
                continue
            objects = [self.term(o) for o in sorted(values, key=_object_key)]
            line = f"{verb} {', '.join(objects)}"
            if len(line) + len(_INDENT) > _WIDTH:
                line = f"{verb} " + f",\n{_INDENT * 2}".join(objects)
            lines.append(line)
        return f"{self.iri(subject)} " + f" ;\n{_INDENT}".join(lines) + " .\n\n"


@lru_cache(maxsize=16)
def _writer(prefixes: tuple[tuple[str, str], ...]) -> _Writer:
    return _Writer(prefixes)


def _object_key(term: str) -> tuple[int, tuple[tuple[int, str], ...], str]:
    """IRIs first (natural order), then blank nodes, then literals (by lexical form)."""
    if term[0] == "<":
        return (0, natural_key(term), "")
    if term[0] == "_":
        return (1, natural_key(term), "")
    return (2, natural_key(term[: term.rindex('"')]), term)
