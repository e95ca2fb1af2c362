"""The HTTP fetcher against a real server on 127.0.0.1: retries, limits, validators, cache."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from respub.errors import FetchError
from respub.sources.http import (
    FetchResult,
    HttpSettings,
    ValidatorCache,
    fetch,
    make_session,
)

TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """What the test server answers to one request."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_length: bool = True
    delay: float = 0.0
    body_delay: float = 0.0


class Server:
    """A scripted server: per path, a list of replies (the last one repeats)."""

    def __init__(self) -> None:
        self.replies: dict[str, list[Reply]] = {}
        self.seen: dict[str, list[dict[str, str]]] = {}
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def script(self, path: str, *replies: Reply) -> str:
        self.replies[path] = list(replies)
        return self.url(path)

    def requests(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return list(self.seen.get(path, []))

    def next_reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self.lock:
            self.seen.setdefault(path, []).append(headers)
            queue = self.replies.get(path, [Reply(404)])
            return queue.pop(0) if len(queue) > 1 else queue[0]


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            reply = server.next_reply(self.path, headers)
            try:
                time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.content_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.flush()
                time.sleep(reply.body_delay)
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up first: that is what some tests want

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    running.thread.start()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


@pytest.fixture
def settings() -> HttpSettings:
    return HttpSettings(
        allow_private_network=True,  # the test server listens on 127.0.0.1
        connect_timeout=1.0,
        read_timeout=1.0,
        max_bytes=1000,
        retries=2,
        backoff_base=0.001,
        max_wait=0.05,
    )


@pytest.fixture
def cache(tmp_path: Path) -> ValidatorCache:
    return ValidatorCache(tmp_path / "state" / "http-cache.json")


@pytest.fixture
def get(settings: HttpSettings, cache: ValidatorCache) -> Iterator[Callable[..., FetchResult]]:
    session = make_session(settings)

    def run(url: str, custom: HttpSettings | None = None) -> FetchResult:
        return fetch(session, url, custom or settings, cache)

    yield run
    session.close()


def ok(body: bytes, **headers: str) -> Reply:
    return Reply(200, body, {"Content-Type": TEXT, **headers})


def test_200_returns_content_and_remembers_validators(
    server: Server, get: Callable[..., FetchResult], cache: ValidatorCache
) -> None:
    url = server.script("/r1.txt", ok(b"RESOLUTION 1", ETag='"v1"'))
    result = get(url)
    assert result.status == "fetched"
    assert result.content == b"RESOLUTION 1"
    assert result.sha256 == hashlib.sha256(b"RESOLUTION 1").hexdigest()
    assert (result.etag, result.content_type, result.attempts, result.error) == (
        '"v1"',
        TEXT,
        1,
        None,
    )
    [request] = server.requests("/r1.txt")
    assert request["user-agent"].startswith("respub/")
    assert "+https://github.com/respub" in request["user-agent"]
    assert "if-none-match" not in request
    entry = cache.entry(url)
    assert entry is not None and entry.etag == '"v1"' and entry.sha256 == result.sha256
    reopened = ValidatorCache(cache.path)
    assert reopened.last_good(url) == b"RESOLUTION 1"
    assert json.loads(cache.path.read_text())["entries"][url]["etag"] == '"v1"'


def test_304_sends_validators_and_keeps_last_good(
    server: Server, get: Callable[..., FetchResult], cache: ValidatorCache
) -> None:
    modified = "Wed, 01 Oct 2025 10:00:00 GMT"
    url = server.script(
        "/r2.txt", ok(b"first copy", ETag='"abc"', **{"Last-Modified": modified}), Reply(304)
    )
    first = get(url)
    second = get(url)
    assert second.status == "not-modified"
    assert second.content is None
    assert second.sha256 == first.sha256
    assert second.etag == '"abc"' and second.attempts == 1
    conditional = server.requests("/r2.txt")[1]
    assert conditional["if-none-match"] == '"abc"'
    assert conditional["if-modified-since"] == modified
    assert cache.last_good(url) == b"first copy"


def test_new_version_replaces_the_kept_body(
    server: Server, get: Callable[..., FetchResult], cache: ValidatorCache
) -> None:
    url = server.script("/r3.txt", ok(b"version 1", ETag='"1"'), ok(b"version 2", ETag='"2"'))
    first, second = get(url), get(url)
    assert second.status == "fetched" and second.content == b"version 2"
    assert cache.last_good(url) == b"version 2"
    assert first.sha256 is not None
    assert not (cache.body_dir / first.sha256[:2] / first.sha256).exists()
    leftovers = [p.name for p in cache.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_500_then_200_is_retried(server: Server, get: Callable[..., FetchResult]) -> None:
    url = server.script("/flaky", Reply(500), ok(b"at last"))
    result = get(url)
    assert (result.status, result.content, result.attempts) == ("fetched", b"at last", 2)
    assert len(server.requests("/flaky")) == 2


def test_429_with_retry_after_zero_then_200(
    server: Server, get: Callable[..., FetchResult]
) -> None:
    url = server.script("/busy", Reply(429, headers={"Retry-After": "0"}), ok(b"ok"))
    result = get(url)
    assert (result.status, result.attempts) == ("fetched", 2)


def test_retry_after_is_capped_by_max_wait(server: Server, get: Callable[..., FetchResult]) -> None:
    url = server.script("/slow-down", Reply(429, headers={"Retry-After": "3600"}), ok(b"ok"))
    started = time.monotonic()
    result = get(url)
    assert (result.status, result.attempts) == ("fetched", 2)
    assert time.monotonic() - started < 2


def test_5xx_gives_up_after_the_retries(
    server: Server, get: Callable[..., FetchResult], settings: HttpSettings
) -> None:
    url = server.script("/down", Reply(503))
    result = get(url)
    assert result.status == "failed" and result.attempts == settings.retries + 1
    assert result.error == f"{url}: HTTP 503 Service Unavailable (after 3 attempts)"
    with pytest.raises(FetchError, match="503"):
        result.raise_for_failure()


def test_404_is_not_retried(server: Server, get: Callable[..., FetchResult]) -> None:
    url = server.script("/missing", Reply(404))
    result = get(url)
    assert result.status == "failed"
    assert result.content is None and result.attempts == 1
    assert result.error == f"{url}: HTTP 404 Not Found (not retried)"
    assert len(server.requests("/missing")) == 1


def test_declared_length_over_the_limit_fails(
    server: Server, get: Callable[..., FetchResult]
) -> None:
    url = server.script("/big", ok(b"x" * 5000))
    result = get(url)
    assert result.status == "failed"
    assert result.error == f"{url}: Content-Length 5000 exceeds 1000 bytes (not retried)"
    assert len(server.requests("/big")) == 1


def test_streamed_body_over_the_limit_fails(
    server: Server, get: Callable[..., FetchResult]
) -> None:
    big = Reply(200, b"y" * 200_000, {"Content-Type": TEXT}, content_length=False)
    url = server.script("/stream", big)
    result = get(url)
    assert result.status == "failed" and result.content is None
    assert result.error == f"{url}: body exceeds 1000 bytes (not retried)"
    assert len(server.requests("/stream")) == 1


def test_read_timeout_is_retried_then_fails(
    server: Server, get: Callable[..., FetchResult], settings: HttpSettings
) -> None:
    url = server.script("/sleepy", Reply(200, b"late", {"Content-Type": TEXT}, delay=0.5))
    quick = HttpSettings(
        allow_private_network=True, read_timeout=0.05, retries=1, backoff_base=0.001
    )
    started = time.monotonic()
    result = get(url, quick)
    assert result.status == "failed" and result.attempts == 2
    assert result.error == f"{url}: read timeout after 0.05 s (after 2 attempts)"
    assert len(server.requests("/sleepy")) == 2
    assert time.monotonic() - started < 1.5


def test_stall_in_the_body_is_a_read_timeout(
    server: Server, get: Callable[..., FetchResult]
) -> None:
    stall = Reply(200, b"late", {"Content-Type": TEXT}, content_length=False, body_delay=0.5)
    url = server.script("/stall", stall)
    result = get(
        url,
        HttpSettings(allow_private_network=True, read_timeout=0.05, retries=1, backoff_base=0.001),
    )
    assert result.status == "failed" and result.attempts == 2
    assert result.error == f"{url}: read timeout after 0.05 s (after 2 attempts)"


def test_connection_refused_is_retried(get: Callable[..., FetchResult]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/nobody"
    result = get(url)
    assert result.status == "failed" and result.attempts == 3
    assert result.error is not None
    assert result.error.startswith(f"{url}: connection error: ")
    assert result.error.endswith("(after 3 attempts)") and "\n" not in result.error


def test_wrong_content_type_is_not_retried(server: Server, get: Callable[..., FetchResult]) -> None:
    url = server.script(
        "/blob", Reply(200, b"\x00\x01", {"Content-Type": "application/octet-stream"})
    )
    result = get(url)
    assert result.status == "failed"
    assert result.error == f"{url}: content type application/octet-stream not allowed (not retried)"
    assert len(server.requests("/blob")) == 1


def test_redirect_is_followed(server: Server, get: Callable[..., FetchResult]) -> None:
    server.script("/new", ok(b"moved here"))
    url = server.script("/old", Reply(301, headers={"Location": "/new"}))
    result = get(url)
    assert (result.url, result.status, result.content) == (url, "fetched", b"moved here")


def test_redirect_loop_fails(server: Server, get: Callable[..., FetchResult]) -> None:
    url = server.script("/loop", Reply(302, headers={"Location": "/loop"}))
    result = get(url)
    assert result.status == "failed" and result.attempts == 1
    assert result.error == f"{url}: redirect loop (not retried)"


def test_too_many_redirects_fail(server: Server, get: Callable[..., FetchResult]) -> None:
    for hop in range(10):
        server.script(f"/hop{hop}", Reply(302, headers={"Location": f"/hop{hop + 1}"}))
    result = get(server.url("/hop0"))
    assert result.status == "failed"
    assert result.error == f"{server.url('/hop0')}: too many redirects (more than 5) (not retried)"


def test_failure_keeps_the_last_good_version(
    server: Server, get: Callable[..., FetchResult], cache: ValidatorCache
) -> None:
    url = server.script("/kept", ok(b"good copy", ETag='"g"'), Reply(500), Reply(404))
    good = get(url)
    failed = get(url)
    assert failed.status == "failed" and failed.sha256 is None
    assert cache.last_good(url) == b"good copy"
    entry = cache.entry(url)
    assert entry is not None and entry.sha256 == good.sha256 and entry.etag == '"g"'
    assert ValidatorCache(cache.path).last_good(url) == b"good copy"


def test_unsupported_scheme_fails_without_a_request(get: Callable[..., FetchResult]) -> None:
    result = get("ftp://example.org/r.pdf")
    assert result.status == "failed" and result.attempts == 0
    assert result.error == "ftp://example.org/r.pdf: unsupported URL scheme 'ftp' (not retried)"


def test_invalid_url_fails_without_a_request(get: Callable[..., FetchResult]) -> None:
    result = get("http://[::1/r.pdf")
    assert result.status == "failed" and result.attempts == 0
    assert result.error == "http://[::1/r.pdf: invalid URL: Invalid IPv6 URL (not retried)"


def test_corrupt_cache_file_starts_empty(tmp_path: Path) -> None:
    path = tmp_path / "http-cache.json"
    path.write_text("{not json", encoding="utf-8")
    cache = ValidatorCache(path)
    assert cache.entry("http://example.org/") is None
    assert cache.conditional_headers("http://example.org/") == {}


def test_damaged_body_is_not_handed_back(tmp_path: Path) -> None:
    cache = ValidatorCache(tmp_path / "http-cache.json")
    entry = cache.remember("http://example.org/a", b"abc", etag='"e"')
    (cache.body_dir / entry.sha256[:2] / entry.sha256).write_bytes(b"tampered")
    assert cache.last_good("http://example.org/a") is None


def test_session_is_configured(settings: HttpSettings) -> None:
    session = make_session(settings)
    assert isinstance(session, requests.Session)
    assert session.max_redirects == 5
    assert str(session.headers["User-Agent"]).startswith("respub/0.")
