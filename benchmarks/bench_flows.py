"""The publish flow at scale: cold run, no-op rerun, one changed document, per runner.

Synthetic corpora are made from the UN-GA sample resolutions (corpus/un-ga/md) by
renumbering each copy (A/RES/80/1000, A/RES/80/1001, …), so every document is a distinct
resolution. Target: a no-op rerun at 10,000 documents ≤ 5 s. All runs share one
temporary Prefect server (its start-up, paid once per process, is reported apart).

Run: .venv/bin/python benchmarks/bench_flows.py [--sizes 100,1000,10000]
                                                 [--runners processes,dask] [--batch-size 100]
"""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import argparse
import logging
import re
import shutil
import tempfile
import time
from pathlib import Path
from unittest.mock import patch

from respub.orchestrate import flow
from respub.orchestrate.commands import publish
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.report import PublishReport

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = (1, 2, 3, 5, 6, 8, 9, 13, 20, 23, 29, 47, 52)  # parse without any issue
PER_FOLDER = 1000


def make_corpus(folder: Path, size: int) -> list[Path]:
    """`size` distinct resolutions under `folder` (renumbered copies of the templates)."""
    texts = {
        t: (ROOT / "corpus/un-ga/md" / f"A_RES_80_{t}.md").read_text("utf-8") for t in TEMPLATES
    }
    made = []
    for i in range(size):
        template = TEMPLATES[i % len(TEMPLATES)]
        session, number = 80 + i // 9000, 1000 + i % 9000  # A/RES/<1-3 digits>/<1-4 digits>
        text = texts[template].replace(f"A/RES/80/{template}", f"A/RES/{session}/{number}")
        text = re.sub(rf"(?m)^80/{template}\.", f"{session}/{number}.", text)
        path = folder / f"part-{i // PER_FOLDER:03d}" / f"A_RES_{session}_{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        made.append(path)
    return made


def timed(corpus: Path, out: Path, runner: str, batch_size: int) -> tuple[float, PublishReport]:
    started = time.perf_counter()
    report = publish([corpus], out=out, runner=runner, batch_size=batch_size)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default="100", help="comma-separated corpus sizes (default 100)")
    parser.add_argument(
        "--runners", default="processes,dask", help="comma-separated: processes, threads, dask"
    )
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runners = [r.strip() for r in args.runners.split(",")]
    for name in ("distributed", "prefect"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # The pipeline version hashes respub's source: pin it, so that a file edited in the
    # tree while the benchmark runs does not (rightly) invalidate every cached result.
    pinned = pipeline_version()
    patch.object(flow, "pipeline_version", lambda: pinned).start()  # for the whole run

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-flows-") as temp:
        work = Path(temp)
        warm = make_corpus(work / "warm", 1)[0].parent
        started = time.perf_counter()
        publish([warm], out=work / "warm-out")
        warmup = time.perf_counter() - started
        print(f"Prefect server start-up and a first 1-document run: {warmup:.1f} s")
        for size in sizes:
            corpus = work / f"corpus-{size}"
            paths = make_corpus(corpus, size)
            for runner in runners:
                out = work / f"out-{size}-{runner}"
                busy = os.getloadavg()[0]
                cold, first = timed(corpus, out, runner, args.batch_size)
                print(f"  {size:,} documents, {runner}: cold {cold:.1f} s", flush=True)
                noop, second = timed(corpus, out, runner, args.batch_size)
                print(f"    no-op {noop:.2f} s ({second.parsed} parsed)", flush=True)
                changed = paths[size // 2]
                original = changed.read_bytes()
                changed.write_bytes(original + b"\nRevised.\n")
                one, third = timed(corpus, out, runner, args.batch_size)
                changed.write_bytes(original)
                print(f"    one changed {one:.2f} s ({third.parsed} parsed)", flush=True)
                parsed = f"{first.parsed}/{second.parsed}/{third.parsed}"
                rows.append((size, runner, cold, noop, one, parsed, busy))
                shutil.rmtree(out, ignore_errors=True)
    print()
    print(
        "| documents | runner | cold run | no-op rerun | one changed | cold docs/s | parsed "
        "| load (1 min) at start |"
    )
    print("|---:|---|---:|---:|---:|---:|---|---:|")
    for size, runner, cold, noop, one, parsed, busy in rows:
        print(
            f"| {size:,} | {runner} | {cold:.1f} s | {noop:.2f} s | {one:.2f} s "
            f"| {size / cold:,.0f} | {parsed} | {busy:.1f} |"
        )


if __name__ == "__main__":
    main()
