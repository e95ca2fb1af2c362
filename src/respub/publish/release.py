"""Write a versioned release atomically: temp folder → verify → rename → switch `latest`.

A failure or a kill at any stage leaves the previous release and `output/latest` untouched;
the next run removes what was left over. The same results and settings give the same
release id and byte-identical files; publishing them again reuses the existing release.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from respub import __version__
from respub.errors import PublishError
from respub.pipeline import DocumentResult, Settings
from respub.publish.changes import Changes, changes
from respub.publish.checksums import SUMS, describe_files, release_files, sums_text
from respub.publish.describe import ReleaseIris, dataset_description, provenance
from respub.publish.dumps import DUMPS, NQUADS, Document, read_graphs, write_dumps, write_expression
from respub.publish.gate import Selection, select
from respub.publish.layout import (
    RELEASES,
    TEMP_PREFIX,
    clean_leftovers,
    current_release,
    lock,
    prune,
    release_id,
    switch_latest,
)
from respub.publish.manifest import MANIFEST, Entry, Manifest, Quarantine, read_manifest
from respub.publish.report import readme, summarise, validation_graph, validation_json
from respub.publish.terms import turtle
from respub.publish.verify import DATASET, verify_release
from respub.site.release import write_site

__all__ = ["STAGES", "ReleaseSummary", "crash_at", "write_release"]

log = logging.getLogger(__name__)

# The points `on_stage` is called at, in order (a test kills the process at each).
STAGES = (
    "start",
    "expressions",
    *(f"dump:{name}" for name in ("resolutions.nt.gz", "resolutions.ttl", "resolutions.jsonld")),
    "dump:resolutions.nq.gz",
    "metadata",
    "checksums",
    "verify",
    "rename",
    "latest",
    "prune",
)


def crash_at(stage: str | None) -> Callable[[str], None] | None:
    """A stage hook for crash tests that kills this process (SIGKILL) on reaching `stage`.

    The CLI passes `crash_at(os.environ.get("RESPUB_TEST_CRASH_AT"))` as `on_stage`.
    """
    if not stage:
        return None
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r} (known: {', '.join(STAGES)})")

    def hook(reached: str) -> None:
        if reached == stage:
            os.kill(os.getpid(), signal.SIGKILL)

    return hook


@dataclass(frozen=True)
class ReleaseSummary:
    """What a release holds and what the gate kept out; `quarantined` drives the exit code."""

    release_id: str
    release_dir: Path
    previous: str | None
    reused: bool
    documents: int
    published: int
    expressions: int
    triples: int
    files: int
    added: int
    changed: int
    removed: int
    quarantined: tuple[Quarantine, ...] = ()
    carried_forward: tuple[str, ...] = ()
    pruned: tuple[str, ...] = field(default=())

    def exit_code(self, allow_quarantine: bool = False) -> int:
        """The CLI's exit status: 1 when sources were quarantined (unless allowed), else 0."""
        return int(bool(self.quarantined) and not allow_quarantine)

    def to_json(self) -> dict[str, Any]:
        """A JSON object of the summary."""
        data = asdict(self)
        data["release_dir"] = str(self.release_dir)
        return data


