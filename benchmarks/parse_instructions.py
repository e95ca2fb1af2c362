"""Instructions per typical document parsed, counted by valgrind's callgrind: a figure that
does not depend on the machine's speed or on what else it is running, for A/B comparisons of
parser changes and for comparing a figure of `bench_parse.py` taken on another machine.

Run: .venv/bin/python benchmarks/parse_instructions.py (needs valgrind: `apt-get install
valgrind`). It runs the interpreter twice under callgrind, parsing the typical documents of
`bench_parse.py` (after one warm-up parse of each) once and then `--rounds` times, and prints
the difference per document, which leaves out start-up, imports and warm-up. String hashing
is seeded (PYTHONHASHSEED=0): two runs of the same code give the same figure. Two runs
from checkouts at other paths, or reading the corpus from another checkout, may differ by up
to 0.04 M (memory layout, when the cyclic GC runs): compare A and B from one checkout path.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = """
import sys
sys.path.insert(0, {here!r})
from bench_parse import TYPICAL
from respub.parse import parse_source
from respub.sources.load import read_source
every = [read_source(p) for p in TYPICAL]
for doc in every:
    parse_source(doc)
short = [d for d in every if len(d.text) <= 6000]
for _ in range({rounds}):
    for doc in short:
        parse_source(doc)
print(len(short))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    one, count = _instructions(1)
    many, _ = _instructions(1 + args.rounds)
    per_doc = (many - one) / (args.rounds * count)
    print(
        f"typical (≤ 6,000 characters, {count} documents): "
        f"{per_doc / 1e6:.2f} M instructions per document parsed "
        f"(callgrind, {args.rounds} rounds minus one)"
    )


def _instructions(rounds: int) -> tuple[int, int]:
    """Total instructions of one child run, and how many documents a round parses."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                _CHILD.format(here=str(HERE), rounds=rounds),
            ],
            capture_output=True,
            text=True,
            check=True,
            # string hashing is randomised per process: set and dict layouts, so the count,
            # vary by ~0.1 M a document from run to run; one seed makes A/B figures exact
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        if totals is None:
            sys.exit(f"no total in callgrind's output {out}:\n{run.stderr[-2000:]}")
        return int(totals.group(1)), int(run.stdout.split()[-1])


if __name__ == "__main__":
    main()
