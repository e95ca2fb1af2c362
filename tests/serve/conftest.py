"""A published sample release served by `respub serve` (the real CLI, on 127.0.0.1)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from served import publish_sample, sample_sources

from respub.publish.release import ReleaseSummary

TIMEOUT = 3.0  # the server's query time limit in these tests


@dataclass(frozen=True)
class Server:
    """A running server: its URL, output folder, sources and first release."""

    url: str
    output: Path
    sources: Path
    release: ReleaseSummary
    process: subprocess.Popen[bytes]

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, timeout=30, **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(output: Path, *extra: str) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `respub serve` on a free port; its URL once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "respub"),
            "serve",
            "--out",
            str(output),
            "--port",
            str(port),
            "--query-timeout",
            str(TIMEOUT),
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"respub serve stopped: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            requests.get(url + "/", timeout=2)
            return url, process
        except requests.ConnectionError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError("respub serve did not answer within 60 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGINT)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    sources = sample_sources(tmp_path_factory.mktemp("serve-sources"))
    output = tmp_path_factory.mktemp("serve-output")
    release = publish_sample(sources, output)
    assert not release.quarantined
    url, process = start_server(output)
    yield Server(url, output, sources, release, process)
    stop(process)
