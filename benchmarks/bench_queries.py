"""SPARQL at scale (issue #11 item 9): p50/p95 of every shipped query at N documents.

For each size (default 10,000 and 100,000 documents), a store is built once from the
sample release's real N-Quads, renumbered (`scale_store.py`: a fast bulk load, not a
publish; kept under --stores and reused while the generator is unchanged). Then each
shipped query (queries/*.rq) is run as `respub query` runs it (the store opened read-only,
the default graph the union of the named graphs, `--bind` values as substitutions), every
row read:

- selective: with its parameter (?identifier, ?cited, ?concept and ?year) bound to a value
  drawn at random from the data for every run (a seeded generator: the seed is printed),
  --runs runs;
- unbound: the whole dataset, 3 runs (1 when the first takes more than 30 s).

Targets: selective p50 <= 20 ms at 100,000 documents, aggregates <= 2 s. Writes
benchmarks/results/<date>-queries-<N>.json and .md with the load average (the machine is
shared: a figure means little without it).

Run: .venv/bin/python benchmarks/bench_queries.py [--sizes 10000,100000] [--stores DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, QuerySolutions, Store, Variable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale_store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
RESULTS = ROOT / "benchmarks" / "results"
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


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def timed(store: Store, text: str, bindings: dict[str, str]) -> tuple[float, int]:
    """Milliseconds to read every row, and the number of rows."""
    substitutions = {Variable(k): Literal(v) for k, v in bindings.items()}
    started = time.perf_counter()
    rows = sum(
        1
        for _ in store.query(text, use_default_graph_as_union=True, substitutions=substitutions)  # type: ignore[union-attr]
    )
    return (time.perf_counter() - started) * 1000, rows


def pools(store: Store) -> dict[str, list[str]]:
    found = {}
    for name, text in POOLS.items():
        answer = store.query(text, use_default_graph_as_union=True)
        assert isinstance(answer, QuerySolutions)
        found[name] = sorted(row[0].value for row in answer)  # type: ignore[union-attr,index]
    return found


def summary(times: list[float], rows: list[int]) -> dict[str, Any]:
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


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"# Shipped queries at {result['documents']:,} documents ({result['date']})",
        "",
        f"Machine: {result['machine']['cpus']} CPUs, Python {result['machine']['python']}, "
        f"pyoxigraph {result['machine']['pyoxigraph']}; shared with other work. Load average "
        "(1, 5, 15 min): " + "; ".join(f"{k} {v}" for k, v in result["load_average"].items()) + ".",
        "",
        f"Store: {result['store']['documents']:,} documents generated by "
        f"benchmarks/scale_store.py (bulk load {result['store']['bulk_load_seconds']} s). "
        f"Selective runs bind a value drawn at random for every run (seed {result['seed']}). "
        "Run: `.venv/bin/python benchmarks/bench_queries.py`.",
        "",
        "| query | case | runs | p50 ms | p95 ms | rows (median, max) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, cases in result["queries"].items():
        for case, t in cases.items():
            label = f"bound {', '.join(t['bound'])}" if "bound" in t else case
            lines.append(
                f"| {name} | {label} | {t['runs']} | {t['p50_ms']} | {t['p95_ms']} | "
                f"{t['rows_median']:,}, {t['rows_max']:,} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated sizes")
    parser.add_argument("--stores", type=Path, help="keep the built stores here (reused)")
    parser.add_argument("--runs", type=int, default=30, help="runs of each selective query")
    parser.add_argument("--seed", type=int, default=None, help="the random generator's seed")
    parser.add_argument(
        "--skip", default="", help="comma-separated query files not to time (e.g. slow ones)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time a store already under --stores even if an older template made it",
    )
    parser.add_argument(
        "--selective-only", action="store_true", help="no whole-dataset runs of listings"
    )
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    import pyoxigraph

    host = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "platform": platform.platform(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-queries-") as temp:
        stores = args.stores or Path(temp)
        release = scale_store.publish_sample(Path(temp) / "sample")
        tpl = scale_store.template(release)
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            loads = {"start": load()}
            folder = stores / f"store-{size}"
            built = scale_store.built(folder, tpl, -(-size // tpl.documents) * tpl.documents)
            if built is None and args.reuse and (folder / scale_store.BUILT).is_file():
                built = json.loads((folder / scale_store.BUILT).read_text("utf-8"))
                built["note"] = f"made from another template than today's ({tpl.digest()})"
            if built is None:
                if folder.exists():
                    raise SystemExit(f"{folder}: not a store this generator built; remove it")
                print(f"building {folder} ...", flush=True)
                built = scale_store.build(release, folder, size)
            print(f"store: {built}", flush=True)
            loads["queries"] = load()
            store = Store.read_only(str(folder))
            queries = measure(
                store,
                args.runs,
                random.Random(seed),
                lambda s: print(s, flush=True),
                frozenset(n for n in args.skip.split(",") if n),
                args.selective_only,
            )
            del store
            loads["end"] = load()
            result = {
                "documents": size,
                "date": f"{datetime.now(UTC):%Y-%m-%d}",
                "machine": host,
                "seed": seed,
                "store": built,
                "load_average": loads,
                "queries": queries,
            }
            stem = RESULTS / f"{result['date']}-queries-{size}"
            stem.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
            stem.with_suffix(".md").write_text(markdown(result), "utf-8")
            print(markdown(result), flush=True)


if __name__ == "__main__":
    main()
