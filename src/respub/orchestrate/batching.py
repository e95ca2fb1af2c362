"""Plan the documents of a run and process them in batches, reusing cached results.

`plan` hashes every source and looks its result up in the cache: what is found is
reused, the rest is cut into `batches`, and `run_batch` (the body of a batch task)
processes them. Tasks pass `WorkItem`s (paths and hashes), never graphs; a batch writes
its results into the cache, and each publishable version's part of the dumps
(`respub.publish.parts`) and its rendered Turtle, JSON-LD and Akoma Ntoso
(`respub.publish.rendered`) into their caches, so the release writer in the parent process
only reads and links them; it returns only `Outcome`s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from respub.errors import PublishError, problem_of
from respub.orchestrate.cache import CacheKey, ResultCache
from respub.orchestrate.fingerprint import PipelineVersion, file_sha256, settings_sha256
from respub.results import DocumentResult
from respub.settings import Settings
from respub.source import Source, encodable_name
from respub.sources.load import MEDIA_TYPES

if TYPE_CHECKING:
    from respub.publish.parts import PartCache
    from respub.publish.rendered import RenderedCache

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class WorkItem:
    """A planned document: its source, the hash of its bytes and its cache key."""

    source: Source
    key: CacheKey

    @property
    def digest(self) -> str:
        """The cache key of the document's result."""
        return self.key.digest


@dataclass(frozen=True)
class Plan:
    """Every document of a run, in order, and which of them have a cached result."""

    items: tuple[WorkItem, ...]
    cached: frozenset[str]

    @property
    def todo(self) -> tuple[WorkItem, ...]:
        """The documents to process (no cached result)."""
        return tuple(i for i in self.items if i.digest not in self.cached)

    @property
    def keys(self) -> tuple[str, ...]:
        """The cache keys of every document, in order."""
        return tuple(i.digest for i in self.items)


@dataclass(frozen=True)
class Outcome:
    """What a batch did with one document: `parsed` or `reused`, and the verdict.

    `uncached` carries the result itself in the rare case it could not be cached (an
    unexpected error, or a file that changed while it was processed).
    """

    name: str
    key: str
    action: str
    publishable: bool
    error: str | None = None
    uncached: DocumentResult | None = None


def plan(
    sources: Sequence[Source],
    settings: Settings,
    pipeline: PipelineVersion,
    cache: ResultCache,
    sha256: Callable[[Path], str] = file_sha256,
) -> Plan:
    """Hash each source (with `sha256`: `respub.orchestrate.hashes.SourceHashes.sha256`
    reuses the hash of a file whose `stat` is unchanged), key its result, and find which
    results the cache holds."""
    settings_hash, pipeline_hash = settings_sha256(settings), pipeline.digest
    items = []
    for source in sources:
        readable = encodable_name(source.name)
        if not readable:  # keep the bytes of the name out of every key, record and file
            source = Source(
                source.path, _escaped(source.name), source.language, source.body, source.identifier
            )
        key = CacheKey(
            sha256=_sha256_or_blank(Path(source.path), sha256) if readable else "",
            name=source.name,
            language=source.language,
            body=source.body,
            identifier=source.identifier,
            settings=settings_hash,
            pipeline=pipeline_hash,
        )
        items.append(WorkItem(source, key))
    cached = frozenset(i.digest for i in items if cache.has(i.digest))
    return Plan(tuple(items), cached)


def _escaped(name: str) -> str:
    r"""A name whose undecodable bytes are shown as escapes.

    >>> _escaped("bad\udcff.md")
    'bad\\xff.md'
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _sha256_or_blank(path: Path, sha256: Callable[[Path], str] = file_sha256) -> str:
    """The file's hash, or "" when it cannot be read now (unreadable, vanished): the
    document is then processed, fails with its reason, and is quarantined, never cached."""
    try:
        return sha256(path)
    except OSError as error:
        log.warning("%s: cannot read (%s)", path, error.strerror or error)
        return ""


def batches(items: Sequence[T], size: int) -> Iterator[tuple[T, ...]]:
    """Consecutive batches of at most `size` items, in order.

    >>> [list(b) for b in batches([1, 2, 3, 4, 5], 2)]
    [[1, 2], [3, 4], [5]]
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    for start in range(0, len(items), size):
        yield tuple(items[start : start + size])


def run_batch(
    items: Sequence[WorkItem],
    settings: Settings,
    cache_root: Path,
    parts_root: Path | None = None,
) -> list[Outcome]:
    """Process each document (or reuse its result if another run stored it meanwhile),
    store the new results in the cache (and, with `parts_root`, the dump parts of the
    publishable ones in a `PartCache` there, and their rendered files in the output's
    `RenderedCache`), and report one `Outcome` per document."""
    # here, not at the top: planning a run (orchestrate/noop.py) needs no parser nor RDF
    from respub.process import process
    from respub.publish.parts import PartCache
    from respub.publish.rendered import RenderedCache

    cache = ResultCache(cache_root)
    parts = PartCache(parts_root) if parts_root is not None else None
    rendered = RenderedCache(settings.output_dir, settings.base_iri)
    outcomes = []
    for item in items:
        result = cache.load(item.digest)
        action, uncached = "reused", None
        if result is None:
            action = "parsed"
            try:
                result = process(item.source, settings)
            except Exception as error:  # a bug on one document must not sink the batch
                log.exception("%s: unexpected error", item.source.name)
                result = uncached = _unexpected(item, error)
            else:
                if not item.key.sha256:  # unreadable when planned: never cached
                    uncached = result
                elif result.sha256 == item.key.sha256:
                    cache.store(item.key, result)
                    if parts is not None:
                        _keep_part(parts, result)
                        _keep_rendered(rendered, result)
                else:  # the file changed under us: never file a result under the wrong bytes
                    log.warning("%s: changed while processed; not cached", item.source.name)
                    uncached = result
        outcomes.append(
            Outcome(
                item.source.name, item.digest, action, result.publishable, result.error, uncached
            )
        )
    return outcomes


def _keep_part(parts: PartCache, result: DocumentResult) -> None:
    """Make and keep the dump part of each publishable version of a result (a resolution
    in parts has one per part), unless already kept."""
    from respub.publish.parts import make_part

    for version in result.versions:
        iri, key = version.expression_iri, version.content_sha256
        if version.publishable and iri is not None and key and not parts.path(key).is_file():
            parts.store(key, make_part(iri, version.ntriples))


def _keep_rendered(rendered: RenderedCache, result: DocumentResult) -> None:
    """Render and keep the Turtle, JSON-LD and Akoma Ntoso of each publishable version of
    a result (`respub.publish.rendered`), so the release writer only links them. A version
    that does not render is left to the writer, which reports it."""
    for version in result.versions:
        iri, key = version.expression_iri, version.content_sha256
        if version.publishable and iri is not None and key:
            try:
                rendered.keep_version(iri, key, version.ntriples, version.akn)
            except PublishError as error:
                log.warning("%s: not rendered ahead: %s", version.source_path, error)


def _unexpected(item: WorkItem, error: Exception) -> DocumentResult:
    """The (uncached) result of a document the pipeline failed on unexpectedly."""
    return DocumentResult(
        source_path=item.source.name,
        sha256=item.key.sha256,
        media_type=MEDIA_TYPES.get(
            Path(item.source.path).suffix.lower(), "application/octet-stream"
        ),
        problem=problem_of(error, file=item.source.name),
    )
