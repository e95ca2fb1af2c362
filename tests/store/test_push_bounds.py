"""push under trouble (issue #13, finding 9): no release, a server that hangs, a server
that fails after three graphs; and --dry-run. Real servers on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from respub.store import PushError, push
from respub.store.push import release_graphs

from .conftest import Published

ROOT = Path(__file__).resolve().parents[2]
RESPUB = Path(sys.executable).parent / "respub"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RESPUB), "push", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


class FailsAfter:
    """A Graph Store that accepts `good` PUTs, then answers 500 to everything."""

    def __init__(self, good: int) -> None:
        self.good = good
        self.puts: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                owner.puts.append(self.path)
                self.send_response(204 if len(owner.puts) <= owner.good else 500)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def failing() -> Iterator[FailsAfter]:
    server = FailsAfter(3)
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def silent() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listening = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listening.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listening.accept()[0])
            except (TimeoutError, OSError):
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    stop.set()
    listening.close()
    for conn in held:
        conn.close()


def test_a_missing_release_is_one_clear_line(tmp_path: Path) -> None:
    done = _cli("--endpoint", "http://127.0.0.1:9", "--release", str(tmp_path / "none"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"respub: error: {tmp_path / 'none'}: no release here (give --release, or publish first)"
    )


def test_a_failure_after_three_graphs_says_which_were_replaced(
    published: Published, failing: FailsAfter
) -> None:
    release = published.summary.release_dir
    first_three = tuple(graph for graph, _ in release_graphs(release))[:3]
    with pytest.raises(PushError) as raised:
        push(release, failing.url)
    assert raised.value.replaced == first_three
    assert "HTTP 500" in str(raised.value) and "3 graph(s) were replaced" in str(raised.value)
    failing.puts.clear()  # the same again, from the command line
    done = _cli("--endpoint", failing.url, "--release", str(release))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[:3] == [f"replaced: {graph}" for graph in first_three]
    assert len(lines) == 4 and lines[3].startswith("respub: error: PUT ")


def test_a_hanging_server_is_given_up_at_the_deadline(published: Published, silent: str) -> None:
    began = time.monotonic()
    done = _cli(
        "--endpoint", silent, "--release", str(published.summary.release_dir), "--deadline", "3"
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "no graph was replaced" in done.stderr
    assert time.monotonic() - began < 60  # not 300 s of silence


def test_dry_run_sends_nothing(published: Published, failing: FailsAfter) -> None:
    release = published.summary.release_dir
    done = _cli("--endpoint", failing.url, "--release", str(release), "--dry-run")
    assert done.returncode == 0, done.stderr
    graphs = [graph for graph, _ in release_graphs(release)]
    listed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("PUT ")]
    assert listed == graphs and failing.puts == []
    assert done.stdout.splitlines()[-1].startswith("dry run: nothing sent to")
