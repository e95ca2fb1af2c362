"""How the benchmarks time the shipped queries (bench_queries.py and bench_scale.py alike).

Each shipped query (queries/*.rq) is asked as `respub query` and the endpoint ask it
(`respub.store.execute.ask`: the default graph the union of the named graphs, a bound value
as a VALUES block and a substitution; without the guard's worker process, which adds a
fixed ~0.4 s), every row read:

- bound ("selective"): a query with parameters (its comment says what to bind) is run
  `runs` times, each with a value drawn at random from the data (a seeded generator);
- unbound ("whole dataset"): 3 runs, 1 when the first takes more than SLOW seconds.

So a figure means the same thing in both benchmarks' tables.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyoxigraph import QueryBoolean, QuerySolutions, Store

from respub.store.execute import ask

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
SLOW = 30.0  # seconds: an unbound query slower than this runs once
# The values a consumer binds, drawn from the data: one SPARQL query per parameter.
POOLS = {
    "identifier": "SELECT DISTINCT ?v WHERE { ?w <https://respub.org/ontology#identifier> ?v }",
    "cited": "SELECT DISTINCT ?v WHERE { ?c <https://respub.org/ontology#citedIdentifier> ?v ; "
    '<https://respub.org/ontology#citationKind> "resolution" }',
    "concept": "SELECT DISTINCT ?v WHERE { ?c <http://www.w3.org/2004/02/skos/core#notation> ?v ; "
    "<http://www.w3.org/2004/02/skos/core#inScheme> ?s "
    'FILTER (STRENDS(STR(?s), "/concept/operative")) }',
    "year": "SELECT DISTINCT (STR(YEAR(?d)) AS ?v) WHERE { "
    "?w <https://respub.org/ontology#dateAdopted> ?d }",
}
# Each query's parameters (the variables its comment says to bind).
PARAMETERS = {
    "who-cites.rq": ("cited",),
    "operative-clauses.rq": ("concept", "year"),
    "clause-counts.rq": ("identifier",),
    "resolution-clauses.rq": ("identifier",),
    "eli-citations.rq": ("identifier",),
    "eli-language-versions.rq": ("identifier",),
    "eli-resolutions-by-language.rq": ("identifier",),
}
# Queries not timed unbound: operative-clauses.rq is every operative clause then, the
# listing operative-urges.rq already times for one concept.
REQUIRED = {"operative-clauses.rq"}


def timed(store: Store, text: str, bindings: dict[str, str]) -> tuple[float, int]:
    """Milliseconds to read every row, and the number of rows."""
    started = time.perf_counter()
    answer = ask(store, text, bindings)
    assert not isinstance(answer, QueryBoolean)  # the timed queries are SELECT queries
    rows = sum(1 for _ in answer)
    return (time.perf_counter() - started) * 1000, rows


def pools(store: Store) -> dict[str, list[str]]:
    """The values of each parameter in the data."""
    found: dict[str, list[str]] = {}
    for name, text in POOLS.items():
        answer = store.query(text, use_default_graph_as_union=True)
        assert isinstance(answer, QuerySolutions)
        found[name] = sorted(row[0].value for row in answer)
    return found


def summary(times: list[float], rows: list[int]) -> dict[str, Any]:
    """Runs, p50 and p95 in ms, rows (median, max)."""
    times = sorted(times)
    return {
        "runs": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
        "rows_median": int(statistics.median(rows)),
        "rows_max": max(rows),
    }


def measure(
    store: Store,
    runs: int,
    rng: random.Random,
    say: Callable[[str], None],
    skip: frozenset[str] = frozenset(),
    selective_only: bool = False,
) -> dict[str, Any]:
    """query file → case ("selective", "whole dataset") → `summary` (+ "bound": names)."""
    values = pools(store)
    say("pools: " + ", ".join(f"{k} {len(v):,} values" for k, v in values.items()))
    found: dict[str, Any] = {}
    for path in sorted(QUERIES.glob("*.rq")):
        if path.name in skip:
            continue
        text = path.read_text("utf-8")
        cases: dict[str, Any] = {}
        names = PARAMETERS.get(path.name, ())
        if names:
            times, rows = [], []
            for _ in range(runs):
                bindings = {n: rng.choice(values[n]) for n in names}
                ms, count = timed(store, text, bindings)
                times.append(ms)
                rows.append(count)
            cases["selective"] = {**summary(times, rows), "bound": list(names)}
            say(f"{path.name} selective: {cases['selective']}")
        if path.name not in REQUIRED and not (selective_only and names):
            times, rows = [], []
            for _ in range(3):
                ms, count = timed(store, text, {})
                times.append(ms)
                rows.append(count)
                if ms > SLOW * 1000:
                    break
            cases["whole dataset"] = summary(times, rows)
            say(f"{path.name} whole dataset: {cases['whole dataset']}")
        found[path.name] = cases
    return found


def label(case: str, timing: dict[str, Any]) -> str:
    """The case as the tables name it: `bound identifier`, `whole dataset`."""
    return f"bound {', '.join(timing['bound'])}" if "bound" in timing else case
