"""`respub serve` on bad input: one clear line and exit status 2, never a traceback; paths
that try to leave the release get 404."""

from __future__ import annotations

import http.client
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Server

RESPUB = str(Path(sys.executable).parent / "respub")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "{tmp}/nothing"], "no release to serve"),
        (["--query-timeout", "0"], "time limit must be positive"),
        (["--max-result-bytes", "0"], "size limit must be positive"),
    ],
)
def test_bad_options_are_one_clear_line(tmp_path: Path, arguments: list[str], message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    done = subprocess.run([RESPUB, "serve", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/site/../manifest.json",
        "/download/../../etc/passwd",
        "/releases/../../etc/passwd",
        "/releases/x/../../manifest.json",
        "/resolution/../../etc/passwd.ttl",
    ],
)
def test_paths_cannot_leave_the_release(server: Server, path: str) -> None:
    host = server.url.removeprefix("http://")
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.request("GET", path)  # sent as is, not normalised by the client
    answer = connection.getresponse()
    assert answer.status == 404 and b"root:" not in answer.read()
