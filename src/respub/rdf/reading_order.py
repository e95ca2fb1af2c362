"""The order a person reads a resolution's subjects in: what `respub.rdf.turtle` writes.

1. the Works (``eli:LegalResource``), 2. their Expressions (``eli:LegalExpression``),
3. each Expression's parts in document order: the preamble and its clauses, the operative
   clauses, each followed by its sub-paragraphs (depth first), the annexes, the footnotes;
   the Work's own subdivision of a paragraph (``eli:LegalResourceSubdivision``) comes just
   before the clause that realizes it, 4. the citations, 5. anything else.

Siblings are ordered by ``respub:position``, then naturally by IRI; every other tie is
broken by the IRI, so the order depends only on the set of triples. Terms are N-Triples
terms (``<iri>``, ``_:b``, ``"literal"…``), subjects described as predicate → objects.

>>> natural_key("operative-10") > natural_key("operative-2")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set

from respub.rdf.standard import ELI
from respub.rdf.vocab import RESPUB

__all__ = ["RDF_TYPE", "Described", "natural_key", "subjects_in_order"]

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

Described = Mapping[str, Mapping[str, Set[str]]]


def _term(iri: object) -> str:
    return f"<{iri}>"


_WORKS = {_term(ELI.LegalResource), _term(RESPUB.Resolution)}
_EXPRESSIONS = {_term(ELI.LegalExpression), _term(RESPUB.Expression)}
_SUBDIVISION = _term(ELI.LegalResourceSubdivision)
_CITATION = _term(RESPUB.Citation)
# The links from a whole to its parts, in the order the parts are printed.
_PARTS = tuple(
    _term(p)
    for p in (
        RESPUB.hasPreamble,
        RESPUB.hasPreambularClause,
        RESPUB.hasOperativeClause,
        RESPUB.hasSubParagraph,
        RESPUB.hasAnnex,
        RESPUB.hasFootnote,
    )
)
_POSITION = _term(RESPUB.position)
_REALIZED_BY = _term(ELI.is_realized_by)
_DIGITS = re.compile(r"([0-9]+)")
_INTEGER = re.compile(r'"([0-9]{1,9})"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>')
_NO_POSITION = (1, 0)


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """A sort key that puts ``operative-2`` before ``operative-10`` (ASCII digits only)."""
    return tuple(
        (int(piece), "") if index % 2 else (-1, piece)
        for index, piece in enumerate(_DIGITS.split(text))
    )


def subjects_in_order(described: Described) -> list[str]:
    """Every subject of `described` once, in reading order."""
    keys = {s: natural_key(s) for s in described}
    ordered = sorted(described, key=keys.__getitem__)
    types = {s: described[s].get(RDF_TYPE, ()) for s in ordered}
    works = [s for s in ordered if not _WORKS.isdisjoint(types[s])]
    expressions = [s for s in ordered if not _EXPRESSIONS.isdisjoint(types[s])]
    subdivisions = [s for s in ordered if _SUBDIVISION in types[s]]
    realizing: dict[str, list[str]] = {}
    for subdivision in subdivisions:
        for clause in sorted(described[subdivision].get(_REALIZED_BY, ())):
            realizing.setdefault(clause, []).append(subdivision)
    citations = [s for s in ordered if _CITATION in types[s]]
    citations.sort(key=lambda s: _position(described, s))
    taken: dict[str, None] = dict.fromkeys(works)
    taken.update(dict.fromkeys(expressions))
    for expression in expressions:
        for part in _parts(expression, described, keys):
            taken.update(dict.fromkeys(realizing.get(part, ())))
            taken[part] = None
    for group in (subdivisions, citations, ordered):
        taken.update(dict.fromkeys(group))
    return [s for s in taken if s in described]


def _parts(whole: str, described: Described, keys: Mapping[str, object]) -> Iterator[str]:
    """The parts below `whole`, depth first in printed order (each once, cycles ignored)."""
    stack = [whole]
    visited = {whole}
    while stack:
        node = stack.pop()
        if node != whole:
            yield node
        fresh = [c for c in _children(node, described) if c not in visited]
        visited.update(fresh)
        stack.extend(reversed(fresh))


def _children(node: str, described: Described) -> list[str]:
    description = described.get(node)
    if description is None:
        return []
    found: list[tuple[int, tuple[int, int], tuple[tuple[int, str], ...], str]] = []
    for rank, link in enumerate(_PARTS):
        for child in description.get(link, ()):
            if not child.startswith('"'):
                found.append((rank, _position(described, child), natural_key(child), child))
    found.sort()
    return list(dict.fromkeys(entry[3] for entry in found))


def _position(described: Described, subject: str) -> tuple[int, int]:
    """``(0, n)`` for a subject whose least ``respub:position`` is n, else ``(1, 0)``."""
    description = described.get(subject)
    if description is None:
        return _NO_POSITION
    numbers = [
        int(m.group(1)) for v in description.get(_POSITION, ()) if (m := _INTEGER.fullmatch(v))
    ]
    return (0, min(numbers)) if numbers else _NO_POSITION
