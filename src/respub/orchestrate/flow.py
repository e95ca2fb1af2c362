"""The Prefect flow of respub: `publish_resolutions`.

    resolve sources → stage HTTP entries (a task per URL) → plan (hash, look up the cache)
    → process-batch tasks (threads or Dask) → write the release → load the store
    → artifacts (validation table, release summary) → PublishReport

The flow only orchestrates: every step is a library call, and tasks pass paths, hashes
and small records (never graphs). It is defined here, inside the package, so that
`respub publish` imports it like any module; ``flows/publish.py`` re-exports it for the
``prefect.yaml`` deployment, and `respub.orchestrate.schedule` serves it by module path.

The flow's own steps run on threads; the batches run on the task runner chosen by the
`runner` parameter (which a deployment can set too), entered inside the flow run, so
that no subflow (about a second each in Prefect 3) is needed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from prefect import State, flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.states import Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from respub.errors import PublishError
from respub.orchestrate import report as reporting
from respub.orchestrate.batching import (
    Outcome,
    Plan,
    WorkItem,
    batches,
    plan,
    run_batch,
)
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.consistent import load_or_roll_back
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.hashes import SourceHashes
from respub.orchestrate.index import gather
from respub.orchestrate.memory import return_freed_memory
from respub.orchestrate.noop import pin_release_time, still_current, unchanged_report, unique
from respub.orchestrate.pool import run_in, worker_pool, workers
from respub.orchestrate.report import DocumentRow, PublishReport, QuarantineError
from respub.orchestrate.retry import forbid_retries, retryable
from respub.orchestrate.runners import batch_runner, task_runner
from respub.orchestrate.settings import DEFAULT_SOURCES, DEFAULTS, make_settings
from respub.orchestrate.staging import (
    SourceReport,
    SourceSpec,
    Staged,
    prune_staged,
    resolve_sources,
    stage,
)
from respub.orchestrate.state import (
    LastRun,
    StateDirs,
    read_last_run,
    run_fingerprint,
    write_last_run,
)
from respub.publish.layout import STORE
from respub.publish.parts import PARTS
from respub.publish.release import ReleaseSummary, write_release
from respub.settings import Settings
from respub.source import Source
from respub.sources.http import HttpSettings, ValidatorCache, make_session
from respub.sources.manifest import ManifestEntry
from respub.store.load import StoreSummary

__all__ = ["publish_resolutions"]

log = logging.getLogger(__name__)

# Staging (network) and the small steps run on threads; the batches on the chosen runner.
_THREADS = cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=8))

# Ceilings for steps that could hang (a stuck file system, a pathological document):
# far above their normal time, so that a stuck run fails and frees its lock. The tasks
# run on worker threads, where Prefect stops a task by raising in its thread between two
# Python steps: a batch waits for its worker process in one-second steps and the pool's
# workers are then terminated (`respub.orchestrate.pool`); a call blocked inside C (a
# stuck disk read, the store's bulk load) is stopped only when it returns.
SOURCES_TIMEOUT = 600  # find files, read manifests
PLAN_TIMEOUT = 1800  # hash every source
BATCH_TIMEOUT = 3600
WRITE_TIMEOUT = 6 * 3600
STORE_TIMEOUT = 6 * 3600
ARTIFACT_TIMEOUT = 300  # two calls to the Prefect API
# A run that failed on something that passes (`respub.orchestrate.retry`: a lock held by
# another run, the network, a timeout) is tried once more after 10 minutes: every step is
# idempotent (the cache keeps finished documents, releases and store loads are atomic,
# the lock is freed on death). A verdict (quarantine, the gate, bad input) is never
# retried. `respub publish` runs the flow without retries; deployments keep them.
FLOW_RETRIES = 1
FLOW_RETRY_DELAY = 600

VALIDATION_ARTIFACT = "respub-validation"
RELEASE_ARTIFACT = "respub-release"


@task(name="resolve-sources", cache_policy=NO_CACHE, timeout_seconds=SOURCES_TIMEOUT)
def resolve_sources_task(sources: list[str], allowed_roots: list[str] | None = None) -> SourceSpec:
    """Find the files under folders and globs; read the manifests (whose local entries
    stay inside their folder or `allowed_roots`)."""
    return resolve_sources(sources, allowed_roots or ())


@task(name="stage-source", cache_policy=NO_CACHE, tags=["network"], timeout_seconds=600)
def stage_source(
    entry: ManifestEntry,
    session: Any,
    http: HttpSettings,
    validators: ValidatorCache,
    stage_dir: Path,
) -> Staged:
    """Fetch one URL and stage it (or its last good copy).

    The retries are `respub.sources.http.fetch`'s own (connect errors, timeouts, 5xx and
    429, with backoff; never a 404), so the task has none: a failure is reported, not raised.
    """
    return stage(entry, session, http, validators, stage_dir)


@task(name="plan-documents", cache_policy=NO_CACHE, timeout_seconds=PLAN_TIMEOUT)
def plan_documents(sources: list[Source], settings: Settings, rehash: bool = False) -> Plan:
    """Hash every document (reusing the hash of a file whose `stat` is unchanged, unless
    `rehash`) and find which results the cache already holds."""
    state = StateDirs.of(settings.output_dir)
    hashes = SourceHashes(state.source_hashes, trust=not rehash)
    found = plan(sources, settings, pipeline_version(), ResultCache(state.results), hashes.sha256)
    hashes.save()
    return found


@task(name="process-batch", cache_policy=NO_CACHE, timeout_seconds=BATCH_TIMEOUT)
def process_batch(
    items: tuple[WorkItem, ...], settings: Settings, pool: ProcessPoolExecutor | None = None
) -> list[Outcome]:
    """Parse, map and validate one batch (in a worker process of `pool`, if given); the
    results and the dump parts go to their caches, outcomes come back."""
    cache, parts = StateDirs.of(settings.output_dir).results, settings.output_dir / PARTS
    if pool is not None:
        return run_in(pool, items, settings, cache, parts)
    return run_batch(items, settings, cache, parts)


@task(name="write-release", cache_policy=NO_CACHE, timeout_seconds=WRITE_TIMEOUT)
def write_release_task(
    documents: Plan, outcomes: list[Outcome], settings: Settings
) -> tuple[ReleaseSummary, tuple[DocumentRow, ...]]:
    """Gather every result's light record (index, batch or cache) and write the release,
    which reads a full result only for a version it renders."""
    state = StateDirs.of(settings.output_dir)
    gathered = gather(documents, outcomes, settings, ResultCache(state.results), state.index)
    results = gathered.results
    summary = write_release(results, settings, load=gathered.load)
    kept_out = {(q.source_path, q.expression_iri) for q in summary.quarantined}
    return summary, reporting.rows(results, reporting.actions_of(outcomes), kept_out)


@task(name="load-store", cache_policy=NO_CACHE, timeout_seconds=STORE_TIMEOUT)
def load_store(release_dir: Path, store_dir: Path, previous: str | None = None) -> StoreSummary:
    """Load the release into the on-disk SPARQL store (swapped in atomically); if that
    fails (a full disk), `latest` goes back to `previous`, which the store still holds.
    What the release writer freed goes back to the system first (its retained heap and
    the store load's own memory would add up to the run's peak)."""
    return_freed_memory()
    return load_or_roll_back(release_dir, previous, store_dir.parent, store_dir)


@task(name="publish-artifacts", cache_policy=NO_CACHE, timeout_seconds=ARTIFACT_TIMEOUT)
def publish_artifacts(report: PublishReport) -> None:
    """The validation table and the release summary, for the Prefect UI."""
    create_table_artifact(
        key=VALIDATION_ARTIFACT,
        table=reporting.validation_table(report),
        description=f"Validation of release {report.release_id}: one row per document, "
        f"problems first (at most {reporting.MAX_ROWS} rows).",
    )
    create_markdown_artifact(
        key=RELEASE_ARTIFACT,
        markdown=reporting.release_markdown(report),
        description=f"Release {report.release_id}",
    )


@flow(
    name="publish-resolutions",
    task_runner=_THREADS,
    retries=FLOW_RETRIES,
    retry_delay_seconds=FLOW_RETRY_DELAY,
)
def publish_resolutions(
    sources: list[str] | None = None,
    out: str = DEFAULTS.out,
    base_iri: str | None = DEFAULTS.base_iri,
    batch_size: int = DEFAULTS.batch_size,
    runner: str = DEFAULTS.runner,
    dask_address: str | None = DEFAULTS.dask_address,
    dask_workers: int | None = DEFAULTS.dask_workers,
    allow_quarantine: bool = DEFAULTS.allow_quarantine,
    allow_private_network: bool = DEFAULTS.allow_private_network,
    rehash: bool = DEFAULTS.rehash,
    allowed_roots: list[str] | None = None,
    release_time: datetime | None = None,
) -> PublishReport | State[Any]:
    """Publish the resolutions under `sources` (folders, globs, manifests) as a release.

    The parameters are `respub.orchestrate.settings.PublishOptions` (declared there, with
    their help; None for `sources` and `allowed_roots` means the default) and the release
    time (None: the newest source's modification time).

    Documents whose bytes, settings and pipeline version are unchanged reuse their cached
    result; when nothing at all changed, the current release stands. Returns the run's
    `PublishReport`; when sources were quarantined and `allow_quarantine` is false, the
    run ends Failed (the release is still written) with a `QuarantineError` holding it,
    and is not retried: only failures that pass are (`respub.orchestrate.retry`).
    """
    try:
        report = _publish(
            sources,
            out,
            base_iri,
            batch_size,
            runner,
            dask_address,
            dask_workers,
            allow_private_network,
            allowed_roots,
            release_time,
            rehash,
        )
    except Exception as error:
        if not retryable(error):
            forbid_retries(f"{type(error).__name__}: {error}")
        raise
    publish_artifacts(report)
    if report.quarantined and not allow_quarantine:
        refused = QuarantineError.of(report)
        forbid_retries(str(refused))
        return Failed(message=str(refused), data=refused)
    return report


def _publish(
    sources: list[str] | None,
    out: str,
    base_iri: str | None,
    batch_size: int,
    runner: str,
    dask_address: str | None,
    dask_workers: int | None,
    allow_private_network: bool,
    allowed_roots: list[str] | None,
    release_time: datetime | None,
    rehash: bool = False,
) -> PublishReport:
    """The body of the flow: its tasks, wired; the run's report."""
    settings = make_settings(out=out, base_iri=base_iri, release_time=release_time)
    task_runner(runner, dask_address=dask_address, dask_workers=dask_workers)  # check early
    state = StateDirs.of(settings.output_dir)
    spec = resolve_sources_task(list(sources or [DEFAULT_SOURCES]), allowed_roots)
    staged = [*spec.local, *_stage_remote(spec.remote, state, allow_private_network)]
    documents = unique(spec.file_sources() + [s.source for s in staged if s.source is not None])
    source_reports = tuple(s.report for s in staged)
    if not documents:
        raise PublishError(f"no sources found under {', '.join(sources or [DEFAULT_SOURCES])}")
    work = plan_documents(documents, settings, rehash)
    settings = pin_release_time(settings, work)
    fingerprint = run_fingerprint(work.keys, settings)
    last = read_last_run(state.last_run)
    if not work.todo and last is not None and still_current(last, fingerprint, settings):
        report = unchanged_report(last, len(work.items), source_reports)
    else:
        todo = list(batches(work.todo, batch_size))
        chosen = batch_runner(
            runner, len(todo), dask_address=dask_address, dask_workers=dask_workers
        )
        log.info(
            "processing %d of %d documents in %d batches",
            len(work.todo),
            len(work.items),
            len(todo),
            extra={"respub_progress": (0, len(work.todo))},
        )
        if runner == "processes" and len(todo) > 1:
            with worker_pool(workers(len(todo))) as pool:
                outcomes = _process(todo, settings, chosen, pool)
        else:
            outcomes = _process(todo, settings, chosen)
        summary, rows = write_release_task(work, outcomes, settings)
        store = None
        if settings.load_store:
            store_dir = settings.output_dir / STORE
            store = load_store(summary.release_dir, store_dir, summary.previous).store_dir
        parsed = sum(1 for o in outcomes if o.action == "parsed")
        report = _report(summary, rows, source_reports, parsed, len(work.items) - parsed, store)
        resolved = str(store.resolve()) if store is not None else None
        write_last_run(state.last_run, LastRun(fingerprint, report, resolved))
    return report


def _process(
    todo: Sequence[tuple[WorkItem, ...]],
    settings: Settings,
    runner: TaskRunner[Any],
    pool: ProcessPoolExecutor | None = None,
) -> list[Outcome]:
    """Run one `process-batch` task per batch on `runner` (threads, or Dask workers); with
    a `pool`, the threads hand the batches to its worker processes."""
    if not todo:
        return []
    total = sum(len(b) for b in todo)
    outcomes: list[Outcome] = []
    with runner:
        futures = [
            runner.submit(process_batch, {"items": b, "settings": settings, "pool": pool})
            for b in todo
        ]
        for future in futures:
            outcomes.extend(future.result())
            done = (len(outcomes), total)
            log.info("%d/%d documents processed", *done, extra={"respub_progress": done})
    return outcomes


def _stage_remote(
    entries: Sequence[ManifestEntry], state: StateDirs, allow_private_network: bool = False
) -> list[Staged]:
    """Fetch every remote entry concurrently, with one session and one validator cache;
    staged copies no longer used go (the validator cache keeps every last good body)."""
    if not entries:
        return []
    http = HttpSettings(allow_private_network=allow_private_network)
    validators = ValidatorCache(state.validators)
    with make_session(http) as session:
        futures = [
            stage_source.submit(entry, session, http, validators, state.sources)
            for entry in entries
        ]
        staged = [future.result() for future in futures]
    prune_staged(state.sources, [Path(s.source.path) for s in staged if s.source is not None])
    return staged


def _report(
    summary: ReleaseSummary,
    rows: tuple[DocumentRow, ...],
    sources: tuple[SourceReport, ...],
    parsed: int,
    reused: int,
    store: Path | None,
) -> PublishReport:
    return PublishReport(
        release_id=summary.release_id,
        release_dir=str(summary.release_dir),
        previous=summary.previous,
        unchanged=False,
        documents=summary.documents,
        parsed=parsed,
        reused=reused,
        published=summary.published,
        expressions=summary.expressions,
        triples=summary.triples,
        added=summary.added,
        changed=summary.changed,
        removed=summary.removed,
        quarantined=summary.quarantined,
        carried_forward=summary.carried_forward,
        sources=sources,
        rows=rows,
        store_dir=str(store) if store is not None else None,
    )
