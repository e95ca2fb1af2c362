"""Tell, without Prefect, whether a publish run would change nothing.

A run changes nothing when every document's result is cached, the run's fingerprint
(every cache key, the settings) equals the last successful run's, and that run's release
and store are still the live ones. `respub publish` asks `unchanged` first and starts no
Prefect server at all when the answer is yes (a no-op in well under a second, against
the 5–7 s of a temporary Prefect server); the flow asks the same questions itself.

Runs with remote (HTTP) sources always go to the flow: only fetching tells whether they
changed. Nothing here imports Prefect, rdflib, a SHACL engine or the parser, and a source
whose `stat` is unchanged since it was hashed is not read again
(`respub.orchestrate.hashes`; `--rehash` reads every byte).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from respub.orchestrate.batching import Plan, plan
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.hashes import SourceHashes
from respub.orchestrate.report import PublishReport
from respub.orchestrate.staging import SourceReport, SourceSpec, Staged, resolve_sources
from respub.orchestrate.state import LastRun, StateDirs, read_last_run, run_fingerprint
from respub.publish.layout import STORE, current_release
from respub.release_time import release_time_from_sources
from respub.settings import Settings
from respub.source import Source

__all__ = ["pin_release_time", "still_current", "unchanged", "unchanged_report", "unique"]

log = logging.getLogger(__name__)


def unchanged(
    specs: Sequence[str | Path],
    settings: Settings,
    allowed_roots: Sequence[str | Path] = (),
    *,
    rehash: bool = False,
    resolved: SourceSpec | None = None,
) -> PublishReport | None:
    """The report of a run that would change nothing (the last run's, marked unchanged), or
    None when a run is needed (or remote sources must be fetched to know). `allowed_roots`
    are the run's (`--allow-root`): the flow reads the same sources with them. A source
    whose `stat` is unchanged since it was hashed keeps its hash, unless `rehash`
    (`respub.orchestrate.hashes`). `resolved`: the sources as `resolve_sources` found them
    (read again when None)."""
    spec = resolved if resolved is not None else resolve_sources(specs, allowed_roots)
    if spec.remote:
        return None
    documents = unique(spec.file_sources() + [s.source for s in spec.local if s.source])
    if not documents:
        return None
    state = StateDirs.of(settings.output_dir)
    last = read_last_run(state.last_run)
    if last is None:
        return None
    hashes = SourceHashes(state.source_hashes, trust=not rehash)
    work = plan(documents, settings, pipeline_version(), ResultCache(state.results), hashes.sha256)
    hashes.save()
    if work.todo:
        return None
    settings = pin_release_time(settings, work)
    if not still_current(last, run_fingerprint(work.keys, settings), settings):
        return None
    return unchanged_report(last, len(work.items), _reports(spec.local))


def pin_release_time(settings: Settings, work: Plan) -> Settings:
    """`settings` with the release time pinned to the latest source mtime, if unset."""
    if settings.release_time is not None:
        return settings
    pinned = release_time_from_sources([i.source.path for i in work.items])
    return replace(settings, release_time=pinned)


def still_current(last: LastRun, fingerprint: str, settings: Settings) -> bool:
    """True when the last run published these very inputs and its release (and store)
    are still the current ones."""
    if last.fingerprint != fingerprint:
        return False
    current = current_release(settings.output_dir)
    if current is None or current.name != last.report.release_id:
        return False
    if settings.load_store:
        store = settings.output_dir / STORE
        return last.store is not None and str(store.resolve()) == last.store
    return True


def unchanged_report(
    last: LastRun, documents: int, sources: tuple[SourceReport, ...]
) -> PublishReport:
    """The last run's report, as the report of a run that changed nothing."""
    log.info("nothing changed since release %s", last.report.release_id)
    return replace(
        last.report,
        previous=last.report.release_id,
        unchanged=True,
        parsed=0,
        reused=documents,
        added=0,
        changed=0,
        removed=0,
        sources=sources,
    )


def unique(sources: list[Source]) -> list[Source]:
    """The sources, each name once (the first listing wins)."""
    seen: dict[str, Source] = {}
    for source in sources:
        if source.name in seen:
            log.warning("%s: listed more than once; the first listing is used", source.name)
            continue
        seen[source.name] = source
    return list(seen.values())


def _reports(staged: Sequence[Staged]) -> tuple[SourceReport, ...]:
    return tuple(s.report for s in staged)
