"""The compact index: a rerun reads light records, and the release writer reads a full
result (N-Triples, Akoma Ntoso) only for a version it renders."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from respub.orchestrate.batching import Plan, plan, run_batch
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.index import Gathered, gather, light, read_index
from respub.orchestrate.state import StateDirs
from respub.process import Source
from respub.publish.release import write_release
from respub.results import DocumentResult
from respub.settings import Settings

T0 = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)


def _settings(out: Path, hours: int = 0) -> Settings:
    return Settings(output_dir=out, release_time=T0 + timedelta(hours=hours), load_store=False)


def _run(corpus: Path, settings: Settings) -> tuple[Plan, Gathered]:
    """Plan and process the corpus as the flow does; gather as its write task does."""
    state = StateDirs.of(settings.output_dir)
    cache = ResultCache(state.results)
    sources = [Source(str(p), str(p)) for p in sorted(corpus.iterdir())]
    work = plan(sources, settings, pipeline_version(), cache)
    outcomes = run_batch(work.todo, settings, state.results)
    return work, gather(work, outcomes, settings, cache, state.index)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of every full result read from the cache from now on."""
    read: list[str] = []
    real = ResultCache.load

    def load(self: ResultCache, key: str) -> DocumentResult | None:
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(ResultCache, "load", load)
    return read


def test_a_rerun_reads_the_index_not_the_results(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path / "out")
    work, first = _run(corpus, settings)
    assert all(not r.ntriples and not r.akn for r in first.results)  # nothing heavy held
    assert set(read_index(StateDirs.of(settings.output_dir).index)) == set(work.keys)

    read = _counting(monkeypatch)
    _, again = _run(corpus, settings)
    assert read == []  # every record from the index
    assert again.results == first.results

    edited = corpus / "A_RES_80_2.md"
    edited.write_text(edited.read_text("utf-8") + "\nRevised.\n", "utf-8")
    changed, third = _run(corpus, settings)
    # only the changed document's key (the batch looks first, then gather reads it)
    assert len(changed.todo) == 1 and set(read) == {changed.todo[0].digest}
    full = third.load(third.results[1])
    assert full.ntriples and full.akn and light(full) == third.results[1]
    assert set(read_index(StateDirs.of(settings.output_dir).index)) == set(changed.keys)


def test_an_unreadable_index_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    settings = _settings(tmp_path / "out")
    _, first = _run(corpus, settings)
    index = StateDirs.of(settings.output_dir).index
    index.write_text("{not json", encoding="utf-8")
    _, again = _run(corpus, settings)
    assert again.results == first.results
    assert len(read_index(index)) == 3


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: {**d, "format": 0}, id="another format"),
        pytest.param(lambda d: {**d, "results": [1, 2]}, id="results not an object"),
        pytest.param(lambda d: {**d, "results": {k: 1 for k in d["results"]}}, id="records"),
    ],
)
def test_an_index_of_another_format_or_shape_is_rebuilt(
    corpus: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    settings = _settings(tmp_path / "out")
    _, first = _run(corpus, settings)
    index = StateDirs.of(settings.output_dir).index
    index.write_text(json.dumps(damage(json.loads(index.read_text("utf-8")))), "utf-8")
    with caplog.at_level(logging.INFO, logger="respub"):
        _, again = _run(corpus, settings)
    assert again.results == first.results
    assert len(read_index(index)) == 3  # written again, readable
    assert [str(index) in r.getMessage() for r in caplog.records] == [True]


def test_a_damaged_record_is_read_again_from_its_result(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """One record of the index that cannot be a result: that one result is read from the
    cache (with a warning naming the index), the others still come from the index."""
    settings = _settings(tmp_path / "out")
    work, first = _run(corpus, settings)
    index = StateDirs.of(settings.output_dir).index
    data = json.loads(index.read_text("utf-8"))
    damaged = work.keys[1]
    data["results"][damaged] = {"not": "a result"}
    index.write_text(json.dumps(data), "utf-8")
    read = _counting(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="respub"):
        _, again = _run(corpus, settings)
    assert again.results == first.results
    assert read == [damaged]
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [str(index)]
    assert DocumentResult.from_json(read_index(index)[damaged]) == first.results[1]  # rewritten


def test_the_writer_reads_a_full_result_only_for_the_versions_it_renders(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Light results in, full ones read one at a time: every version on a cold release,
    only the changed one after an edit; the release is the same as from full results."""
    out = tmp_path / "out"
    loads: list[str] = []

    def publish(gathered: Gathered, settings: Settings) -> Path:
        def load(result: DocumentResult) -> DocumentResult:
            loads.append(result.source_path)
            return gathered.load(result)

        return write_release(gathered.results, settings, load=load).release_dir

    _, cold = _run(corpus, _settings(out))
    publish(cold, _settings(out))
    assert sorted(loads) == sorted(r.source_path for r in cold.results)  # once each

    edited = corpus / "A_RES_80_3.md"
    edited.write_text(edited.read_text("utf-8") + "\nRevised.\n", "utf-8")
    loads.clear()
    _, warm = _run(corpus, _settings(out, hours=1))
    release = publish(warm, _settings(out, hours=1))
    assert loads == [str(edited)]

    full = [warm.load(r) for r in warm.results]
    reference = write_release(full, _settings(tmp_path / "cold", hours=1)).release_dir
    assert release.name == reference.name
    assert _files(release) == _files(reference)


def _files(root: Path) -> dict[str, bytes]:
    """The versions' files, the dumps and the archive (what names no previous release)."""
    data = [p for p in root.rglob("*") if p.is_file() and "resolution" in p.parts]
    data += [p for p in root.glob("resolutions.*")] + [root / "documents.zip"]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in data}


def test_each_part_of_a_resolution_in_parts_is_light_and_loads_its_own_result(
    tmp_path: Path,
) -> None:
    """A resolution adopted in parts is one source and two versions: the index keeps no
    N-Triples of either, and `load` gives each part its own full result (not the first's)."""
    fixture = Path(__file__).parents[1] / "fixtures/layout/A_RES_80_2.parts.constructed.md"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / fixture.name).write_bytes(fixture.read_bytes())
    _, gathered = _run(corpus, _settings(tmp_path / "out"))
    (result,) = gathered.results
    versions = result.versions
    assert [v.identifier for v in versions] == ["A/RES/80/2A", "A/RES/80/2B"]
    assert all(not v.ntriples and not v.akn for v in versions)  # nothing heavy held
    for version in versions:
        assert version.identifier is not None
        full = gathered.load(version)
        assert full.expression_iri == version.expression_iri
        assert full.ntriples and full.akn and version.identifier in full.akn
        assert not full.parts
