"""Run every benchmark in this folder with its default sizes, one after another (`make bench`).

Each script prints its own table. bench_scale.py runs 1,000 and 10,000 documents (about
an hour on this 2-core machine when idle); `--full` (`make bench BENCH=--full`) adds its
SPARQL part at 100,000 documents. Pass other sizes to a script directly, e.g.
`.venv/bin/python benchmarks/bench_scale.py --sizes 1000`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="bench_scale at 100,000 too")
    args = parser.parse_args()
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        extra = ["--full"] if args.full and script.name == "bench_scale.py" else []
        print(f"\n== {script.name} {' '.join(extra)}", flush=True)
        failed += subprocess.run([sys.executable, str(script), *extra], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
