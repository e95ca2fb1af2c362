"""respub at scale against the naive pipeline, in one run: the figures of issue #11.

For each size N, a corpus of N documents is made from the real sample texts: renumbered
copies of the UN-GA Markdown resolutions (A/RES/<s>/<n>, every copy a distinct
resolution) plus, once each, the other sources of corpus/sample.yaml (INTERPOL in four
languages, WHO, UDHR...). Then, each as a user runs it (`respub publish` in a subprocess):

- cold publish (docs/s, wall time; peak RSS of the largest process of the run);
- no-op rerun and one-changed-document rerun (wall time, CLI included);
- ms per document per stage (parse, map, validate with pyrudof, validate with pyshacl
  for comparison), in this process over the first 200 documents;
- SPARQL p50/p95 per shipped query on the published store (5 runs each);
- validation disagreements between pyrudof and pyshacl over every document of the corpus;
- the naive pipeline on the same documents: one rdflib graph, rdflib Turtle and JSON-LD
  dumps, pyshacl over the whole graph with the core shapes (no SPARQL constraints).

Writes benchmarks/results/<date>-<N>.json and .md. The machine is noted in both; its
load at the time matters (this machine is shared), so the load average is recorded too.

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
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


def disagreements(release: Path) -> tuple[int, int]:
    """Documents of the release on which pyrudof and pyshacl give different reports."""
    from respub.publish.dumps import NQUADS, read_graphs, triples_of
    from respub.rdf.mapping import triples_to_graph
    from respub.validate import validate
    from respub.validate.rudof import validate_ntriples

    differ = checked = 0
    for text in read_graphs(release / NQUADS).values():
        checked += 1
        differ += validate_ntriples(text) != validate(triples_to_graph(triples_of(text)))
    return differ, checked


def sparql(store: Path) -> dict[str, dict[str, float]]:
    """p50 and p95 in ms of each shipped query (7 runs) on the embedded store, opened
    read-only as `respub query` does (without its guard process, which adds a fixed
    ~0.4 s per query on this machine)."""
    from pyoxigraph import Store

    opened = Store.read_only(str(store))
    found = {}
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text, times = path.read_text("utf-8"), []
        for _ in range(7):
            started = time.perf_counter()
            for _row in opened.query(text, use_default_graph_as_union=True):  # type: ignore[union-attr]
                pass
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        found[path.name] = {
            "p50": round(statistics.median(times), 1),
            "p95": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
        }
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


def run(size: int, work: Path) -> dict[str, Any]:
    corpus = work / f"corpus-{size}"
    manifest, made = make_corpus(corpus, size)
    out = work / f"out-{size}"
    cold, peak, _ = cli("publish", str(manifest), "--out", str(out), "--allow-quarantine")
    noop, _, _ = cli("publish", str(manifest), "--out", str(out), "--allow-quarantine")
    changed = made[len(made) // 2]
    changed.write_text(changed.read_text("utf-8") + "\nDone in New York.\n", "utf-8")
    one, _, _ = cli("publish", str(manifest), "--out", str(out), "--allow-quarantine")
    release = (out / "latest").resolve()
    differ, checked = disagreements(release)
    started = time.perf_counter()
    naive_times = naive(made, work)
    naive_total = time.perf_counter() - started
    return {
        "documents": size,
        "cold_seconds": round(cold, 1),
        "cold_docs_per_second": round(size / cold, 1),
        "cold_ms_per_document": round(cold / size * 1000, 1),
        "peak_rss_mb": peak,
        "noop_seconds": round(noop, 2),
        "one_changed_seconds": round(one, 2),
        "stages_ms_per_document": stages(made[:200]),
        "sparql_ms": sparql(out / "store"),
        "validation": {"documents": checked, "disagreements": differ},
        "naive_seconds": naive_times,
        "naive_docs_per_second": round(len(made) / naive_total, 1),
        # per document, since the naive pass reads the renumbered copies only
        "ratio_cold_vs_naive": round((naive_total / len(made)) / (cold / size), 2),
    }


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "note": "2 cores shared with 5 other engineers while measured: figures are noisy",
    }


def markdown(result: dict[str, Any], host: dict[str, Any]) -> str:
    naive_total = result["naive_seconds"]["total"]
    lines = [
        f"### {result['documents']:,} documents — {datetime.now(UTC):%Y-%m-%d}",
        "",
        f"Machine: {host['cpus']} CPUs, Python {host['python']}, load average "
        f"{host['load_average']} at the end ({host['note']}).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| cold publish (CLI, Prefect start-up included) | {result['cold_seconds']} s "
        f"({result['cold_docs_per_second']} docs/s, {result['cold_ms_per_document']} ms/doc) |",
        f"| naive pipeline, same documents | {naive_total} s "
        f"({result['naive_docs_per_second']} docs/s) |",
        f"| ratio naive / respub, time per document | {result['ratio_cold_vs_naive']}× |",
        f"| peak RSS (largest process) | {result['peak_rss_mb']} MB |",
        f"| no-op rerun (CLI) | {result['noop_seconds']} s |",
        f"| one changed document (CLI) | {result['one_changed_seconds']} s |",
        f"| validation disagreements pyrudof/pyshacl | "
        f"{result['validation']['disagreements']} of {result['validation']['documents']} |",
    ]
    lines += [f"| stage: {k} | {v} ms/doc |" for k, v in result["stages_ms_per_document"].items()]
    lines += [f"| naive: {k} | {v} s |" for k, v in result["naive_seconds"].items()]
    lines += [
        f"| SPARQL {name} | p50 {t['p50']} ms, p95 {t['p95']} ms |"
        for name, t in result["sparql_ms"].items()
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000", help="comma-separated sizes (default 1000)")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
            result = run(size, Path(temp))
        host = machine()
        stem = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{size}"
        stem.with_suffix(".json").write_text(
            json.dumps({"machine": host, **result}, indent=1) + "\n", "utf-8"
        )
        table = markdown(result, host)
        stem.with_suffix(".md").write_text(table, "utf-8")
        print(table, flush=True)
        shutil.rmtree(Path(temp), ignore_errors=True)


if __name__ == "__main__":
    main()
