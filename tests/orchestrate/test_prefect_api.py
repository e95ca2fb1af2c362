"""A configured Prefect API is checked before a run, against real sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings

from respub.errors import PublishError
from respub.orchestrate.commands import publish, schedule
from respub.orchestrate.prefect_api import check_configured_api


class _Api(BaseHTTPRequestHandler):
    """/api/health answers true; any other path is a 404 (still a server that answers)."""

    def do_GET(self) -> None:
        found = self.path == "/api/health"
        self.send_response(200 if found else 404)
        self.send_header("Content-Length", "4" if found else "0")
        self.end_headers()
        if found:
            self.wfile.write(b"true")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_configured_api_is_none() -> None:
    with temporary_settings({PREFECT_API_URL: None}):
        assert check_configured_api() is None


@pytest.mark.parametrize("path", ["/api", "/api/", "/elsewhere"])
def test_an_api_that_answers_passes(api: str, path: str) -> None:
    with temporary_settings({PREFECT_API_URL: api + path}):
        assert check_configured_api() == api + path


def test_a_closed_port_is_one_clear_error() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api"
    with temporary_settings({PREFECT_API_URL: url}), pytest.raises(PublishError) as raised:
        check_configured_api()
    assert str(raised.value) == (
        f"the Prefect API at {url} (PREFECT_API_URL) cannot be reached: start it, "
        "or unset PREFECT_API_URL to let respub start a temporary server"
    )


def test_a_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/api"
        with temporary_settings({PREFECT_API_URL: url}), pytest.raises(PublishError) as raised:
            check_configured_api(timeout=0.5)
    assert "did not answer in 0.5 s: start it" in str(raised.value)


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1/api", "http://"])
def test_a_value_that_is_no_url_says_so(url: str) -> None:
    with temporary_settings({PREFECT_API_URL: url}), pytest.raises(PublishError) as raised:
        check_configured_api()
    assert f"at {url} (PREFECT_API_URL) is not a URL" in str(raised.value)


def test_a_library_run_checks_the_api_before_the_flow(tmp_path: Path) -> None:
    """`publish` called from Python fails the same way as the CLI, before any work."""
    url = f"http://127.0.0.1:{_closed_port()}/api"
    source = Path(__file__).parents[2] / "corpus/interpol/GA-2021-89-RES-09.en.txt"
    out = tmp_path / "out"
    with temporary_settings({PREFECT_API_URL: url}), pytest.raises(PublishError) as raised:
        publish([source], out=out)
    assert f"the Prefect API at {url} (PREFECT_API_URL) cannot be reached" in str(raised.value)
    assert not (out / "latest").exists()


def test_a_schedule_checks_the_api_before_serving() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api"
    with temporary_settings({PREFECT_API_URL: url}), pytest.raises(PublishError) as raised:
        schedule()
    assert "cannot be reached" in str(raised.value)
