"""Text parsing throughput on typical resolutions (target: ≥ 1,000 documents/s on one core).

Run: .venv/bin/python benchmarks/bench_parse.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from respub.parse import parse_source
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
    _measure(f"all text documents ({len(every)}, up to 60 k characters)", every, args.seconds)


def _measure(name: str, docs: list[SourceText], seconds: float) -> None:
    count, started = 0, time.perf_counter()
    chars = 0
    while time.perf_counter() - started < seconds:
        for doc in docs:
            parse_source(doc)
            chars += len(doc.text)
        count += len(docs)
    elapsed = time.perf_counter() - started
    print(
        f"{name}: "
        f"{count} documents in {elapsed:.2f} s = {count / elapsed:,.0f} documents/s "
        f"({chars / elapsed / 1e6:.1f} M chars/s; {len(docs)} distinct documents, "
        f"mean {sum(len(d.text) for d in docs) // len(docs):,} chars)"
    )


if __name__ == "__main__":
    main()
