"""The clause structure of a language version, read back from its N-Triples.

Alignment runs at release level, over new and carried-forward versions alike, so it
reads what every version has in a release: its canonical N-Triples. Each clause keeps
only what alignment needs: its place (position, printed number or label), its concept,
and the content that does not depend on language (the works it cites, the numbers it
prints, with Arabic-Indic digits read as digits, the footnote marks in its text, the
addressees of an operative clause or sub-paragraph).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from respub.rdf.vocab import RESPUB

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Clause:
    """A preambular or operative clause or a sub-paragraph, as alignment sees it."""

    iri: str
    position: int
    number: int | None = None
    label: str | None = None
    concept: str | None = None
    cited: frozenset[str] = frozenset()
    numbers: tuple[str, ...] = ()
    children: tuple[Clause, ...] = ()
    marks: tuple[str, ...] = ()  # the labels of the footnotes marked in its text, sorted
    addressees: frozenset[str] = frozenset()  # its addressee concepts (ids), operative only

    @property
    def fragment(self) -> str:
        """The clause's fragment name: ``preamble-3``, ``operative-2-a``."""
        return self.iri.partition("#")[2]


@dataclass(frozen=True)
class Version:
    """One language version of a work: its preambular and operative clauses, in order."""

    expression: str
    work: str
    language: str
    preamble: tuple[Clause, ...] = ()
    operative: tuple[Clause, ...] = ()


def numbers_in(text: str) -> tuple[str, ...]:
    """The numbers printed in a text, as digit strings without leading zeros, sorted.

    >>> numbers_in("resolución 2 (1) de 2021, المادة ٢")
    ('1', '2', '2', '2021')
    """
    return tuple(sorted(str(int(n)) for n in _NUMBER.findall(text.translate(_DIGITS))))


def read_version(expression: str, ntriples: str) -> Version:
    """The clauses of the version `expression` from its N-Triples (any order)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for triple in parse(ntriples.encode("utf-8"), RdfFormat.N_TRIPLES):
        subject, predicate, value = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, NamedNode):
            continue
        if isinstance(value, (NamedNode, Literal)):
            out[subject.value][predicate].append(value.value)
    node = out.get(expression, {})
    realized = str(RESPUB.realizedBy)
    work = next((s for s, p in out.items() if expression in p.get(realized, ())), "")
    language = str((node.get(str(RESPUB.languageCode)) or [""])[0])
    marked: dict[str, list[str]] = defaultdict(list)
    for values in out.values():
        for clause in values.get(str(RESPUB.markedIn), ()):
            marked[str(clause)].extend(values.get(str(RESPUB.printedLabel), ()))
    preamble_nodes = [
        str(c)
        for p in node.get(str(RESPUB.hasPreamble), ())
        for c in out.get(str(p), {}).get(str(RESPUB.hasPreambularClause), ())
    ]
    operative_nodes = [str(c) for c in node.get(str(RESPUB.hasOperativeClause), ())]
    return Version(
        expression=expression,
        work=work,
        language=language,
        preamble=_clauses(out, preamble_nodes, marked),
        operative=_clauses(out, operative_nodes, marked),
    )


_Triples = dict[str, dict[str, list[str]]]


def _clauses(out: _Triples, iris: list[str], marked: dict[str, list[str]]) -> tuple[Clause, ...]:
    found = [_clause(out, iri, marked) for iri in iris]
    return tuple(sorted(found, key=lambda c: c.position))


def _clause(out: _Triples, iri: str, marked: dict[str, list[str]]) -> Clause:
    values = out.get(iri, {})

    def one(term: object) -> str | None:
        found = values.get(str(term))
        return str(found[0]) if found else None

    number = one(RESPUB.paragraphNumber)
    concept = one(RESPUB.concept)
    return Clause(
        iri=iri,
        position=int(one(RESPUB.position) or 0),
        number=int(number) if number is not None else None,
        label=one(RESPUB.printedLabel),
        concept=concept.rpartition("/")[2] if concept else None,
        cited=frozenset(str(w) for w in values.get(str(RESPUB.mentions), ())),
        numbers=numbers_in(one(RESPUB.text) or ""),
        children=_clauses(
            out, [str(c) for c in values.get(str(RESPUB.hasSubParagraph), ())], marked
        ),
        marks=tuple(sorted(label.translate(_DIGITS) for label in marked.get(iri, ()))),
        addressees=frozenset(
            str(a).rpartition("/")[2] for a in values.get(str(RESPUB.addressee), ())
        ),
    )
