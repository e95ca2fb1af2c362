"""respub at scale against the naive pipeline, in one run: the figures of issue #11.

For each size N (default 1,000 and 10,000), a corpus of N documents is made from the real
sample texts: renumbered copies of the UN-GA Markdown resolutions (A/RES/<s>/<n>, every
copy a distinct resolution) plus, once each, the other sources of corpus/sample.yaml
(INTERPOL in four languages, WHO, UDHR...). Then, each as a user runs it (`respub
publish` in a subprocess):

- cold publish (docs/s, wall time; peak RSS of the largest process of the run);
- no-op rerun and one-changed-document rerun (wall time, CLI included);
- ms per document per stage: parse, map, validate (pyrudof; pyshacl for comparison) in
  this process over 200 documents; write the release and load the store in this process
  over every document's cached result (the library calls the flow's tasks make);
- SPARQL p50/p95 per shipped query on the published store, bound and unbound, timed as
  bench_queries.py times them (query_timing.py), and the scan queries/void-classes.rq
  replaces;
- validation disagreements between pyrudof and pyshacl (every document up to
  --validation-sample, else an evenly spread sample of that many);
- the naive pipeline on the same documents (up to --naive-sample, evenly spread): one
  rdflib graph, rdflib Turtle and JSON-LD dumps, pyshacl over the whole graph with the
  core shapes (no SPARQL constraints). Its cost per document grows with N (one graph,
  one dump, one validation of everything), so on a sample the ratio is a floor.

With --full, 100,000 documents too, for SPARQL only (a full publish would take hours
here): their N-Quads are generated from the 13 templates' own N-Triples, renumbered as
the corpus files are, and bulk-loaded straight into a pyoxigraph store.

Writes benchmarks/results/<date>-<N>.json and .md. This machine is shared (six engineers
on two cores), so the load average is recorded at each measurement.

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,10000] [--full]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
RESPUB = Path(sys.executable).parent / "respub"
TEMPLATES = (1, 2, 3, 5, 6, 8, 9, 13, 20, 23, 29, 47, 52)  # UN-GA texts that parse cleanly
PER_FOLDER = 1000
ENV = {
    **os.environ,
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}


def make_corpus(folder: Path, size: int) -> tuple[Path, list[Path]]:
    """A manifest of `size` sources under `folder`: the other sample sources once, the rest
    renumbered UN-GA copies. Returns the manifest and the renumbered files."""
    import yaml

    sample = yaml.safe_load((ROOT / "corpus" / "sample.yaml").read_text("utf-8"))["sources"]
    others = [s for s in sample if not s["url"].startswith("un-ga/md/")]
    entries = [{**s, "url": str(ROOT / "corpus" / s["url"])} for s in others[:size]]
    texts = {
        t: (ROOT / "corpus/un-ga/md" / f"A_RES_80_{t}.md").read_text("utf-8") for t in TEMPLATES
    }
    made = []
    for i in range(size - len(entries)):
        template = TEMPLATES[i % len(TEMPLATES)]
        session, number = 80 + i // 9000, 1000 + i % 9000
        text = texts[template].replace(f"A/RES/80/{template}", f"A/RES/{session}/{number}")
        text = re.sub(rf"(?m)^80/{template}\.", f"{session}/{number}.", text)
        path = folder / f"part-{i // PER_FOLDER:03d}" / f"A_RES_{session}_{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        made.append(path)
        entries.append({"url": str(path), "language": "en", "body": "UN-GA"})
    manifest = folder / "corpus.yaml"
    manifest.write_text(yaml.safe_dump({"sources": entries}), "utf-8")
    return manifest, made


def cli(*args: str) -> tuple[float, int, str]:
    """Run `respub` in a subprocess: wall seconds, peak RSS (MB) of its largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [str(RESPUB), *args], capture_output=True, text=True, env=ENV, check=False, cwd=ROOT
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"respub {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
    return seconds, peak, done.stderr


