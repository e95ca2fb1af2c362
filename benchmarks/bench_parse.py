"""Text parsing throughput on typical resolutions (target: ≥ 1,000 documents/s on one core),
and the time of pathological documents that must stay linear (issue #13).

Run: .venv/bin/python benchmarks/bench_parse.py [--seconds 3] (`taskset -c 1` to keep it on
one core). The machine is shared: each figure is printed with the load average over the last
minute, and is only comparable with figures taken at a like load.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from respub.model import Source
from respub.parse import parse_source
from respub.parse.citations import _symbol_of
from respub.sources.load import SourceText, read_source

ROOT = Path(__file__).resolve().parents[1]
TYPICAL = [
    *sorted((ROOT / "corpus/interpol").glob("*.txt")),
    *sorted((ROOT / "corpus/un-ga/md").glob("*.md")),
    *sorted((ROOT / "corpus/un-ga/txt-v1.1").glob("*.txt")),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    every = [read_source(p) for p in TYPICAL]
    for doc in every:  # warm the caches (lexicons, profiles, patterns)
        parse_source(doc)
    short = [d for d in every if len(d.text) <= 6000]
    _measure(f"typical (≤ 6,000 characters, {len(short)} documents)", short, args.seconds)
    # the same 14 documents again and again: the cache of bare references always answers,
    # where a document the parser has not seen pays for its references
    _measure("typical, each document's references new (cache cleared)", short, args.seconds, True)
    _measure(f"all text documents ({len(every)}, up to 60 k characters)", every, args.seconds)
    print("pathological (one parse each; must stay linear):")
    for name, doc in _pathological(every).items():
        started = time.perf_counter()
        parse_source(doc, language="en")
        took = time.perf_counter() - started
        print(
            f"  {name}: {took:.2f} s ({len(doc.text) / 1e6:.1f} M chars; "
            f"load average {os.getloadavg()[0]:.2f})"
        )


def _pathological(every: list[SourceText]) -> dict[str, SourceText]:
    """Documents built to trip quadratic stages: 20,000 footnotes, 20,000 citations in one
    clause, and the typical corpus texts run together into one 5 MB line."""
    head = (
        "Resolution adopted by the General Assembly on 19 September 2025\n\n"
        "80/1. Acting\n\nThe General Assembly,\n\n"
    )
    notes = 20_000
    clauses = "\n\n".join(f"{i}. Decides to act under the Agreement[^{i}];" for i in range(1, 501))
    extra = " ".join(f"and the Treaty[^{i}]" for i in range(501, notes + 1))
    marks = "\n".join(f"[^{i}]: See resolution {i} (II)." for i in range(1, notes + 1))
    symbols = ", ".join(f"A/RES/{70 + n % 10}/{n % 900 + 1}" for n in range(10_000))
    bare = ", ".join(f"{50 + n % 20}/{n % 900 + 1}" for n in range(10_000))
    line = " ".join(d.text.replace("\n", " ") for d in every)
    line = (line * (5_000_000 // len(line) + 1))[:5_000_000]
    texts = {
        "20,000 footnotes": f"{head}{clauses} {extra}\n\n{marks}\n",
        "20,000 citations in one clause": (
            f"{head}Recalling its resolutions {symbols} and resolutions {bare},\n\n"
            "1. Decides to act.\n"
        ),
        "a 5 MB line of real text": f"{head}Recalling {line},\n\n1. Decides to act.\n",
    }
    return {
        name: SourceText(
            Source(path=f"{name}.md", sha256="0" * 64, media_type="text/markdown"),
            text,
            {"symbol": "A/RES/80/1"},
        )
        for name, text in texts.items()
    }


def _measure(name: str, docs: list[SourceText], seconds: float, cold: bool = False) -> None:
    """Print documents/s by wall time and by this process's CPU time: on a shared machine
    the wall figure includes time spent waiting for a core, and "one core" is the CPU one.
    `cold`: the cache of bare references emptied before each document."""
    count, started, cpu_started = 0, time.perf_counter(), time.process_time()
    chars = 0
    while time.perf_counter() - started < seconds:
        for doc in docs:
            if cold:
                _symbol_of.cache_clear()
            parse_source(doc)
            chars += len(doc.text)
        count += len(docs)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(
        f"{name}: "
        f"{count} documents in {elapsed:.2f} s wall = {count / elapsed:,.0f} documents/s, "
        f"{cpu:.2f} s CPU = {count / cpu:,.0f} documents/s on one core "
        f"({chars / cpu / 1e6:.1f} M chars/s CPU; {len(docs)} distinct documents, "
        f"mean {sum(len(d.text) for d in docs) // len(docs):,} chars; "
        f"load average {os.getloadavg()[0]:.2f})"
    )


if __name__ == "__main__":
    main()
