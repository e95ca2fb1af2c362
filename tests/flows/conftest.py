"""Flow tests: one Prefect test server for the whole session, a small corpus, helpers.

The Prefect server costs seconds to start, so `prefect_test_harness` runs once per
session (autouse, for the tests in this folder only). The pipeline version is pinned for
these tests: it hashes respub's code, and a source file edited while the tests run would
otherwise (rightly) invalidate the cache between two runs of a test.
"""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import filecmp
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from prefect.testing.utilities import prefect_test_harness
from support import copy_un_resolutions

from respub.orchestrate import flow as flow_module
from respub.orchestrate import noop as noop_module
from respub.orchestrate.fingerprint import PipelineVersion, pipeline_version

REPO = Path(__file__).resolve().parents[2]
# Six UN-GA resolutions the parser reads cleanly (Markdown, ~30 ms each).
DOCUMENTS = tuple(f"A_RES_80_{n}.md" for n in (1, 2, 3, 5, 6, 8))
# The files whose bytes depend only on the published documents, not on the history of
# the output folder (CHANGES, README, manifest, provenance and the dataset description
# also name the previous release).
CONTENT = ("resolutions.nt.gz", "resolutions.nq.gz", "resolutions.ttl", "resolutions.jsonld")


@pytest.fixture(scope="session", autouse=True)
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API (SQLite) for every flow test of the session."""
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.WARNING)
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session", autouse=True)
def pinned_pipeline() -> Iterator[PipelineVersion]:
    """The pipeline version, computed once and pinned for the session's flows."""
    pinned = pipeline_version()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flow_module, "pipeline_version", lambda: pinned)
        patch.setattr(noop_module, "pipeline_version", lambda: pinned)
        yield pinned


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An editable copy of six sample resolutions."""
    return copy_un_resolutions(tmp_path / "corpus", DOCUMENTS)


@pytest.fixture
def compare() -> Callable[[Path, Path], list[str]]:
    """`compare(a, b)` → the relative paths whose bytes differ between two release folders:
    the dumps and every per-expression file (a file missing on one side differs)."""
    return _differing


def _differing(a: Path, b: Path) -> list[str]:
    names = {*CONTENT, *_expression_files(a), *_expression_files(b)}
    return sorted(
        name
        for name in names
        if not (a / name).is_file()
        or not (b / name).is_file()
        or not filecmp.cmp(a / name, b / name, shallow=False)
    )


def _expression_files(release: Path) -> list[str]:
    folder = release / "resolution"
    return [p.relative_to(release).as_posix() for p in folder.rglob("*") if p.is_file()]


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """`snapshot(folder)` → every file of a folder (relative path → bytes)."""

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    return files


class CorpusServer:
    """Serves the files of a folder on 127.0.0.1, with ETags (304 on a match) and, per
    path, a script of statuses to answer first (the last one repeats; 200 serves the file)."""

    TYPES: ClassVar[dict[str, str]] = {
        ".md": "text/markdown; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.scripts: dict[str, list[int]] = {}
        self.seen: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}"

    def script(self, name: str, *statuses: int) -> None:
        with self.lock:
            self.scripts[f"/{name}"] = list(statuses)

    def answered(self, name: str) -> list[int]:
        with self.lock:
            return list(self.seen.get(f"/{name}", []))

    def _next(self, path: str) -> int:
        with self.lock:
            queue = self.scripts.get(path, [200])
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _record(self, path: str, status: int) -> None:
        with self.lock:
            self.seen.setdefault(path, []).append(status)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status = server._next(self.path)
                file = server.folder / self.path.lstrip("/")
                if status == 200 and not file.is_file():
                    status = 404
                body, headers = b"", {}
                if status == 200:
                    body = file.read_bytes()
                    etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
                    headers = {"ETag": etag, "Content-Type": server.TYPES[file.suffix]}
                    if self.headers.get("If-None-Match") == etag:
                        status, body = 304, b""
                server._record(self.path, status)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def corpus_server(corpus: Path) -> Iterator[CorpusServer]:
    """An HTTP server on 127.0.0.1 serving the test corpus."""
    server = CorpusServer(corpus)
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
