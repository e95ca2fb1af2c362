"""The content-addressed result cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from respub.orchestrate.cache import CacheKey, ResultCache
from respub.results import DocumentResult
from respub.validate.report import Severity, Violation

KEY = CacheKey("a" * 64, "corpus/x.md", None, None, "b" * 64, "c" * 64)
RESULT = DocumentResult(
    source_path="corpus/x.md",
    sha256="a" * 64,
    media_type="text/markdown",
    identifier="A/RES/80/1",
    ntriples='<http://e/s> <http://e/p> "o" .\n',
    triples=1,
    conforms=False,
    issues=(Violation("http://e/s", None, None, Severity.WARNING, "a message", ""),),
)


def test_round_trip(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    assert cache.load(KEY.digest) is None and not cache.has(KEY.digest)
    path = cache.store(KEY, RESULT)
    assert path == tmp_path / KEY.digest[:2] / f"{KEY.digest}.json"
    assert cache.has(KEY.digest) and cache.load(KEY.digest) == RESULT
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file left"


def test_every_input_is_part_of_the_key() -> None:
    keys = {
        KEY.digest,
        replace(KEY, sha256="d" * 64).digest,
        replace(KEY, name="http://example.org/x.md").digest,
        replace(KEY, language="fr").digest,
        replace(KEY, body="UN-GA").digest,
        replace(KEY, settings="e" * 64).digest,
        replace(KEY, pipeline="f" * 64).digest,
    }
    assert len(keys) == 7


def test_damaged_or_foreign_files_are_misses(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    path = cache.store(KEY, RESULT)
    path.write_text(path.read_text("utf-8")[:50], "utf-8")
    assert cache.load(KEY.digest) is None
    other = replace(KEY, sha256="d" * 64)
    cache.store(other, RESULT).rename(path)
    assert cache.load(KEY.digest) is None


def test_prune(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    other = replace(KEY, sha256="d" * 64)
    cache.store(KEY, RESULT)
    cache.store(other, RESULT)
    assert cache.prune([KEY.digest]) == 1
    assert cache.has(KEY.digest) and not cache.has(other.digest)
