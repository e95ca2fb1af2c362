"""The command line over a matrix of bad input: every case ends in a clear error (or a
result), never a Python traceback (issue #13). Real subprocesses of `respub`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from support import run_respub

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "corpus" / "un-ga" / "pdf" / "A_RES_73_3-EN.pdf"
SEED = ROOT / "corpus" / "interpol" / "GA-2021-89-RES-09.es.txt"


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / os.fsdecode(name.encode("utf-8", "surrogateescape"))
        path.write_bytes(data)
        return path

    return make


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _zero(folder: Path) -> Path:
    (folder / "zero.md").symlink_to("/dev/zero")
    return folder / "zero.md"


def _folder(folder: Path) -> Path:
    (folder / "dir.txt").mkdir()
    return folder / "dir.txt"


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "empty": _file("empty.txt", b""),
    "garbage": _file("garbage.txt", bytes(range(256)) * 40),
    "utf16-garbage": _file("u.txt", b"\xff\xfe" + os.urandom(999)),
    "fifo": _fifo,
    "dev-zero-link": _zero,
    "folder": _folder,
    "missing": lambda folder: folder / "absent.txt",
    "unknown-suffix": _file("x.docx", b"PK\x03\x04"),
    "corrupt-pdf": _file("bad.pdf", PDF.read_bytes()[:3000] + b"\x00" * 50 + b"%%EOF"),
    "not-a-pdf": _file("fake.pdf", b"%PDF-1.7\n" + b"\x00" * 100),
    "html-marked-section": _file("m.html", b"<html><body><![octype x]><p>The General</p>"),
    "bad-front-matter": _file("f.md", b"---\nsymbol: [unclosed\n---\nThe General Assembly,\n"),
    "symbol-not-an-identifier": _file(
        "s.md", b"---\nsymbol: A/RES/80/1x\n---\nThe General Assembly,\n\n1. Decides to act.\n"
    ),
    "front-matter-list": _file("l.md", b"---\n- a\n- b\n---\nThe General Assembly,\n"),
    "undecodable-name": _file("bad\udcff.txt", SEED.read_bytes()),
    "bad-turtle": _file("bad.ttl", b"this is <not turtle"),
    "nul-in-text": _file("nul.txt", SEED.read_bytes().replace(b"\n", b"\x00\n")),
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_respub(*args)


def _no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output[-3000:]
    assert done.returncode in (0, 1, 2), (done.returncode, output[-2000:])
    if done.returncode == 2:
        errors = [line for line in done.stderr.splitlines() if line.startswith("respub: error:")]
        assert len(errors) == 1, done.stderr


def _matrix() -> list[object]:
    """Every bad file under every command; `make test` runs each file under one command (in
    turn), the rest of the matrix is `huge` (make test-huge and CI run it)."""
    commands = ("parse", "convert", "validate")
    return [
        pytest.param(command, case, marks=() if i % 3 == j else pytest.mark.huge)
        for i, case in enumerate(sorted(BAD_FILES))
        for j, command in enumerate(commands)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("command", "case"), _matrix())
def test_bad_files(command: str, case: str, tmp_path: Path) -> None:
    path = BAD_FILES[case](tmp_path)
    _no_traceback(_run(command, str(path)))


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("parse", str(SEED), "--lang", "xx"),
        ("parse", str(SEED), "--body", "NO-SUCH-BODY"),
        ("convert", str(SEED), "--to", "bogus"),
        ("convert", str(SEED), "--base-iri", "not an iri"),
        ("validate", str(SEED), "--base-iri", "ftp://x"),
        ("survey", "/no/such/folder"),
        ("query", "SELECT * WHERE { ?s ?p ?o }", "--store", "/no/such/store"),
        ("query", "x.rq", "--store", "/no/such/store"),
        ("query", "SELECT ?s WHERE { ?s ?p ?o }", "--bind", "=", "--store", "/no/such"),
        ("push", "--endpoint", "http://127.0.0.1:9", "--release", "/no/such/release"),
        ("push", "--endpoint", "not a url", "--release", "/no/such/release"),
        ("publish", "/no/such/folder", "--out", "/tmp/respub-matrix-out"),
        ("publish", "corpus/interpol", "--out", "/etc/passwd"),
        ("publish", "corpus/interpol", "--batch-size", "-1", "--out", "/tmp/respub-matrix-out"),
        ("publish", "corpus/interpol", "--runner", "nope", "--out", "/tmp/respub-matrix-out"),
        ("docs", "--out", "/etc/passwd/docs"),
    ],
    ids=lambda args: " ".join(args)[:60],
)
def test_bad_commands(args: tuple[str, ...]) -> None:
    _no_traceback(_run(*args))
