"""Selective use of the shipped queries on a published store (issue #11 item 9).

bench_scale.py times each shipped query unbound (every row of the store); a consumer mostly
binds one value (`respub query --bind cited=A/RES/70/1`). This times both, p50 of 7 runs,
on the store opened read-only as `respub query` opens it, and, with --before, the same for
the text a rewrite replaced (tests/queries/before/), so a rewrite is measured on one store.

Run: .venv/bin/python benchmarks/bench_queries.py <out>/store [--before]
(build a 1,000-document store with bench_scale.make_corpus and `respub publish`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from pyoxigraph import Literal, QuerySolutions, Store, Variable

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
BEFORE = ROOT / "tests" / "queries" / "before"
# The value bound in each selective run: the most-cited resolution, a citing resolution.
PICK = {
    "cited": "PREFIX respub: <https://respub.org/ontology#> SELECT ?v (COUNT(*) AS ?n) "
    'WHERE { ?c respub:citedIdentifier ?v ; respub:citationKind "resolution" } '
    "GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT 1",
    "identifier": "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?v "
    "WHERE { ?w eli:id_local ?v ; eli:cites [] } ORDER BY ?v LIMIT 1",
}


def p50(store: Store, text: str, bindings: dict[str, str]) -> tuple[float, int]:
    """Median milliseconds of 7 runs, and the number of rows."""
    substitutions = {Variable(k): Literal(v) for k, v in bindings.items()}
    times, count = [], 0
    for _ in range(7):
        started = time.perf_counter()
        count = sum(
            1
            for _ in store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
        )  # type: ignore[union-attr]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), count


def pick(store: Store, variable: str) -> str:
    answer = store.query(PICK[variable], use_default_graph_as_union=True)
    assert isinstance(answer, QuerySolutions)
    return next(iter(answer))[0].value  # type: ignore[index,union-attr]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--before", action="store_true", help="also time tests/queries/before/")
    args = parser.parse_args()
    store = Store.read_only(str(args.store))
    print(f"load average {os.getloadavg()[0]:.2f}")
    print("| query | bound | rows | p50 ms |\n| --- | --- | ---: | ---: |")
    for path in sorted(QUERIES.glob("*.rq")):
        texts = {path.name: path.read_text("utf-8")}
        if args.before and (BEFORE / path.name).exists():
            texts[f"{path.name} (before)"] = (BEFORE / path.name).read_text("utf-8")
        variable = "cited" if path.name == "who-cites.rq" else "identifier"
        bound = {variable: pick(store, variable)} if f"?{variable} " in texts[path.name] else {}
        for name, text in texts.items():
            for bindings in ({}, bound) if bound else ({},):
                ms, rows = p50(store, text, bindings)
                shown = ", ".join(f"{k}={v}" for k, v in bindings.items()) or "-"
                print(f"| {name} | {shown} | {rows} | {ms:.1f} |")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
