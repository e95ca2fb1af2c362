"""A store of N documents made from a real release's N-Quads, renumbered, bulk-loaded.

The sample corpus (corpus/sample.yaml: UN GA, WHO, INTERPOL in four languages, the UDHR
in three…) is published once (`process` and `write_release`, as the flow's tasks do) and
its N-Quads dump, a named graph per language version, becomes a template that is copied
until the store holds N documents (N language versions; 40 per copy). Copy k:

- renames every work: its IRI and everything under it (versions, clauses, files, graph
  names) gets the suffix `-k`, and so does its identifier (`A/RES/80/1` → `A/RES/80/1-k`),
  so every work is distinct and found by its own identifier;
- renames the resolutions and decisions it cites that are not in the sample with the
  suffix of its group of 25 copies (`A/RES/70/1` → `A/RES/70/1-g<k // 25>`): a cited
  resolution has the same number of citers at any N (25 times the sample's, at most
  175), as in a dataset that grows with time, instead of one per copy (treaties and other
  documents keep their IRI: the UDHR is cited by every copy);
- moves every date back by k mod 80 years, so a year holds about 1/80 of the documents,
  and renames the sessions with the shift (a session has one start date).

The release's metadata (its VoID description), vocabulary and alignment graphs are loaded
as `respub.store.load` loads them; the VoID figures (triples, entities per class, triples
per property) are those of the N-document data, counted on the template and on two copies
of it (every further copy adds what the second added).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad, QuerySolutions, RdfFormat, Store

from respub.orchestrate.staging import resolve_sources
from respub.process import process
from respub.publish.describe import ReleaseIris, resolution_subsets
from respub.publish.dumps import NQUADS
from respub.publish.release import write_release
from respub.publish.statistics import Statistics, StatisticsCounter
from respub.settings import Settings
from respub.store.load import load_fixed_graphs, metadata_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample.yaml"
GROUP = 25  # copies that cite the same renamed resolution
YEARS = 80  # distinct year shifts
_DATE = re.compile(r'"(\d{4})(-\d\d-\d\d)"\^\^<http://www.w3.org/2001/XMLSchema#date>')
_SLICE = 60_000  # quads per generated slice
BUILT = "built.json"


@dataclass(frozen=True)
class Template:
    """The sample's N-Quads with placeholders: {k} work suffix, {g} cited suffix, {s}
    session suffix, {yNNNN} a year."""

    text: str
    documents: int  # language versions per copy
    years: tuple[int, ...]

    def digest(self) -> str:
        """The SHA-256 of the template and the generator's constants."""
        return hashlib.sha256(f"{GROUP} {YEARS}\n{self.text}".encode()).hexdigest()

    def copy(self, k: int) -> str:
        """The N-Quads of copy `k`."""
        shifted = {f"y{y}": str(y - k % YEARS) for y in self.years}
        return self.text.format(k=f"-{k}", g=f"-g{k // GROUP}", s=f"-y{k % YEARS}", **shifted)


def publish_sample(folder: Path) -> Path:
    """The release directory of the sample corpus, published under `folder`."""
    settings = Settings(output_dir=folder, release_time=datetime(2026, 11, 29, 3, tzinfo=UTC))
    staged = resolve_sources([SAMPLE]).local
    results = [process(s.source, settings) for s in staged if s.source is not None]
    return write_release(results, settings).release_dir


