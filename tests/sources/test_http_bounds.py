"""Every HTTP wait is bounded and every fetch confined (issue #13, findings 4 and 10), on
real servers on 127.0.0.1: a server dripping one byte at a time, one that never answers,
a Retry-After of an hour, redirects to link-local and loopback addresses."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import deadline

from respub.sources.guard import refused_address
from respub.sources.http import FetchResult, HttpSettings, ValidatorCache, fetch, make_session

LOCAL = ("127.0.0.1/32",)  # the test servers, and nothing else on this machine


class RawServer:
    """A TCP server on 127.0.0.1 whose every connection is handled by `serve(conn)`."""

    def __init__(self, serve: Callable[[socket.socket], None]) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.serve = serve
        self.stop = threading.Event()
        self.requests = 0
        threading.Thread(target=self._loop, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/doc.txt"

    def _loop(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.requests += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                self.serve(conn)
            except OSError:
                pass  # the client hung up: what the deadline is for

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


Serve = Callable[[Callable[[socket.socket], None]], "RawServer"]


@pytest.fixture
def serve() -> Iterator[Serve]:
    started: list[RawServer] = []

    def start(handler: Callable[[socket.socket], None]) -> RawServer:
        started.append(RawServer(handler))
        return started[-1]

    yield start
    for server in started:
        server.close()


def _get(url: str, settings: HttpSettings, tmp_path: Path) -> tuple[FetchResult, float]:
    cache = ValidatorCache(tmp_path / "http.json")
    began = time.monotonic()
    with make_session(settings) as session, deadline(30):
        result = fetch(session, url, settings, cache)
    return result, time.monotonic() - began


def _drip(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(100000):  # one byte every 50 ms: each read succeeds, the body never ends
        conn.sendall(b"x")
        time.sleep(0.05)


def _silent(conn: socket.socket) -> None:
    time.sleep(30)  # accepts, reads the request, never answers


def test_a_slow_drip_server_is_cut_off_at_the_deadline(serve: Serve, tmp_path: Path) -> None:
    server = serve(_drip)
    settings = HttpSettings(deadline=1.5, read_timeout=1.0, allowed_networks=LOCAL)
    result, seconds = _get(server.url, settings, tmp_path)
    assert result.status == "failed"
    assert (
        result.error
        == f"{server.url}: no complete answer within the deadline of 1.5 s (not retried)"
    )
    assert seconds < 6


def test_a_server_that_never_answers_costs_one_deadline(serve: Serve, tmp_path: Path) -> None:
    server = serve(_silent)
    settings = HttpSettings(deadline=1.5, read_timeout=60, retries=3, allowed_networks=LOCAL)
    result, seconds = _get(server.url, settings, tmp_path)
    assert result.status == "failed" and result.error is not None
    assert "timeout" in result.error or "deadline" in result.error
    assert seconds < 6  # not 4 x 60 s


def test_retry_after_is_capped_by_the_deadline(serve: Serve, tmp_path: Path) -> None:
    def busy(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3600\r\nContent-Length: 0\r\n\r\n"
        )

    server = serve(busy)
    settings = HttpSettings(deadline=2, max_wait=60, allowed_networks=LOCAL)
    result, seconds = _get(server.url, settings, tmp_path)
    assert result.status == "failed" and result.error is not None
    assert "would pass the deadline of 2 s" in result.error
    assert seconds < 6 and server.requests == 1


def _redirect_to(location: str) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        conn.sendall(
            f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode()
        )

    return answer


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://127.0.0.2:9/secret.txt", "loopback"),
        ("http://10.0.0.1/internal.txt", "private"),
        ("http://[::1]:9/secret.txt", "loopback"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused(
    serve: Serve, tmp_path: Path, target: str, kind: str
) -> None:
    server = serve(_redirect_to(target))
    result, _ = _get(server.url, HttpSettings(allowed_networks=LOCAL), tmp_path)
    assert result.status == "failed" and result.error is not None
    assert f"redirected to {target}" in result.error
    assert f"a {kind} address; allow with --allow-private-network" in result.error


def test_a_private_address_is_refused_before_any_request(serve: Serve, tmp_path: Path) -> None:
    server = serve(_drip)
    result, _ = _get(server.url, HttpSettings(), tmp_path)
    assert result.status == "failed" and result.error is not None
    assert "127.0.0.1 resolves to 127.0.0.1, a loopback address" in result.error
    assert server.requests == 0
    allowed, _ = _get(
        serve(_redirect_to("/elsewhere")).url, HttpSettings(allow_private_network=True), tmp_path
    )
    assert allowed.error is not None and "allow with" not in allowed.error


def test_names_are_checked_after_resolution() -> None:
    assert "loopback" in str(refused_address("http://localhost/x.md", allow_private=False))
    assert refused_address("http://localhost/x.md", allow_private=True) is None
    assert refused_address("http://[::ffff:10.1.2.3]/x", allow_private=False) is not None
    assert refused_address("http://no-such-host.invalid/x", allow_private=False) is not None
