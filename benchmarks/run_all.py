"""Run every benchmark in this folder with its default (quick) sizes, one after another.

Each script prints its own table; pass bigger sizes to a script directly, e.g.
`.venv/bin/python benchmarks/bench_flows.py --sizes 1000,10000`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name}", flush=True)
        failed += subprocess.run([sys.executable, str(script)], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