def template(release_dir: Path) -> Template:
    """The release's N-Quads as a `Template`."""
    with gzip.open(release_dir / NQUADS, "rt", encoding="utf-8") as handle:
        text = handle.read()
    sessions = set(
        re.findall(
            r"^<([^>]+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            r"<https://respub.org/ontology#Session> <",
            text,
            flags=re.M,
        )
    )
    work_iris = re.findall(
        r"^<([^>]+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        r"<https://respub.org/ontology#Resolution> <",
        text,
        flags=re.M,
    )
    works = set(work_iris)
    identifiers = set(
        re.findall(r"^<([^>]+)> <https://respub.org/ontology#identifier> (\"[^\"]*\") ", text, re.M)
    )
    own = {value for iri, value in identifiers if iri in works}
    cited_work: dict[str, str] = {}
    cited_id: dict[str, str] = {}
    for subject, predicate, value in re.findall(
        r"^<([^>]+)> <https://respub.org/ontology#cited(Work|Identifier)> (<[^>]+>|\"[^\"]*\")",
        text,
        re.M,
    ):
        (cited_work if predicate == "Work" else cited_id)[subject] = value
    cited = {  # external cited resolution IRI -> its identifier literal
        work[1:-1]: cited_id[c]
        for c, work in cited_work.items()
        if c in cited_id and re.search(r"/(resolution|decision)/", work) and work[1:-1] not in works
    }
    years = sorted({int(y) for y, _ in _DATE.findall(text)})
    text = text.replace("{", "{{").replace("}", "}}")
    renamed = {**dict.fromkeys(sessions, "s"), **dict.fromkeys(cited, "g")}
    renamed |= dict.fromkeys(works, "k")
    iri = "|".join(re.escape(w) for w in sorted(renamed, key=len, reverse=True))
    text = re.sub(rf"<({iri})(?=[/#.>])", lambda m: f"<{m[1]}{{{renamed[m[1]]}}}", text)
    literals = {value: "k" for value in own} | {
        value: "g" for value in cited.values() if value not in own
    }
    pattern = "|".join(re.escape(v) for v in sorted(literals, key=len, reverse=True))
    text = re.sub(rf"(?<= )({pattern})(?= <)", lambda m: f'{m[1][:-1]}{{{literals[m[1]]}}}"', text)
    text = _DATE.sub(
        lambda m: f'"{{y{m[1]}}}{m[2]}"^^<http://www.w3.org/2001/XMLSchema#date>', text
    )
    graphs = set(re.findall(r" (<[^>]+>) \.$", text, re.M))
    return Template(text, len(graphs), tuple(years))


class _Stream(io.RawIOBase):
    """The generated N-Quads as a binary stream (one bulk load reads them all)."""

    def __init__(self, parts: Iterator[bytes]) -> None:
        self._parts = parts
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._parts)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def chunks(tpl: Template, copies: int) -> Iterator[bytes]:
    """The N-Quads of `copies` copies, in slices of about `_SLICE` quads."""
    per_copy = max(1, _SLICE // max(1, tpl.text.count("\n")))
    for start in range(0, copies, per_copy):
        yield "".join(tpl.copy(k) for k in range(start, min(copies, start + per_copy))).encode()


def statistics(tpl: Template, copies: int) -> Statistics:
    """The VoID figures of `copies` copies: those of one copy plus (copies - 1) times what a
    second copy adds (every copy adds the same new triples, subjects and typed entities)."""
    one, two = (_count(tpl, n) for n in (1, 2))

    def scale(a: int, b: int) -> int:
        return a + (copies - 1) * (b - a)

    def parts(
        a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]
    ) -> tuple[tuple[str, int], ...]:
        first = dict(a)
        return tuple((term, scale(first.get(term, 0), n)) for term, n in b)

    resolutions: Counter[tuple[str, str]] = Counter()
    for k in range(copies):  # copy k moves every date back by k mod YEARS years
        for body, year, n in one.resolutions:
            resolutions[(body, str(int(year) - k % YEARS) if year else "")] += n
    return Statistics(
        resolutions=tuple(sorted((b, y, n) for (b, y), n in resolutions.items())),
        triples=scale(one.triples, two.triples),
        subjects=scale(one.subjects, two.subjects),
        entities=scale(one.entities, two.entities),
        objects=scale(one.objects, two.objects),
        classes=parts(one.classes, two.classes),
        properties=parts(one.properties, two.properties),
    )


def _count(tpl: Template, copies: int) -> Statistics:
    lines = {
        line.rsplit(" ", 2)[0] + " .\n" for k in range(copies) for line in tpl.copy(k).splitlines()
    }
    counter = StatisticsCounter()
    counter.add(sorted(lines))
    return counter.result()


def _void(store: Store, graph: NamedNode, figures: Statistics) -> None:
    """Replace the sample's VoID figures in the metadata graph by `figures`."""
    void = "http://rdfs.org/ns/void#"
    values = {
        "triples": figures.triples,
        "entities": figures.entities,
        "distinctSubjects": figures.subjects,
        "distinctObjects": figures.objects,
    }
    for name, value in values.items():
        store.update(
            f"DELETE {{ GRAPH <{graph.value}> {{ ?d <{void}{name}> ?old }} }} "
            f"INSERT {{ GRAPH <{graph.value}> {{ ?d <{void}{name}> {value} }} }} "
            f"WHERE {{ GRAPH <{graph.value}> {{ ?d <{void}{name}> ?old ; "
            f"<{void}classPartition> [] }} }}"
        )
    for kind, prop, counted in (
        ("class", "entities", figures.classes),
        ("property", "triples", figures.properties),
    ):
        for term, value in counted:
            store.update(
                f"DELETE {{ GRAPH <{graph.value}> {{ ?p <{void}{prop}> ?old }} }} "
                f"INSERT {{ GRAPH <{graph.value}> {{ ?p <{void}{prop}> {value} }} }} "
                f"WHERE {{ GRAPH <{graph.value}> {{ ?p <{void}{kind}> <{term}> ; "
                f"<{void}{prop}> ?old }} }}"
            )