def write_release(
    results: Sequence[DocumentResult],
    settings: Settings,
    sources_used: Sequence[Path],
    *,
    on_stage: Callable[[str], None] | None = None,
) -> ReleaseSummary:
    """Publish `results` as a new release under `settings.output_dir`.

    `sources_used` are the vocabulary files the results were made and checked with
    (ontology, concept schemes, JSON-LD context, shapes); they are copied into the release.
    `on_stage(name)` is called at each of `STAGES` (for progress, and for crash tests).
    Raises `PublishError` when nothing can be published or the new release fails to verify.
    """
    if settings.release_time is None:
        raise PublishError("the release time is not pinned (Settings.release_time)")
    hook = on_stage or (lambda _stage: None)
    output = settings.output_dir
    with lock(output):
        for leftover in clean_leftovers(output):
            log.info("removed leftover %s", leftover)
        previous_dir = current_release(output)
        previous = _manifest_or_none(previous_dir)
        selection = select(results, previous)
        if not selection.expressions:
            raise PublishError("nothing to publish: every source was quarantined")
        documents = _documents(selection, previous_dir)
        vocabulary = _vocabulary(sources_used)
        rid = release_id(settings.release_time, _digest(settings, documents, vocabulary, selection))
        final = output / RELEASES / rid
        log.info(
            "release %s: %d expressions (%d carried forward), %d quarantined",
            rid,
            len(documents),
            len(selection.carried),
            len(selection.quarantined),
        )
        entries = _entries(selection, rid)
        plan = _Plan(
            rid=rid,
            settings=settings,
            results=tuple(results),
            selection=selection,
            documents=tuple(documents),
            entries=tuple(entries),
            vocabulary=tuple(vocabulary),
            previous=previous,
            changes=changes(rid, previous, entries),
        )
        reused = final.is_dir() and not verify_release(final)
        if not reused:
            temp = output / RELEASES / f"{TEMP_PREFIX}{rid}-{os.getpid()}"
            try:
                _write(temp, plan, hook)
                hook("verify")
                problems = verify_release(temp)
                if problems:
                    raise PublishError(f"release {rid} failed to verify: {'; '.join(problems)}")
                hook("rename")
                _discard(final)
                os.rename(temp, final)
            finally:
                shutil.rmtree(temp, ignore_errors=True)
        hook("latest")
        switch_latest(output, final)
        hook("prune")
        pruned = prune(output, settings.keep)
    manifest = read_manifest(final)
    return ReleaseSummary(
        release_id=rid,
        release_dir=final,
        previous=previous.release if previous else None,
        reused=reused,
        documents=len(results),
        published=len(selection.published),
        expressions=len(manifest.entries),
        triples=manifest.triples,
        files=len(release_files(final)) + 1,
        added=len(plan.changes.of_kind("added")),
        changed=len(plan.changes.of_kind("changed")),
        removed=len(plan.changes.of_kind("removed")),
        quarantined=selection.quarantined,
        carried_forward=tuple(e.expression_iri for e in selection.carried),
        pruned=tuple(pruned),
    )


@dataclass(frozen=True)
class _Plan:
    """Everything a release's files are written from."""

    rid: str
    settings: Settings
    results: tuple[DocumentResult, ...]
    selection: Selection
    documents: tuple[Document, ...]
    entries: tuple[Entry, ...]
    vocabulary: tuple[tuple[str, bytes], ...]
    previous: Manifest | None
    changes: Changes


def _write(root: Path, plan: _Plan, hook: Callable[[str], None]) -> None:
    """Write every file of a release into `root` (a fresh temp folder)."""
    settings, selection, results = plan.settings, plan.selection, plan.results
    root.mkdir(parents=True)
    hook("start")
    for document in plan.documents:
        write_expression(root, settings.base_iri, document)
    hook("expressions")
    dumps = write_dumps(root, plan.documents, hook)
    for path, data in plan.vocabulary:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    iris = ReleaseIris(settings.base_iri, plan.rid)
    summary = summarise(
        plan.rid, results, selection.published, selection.carried, selection.quarantined
    )
    (root / "validation.json").write_bytes(validation_json(summary, results))
    (root / "validation.ttl").write_bytes(turtle(validation_graph(iris, summary, results)))
    time = settings.metadata()["release_time"]
    (root / "README.md").write_bytes(
        readme(summary, plan.changes, settings.title, time, dumps.triples, len(plan.documents))
    )
    (root / "CHANGES.json").write_bytes(plan.changes.to_json())
    (root / "CHANGES.md").write_bytes(plan.changes.to_markdown())
    manifest = Manifest(
        release=plan.rid,
        release_time=time,
        previous=plan.previous.release if plan.previous else None,
        software=__version__,
        settings=settings.metadata(),
        triples=dumps.triples,
        entries=plan.entries,
        quarantined=selection.quarantined,
    )
    (root / MANIFEST).write_bytes(manifest.to_bytes())
    used = sorted({(r.source_path, r.sha256, r.media_type) for r in results if r.sha256})
    prov = provenance(iris, settings, plan.entries, used, manifest.previous, __version__)
    (root / "provenance.ttl").write_bytes(turtle(prov))
    hook("metadata")
    paths = release_files(root)
    halfway = len(paths) // 2
    infos = describe_files(root, paths, lambda n: hook("checksums") if n == halfway else None)
    infos += write_site(root, infos, current_release(settings.output_dir))
    examples = _examples(plan.entries)
    description = dataset_description(iris, settings, infos, dumps.triples, DUMPS, examples)
    (root / DATASET).write_bytes(turtle(description))
    infos += describe_files(root, [DATASET])
    (root / SUMS).write_text(sums_text(infos), encoding="utf-8")


