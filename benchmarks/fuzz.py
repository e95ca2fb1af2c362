"""A long fuzzing campaign over every reader and the parser: random input, mutated
corpus files (text, Markdown with front matter, HTML) and mutated PDFs.

Every input must end in a parsed `Resolution` or a catalogued problem (a `RespubError`
carrying a `Problem`); anything else is a crash. The report gives the crashes (type,
message, the input saved under --crashes) and the slowest inputs.

Run: .venv/bin/python benchmarks/fuzz.py [--inputs 100000] [--seed 1] [--report fuzz.json]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from respub.errors import RespubError
from respub.parse import parse_source
from respub.problems import catalogue
from respub.sources.load import read_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PER_INPUT_LIMIT = 20.0  # seconds: an input still running then is reported as a hang
SLOWEST = 15


@dataclass
class Campaign:
    """What the campaign saw."""

    inputs: int = 0
    parsed: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    crashes: list[dict[str, object]] = field(default_factory=list)
    slowest: list[tuple[float, str, int]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def seeds() -> dict[str, list[bytes]]:
    """The corpus files to mutate, by suffix."""
    found: dict[str, list[bytes]] = {".txt": [], ".md": [], ".html": [], ".pdf": []}
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in found and path.is_file() and path.stem.upper() != "README":
            found[path.suffix].append(path.read_bytes())
    return found


def mutate(data: bytes, rnd: random.Random, text: bool) -> bytes:
    """A few random edits: flip, insert, delete, duplicate or splice a slice."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 12)):
        if not buf:
            buf.extend(rnd.randbytes(rnd.randint(1, 64)))
            continue
        i = rnd.randrange(len(buf))
        op = rnd.randrange(7)
        if op == 0:
            buf[i] = rnd.randrange(256)
        elif op == 1:
            piece = rnd.choice(_TOKENS) if text else rnd.randbytes(rnd.randint(1, 16))
            buf[i:i] = piece
        elif op == 2:
            del buf[i : i + rnd.randint(1, 200)]
        elif op == 3:
            j = rnd.randrange(len(buf))
            buf[i:i] = buf[j : j + rnd.randint(1, 400)]
        elif op == 4:
            del buf[i:]
        elif op == 5 and text:
            buf[i:i] = b"\n" * rnd.randint(1, 3)
        else:
            buf[i:i] = bytes([rnd.randrange(256)]) * rnd.randint(1, 2000)
    return bytes(buf)


_TOKENS = [
    b"---\n",
    b"symbol: A/RES/80/1x\n",
    b"[^1]",
    b"[^1]: note\n",
    b"1. Decides",
    b"\xff\xfe",
    b"The General Assembly,",
    b"<html>",
    b"</p>",
    b"<h1>",
    b"\x00",
    b"\r\n",
    b"\xe2\x80\xa8",
    b"WHA77.1",
    b"A/RES/",
    b"AG-2021-RES-01",
    b"Recalling ",
    b"(a) ",
    b"ANNEX",
    b"\t" * 50,
    b"\xd8\xa7\xd9\x84",
    b"\x0c",
    b"%PDF-1.7\n",
    b"endobj",
    b"stream\n",
    b"/Pages",
]


def random_input(rnd: random.Random, pool: dict[str, list[bytes]]) -> tuple[str, bytes]:
    """(suffix, bytes) of one input; the mix is mostly mutated corpus files."""
    roll = rnd.random()
    if roll < 0.15:  # random bytes or random text
        suffix = rnd.choice([".txt", ".md", ".html", ".pdf"])
        if rnd.random() < 0.5:
            return suffix, rnd.randbytes(rnd.randint(0, 4000))
        alphabet = "".join(chr(rnd.randrange(32, 0x2FF)) for _ in range(60)) + "\n ,.;:"
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 3000)))
        return suffix, text.encode("utf-8", "surrogatepass")
    if roll < 0.18 and pool[".pdf"]:
        return ".pdf", mutate(rnd.choice(pool[".pdf"]), rnd, text=False)
    suffix = rnd.choice([".txt", ".md", ".html"])
    return suffix, mutate(rnd.choice(pool[suffix]), rnd, text=True)


def _expire(signum: int, frame: object) -> None:
    raise TimeoutError(f"input still running after {PER_INPUT_LIMIT} s")


def run(count: int, seed: int, crashes: Path) -> Campaign:
    """Feed `count` inputs through read_source → parse_source."""
    rnd = random.Random(seed)
    pool = seeds()
    known = set(catalogue())
    campaign = Campaign()
    signal.signal(signal.SIGALRM, _expire)
    started = time.perf_counter()
    for number in range(count):
        suffix, data = random_input(rnd, pool)
        campaign.inputs += 1
        campaign.kinds[suffix] += 1
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, PER_INPUT_LIMIT)
        try:
            parse_source(read_source(Path(f"fuzz{suffix}"), data=data))
            campaign.parsed += 1
        except RespubError as error:
            kind = error.problem.type
            campaign.problems[kind] += 1
            if kind not in known:
                _crash(campaign, crashes, number, suffix, data, error)
        except Exception as error:  # a crash: anything but a catalogued problem
            _crash(campaign, crashes, number, suffix, data, error)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        spent = time.perf_counter() - began
        campaign.slowest.append((spent, suffix, len(data)))
        campaign.slowest = sorted(campaign.slowest, reverse=True)[:SLOWEST]
        if number and number % 5000 == 0:
            rate = number / (time.perf_counter() - started)
            print(
                f"{number:,} inputs, {len(campaign.crashes)} crashes, {rate:.0f}/s",
                file=sys.stderr,
                flush=True,
            )
    return campaign


def _crash(
    campaign: Campaign, folder: Path, number: int, suffix: str, data: bytes, error: Exception
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    saved = folder / f"crash-{number}{suffix}"
    saved.write_bytes(data)
    campaign.crashes.append(
        {
            "input": str(saved),
            "type": type(error).__name__,
            "message": str(error)[:300],
            "where": traceback.format_tb(error.__traceback__)[-1].strip()[:300],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashes", type=Path, default=Path("output/fuzz-crashes"))
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    campaign = run(args.inputs, args.seed, args.crashes)
    seconds = time.perf_counter() - started
    report = {
        "inputs": campaign.inputs,
        "seed": args.seed,
        "seconds": round(seconds, 1),
        "by_suffix": dict(campaign.kinds),
        "parsed": campaign.parsed,
        "problems": dict(campaign.problems.most_common()),
        "crashes": campaign.crashes,
        "slowest": [
            {"seconds": round(s, 3), "suffix": k, "bytes": n} for s, k, n in campaign.slowest
        ],
    }
    text = json.dumps(report, indent=1)
    if args.report is not None:
        args.report.write_text(text + "\n", "utf-8")
    print(text)


if __name__ == "__main__":
    main()
