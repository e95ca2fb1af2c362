"""The per-document archive: a ZIP written around kept compressed members, so a release
compresses only the files it has not archived before."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from respub.publish import archive
from respub.publish.archive import ARCHIVE, MEMBERS, Member, deflate, write_zip
from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult

Publish = Callable[..., ReleaseSummary]
MOMENT = datetime(2026, 11, 29, 3, 7, tzinfo=UTC)


def _edited(result: DocumentResult) -> DocumentResult:
    lines = result.ntriples.splitlines(keepends=True)
    text = "".join(lines[:-1])
    return DocumentResult(
        **{
            **result.__dict__,
            "ntriples": text,
            "triples": len(lines) - 1,
            "content_sha256": hashlib.sha256(text.encode()).hexdigest(),
        }
    )


def _deflated(publish: Callable[[], ReleaseSummary], monkeypatch: pytest.MonkeyPatch) -> int:
    """How many files `publish()` compressed for the archive."""
    calls = []
    real = archive.deflate

    def counting(data: bytes) -> tuple[int, int, bytes]:
        calls.append(len(data))
        return real(data)

    with monkeypatch.context() as patched:
        patched.setattr(archive, "deflate", counting)
        publish()
    return len(calls)


def test_a_release_compresses_only_the_files_it_has_not_archived(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    every = _deflated(lambda: publish_results(results, out), monkeypatch)
    with zipfile.ZipFile(out / "latest" / ARCHIVE) as first:
        assert every == len(first.namelist()) == 3 * len(results)  # .ttl, .jsonld, .akn

    inputs = [_edited(results[2]), *results[:2], *results[3:]]
    once = _deflated(lambda: publish_results(inputs, out, hours=1), monkeypatch)
    # the changed version's .ttl and .jsonld, nothing else (its .akn, the same bytes, is kept)
    assert once == 2

    root = out / "latest"
    with zipfile.ZipFile(root / ARCHIVE) as second:
        assert second.testzip() is None
        assert all(second.read(n) == (root / n).read_bytes() for n in second.namelist())
    if shutil.which("unzip"):
        subprocess.run(["unzip", "-tq", str(root / ARCHIVE)], check=True, capture_output=True)


def test_a_damaged_kept_member_is_made_again(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    out = tmp_path / "out"
    publish_results(results, out)
    kept = sorted((out / MEMBERS).glob("*/*.z"))
    assert kept
    whole = {path: path.read_bytes() for path in kept[:3]}
    for path, data in whole.items():
        path.write_bytes(data[:-5])  # torn
    summary = publish_results(results, out, hours=1)
    with zipfile.ZipFile(summary.release_dir / ARCHIVE) as made:
        assert made.testzip() is None
        assert len(made.namelist()) == 3 * len(results)
    assert {path: path.read_bytes() for path in whole} == whole  # made again


def test_many_members_take_zip64_records_that_zip_readers_accept() -> None:
    count = 70_000  # more than a ZIP without ZIP64 can count (65,535)
    members = [Member(f"m/{n:05d}.ttl", *deflate(b"%d\n" % n)) for n in range(count)]
    buffer = io.BytesIO()
    write_zip(buffer, members, MOMENT)
    with zipfile.ZipFile(buffer) as made:
        infos = made.infolist()
        assert len(infos) == count
        assert made.read("m/69999.ttl") == b"69999\n"
        assert infos[0].date_time == (2026, 11, 29, 3, 7, 0)
        assert infos[0].external_attr >> 16 == 0o100644
    assert buffer.getvalue()[-22:-18] == b"PK\x05\x06"  # the end record, after ZIP64's
    assert b"PK\x06\x06" in buffer.getvalue()[-98:]


def test_the_archive_is_what_zipfile_makes_of_the_same_files(tmp_path: Path) -> None:
    """Same names, order, bytes, times and modes as Python's own ZIP writer gives."""
    files = {"b/x.ttl": b"<a> <b> <c> .\n" * 50, "a/\u00e9.jsonld": b"{}\n"}
    buffer = io.BytesIO()
    write_zip(buffer, [Member(n, *deflate(d)) for n, d in sorted(files.items())], MOMENT)
    with zipfile.ZipFile(buffer) as ours:
        assert ours.testzip() is None
        assert [i.filename for i in ours.infolist()] == sorted(files)
        assert {n: ours.read(n) for n in ours.namelist()} == files
        assert {i.compress_type for i in ours.infolist()} == {zipfile.ZIP_DEFLATED}
