"""VoID statistics of a release's data, counted while its N-Triples dump is written.

The dump writer merges every document's sorted N-Triples into one sorted, distinct stream
(`respub.publish.dumps`); `StatisticsCounter.add` reads the same lines as they go by, so
the counts cost one split per line and are exact across documents (a work's own triples
repeat in each of its language versions, and are counted once):

- `triples`: distinct triples; `subjects`, `entities` (IRI subjects), `objects`: distinct;
- `classes`: per class, the entities typed with it (its `rdf:type` triples);
- `properties`: per property, its triples;
- `resolutions`: per body and year, the works typed `respub:Resolution` it passed (the
  year of adoption, else the year its session opened; "" when neither is known), as
  `queries/resolutions-per-body-and-year-scan.rq` counts them by scanning every work.

Memory: a counter per class and per property, and one 64-bit hash per distinct object
(the one figure a sorted-by-subject stream cannot give in constant space).

>>> counter = StatisticsCounter()
>>> counter.add([
...     f'<https://x.org/a> {RDF_TYPE} <https://x.org/C> .\\n',
...     '<https://x.org/a> <https://x.org/p> "1" .\\n',
...     '<https://x.org/b> <https://x.org/p> "1" .\\n',
... ])
>>> s = counter.result()
>>> (s.triples, s.subjects, s.entities, s.objects, s.classes)
(3, 2, 2, 2, (('https://x.org/C', 1),))
>>> s.properties[1]
('https://x.org/p', 2)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Statistics", "StatisticsCounter"]

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RESPUB = "https://respub.org/ontology#"
RESOLUTION = f"<{_RESPUB}Resolution>"
PASSED_BY = f"<{_RESPUB}passedBy>"
DATE_ADOPTED = f"<{_RESPUB}dateAdopted>"
ADOPTED_AT = f"<{_RESPUB}adoptedAt>"
START_DATE = f"<{_RESPUB}startDate>"
_DATES = (
    "^^<http://www.w3.org/2001/XMLSchema#date>",
    "^^<http://www.w3.org/2001/XMLSchema#dateTime>",
)


@dataclass(frozen=True)
class Statistics:
    """The VoID figures of a dataset (see the module's docstring); partitions sorted by IRI."""

    triples: int
    subjects: int
    entities: int
    objects: int
    classes: tuple[tuple[str, int], ...]
    properties: tuple[tuple[str, int], ...]
    resolutions: tuple[tuple[str, str, int], ...] = ()  # (body IRI, year or "", works)


@dataclass
class _Work:
    """What the counter saw of a subject that may be a resolution."""

    resolution: bool = False
    bodies: tuple[str, ...] = ()
    adopted: str = ""
    sessions: tuple[str, ...] = ()


class StatisticsCounter:
    """Counts `Statistics` from canonical N-Triples lines given in sorted, distinct order
    (as the dump writer merges them), in as many `add` calls as convenient."""

    def __init__(self) -> None:
        self._triples = 0
        self._subjects = 0
        self._entities = 0
        self._previous = ""
        self._objects: set[int] = set()
        self._classes: Counter[str] = Counter()
        self._properties: Counter[str] = Counter()
        self._works: dict[str, _Work] = {}
        self._opened: dict[str, str] = {}  # session → year it opened

    def add(self, lines: Iterable[str]) -> None:
        """Count some lines (each `<s> <p> o .` with its newline)."""
        objects, classes, properties = self._objects, self._classes, self._properties
        for line in lines:
            subject, predicate, rest = line.split(" ", 2)
            value = rest.rstrip("\n").removesuffix(" .")
            self._triples += 1
            properties[predicate] += 1
            objects.add(hash(value))
            if predicate == RDF_TYPE:
                classes[value] += 1
                if value == RESOLUTION:
                    self._work(subject).resolution = True
            elif predicate == PASSED_BY:
                self._work(subject).bodies += (value,)
            elif predicate == DATE_ADOPTED:
                self._work(subject).adopted = _year(value)
            elif predicate == ADOPTED_AT:
                self._work(subject).sessions += (value,)
            elif predicate == START_DATE:
                self._opened[subject] = _year(value)
            if subject != self._previous:  # sorted lines: a subject's lines are together
                self._previous = subject
                self._subjects += 1
                self._entities += subject.startswith("<")

    def result(self) -> Statistics:
        """The figures of every line added so far."""
        return Statistics(
            triples=self._triples,
            subjects=self._subjects,
            entities=self._entities,
            objects=len(self._objects),
            classes=_iris(self._classes),
            properties=_iris(self._properties),
            resolutions=self.resolutions(),
        )

    def resolutions(self) -> tuple[tuple[str, str, int], ...]:
        """(body IRI, year or "", works) of the resolutions seen so far, sorted."""
        counts: Counter[tuple[str, str]] = Counter()
        for work in self._works.values():
            if not work.resolution:
                continue
            opened = [self._opened.get(s, "") for s in work.sessions]
            years = {work.adopted} if work.adopted else {y for y in opened if y} or {""}
            for body in set(work.bodies):
                if body.startswith("<") and body.endswith(">"):
                    counts.update((body[1:-1], year) for year in years)
        return tuple(sorted((b, y, n) for (b, y), n in counts.items()))

    def _work(self, subject: str) -> _Work:
        found = self._works.get(subject)
        if found is None:
            found = self._works[subject] = _Work()
        return found


def _year(literal: str) -> str:
    """The year of an xsd:date or xsd:dateTime literal in N-Triples, else ""."""
    if not literal.endswith(_DATES):
        return ""
    year = literal[1:].split("-", 1)[0]
    return str(int(year)) if year.isdigit() else ""


def _iris(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """`<iri>` keys without brackets, sorted; anything that is no IRI left out."""
    return tuple(
        sorted((k[1:-1], n) for k, n in counts.items() if k.startswith("<") and k.endswith(">"))
    )
