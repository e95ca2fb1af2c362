"""`respub serve` under load: concurrent clients on loopback, requests/s and latency.

    .venv/bin/python benchmarks/bench_serve.py                        # the sample corpus
    .venv/bin/python benchmarks/bench_serve.py --out output --requests 2000

Publishes the bundled sample corpus into a temporary folder (unless `--out` names an
output folder with a release and a store), starts `respub serve` on 127.0.0.1, then for
each scenario sends `--requests` requests from `--concurrency` concurrent clients (asyncio,
httpx) and reports requests/s, p50 and p95 latency (queueing included) and errors.
Last, `--crowd` clients at once each run a mix of requests: any error fails the run.
Client and server share the machine: the figures are a floor, not a server-only measure.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
QUERIES = REPO / "queries"


@dataclass(frozen=True)
class Call:
    """One request of a scenario."""

    path: str
    headers: tuple[tuple[str, str], ...] = ()
    params: tuple[tuple[str, str], ...] = ()
    redirects: bool = False


def scenarios(page: str, work: str) -> dict[str, Call]:
    def sparql(name: str) -> Call:
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        accept = (("Accept", "application/sparql-results+json"),)
        return Call("/sparql", accept, (("query", text),))

    return {
        "resolution page (HTML)": Call(page, (("Accept", "text/html"),)),
        "Turtle by Accept": Call(page, (("Accept", "text/turtle"),)),
        "Work 303 by Accept-Language": Call(work, (("Accept-Language", "fr, en;q=0.5"),)),
        "search (JSON)": Call("/search", (), (("q", "urged member states"), ("format", "json"))),
        "SPARQL clause-counts.rq": sparql("clause-counts"),
        "SPARQL operative-urges.rq": sparql("operative-urges"),
    }


async def run(
    client: httpx.AsyncClient, calls: Sequence[Call], concurrency: int
) -> tuple[float, list[float], int]:
    """Send `calls` with `concurrency` clients: (seconds, latencies, errors)."""
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors = 0

    async def one(call: Call) -> None:
        nonlocal errors
        async with gate:
            started = time.perf_counter()
            try:
                response = await client.get(
                    call.path,
                    headers=dict(call.headers),
                    params=dict(call.params),
                    follow_redirects=call.redirects,
                )
                ok = response.status_code in (200, 303)
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(one(call) for call in calls))
    return time.perf_counter() - started, latencies, errors


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def bench(url: str, args: argparse.Namespace, page: str, work: str) -> int:
    limits = httpx.Limits(max_connections=max(args.concurrency, args.crowd))
    timeout = httpx.Timeout(60.0)
    print(
        f"{'scenario':32} {'requests':>8} {'clients':>7} {'req/s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'errors':>6}"
    )
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:
        for name, call in scenarios(page, work).items():
            await run(client, [call] * 5, 5)  # warm caches and workers
            seconds, latencies, errors = await run(client, [call] * args.requests, args.concurrency)
            print(
                f"{name:32} {args.requests:8} {args.concurrency:7} "
                f"{args.requests / seconds:8.1f} {statistics.median(latencies) * 1000:8.1f} "
                f"{percentile(latencies, 0.95) * 1000:8.1f} {errors:6}",
                flush=True,
            )
        mix = list(scenarios(page, work).values())
        calls = [mix[i % len(mix)] for i in range(args.crowd * len(mix))]
        seconds, latencies, errors = await run(client, calls, args.crowd)
        print(
            f"{'mixed, all clients at once':32} {len(calls):8} {args.crowd:7} "
            f"{len(calls) / seconds:8.1f} {statistics.median(latencies) * 1000:8.1f} "
            f"{percentile(latencies, 0.95) * 1000:8.1f} {errors:6}"
        )
    return errors


# Known clauses (query, language, words of the clause that must rank first), as in the tests.
# The known clauses tests/serve/test_search.py asserts are found first.
CASES = tuple(
    (c["query"], c["language"], c["printed"])
    for c in yaml.safe_load(
        (Path(__file__).parents[1] / "tests" / "fixtures" / "search-cases.yaml").read_text(
            encoding="utf-8"
        )
    )
)
TOKENIZERS = (
    ("unicode61, text as printed", "unicode61", False),
    ("unicode61 + folding", "unicode61 remove_diacritics 2", True),
    ("porter unicode61 + folding (used)", "porter unicode61 remove_diacritics 2", True),
    ("trigram + folding", "trigram", True),
)


def compare_tokenizers(release: Path) -> None:
    """Index size, build time, query time and known-clause hits for each FTS5 tokenizer."""
    import sqlite3

    from respub.publish.dumps import NQUADS, read_graphs
    from respub.search.fold import fold
    from respub.search.index import index_rows
    from respub.site.read import read_expression

    graphs = sorted(read_graphs(release / NQUADS).items())
    views = [read_expression(iri, text) for iri, text in graphs]
    rows = list(index_rows((v.work.identifier, v) for v in views))
    print(f"\nsearch index: {len(rows)} titles and clauses; {len(CASES)} known clauses")
    print(f"{'tokenizer':36} {'bytes':>9} {'build ms':>9} {'query ms':>9} {'found first':>11}")
    for name, tokenizer, folded in TOKENIZERS:
        prepare = fold if folded else (lambda text: text)
        db = sqlite3.connect(":memory:")
        started = time.perf_counter()
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, lang UNINDEXED, tokenize='{tokenizer}')")
        db.executemany("INSERT INTO t VALUES (?, ?)", ((prepare(r.text), r.language) for r in rows))
        db.commit()
        built = (time.perf_counter() - started) * 1000
        size = len(db.serialize())
        found, spent = 0, 0.0
        for query, language, printed in CASES:
            words = prepare(query).replace('"', " ").split()
            expression = " ".join(f'"{w}"' for w in words if len(w) >= 3 or tokenizer != "trigram")
            started = time.perf_counter()
            try:
                best = db.execute(
                    "SELECT x FROM t WHERE t MATCH ? AND lang = ? ORDER BY bm25(t) LIMIT 1",
                    (expression, language),
                ).fetchone()
            except sqlite3.Error:
                best = None
            spent += time.perf_counter() - started
            found += bool(best) and prepare(printed) in best[0]
        print(
            f"{name:36} {size:9} {built:9.1f} {spent * 1000 / len(CASES):9.2f} "
            f"{found:>5}/{len(CASES)}"
        )
        db.close()


def publish_sample(folder: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    subprocess.run(
        [
            str(BIN / "respub"),
            "publish",
            str(REPO / "corpus" / "sample.yaml"),
            "--out",
            str(folder),
            "--allow-quarantine",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="serve this output folder (else the sample)")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--crowd", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="query worker processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temp:
        output = args.out or publish_sample(Path(temp) / "output")
        port = free_port()
        server = subprocess.Popen(
            [
                str(BIN / "respub"),
                "serve",
                "--out",
                str(output),
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(url + "/", timeout=2)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("respub serve did not start", file=sys.stderr)
                        return 1
                    time.sleep(0.2)
            compare_tokenizers((output / "latest").resolve())
            print(f"\nrespub serve on {url} ({args.workers} query workers), {os.cpu_count()} CPUs")
            errors = asyncio.run(
                bench(url, args, "/resolution/un-ga/80/1/en", "/resolution/interpol-ga/2021/9")
            )
        finally:
            os.kill(server.pid, signal.SIGINT)
            server.wait(30)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
