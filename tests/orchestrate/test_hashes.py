"""Source hashes reused by `stat` (respub.orchestrate.hashes): a file whose size, times,
inode and device are unchanged keeps its recorded hash; any other file is read again, so
a changed file is never taken for the old one, even with the same size and mtime."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from respub.orchestrate.batching import plan
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import file_sha256, pipeline_version
from respub.orchestrate.hashes import RACY_NS, SourceHashes
from respub.orchestrate.settings import make_settings
from respub.source import Source

OLD = 1_600_000_000_000_000_000  # 2020: long before any hash taken here


def hashes(tmp_path: Path, **how: object) -> SourceHashes:
    # racy_ns=0: trust a file written a moment ago (the default waits RACY_NS, see below)
    return SourceHashes(tmp_path / "state" / "source-hashes.json", racy_ns=0, **how)  # type: ignore[arg-type]


def source(tmp_path: Path, text: str = "A/RES/80/1 first text") -> Path:
    path = tmp_path / "doc.md"
    path.write_text(text, "utf-8")
    os.utime(path, ns=(OLD, OLD))
    return path


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = hashes(tmp_path)
    assert first.sha256(path) == file_sha256(path)
    first.save()
    again = hashes(tmp_path)
    assert again.sha256(path) == file_sha256(path)
    assert (again.hashed, again.reused) == (0, 1)


def test_a_touched_but_identical_file_is_read_again_and_keeps_its_hash(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = hashes(tmp_path)
    digest = first.sha256(path)
    first.save()
    path.touch()  # a new mtime, the same bytes
    again = hashes(tmp_path)
    assert again.sha256(path) == digest
    assert (again.hashed, again.reused) == (1, 0)


def test_a_changed_file_of_the_same_size_and_mtime_is_read_again(tmp_path: Path) -> None:
    """The make/rsync trap: new bytes, same size, the old mtime put back (cp -p, touch -d).
    The change time (ctime), which no tool can put back, tells."""
    path = source(tmp_path)
    first = hashes(tmp_path)
    old = first.sha256(path)
    first.save()
    time.sleep(0.05)  # later than the coarse clock's tick (within one, see the next test)
    path.write_text("A/RES/80/1 other text", "utf-8")  # the same length
    os.utime(path, ns=(OLD, OLD))
    assert path.stat().st_size == len("A/RES/80/1 first text")
    assert path.stat().st_mtime_ns == OLD
    again = hashes(tmp_path)
    new = again.sha256(path)
    assert new != old and new == file_sha256(path)
    assert again.hashed == 1


def test_a_file_replaced_by_another_is_read_again(tmp_path: Path) -> None:
    """Another inode (a file replaced by a rename, as editors and rsync do)."""
    path = source(tmp_path)
    first = hashes(tmp_path)
    old = first.sha256(path)
    first.save()
    other = tmp_path / "new.md"
    other.write_text("A/RES/80/1 other text", "utf-8")
    os.utime(other, ns=(OLD, OLD))
    other.replace(path)
    assert hashes(tmp_path).sha256(path) != old


def test_a_file_hashed_while_young_is_hashed_again(tmp_path: Path) -> None:
    """A file changed within RACY_NS before it was read may change again within the same
    tick of the file system's clock without its stat showing it: its hash is not trusted."""
    path = tmp_path / "doc.md"
    path.write_text("just written", "utf-8")
    record = tmp_path / "state" / "source-hashes.json"
    first = SourceHashes(record)  # the default: RACY_NS
    first.sha256(path)
    first.save()
    again = SourceHashes(record)
    again.sha256(path)
    assert (again.hashed, again.reused) == (1, 0)
    assert RACY_NS >= 1_000_000_000


def test_rehash_trusts_nothing_and_a_damaged_record_is_ignored(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = hashes(tmp_path)
    first.sha256(path)
    first.save()
    forced = hashes(tmp_path, trust=False)
    assert forced.sha256(path) == file_sha256(path)
    assert (forced.hashed, forced.reused) == (1, 0)
    (tmp_path / "state" / "source-hashes.json").write_text("{not json", "utf-8")
    damaged = hashes(tmp_path)
    assert damaged.sha256(path) == file_sha256(path) and damaged.hashed == 1


def test_the_record_keeps_only_the_files_of_the_last_run(tmp_path: Path) -> None:
    path, gone = source(tmp_path), tmp_path / "gone.md"
    gone.write_text("removed later", "utf-8")
    first = hashes(tmp_path)
    first.sha256(path)
    first.sha256(gone)
    first.save()
    again = hashes(tmp_path)
    again.sha256(path)
    again.save()
    kept = json.loads((tmp_path / "state" / "source-hashes.json").read_text("utf-8"))["files"]
    assert list(kept) == [str(path)]


def test_a_plan_keys_a_changed_file_by_its_new_bytes(tmp_path: Path) -> None:
    """Through `plan`, as the no-op check and the flow use it: a file changed with the same
    size and mtime gets another cache key, so its old result is not reused."""
    path = source(tmp_path)
    settings = make_settings(out=tmp_path / "out")
    pipeline, cache = pipeline_version(), ResultCache(tmp_path / "results")
    documents = [Source(str(path), "doc.md", "en", "UN-GA")]
    first = hashes(tmp_path)
    before = plan(documents, settings, pipeline, cache, first.sha256)
    first.save()
    same = hashes(tmp_path)
    assert plan(documents, settings, pipeline, cache, same.sha256).keys == before.keys
    assert same.reused == 1
    time.sleep(0.05)  # later than the coarse clock's tick
    path.write_text("A/RES/80/1 other text", "utf-8")
    os.utime(path, ns=(OLD, OLD))
    after = plan(documents, settings, pipeline, cache, hashes(tmp_path).sha256)
    assert after.items[0].key.sha256 == file_sha256(path)
    assert after.keys != before.keys
