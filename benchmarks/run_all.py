"""Run every benchmark in this folder with its default sizes, one after another (`make bench`).

Each script prints its own table. bench_scale.py runs 1,000 and 10,000 documents (about
an hour on this 2-core machine when idle); `--full` (`make bench BENCH=--full`) adds its
SPARQL part at 100,000 documents, and bench_queries.py its 100,000-document store (without
it, bench_queries.py times 10,000 only). Pass other sizes to a script directly, e.g.
`.venv/bin/python benchmarks/bench_scale.py --sizes 1000`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Arguments per script: bench_queries builds its 100,000 store (about 17 min) only with --full.
QUICK = {"bench_queries.py": ["--sizes", "10000"]}
FULL = {"bench_scale.py": ["--full"], "bench_queries.py": ["--sizes", "10000,100000"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="100,000 documents too (SPARQL)")
    args = parser.parse_args()
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        extra = FULL.get(script.name, []) if args.full else QUICK.get(script.name, [])
        print(f"\n== {script.name} {' '.join(extra)}", flush=True)
        failed += subprocess.run([sys.executable, str(script), *extra], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
