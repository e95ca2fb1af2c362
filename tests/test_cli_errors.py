"""Errors of the command line: one `respub: error:` line, never a traceback (unless
--debug), and the mistakes that can be seen before starting are reported before any
Prefect server starts (issue #13, finding 5)."""

from __future__ import annotations

import fcntl
import subprocess
from pathlib import Path

import pytest
from support import run_respub

from respub.orchestrate.state import StateDirs

SERVER = "Starting temporary server"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_respub(*args, env=env, timeout=300)


def _no_server(done: subprocess.CompletedProcess[str], out: Path) -> None:
    """Neither Prefect's message nor the log of its temporary server: none started."""
    assert SERVER not in done.stderr
    assert not StateDirs.of(out).server_log.exists()


def _one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stdout + done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("respub: error:")]
    assert len(errors) == 1, done.stderr
    return errors[0]


def test_a_missing_folder_is_reported_before_any_server_starts(tmp_path: Path) -> None:
    done = run("publish", str(tmp_path / "absent"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert _one_error_line(done) == f"respub: error: {tmp_path / 'absent'}: no such file or folder"
    _no_server(done, tmp_path / "out")
    assert "prefect" not in done.stderr.lower() and not (tmp_path / "out").exists()


def test_a_bad_manifest_is_reported_before_any_server_starts(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.yaml"
    manifest.write_text("sources: [unclosed\n", "utf-8")
    done = run("publish", str(manifest), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert str(manifest) in _one_error_line(done)
    _no_server(done, tmp_path / "out")


def test_an_output_that_is_a_file_is_reported_before_any_server_starts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder", "utf-8")
    done = run("publish", "corpus/interpol", "--out", str(out))
    assert done.returncode == 2
    assert _one_error_line(done) == f"respub: error: {out}: not a folder"
    _no_server(done, out)


def test_a_held_lock_is_reported_before_any_server_starts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".publish.lock").open("a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running publish holds it
        done = run("publish", "corpus/interpol", "--out", str(out))
    assert done.returncode == 2
    assert "another publish is running" in _one_error_line(done)
    _no_server(done, out)


def test_bad_options_are_reported_before_any_server_starts(tmp_path: Path) -> None:
    done = run("publish", "corpus/interpol", "--out", str(tmp_path), "--batch-size", "0")
    assert done.returncode == 2 and "--batch-size" in _one_error_line(done)
    _no_server(done, tmp_path)


@pytest.mark.slow
def test_an_error_inside_the_flow_is_one_line_without_prefect_tracebacks(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "list.txt").write_text("Only a shopping list: bread, milk.\n", "utf-8")
    # the temporary server told to log at INFO: what it prints goes to its log, not here
    done = run(
        "publish", str(folder), "--out", str(tmp_path / "out"), PREFECT_SERVER_LOGGING_LEVEL="INFO"
    )
    assert done.returncode == 2
    assert _one_error_line(done) == (
        "respub: error: nothing to publish: every source was quarantined"
    )
    assert "uvicorn" not in done.stderr.lower()
    assert "Uvicorn running on" in StateDirs.of(tmp_path / "out").server_log.read_text("utf-8")


@pytest.mark.huge  # a second publish run; the one above stays in make test
def test_debug_shows_the_tracebacks_of_an_error_inside_the_flow(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "list.txt").write_text("Only a shopping list: bread, milk.\n", "utf-8")
    debug = run("--debug", "publish", str(folder), "--out", str(tmp_path / "out"))
    assert debug.returncode == 2 and "Traceback" in debug.stderr
    assert not StateDirs.of(tmp_path / "out").server_log.exists()  # the server's output too


@pytest.mark.slow
def test_a_temporary_server_that_does_not_start_is_one_line_naming_its_log(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run(
        "publish",
        "corpus/interpol",
        "--out",
        str(out),
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="0",  # it cannot answer in time
    )
    assert done.returncode == 2
    line = _one_error_line(done)
    assert "temporary server did not start" in line
    assert line.endswith(f"see {StateDirs.of(out).server_log}")
    assert not (out / "latest").exists()
