"""Publish throughput on synthetic resolutions, Turtle with pyoxigraph vs rdflib, peak memory.

    .venv/bin/python benchmarks/bench_publish.py                       # quick: 200 documents
    .venv/bin/python benchmarks/bench_publish.py --sizes 1000,10000    # the full run

Each size runs in a fresh child process, so its peak RSS (`ru_maxrss`) is its own. Steps:
process (map + SHACL per document), write_release (files, dumps, description, checksums,
verify, rename), load into the embedded store; then Turtle of the whole graph through
pyoxigraph and rdflib (rdflib is capped by `--rdflib-max`: it grows faster than N).
No assertions: this prints a table.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from respub.model import Citation, OperativeClause, PreambularClause, Resolution, Session, Source
from respub.process import process_resolution
from respub.publish.dumps import triples_of
from respub.publish.release import vocabulary_sources, write_release
from respub.rdf.mapping import triples_to_graph
from respub.rdf.serialize import serialize
from respub.settings import Settings
from respub.store.load import load_release

PREAMBULAR = [
    ("Recalling", "recalling"),
    ("Recognizing", "recognizing"),
    ("Reaffirming", "reaffirming"),
    ("Noting", "noting"),
    ("Bearing in mind", "bearing-in-mind"),
    ("Convinced", "convinced"),
    ("Emphasizing", "emphasizing"),
    ("Welcoming", "welcoming"),
]
OPERATIVE = [
    ("Decides", "decides"),
    ("Requests", "requests"),
    ("Urges", "urges"),
    ("Calls upon", "calls-upon"),
    ("Encourages", "encourages"),
    ("Welcomes", "welcomes"),
]
WORDS = ("the", "international", "community", "Member", "States", "cooperation",
         "development", "rights", "peace", "security", "implementation", "programme",
         "report", "Secretary-General", "resources", "capacity")  # fmt: skip


def synthetic(n: int, seed: int = 7) -> list[Resolution]:
    """`n` resolutions of ~150 triples: 6–12 recitals, 2–8 operative clauses, 2–5 citations."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        session, number = 60 + i // 1000, 1 + i % 1000

        def text(keyword: str) -> str:
            return f"{keyword} {' '.join(rng.choices(WORDS, k=rng.randint(12, 40)))};"

        preamble = tuple(
            PreambularClause(k, text(k), c)
            for k, c in rng.choices(PREAMBULAR, k=rng.randint(6, 12))
        )
        operative = tuple(
            OperativeClause(k, text(k), position, c)
            for position, (k, c) in enumerate(rng.choices(OPERATIVE, k=rng.randint(2, 8)), start=1)
        )
        citations = tuple(
            Citation(
                f"A/RES/{rng.randint(40, 59)}/{rng.randint(1, 300)}",
                "resolution",
                "resolution",
                f"preamble-{rng.randint(1, len(preamble))}",
            )
            for _ in range(rng.randint(2, 5))
        )
        out.append(
            Resolution(
                identifier=f"A/RES/{session}/{number}",
                body="UN-GA",
                language="en",
                source=Source(f"synthetic/{session}-{number}.md", f"{i:064x}", "text/markdown"),
                number=str(number),
                title=f"Synthetic resolution {session}/{number}",
                session=Session(number=session),
                adopted=date(1945 + session, 12, 1 + i % 28),
                status="adopted",
                formula="The General Assembly,",
                preamble=preamble,
                operative=operative,
                citations=citations,
            )
        )
    return out


def run_size(n: int, rdflib_max: int) -> dict[str, Any]:
    """Measure one size in this process."""
    resolutions = synthetic(n)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            output_dir=Path(folder) / "out",
            release_time=datetime(2026, 11, 29, 3, tzinfo=UTC),
            load_store=False,
        )
        started = time.perf_counter()
        results = [process_resolution(r, settings) for r in resolutions]
        processed = time.perf_counter()
        bad = [r for r in results if not r.publishable]
        summary = write_release(results, settings, vocabulary_sources())
        released = time.perf_counter()
        load_release(summary.release_dir, Path(folder) / "store")
        loaded = time.perf_counter()
        publish_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        triples = triples_of(
            "".join(sorted({line + "\n" for r in results for line in r.ntriples.splitlines()}))
        )
        t0 = time.perf_counter()
        serialize(triples, "turtle")
        t1 = time.perf_counter()
        m = min(n, rdflib_max)
        subset = triples_of("".join(r.ntriples for r in results[:m]))
        graph = triples_to_graph(subset)
        t2 = time.perf_counter()
        graph.serialize(format="turtle")
        t3 = time.perf_counter()
        size = sum(p.stat().st_size for p in summary.release_dir.rglob("*") if p.is_file())
    return {
        "documents": n,
        "quarantined": len(bad),
        "triples": summary.triples,
        "process_s": processed - started,
        "release_s": released - processed,
        "store_s": loaded - released,
        "release_mb": size / 1e6,
        "ox_turtle_s": t1 - t0,
        "rdflib_docs": m,
        "rdflib_turtle_s": t3 - t2,
        "publish_peak_mb": publish_peak,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200", help="comma-separated document counts")
    parser.add_argument("--rdflib-max", type=int, default=1000, help="cap for the rdflib run")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one, args.rdflib_max)))
        return
    header = (
        f"{'docs':>7} {'triples':>9} {'process/s':>10} {'release/s':>10} {'store/s':>9} "
        f"{'MB':>7} {'ox ttl/s':>10} {'rdflib ttl/s':>13} {'RSS publish':>12} {'RSS all':>8}"
    )
    print(header)
    print("-" * len(header))
    for n in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--rdflib-max", str(args.rdflib_max)],
            capture_output=True,
            text=True,
        )
        if child.returncode != 0:
            sys.exit(f"size {n} failed:\n{child.stderr}")
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{n:>7} {r['triples']:>9} {n / r['process_s']:>10.0f} {n / r['release_s']:>10.0f} "
            f"{n / r['store_s']:>9.0f} {r['release_mb']:>7.1f} {n / r['ox_turtle_s']:>10.0f} "
            f"{r['rdflib_docs'] / r['rdflib_turtle_s']:>13.0f} {r['publish_peak_mb']:>12.0f} "
            f"{r['peak_rss_mb']:>8.0f}"
        )
        if r["quarantined"]:
            print(f"        ({r['quarantined']} synthetic documents were quarantined)")
    print("rates are documents per second; rdflib ttl/s measured on at most --rdflib-max docs;")
    print("peak RSS in MB: after process + release + store load, and at the end (with the")
    print("Turtle comparison, whose rdflib graph is the memory-hungry part)")


if __name__ == "__main__":
    main()