def stages(paths: list[Path]) -> dict[str, float]:
    """Milliseconds per document of each stage, in this process."""
    from respub.parse import parse_file
    from respub.process import canonical_ntriples
    from respub.rdf.iri import Iris
    from respub.rdf.mapping import to_triples, triples_to_graph
    from respub.settings import Settings
    from respub.validate import validate
    from respub.validate.rudof import validate_ntriples

    iris, total = (
        Iris(Settings().base_iri),
        dict.fromkeys(("parse", "map", "validate (pyrudof)", "validate (pyshacl, reference)"), 0.0),
    )
    for path in paths:
        t0 = time.perf_counter()
        resolution = parse_file(path)
        t1 = time.perf_counter()
        triples = to_triples(resolution, iris)
        text = canonical_ntriples(triples)
        t2 = time.perf_counter()
        validate_ntriples(text)
        t3 = time.perf_counter()
        validate(triples_to_graph(triples))
        t4 = time.perf_counter()
        for name, spent in zip(total, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            total[name] += spent
    return {k: round(v / len(paths) * 1000, 2) for k, v in total.items()}


def disagreements(release: Path, sample: int) -> tuple[int, int]:
    """Documents of the release on which pyrudof and pyshacl give different reports (at
    most `sample` documents, evenly spread)."""
    from respub.publish.dumps import NQUADS, read_graphs, triples_of
    from respub.rdf.mapping import triples_to_graph
    from respub.validate import validate
    from respub.validate.rudof import validate_ntriples

    graphs = read_graphs(release / NQUADS)
    differ = checked = 0
    for name in spread(sorted(graphs), sample):
        text = graphs[name]
        checked += 1
        differ += validate_ntriples(text) != validate(triples_to_graph(triples_of(text)))
    return differ, checked


def spread(items: list[Any], most: int) -> list[Any]:
    """At most `most` of `items`, evenly spread, in order."""
    if len(items) <= most:
        return items
    step = len(items) / most
    return [items[int(i * step)] for i in range(most)]


# The scan that queries/void-classes.rq replaces: entities per class over every version.
CLASS_SCAN = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?entities) WHERE {
  ?expression a <https://respub.org/ontology#Expression> .
  GRAPH ?expression { ?s a ?class }
} GROUP BY ?class ORDER BY DESC(?entities)"""


def sparql(store: Path, runs: int = 7, seed: int = 0) -> dict[str, dict[str, float]]:
    """p50 and p95 in ms of each shipped query, bound and unbound, timed as bench_queries.py
    times them (query_timing.measure: `runs` runs bound to values drawn from the data with
    `seed`, the whole dataset 3 times); and of the class scan void-classes.rq replaces."""
    import random

    from pyoxigraph import Store
    from query_timing import label, measure, summary, timed

    opened = Store.read_only(str(store))
    found = {}
    for name, cases in measure(opened, runs, random.Random(seed), lambda _: None).items():
        for case, t in cases.items():
            found[f"{name} ({label(case, t)})"] = {"p50": t["p50_ms"], "p95": t["p95_ms"]}
    times, rows = zip(*(timed(opened, CLASS_SCAN, {}) for _ in range(3)), strict=True)
    scan = summary(list(times), list(rows))
    found["(scan: entities per class)"] = {"p50": scan["p50_ms"], "p95": scan["p95_ms"]}
    return found


def naive(paths: list[Path], out: Path) -> dict[str, float]:
    """The naive pipeline: rdflib graph, rdflib dumps, pyshacl on the whole graph."""
    import pyshacl
    from rdflib import Graph

    from respub.parse import parse_file
    from respub.rdf.mapping import to_graph
    from respub.validate.shapes import load_shapes

    spent: dict[str, float] = {}
    started = time.perf_counter()
    graph = Graph()
    for path in paths:
        graph += to_graph(parse_file(path))
    spent["parse and build the graph"] = time.perf_counter() - started
    t = time.perf_counter()
    graph.serialize(out / "naive.ttl", format="turtle")
    spent["Turtle dump"] = time.perf_counter() - t
    t = time.perf_counter()
    graph.serialize(out / "naive.jsonld", format="json-ld")
    spent["JSON-LD dump"] = time.perf_counter() - t
    t = time.perf_counter()
    pyshacl.validate(graph, shacl_graph=load_shapes().core, allow_warnings=True)
    spent["pyshacl, whole graph"] = time.perf_counter() - t
    spent["total"] = time.perf_counter() - started
    return {k: round(v, 2) for k, v in spent.items()}


def release_stages(manifest: Path, out: Path, work: Path) -> dict[str, float]:
    """Milliseconds per document to read every cached result, write a release of them and
    load it into a store: the library calls of the flow's write-release and load-store
    tasks, in this process, on the results the cold CLI run cached, with the dump parts and
    rendered files its worker processes kept (the write task of a cold run finds them)."""
    from dataclasses import replace

    from respub.orchestrate.batching import plan
    from respub.orchestrate.cache import ResultCache
    from respub.orchestrate.fingerprint import pipeline_version
    from respub.orchestrate.index import gather
    from respub.orchestrate.noop import pin_release_time
    from respub.orchestrate.settings import make_settings
    from respub.orchestrate.staging import resolve_sources
    from respub.orchestrate.state import StateDirs
    from respub.publish.release import write_release
    from respub.store.load import load_release

    settings = make_settings(out=out)
    spec = resolve_sources([manifest])
    sources = spec.file_sources() + [s.source for s in spec.local if s.source is not None]
    cache = ResultCache(StateDirs.of(out).results)
    t0 = time.perf_counter()
    planned = plan(sources, settings, pipeline_version(), cache)
    gathered = gather(planned, [], settings, cache, StateDirs.of(out).index)
    results = gathered.results
    read = time.perf_counter() - t0
    fresh = replace(pin_release_time(settings, planned), output_dir=work / "release-stages")
    for made in ("parts", "rendered"):  # what the run's workers made, as the write task finds it
        if (out / "state" / made).is_dir():
            shutil.copytree(out / "state" / made, fresh.output_dir / "state" / made)
    t1 = time.perf_counter()
    summary = write_release(results, fresh, load=gathered.load)
    t2 = time.perf_counter()
    load_release(summary.release_dir, work / "release-stages" / "store")
    t3 = time.perf_counter()
    per = 1000 / len(results)
    shutil.rmtree(work / "release-stages", ignore_errors=True)
    return {
        "read cached results": round(read * per, 2),
        "write the release (dumps, files, site, verify)": round((t2 - t1) * per, 2),
        "load the store": round((t3 - t2) * per, 2),
    }


def load() -> list[float]:
    """The load average now (1, 5, 15 minutes)."""
    return [round(x, 1) for x in os.getloadavg()]


def run(
    size: int, work: Path, naive_sample: int, validation_sample: int, partial: Path
) -> dict[str, Any]:
    """Every measurement at `size` documents; each figure is also saved to `partial` as it
    is taken, so a run stopped half-way keeps what it measured."""
    corpus = work / f"corpus-{size}"
    manifest, made = make_corpus(corpus, size)
    out = work / f"out-{size}"
    found: dict[str, Any] = {"documents": size, "load_average": {}}

    def note(step: str, **figures: Any) -> None:
        found["load_average"][step] = load()
        found.update(figures)
        partial.write_text(json.dumps({"machine": machine(), **found}, indent=1) + "\n")

    # the other sample sources stay in corpus/, outside the manifest's folder: allow it
    args: tuple[str, ...] = ("publish", str(manifest), "--out", str(out), "--allow-quarantine")
    args += ("--allow-root", str(ROOT / "corpus"))
    note("cold publish")
    cold, peak, _ = cli(*args)
    note(
        "no-op rerun",
        cold_seconds=round(cold, 1),
        cold_docs_per_second=round(size / cold, 1),
        cold_ms_per_document=round(cold / size * 1000, 1),
        peak_rss_mb=peak,
    )
    noop, _, _ = cli(*args)
    changed = made[len(made) // 2]
    changed.write_text(changed.read_text("utf-8") + "\nDone in New York.\n", "utf-8")
    note("one changed", noop_seconds=round(noop, 2))
    one, _, _ = cli(*args)
    release = (out / "latest").resolve()
    note("stages", one_changed_seconds=round(one, 2))
    stage_ms = {**stages(made[:200]), **release_stages(manifest, out, work)}
    note("SPARQL", stages_ms_per_document=stage_ms)
    queries = sparql(out / "store", runs=30)
    note("validation engines", sparql_ms=queries)
    differ, checked = disagreements(release, validation_sample)
    sample = spread(made, naive_sample)
    note("naive pipeline", validation={"documents": checked, "disagreements": differ})
    started = time.perf_counter()
    naive_times = naive(sample, work)
    naive_total = time.perf_counter() - started
    note(
        "end",
        naive_documents=len(sample),
        naive_seconds=naive_times,
        naive_docs_per_second=round(len(sample) / naive_total, 1),
        # per document, since the naive pass reads (a sample of) the renumbered copies only
        ratio_cold_vs_naive=round((naive_total / len(sample)) / (cold / size), 2),
    )
    partial.unlink()
    return found


def sparql_only(size: int, work: Path) -> dict[str, Any]:
    """SPARQL at `size` documents without publishing them: each template's N-Triples (as
    `respub publish` makes them) renumbered per copy, as N-Quads (a graph per version),
    bulk-loaded into a store with the vocabulary."""
    from pyoxigraph import NamedNode, RdfFormat, Store

    from respub.parse import parse_file
    from respub.process import canonical_ntriples
    from respub.rdf.iri import Iris
    from respub.rdf.mapping import to_triples
    from respub.settings import Settings
    from respub.store.load import vocabulary_graph

    iris = Iris(Settings().base_iri)
    texts = {}
    for t in TEMPLATES:
        resolution = parse_file(ROOT / "corpus/un-ga/md" / f"A_RES_80_{t}.md")
        texts[t] = canonical_ntriples(to_triples(resolution, iris))
    quads = work / "generated.nq"
    loads = {"generate": load()}
    started = time.perf_counter()
    with quads.open("w", encoding="utf-8") as out:
        for i in range(size):
            template = TEMPLATES[i % len(TEMPLATES)]
            session, number = 80 + i // 9000, 1000 + i % 9000
            text = re.sub(
                rf"(/un-ga/|A/RES/)80/{template}(?!\d)",
                rf"\g<1>{session}/{number}",
                texts[template],
            ).replace("/session/un-ga/80>", f"/session/un-ga/{session}>")
            graph = f" <{iris.base}resolution/un-ga/{session}/{number}/en> .\n"
            out.write("".join(line[:-2] + graph for line in text.splitlines()))
    generated = time.perf_counter() - started
    store_dir = work / f"store-{size}"
    loads["load"] = load()
    started = time.perf_counter()
    store = Store(str(store_dir))
    store.bulk_load(path=quads, format=RdfFormat.N_QUADS)
    vocabulary = NamedNode(vocabulary_graph(iris.base))
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        store.bulk_load(path=path, format=RdfFormat.TURTLE, to_graph=vocabulary)
    store.flush()
    loaded = time.perf_counter() - started
    quads.unlink()
    del store
    loads["SPARQL"] = load()
    queries = sparql(store_dir, runs=30)
    # no dataset description here: it would answer nothing
    queries.pop("void-classes.rq (whole dataset)")
    loads["end"] = load()
    return {
        "documents": size,
        "generate_seconds": round(generated, 1),
        "bulk_load_seconds": round(loaded, 1),
        "sparql_ms": queries,
        "load_average": loads,
        "note": "SPARQL only: N-Quads generated from the templates, no dataset description "
        "(so no void-classes.rq row: see the published sizes)",
    }


NOTE = "the load average when each measurement started says what else the machine ran"


def machine(note: str = NOTE) -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": load(),
        "note": note,
    }


def markdown(result: dict[str, Any], host: dict[str, Any]) -> str:
    lines = [
        f"### {result['documents']:,} documents — {datetime.now(UTC):%Y-%m-%d}",
        "",
        f"Machine: {host['cpus']} CPUs, Python {host['python']} ({host['note']}). "
        "Load average (1, 5, 15 min) when each measurement started: "
        + "; ".join(f"{k} {v}" for k, v in result["load_average"].items())
        + ".",
        "",
        "| measure | value |",
        "|---|---:|",
    ]
    if "cold_seconds" in result:
        naive_total = result["naive_seconds"]["total"]
        lines += [
            f"| cold publish (CLI, Prefect start-up included) | {result['cold_seconds']} s "
            f"({result['cold_docs_per_second']} docs/s, {result['cold_ms_per_document']} "
            "ms/doc) |",
            f"| naive pipeline, {result['naive_documents']:,} of the documents | {naive_total} s "
            f"({result['naive_docs_per_second']} docs/s) |",
            f"| ratio naive / respub, time per document | {result['ratio_cold_vs_naive']}× |",
            f"| peak RSS (largest process) | {result['peak_rss_mb']} MB |",
            f"| no-op rerun (CLI) | {result['noop_seconds']} s |",
            f"| one changed document (CLI) | {result['one_changed_seconds']} s |",
            f"| validation disagreements pyrudof/pyshacl | "
            f"{result['validation']['disagreements']} of {result['validation']['documents']} |",
        ]
        lines += [
            f"| stage: {k} | {v} ms/doc |" for k, v in result["stages_ms_per_document"].items()
        ]
        lines += [f"| naive: {k} | {v} s |" for k, v in result["naive_seconds"].items()]
    else:
        lines += [
            f"| N-Quads generated | {result['generate_seconds']} s |",
            f"| bulk load into pyoxigraph | {result['bulk_load_seconds']} s |",
            f"| note | {result['note']} |",
        ]
    lines += [
        f"| SPARQL {name} | p50 {t['p50']} ms, p95 {t['p95']} ms |"
        for name, t in result["sparql_ms"].items()
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated sizes")
    parser.add_argument(
        "--full", action="store_true", help="also 100,000 documents (SPARQL on generated data)"
    )
    parser.add_argument("--naive-sample", type=int, default=2000, help="naive pipeline docs")
    parser.add_argument("--note", default=NOTE, help="what else ran on the machine, kept")
    parser.add_argument("--validation-sample", type=int, default=1000, help="documents checked")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    jobs = [(int(s), True) for s in args.sizes.split(",") if s.strip()]
    if args.full:
        jobs.append((100_000, False))
    for size, publish in jobs:
        stem = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{size}"
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
            if publish:
                partial = stem.with_suffix(".partial.json")
                result = run(size, Path(temp), args.naive_sample, args.validation_sample, partial)
            else:
                result = sparql_only(size, Path(temp))
        host = machine(args.note)
        stem.with_suffix(".json").write_text(
            json.dumps({"machine": host, **result}, indent=1) + "\n", "utf-8"
        )
        table = markdown(result, host)
        stem.with_suffix(".md").write_text(table, "utf-8")
        print(table, flush=True)


if __name__ == "__main__":
    main()
