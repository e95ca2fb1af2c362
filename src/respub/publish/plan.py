"""Plan a release, without touching the disk: the gate, the entries, the changes, the id.

`plan_release(results, previous, settings, vocabulary)` is pure: the same arguments give
the same plan, so the release id (`<time>-<digest>`) and every file rendered from the
plan are deterministic. Writing happens in `respub.publish.release`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from respub.errors import PublishError
from respub.publish.changes import Changes, changes
from respub.publish.gate import Selection, select
from respub.publish.layout import release_id
from respub.publish.manifest import Entry, Manifest
from respub.publish.parts import PARTS, PartCache
from respub.results import DocumentResult
from respub.settings import Settings

__all__ = ["ReleasePlan", "plan_release"]


@dataclass(frozen=True)
class ReleasePlan:
    """Everything a release's files are rendered from.

    `entries` are the release's language versions, sorted by expression IRI: those of
    `selection.published` are new (their N-Triples are in the results), those of
    `selection.carried` come unchanged from the previous release. `vocabulary` holds the
    release path and bytes of each vocabulary file shipped (ontology, shapes, context).

    The results may be light (`respub.orchestrate.index.light`: no N-Triples, no Akoma
    Ntoso): `full` gives a result with them, and `text` a version's N-Triples, read only
    when a file is rendered from them.
    """

    rid: str
    settings: Settings
    results: tuple[DocumentResult, ...]
    selection: Selection
    entries: tuple[Entry, ...]
    vocabulary: tuple[tuple[str, bytes], ...]
    previous: Manifest | None
    changes: Changes
    full: Callable[[DocumentResult], DocumentResult] = field(default=lambda r: r, compare=False)

    def text(self, result: DocumentResult) -> str:
        """The canonical N-Triples of a published result: its own, else its dump part's
        (`respub.publish.parts`, kept under its content hash), else its full result's."""
        if result.ntriples:
            return result.ntriples
        parts = PartCache(self.settings.output_dir / PARTS)
        part = parts.load(result.content_sha256, result.expression_iri or "")
        if part is not None:
            return gzip.decompress(part.ntriples_gz).decode("utf-8")
        return self.full(result).ntriples

    @property
    def release_time(self) -> str:
        """The release time as `xsd:dateTime` text (UTC, whole seconds)."""
        return str(self.settings.metadata()["release_time"])


def plan_release(
    results: Sequence[DocumentResult],
    previous: Manifest | None,
    settings: Settings,
    vocabulary: Sequence[tuple[str, bytes]],
    full: Callable[[DocumentResult], DocumentResult] | None = None,
) -> ReleasePlan:
    """The plan of a release of `results` after `previous` (the live release's manifest);
    `full` gives the N-Triples and Akoma Ntoso of a light result (see `ReleasePlan`).

    Raises `PublishError` when nothing can be published or the release time is not pinned.
    """
    if settings.release_time is None:
        raise PublishError("the release time is not pinned (Settings.release_time)")
    results = [v for r in results for v in r.versions]  # each part of a resolution on its own
    selection = select(results, previous)
    if not selection.expressions:
        raise PublishError("nothing to publish: every source was quarantined")
    vocabulary = tuple(sorted(vocabulary))
    digest = _digest(settings, selection, vocabulary)
    rid = release_id(settings.release_time, digest)
    new = [Entry.from_result(r, rid) for r in selection.published]
    entries = tuple(sorted([*new, *selection.carried], key=lambda e: e.expression_iri))
    return ReleasePlan(
        rid=rid,
        settings=settings,
        results=tuple(results),
        selection=selection,
        entries=entries,
        vocabulary=vocabulary,
        previous=previous,
        changes=changes(rid, previous, list(entries)),
        **({"full": full} if full is not None else {}),
    )


def _digest(
    settings: Settings, selection: Selection, vocabulary: Sequence[tuple[str, bytes]]
) -> str:
    """A hash of everything a release's content depends on (not of the previous release):
    the settings, each expression's IRI and content hash, the vocabulary, the quarantine."""
    documents = sorted(
        [(r.expression_iri or "", r.content_sha256) for r in selection.published]
        + [(e.expression_iri, e.content_sha256) for e in selection.carried]
    )
    digest = hashlib.sha256()
    digest.update(json.dumps(settings.metadata(), sort_keys=True).encode())
    for iri, content in documents:
        digest.update(iri.encode() + b"\0")
        digest.update(bytes.fromhex(content))
    for path, data in vocabulary:
        digest.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    for q in selection.quarantined:
        digest.update(json.dumps(asdict(q), sort_keys=True).encode())
    return digest.hexdigest()
