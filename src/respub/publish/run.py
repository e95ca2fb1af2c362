"""The publish job: discover sources → process each → write a release → load the store.

This is what `respub publish` runs; a Prefect flow calls the same steps on batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from respub.errors import PublishError
from respub.pipeline import DocumentResult, Settings, process_document, release_time_from_sources
from respub.publish.release import ReleaseSummary, write_release
from respub.rdf.files import CONCEPTS, CONTEXT, ONTOLOGY, SHAPES
from respub.sources.discover import discover
from respub.store.load import load_release

__all__ = ["STORE", "publish", "vocabulary_sources"]

log = logging.getLogger(__name__)

STORE = "store"


def vocabulary_sources() -> list[Path]:
    """The ontology, concept schemes, JSON-LD context and shapes that exist, to ship."""
    return [p for p in (ONTOLOGY, CONCEPTS, CONTEXT, SHAPES) if p.is_file()]


def publish(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    on_document: Callable[[DocumentResult], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> ReleaseSummary:
    """Publish every source under `paths` as a new release; load it into `output/store`.

    The release time is `settings.release_time`, else the latest source mtime. The summary's
    `quarantined` lists the sources kept out (the CLI exits non-zero when it is not empty,
    unless `--allow-quarantine`).
    """
    sources = discover(paths)
    if not sources:
        raise PublishError(f"no sources found under {', '.join(map(str, paths))}")
    if settings.release_time is None:
        settings = replace(settings, release_time=release_time_from_sources(sources))
    results = []
    for path in sources:
        result = process_document(path, settings)
        results.append(result)
        if on_document is not None:
            on_document(result)
    summary = write_release(results, settings, vocabulary_sources(), on_stage=on_stage)
    if settings.load_store:
        loaded = load_release(summary.release_dir, settings.output_dir / STORE)
        log.info("store %s holds release %s", loaded.store_dir, loaded.release_id)
    return summary