def _documents(selection: Selection, previous_dir: Path | None) -> list[Document]:
    """The N-Triples of every expression: new ones from results, carried ones from the dump."""
    new = [Document(r.expression_iri or "", r.ntriples) for r in selection.published]
    if not selection.carried:
        return new
    if previous_dir is None:
        raise PublishError("versions to carry forward, but no previous release")
    wanted = {e.expression_iri for e in selection.carried}
    graphs = read_graphs(previous_dir / NQUADS, wanted)
    carried = []
    for entry in selection.carried:
        text = graphs.get(entry.expression_iri, "")
        if hashlib.sha256(text.encode()).hexdigest() != entry.content_sha256:
            raise PublishError(f"{previous_dir}: {entry.expression_iri} differs from its manifest")
        carried.append(Document(entry.expression_iri, text))
    return sorted([*new, *carried], key=lambda d: d.expression_iri)


def _entries(selection: Selection, rid: str) -> list[Entry]:
    new = [Entry.from_result(r, rid) for r in selection.published]
    return sorted([*new, *selection.carried], key=lambda e: e.expression_iri)


def _vocabulary(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Release path (`<folder>/<name>`) and bytes of each vocabulary file."""
    found = {}
    for path in paths:
        try:
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
        except OSError as error:
            raise PublishError(f"{path}: cannot read vocabulary file: {error}") from error
    return sorted(found.items())


def _digest(
    settings: Settings,
    documents: Sequence[Document],
    vocabulary: Sequence[tuple[str, bytes]],
    selection: Selection,
) -> str:
    """A hash of everything a release's content depends on (not of the previous release)."""
    digest = hashlib.sha256()
    digest.update(json.dumps(settings.metadata(), sort_keys=True).encode())
    for document in documents:
        digest.update(document.expression_iri.encode() + b"\0")
        digest.update(hashlib.sha256(document.ntriples.encode()).digest())
    for path, data in vocabulary:
        digest.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    for q in selection.quarantined:
        digest.update(json.dumps(asdict(q), sort_keys=True).encode())
    return digest.hexdigest()


def _examples(entries: Sequence[Entry]) -> list[str]:
    """A few example resources: the first expressions and their works."""
    chosen = entries[:3]
    return sorted({*(e.expression_iri for e in chosen), *(e.work_iri for e in chosen)})


def _manifest_or_none(release_dir: Path | None) -> Manifest | None:
    if release_dir is None:
        return None
    try:
        return read_manifest(release_dir)
    except ValueError as error:
        log.warning("ignoring the previous release: %s", error)
        return None


def _discard(path: Path) -> None:
    """Move a broken release with the new id aside and delete it."""
    if path.exists():
        trash = path.with_name(f"{TEMP_PREFIX}broken-{path.name}")
        os.rename(path, trash)
        shutil.rmtree(trash, ignore_errors=True)