def _subsets(store: Store, graph: NamedNode, base: str, figures: Statistics) -> None:
    """Replace the sample's resolutions per body and year in the metadata graph by those of
    `figures` (`respub.publish.describe.resolution_subsets`)."""
    void, respub = "http://rdfs.org/ns/void#", "https://respub.org/ontology#"
    g = f"GRAPH <{graph.value}>"
    store.update(
        f"DELETE {{ {g} {{ ?d <{void}subset> ?p . ?p ?x ?y }} }} "
        f"WHERE {{ {g} {{ ?d <{void}subset> ?p . ?p <{respub}partitionBody> [] ; ?x ?y }} }}"
    )
    answer = store.query(
        f"SELECT ?r {{ {g} {{ ?d <{void}classPartition> [] ; "
        "<http://www.w3.org/ns/dcat#version> ?r } }"
    )
    assert isinstance(answer, QuerySolutions)
    release = next(iter(answer))[0].value
    triples = resolution_subsets(ReleaseIris(base, release), figures.resolutions)
    store.extend([Quad(t.subject, t.predicate, t.object, graph) for t in triples])


def describe(release_dir: Path, store_dir: Path) -> float:
    """Give a store `build` made before the VoID description had its resolutions per body
    and year those subsets (seconds taken); `BUILT` then says so."""
    started = time.perf_counter()
    found = json.loads((store_dir / BUILT).read_text("utf-8"))
    tpl = template(release_dir)
    store = Store(str(store_dir))
    base = _base(release_dir)
    figures = statistics(tpl, found["documents"] // tpl.documents)
    _subsets(store, NamedNode(metadata_graph(base)), base, figures)
    store.flush()
    del store
    found["subsets"] = True
    (store_dir / BUILT).write_text(json.dumps(found, indent=1) + "\n", "utf-8")
    return time.perf_counter() - started


def build(release_dir: Path, store_dir: Path, documents: int) -> dict[str, Any]:
    """Fill a new store at `store_dir` with `documents` documents (rounded up to whole
    copies); what was built and the seconds per step, also written to `store_dir`/BUILT."""
    tpl = template(release_dir)
    copies = -(-documents // tpl.documents)
    base = _base(release_dir)
    started = time.perf_counter()
    store = Store(str(store_dir))
    stream = io.BufferedReader(_Stream(chunks(tpl, copies)), buffer_size=1 << 20)
    store.bulk_load(stream, format=RdfFormat.N_QUADS)
    loaded = time.perf_counter() - started
    meta = load_fixed_graphs(store, release_dir, base)["metadata"]
    started = time.perf_counter()
    figures = statistics(tpl, copies)
    _void(store, meta, figures)
    _subsets(store, meta, base, figures)
    counted = time.perf_counter() - started
    store.optimize()
    store.flush()
    del store
    built = {
        "documents": copies * tpl.documents,
        "template_sha256": tpl.digest(),
        "bulk_load_seconds": round(loaded, 1),
        "statistics_seconds": round(counted, 1),
        "subsets": True,
    }
    (store_dir / BUILT).write_text(json.dumps(built, indent=1) + "\n", "utf-8")
    return built


def built(store_dir: Path, tpl: Template, documents: int) -> dict[str, Any] | None:
    """What `build` wrote for a store of `documents` made from `tpl` at `store_dir`, if any."""
    try:
        found: dict[str, Any] = json.loads((store_dir / BUILT).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    ok = found.get("template_sha256") == tpl.digest() and found.get("documents") == documents
    return found if ok else None


def _base(release_dir: Path) -> str:
    """The base IRI of the release (its dataset description's void:uriSpace)."""
    store = Store()
    store.load(path=release_dir / "dataset.ttl", format=RdfFormat.TURTLE)
    answer = store.query("SELECT ?u { ?d <http://rdfs.org/ns/void#uriSpace> ?u } LIMIT 1")
    assert isinstance(answer, QuerySolutions)
    space: str = next(iter(answer))[0].value
    return space
