"""Planning a run, processing batches, reusing results."""

from __future__ import annotations

from pathlib import Path

import pytest

import respub.process
from respub.orchestrate import batching
from respub.orchestrate.batching import plan, run_batch
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.index import gather, light
from respub.process import Source, process, process_document
from respub.settings import Settings


def _sources(folder: Path) -> list[Source]:
    return [Source(str(p), str(p)) for p in sorted(folder.iterdir())]


def test_plan_process_and_reuse(corpus: Path, tmp_path: Path) -> None:
    settings, version = Settings(output_dir=tmp_path), pipeline_version()
    cache = ResultCache(tmp_path / "results")
    first = plan(_sources(corpus), settings, version, cache)
    assert len(first.todo) == 3 and not first.cached
    outcomes = run_batch(first.todo, settings, cache.root)
    assert [o.action for o in outcomes] == ["parsed"] * 3
    assert all(o.publishable and o.uncached is None for o in outcomes)

    second = plan(_sources(corpus), settings, version, cache)
    assert second.todo == () and second.keys == first.keys
    assert [o.action for o in run_batch(second.items, settings, cache.root)] == ["reused"] * 3
    gathered = gather(second, [], settings, cache, tmp_path / "index.json")
    expected = [process_document(p, settings) for p in sorted(corpus.iterdir())]
    assert [gathered.load(r) for r in gathered.results] == expected
    assert list(gathered.results) == [light(r) for r in expected]

    edited = corpus / "A_RES_80_2.md"
    edited.write_text(edited.read_text("utf-8") + "\nRevised.\n", "utf-8")
    third = plan(_sources(corpus), settings, version, cache)
    assert [i.source.name for i in third.todo] == [str(edited)]


def test_hints_and_url_provenance(corpus: Path) -> None:
    path = corpus / "A_RES_80_1.md"
    url = "https://example.org/A_RES_80_1.md"
    result = process(Source(str(path), url, "en", "UN-GA"), Settings())
    assert result.source_path == url and result.language == "en" and result.publishable
    bad = process(Source(str(path), url, "en", "NO-SUCH-BODY"), Settings())
    assert bad.source_path == url and bad.error is not None and "NO-SUCH-BODY" in bad.error


def test_an_unexpected_error_is_reported_not_cached(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: object, settings: Settings) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(respub.process, "process", explode)  # run_batch imports it when run
    settings, cache = Settings(output_dir=tmp_path), ResultCache(tmp_path / "results")
    work = plan(_sources(corpus), settings, pipeline_version(), cache)
    outcomes = run_batch(work.todo, settings, cache.root)
    assert all(o.uncached is not None and "ZeroDivisionError" in str(o.error) for o in outcomes)
    assert not any(cache.has(k) for k in work.keys)
    gathered = gather(work, outcomes, settings, cache, tmp_path / "index.json")
    assert [r.error for r in gathered.results] == [o.error for o in outcomes]


def test_batches_reject_a_zero_size() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(batching.batches([1], 0))


def test_a_batch_keeps_the_dump_part_of_each_publishable_version(
    corpus: Path, tmp_path: Path
) -> None:
    """The worker makes each version's dump part (the release writer then only reads it):
    the same part the writer would make from the cached result."""
    from respub.publish.parts import PartCache, make_part

    settings, cache = Settings(output_dir=tmp_path), ResultCache(tmp_path / "results")
    parts = PartCache(tmp_path / "parts")
    work = plan(_sources(corpus), settings, pipeline_version(), cache)
    run_batch(work.todo, settings, cache.root, parts.root)
    versions = [v for k in work.keys for v in (cache.load(k) or pytest.fail(k)).versions]
    assert versions and all(v.publishable for v in versions)
    for version in versions:
        assert version.expression_iri is not None
        kept = parts.load(version.content_sha256, version.expression_iri)
        assert kept == make_part(version.expression_iri, version.ntriples)
    assert len(list(parts.root.glob("*/*.part"))) == len(versions)
