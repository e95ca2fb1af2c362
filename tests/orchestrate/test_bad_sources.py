"""One bad source never stops a run (issue #13, finding 6): a file that vanishes, or whose
name is not UTF-8, gets a result with its problem (and is quarantined); the rest goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

from respub.orchestrate.batching import plan, run_batch
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.index import gather
from respub.process import Source
from respub.release_time import release_time_from_sources
from respub.results import DocumentResult
from respub.settings import Settings
from respub.sources.discover import discover


def _run(
    sources: list[Source], tmp_path: Path, *, vanish: Path | None = None
) -> list[DocumentResult]:
    settings, cache = Settings(output_dir=tmp_path), ResultCache(tmp_path / "results")
    work = plan(sources, settings, pipeline_version(), cache)
    if vanish is not None:
        vanish.unlink()
    outcomes = run_batch(work.todo, settings, cache.root)
    # what could not be read is never cached: it is tried again on the next run
    assert [o.uncached is not None for o in outcomes] == [not o.publishable for o in outcomes]
    gathered = gather(work, outcomes, settings, cache, tmp_path / "index.json")
    results = [gathered.load(r) for r in gathered.results]
    release_time_from_sources([i.source.path for i in work.items])
    for result in results:  # every record can be written (JSON, UTF-8)
        json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
    return results


def test_a_file_vanishing_before_planning(corpus: Path, tmp_path: Path) -> None:
    sources = [Source(str(p), str(p)) for p in discover([corpus])]
    gone = corpus / "A_RES_80_2.md"
    gone.unlink()
    results = _run(sources, tmp_path)
    by_name = {r.source_path: r for r in results}
    assert "cannot read" in str(by_name[str(gone)].error)
    assert sum(r.publishable for r in results) == 2


def test_a_file_vanishing_while_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    sources = [Source(str(p), str(p)) for p in discover([corpus])]
    gone = corpus / "A_RES_80_3.md"
    results = _run(sources, tmp_path, vanish=gone)
    by_name = {r.source_path: r for r in results}
    assert "cannot read" in str(by_name[str(gone)].error)
    assert sum(r.publishable for r in results) == 2


def test_a_file_name_that_is_not_utf8(corpus: Path, tmp_path: Path) -> None:
    odd = corpus / os.fsdecode(b"bad\xff.md")
    odd.write_bytes((corpus / "A_RES_80_1.md").read_bytes())
    sources = [Source(str(p), str(p)) for p in discover([corpus])]
    results = _run(sources, tmp_path)
    bad = [r for r in results if r.error]
    assert [r.source_path for r in bad] == [f"{corpus}/bad\\xff.md"]
    assert "not valid UTF-8" in str(bad[0].error)
    assert sum(r.publishable for r in results) == 3
