"""Building and validating a typical resolution as RDF: ms/doc and docs/s per step.

Run: .venv/bin/python benchmarks/bench_rdf.py [--seconds 2]

Steps, per document: map to pyoxigraph triples, canonical N-Triples, convert to an rdflib
graph, Turtle and compact JSON-LD, and SHACL validation three ways: the pipeline's
(`validate_ntriples`: pyrudof core shapes + SPARQL constraints in pyoxigraph, from the
N-Triples), pyshacl core shapes + SPARQL in pyoxigraph on a graph, and the reference path
(every shape in pyshacl). The documents are the hand-built samples of tests/rdf. No
assertions: this prints a table.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

from respub.model import Resolution
from respub.process import canonical_ntriples
from respub.rdf.mapping import to_triples, triples_to_graph
from respub.rdf.serialize import serialize
from respub.validate import load_shapes, validate
from respub.validate.rudof import validate_ntriples

ROOT = Path(__file__).resolve().parents[1]


def samples() -> list[Resolution]:
    path = ROOT / "tests" / "rdf" / "rdf_samples.py"
    spec = importlib.util.spec_from_file_location("bench_rdf_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [build() for _, build in sorted(module.SAMPLES.items())]


def measure(name: str, step: Callable[[], object], count: int, seconds: float) -> float:
    """Run `step` (over `count` documents) for `seconds`, print and return s/document."""
    step()  # warm up
    runs, started = 0, time.perf_counter()
    while True:
        step()
        runs += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    per_doc = elapsed / (runs * count)
    print(f"{name:<44} {per_doc * 1000:8.3f} ms/doc {1 / per_doc:10,.0f} docs/s")
    return per_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per step")
    args = parser.parse_args()
    docs = samples()
    triples = [to_triples(d) for d in docs]
    graphs = [triples_to_graph(t) for t in triples]
    texts = [canonical_ntriples(t) for t in triples]
    shapes = load_shapes()
    print(
        f"{len(docs)} documents, {sum(map(len, triples)) / len(docs):.0f} triples each on average"
    )
    n, s = len(docs), args.seconds
    measure("to_triples (pyoxigraph)", lambda: [to_triples(d) for d in docs], n, s)
    measure("canonical N-Triples", lambda: [canonical_ntriples(t) for t in triples], n, s)
    measure("validate_ntriples (pipeline)", lambda: [validate_ntriples(t) for t in texts], n, s)
    measure("triples_to_graph (rdflib)", lambda: [triples_to_graph(t) for t in triples], n, s)
    measure("serialize turtle", lambda: [serialize(t, "turtle") for t in triples], n, s)
    measure("serialize jsonld (compact)", lambda: [serialize(t, "jsonld") for t in triples], n, s)
    measure("validate (fast)", lambda: [validate(g, shapes) for g in graphs], n, s)
    measure(
        "validate (pyshacl only)",
        lambda: [validate(g, shapes, reference=True) for g in graphs],
        n,
        s,
    )
    measure(
        "build + validate",
        lambda: [validate(triples_to_graph(to_triples(d)), shapes) for d in docs],
        n,
        s,
    )


if __name__ == "__main__":
    main()
