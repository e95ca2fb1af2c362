"""Write a versioned release atomically: temp folder → verify → rename → switch `latest`.

    plan (`respub.publish.plan.plan_release`, pure) → render (`respub.publish.render`,
    bytes per path) → write (here: the one atomic writer)

A failure or a kill at any stage leaves the previous release and `output/latest` untouched;
the next run removes what was left over. The same results and settings give the same
release id and byte-identical files; publishing them again reuses the existing release.
A language version whose content is unchanged since the live release gets its files by
hard link from it (same bytes: they depend only on the content and the software).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from respub import __version__
from respub.akn import EXTENSION as AKN_EXTENSION
from respub.errors import PublishError
from respub.publish.archive import ARCHIVE, MEMBERS, MemberCache, archive_paths, write_archive
from respub.publish.checksums import (
    FileInfo,
    describe_files,
    linked_infos,
    read_sums,
    release_files,
)
from respub.publish.dumps import (
    NQUADS,
    Document,
    dump_part,
    read_graphs,
    write_dumps,
)
from respub.publish.layout import (
    RELEASES,
    TEMP_PREFIX,
    clean_leftovers,
    current_release,
    expression_path,
    lock,
    prune,
    switch_latest,
)
from respub.publish.manifest import Manifest, Quarantine, read_manifest
from respub.publish.parts import PARTS, PartCache
from respub.publish.plan import ReleasePlan, plan_release
from respub.publish.render import content_files, description_files
from respub.publish.rendered import RenderedCache, render_version
from respub.publish.verify import verify_release
from respub.rdf.files import CONCEPTS, CONTEXT, ONTOLOGY, SHAPES
from respub.results import DocumentResult
from respub.settings import Settings
from respub.site.release import write_site
from respub.site.views import VIEWS

__all__ = ["STAGES", "ReleaseSummary", "reached", "vocabulary_sources", "write_release"]

log = logging.getLogger(__name__)

# The points `reached` is called at, in order (a test kills the process at each).
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


def reached(stage: str) -> None:
    """Called at each of `STAGES` while a release is written (crash tests replace it)."""
    log.debug("release stage %s", stage)


def vocabulary_sources() -> list[Path]:
    """The ontology, concept schemes, JSON-LD context and shapes that exist, to ship."""
    return [p for p in (ONTOLOGY, CONCEPTS, CONTEXT, SHAPES) if p.is_file()]


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
    sources_used: Sequence[Path] | None = None,
    load: Callable[[DocumentResult], DocumentResult] | None = None,
) -> ReleaseSummary:
    """Publish `results` as a new release under `settings.output_dir`.

    `sources_used` are the vocabulary files the results were made and checked with
    (default `vocabulary_sources()`); they are copied into the release. The results may
    be light (no N-Triples, no Akoma Ntoso: `respub.orchestrate.index`), with `load`
    giving the full result of one: it is called only for the versions rendered. Raises
    `PublishError` when nothing can be published or the new release fails to verify.
    """
    vocabulary = _vocabulary(vocabulary_sources() if sources_used is None else sources_used)
    output = settings.output_dir
    with lock(output):
        for leftover in clean_leftovers(output):
            log.info("removed leftover %s", leftover)
        previous_dir = current_release(output)
        previous = _manifest_or_none(previous_dir)
        plan = plan_release(results, previous, settings, vocabulary, load)
        final = output / RELEASES / plan.rid
        log.info(
            "release %s: %d expressions (%d carried forward), %d quarantined",
            plan.rid,
            len(plan.entries),
            len(plan.selection.carried),
            len(plan.selection.quarantined),
        )
        reused = final.is_dir() and not verify_release(final)
        if not reused:
            temp = output / RELEASES / f"{TEMP_PREFIX}{plan.rid}-{os.getpid()}"
            try:
                described = _write(temp, plan, _documents(plan, previous_dir), previous_dir)
                reached("verify")
                problems = verify_release(temp, described, whole=False)
                if problems:
                    raise PublishError(
                        f"release {plan.rid} failed to verify: {'; '.join(problems)}"
                    )
                reached("rename")
                _discard(final)
                os.rename(temp, final)
            finally:
                shutil.rmtree(temp, ignore_errors=True)
        reached("latest")
        switch_latest(output, final)
        reached("prune")
        pruned = prune(output, settings.keep)
        PartCache(output / PARTS).prune(e.content_sha256 for e in plan.entries)
        RenderedCache(output, settings.base_iri).prune(e.content_sha256 for e in plan.entries)
        MemberCache(output / MEMBERS).prune(read_sums(final).values())
    manifest = read_manifest(final)
    return ReleaseSummary(
        release_id=plan.rid,
        release_dir=final,
        previous=previous.release if previous else None,
        reused=reused,
        documents=len(results),
        published=len(plan.selection.published),
        expressions=len(manifest.entries),
        triples=manifest.triples,
        files=len(release_files(final)) + 1,
        added=len(plan.changes.of_kind("added")),
        changed=len(plan.changes.of_kind("changed")),
        removed=len(plan.changes.of_kind("removed")),
        quarantined=plan.selection.quarantined,
        carried_forward=tuple(e.expression_iri for e in plan.selection.carried),
        pruned=tuple(pruned),
    )


def write_files(root: Path, files: Mapping[str, bytes]) -> None:
    """Write each `{relative path: bytes}` below `root` (a release being written)."""
    for path, data in files.items():
        target = root / path
        if not target.resolve().is_relative_to(root.resolve()):
            raise PublishError(f"{path}: a release file must stay inside the release")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # a hard link to the previous release is never written
        target.write_bytes(data)


def _write(
    root: Path, plan: ReleasePlan, documents: Sequence[Document], previous_dir: Path | None
) -> dict[str, FileInfo]:
    """Write every file of a release into `root` (a fresh temp folder); the infos of the
    files it described: hashed once from the bytes written, or, for hard links to the
    previous release, its checked digests (verification reads none of them again)."""
    root.mkdir(parents=True)
    reached("start")
    reusable = _reusable(plan, previous_dir)
    rendered = RenderedCache(plan.settings.output_dir, plan.settings.base_iri)
    fresh = [
        d
        for d in documents
        if not _link_kept(root, plan, d, rendered)
        and (previous_dir is None or not _link_expression(root, previous_dir, plan, d, reusable))
    ]
    parts = PartCache(plan.settings.output_dir / PARTS)
    _render(root, plan, fresh, parts, rendered)
    reached("expressions")
    dumps = write_dumps(root, documents, reached, plan.settings.base_iri, parts)
    for files in content_files(plan, root, dumps):
        write_files(root, files)
    reached("metadata")
    paths = release_files(root)
    halfway = len(paths) // 2
    linked = linked_infos(root, previous_dir, paths)
    infos = describe_files(
        root, paths, lambda n: reached("checksums") if n == halfway else None, linked
    )
    infos = sorted([*infos, _archive(root, plan, infos)], key=lambda i: i.path)
    texts = {d.expression_iri: d.text for d in documents}  # each read only when asked
    views = plan.settings.output_dir / VIEWS
    site = write_site(root, infos, previous_dir, texts, views)  # lists the downloads' infos
    infos += site
    write_files(root, description_files(plan, infos, dumps))
    return {i.path: i for i in infos}


def _render(
    root: Path,
    plan: ReleasePlan,
    documents: Sequence[Document],
    parts: PartCache,
    rendered: RenderedCache,
) -> None:
    """Render the files of each version that no worker kept (`respub.publish.rendered`),
    one version at a time: its Turtle and JSON-LD (each parsed back and counted), its Akoma
    Ntoso, and its dump part; kept in `rendered` and linked from there (written when they
    cannot be kept). A light result's full result is read once, then dropped."""
    base = plan.settings.base_iri
    published = {r.expression_iri: r for r in plan.selection.published}
    for document in documents:
        result = published.get(document.expression_iri)
        akn = ""
        if result is not None:
            if not (result.ntriples and result.akn):
                result = plan.full(result)
            document = replace(document, ntriples=result.ntriples)
            akn = result.akn
        else:
            document = replace(document, ntriples=document.text())
        files = render_version(document.expression_iri, document.ntriples, base)
        if akn:
            files[AKN_EXTENSION] = akn.encode("utf-8")
        content = _content(document)
        stem = expression_path(document.expression_iri, base)
        if not (rendered.store(content, files) and rendered.link(content, root / stem, files)):
            write_files(root, {f"{stem}.{suffix}": data for suffix, data in files.items()})
        dump_part(document, parts)


def _archive(root: Path, plan: ReleasePlan, infos: Sequence[FileInfo]) -> FileInfo:
    """Write the per-document archive from the kept members of its files (known by the
    SHA-256 of `infos`: only files never archived before are compressed); its info."""
    moment = plan.settings.release_time
    if moment is None:  # a plan always pins it; checked for the type
        raise PublishError("the release time is not pinned")
    paths = archive_paths(root, (e.expression_iri for e in plan.entries), plan.settings.base_iri)
    members = MemberCache(plan.settings.output_dir / MEMBERS)
    write_archive(root, paths, moment, members, {i.path: i.sha256 for i in infos})
    return describe_files(root, [ARCHIVE])[0]


def _reusable(plan: ReleasePlan, previous_dir: Path | None) -> dict[str, str]:
    """Expression IRI → content hash of the previous release's versions whose files can be
    linked: same software and base IRI (the bytes depend on nothing else)."""
    previous = plan.previous
    if previous is None or previous_dir is None or previous.software != __version__:
        return {}
    if previous.settings.get("base_iri") != plan.settings.base_iri:
        return {}
    return {e.expression_iri: e.content_sha256 for e in previous.entries}


def _link_kept(root: Path, plan: ReleasePlan, document: Document, rendered: RenderedCache) -> bool:
    """Hard-link a language version's files from the rendered cache (kept by the worker
    that made its result, or by an earlier release); False when one is not kept."""
    stem = expression_path(document.expression_iri, plan.settings.base_iri)
    return rendered.link(_content(document), root / stem)


def _link_expression(
    root: Path,
    previous_dir: Path,
    plan: ReleasePlan,
    document: Document,
    reusable: Mapping[str, str],
) -> bool:
    """Hard-link (or copy) a language version's files from the previous release when its
    content is unchanged; False when they must be rendered."""
    if reusable.get(document.expression_iri) != _content(document):
        return False
    stem = expression_path(document.expression_iri, plan.settings.base_iri)
    names = (f"{stem}.ttl", f"{stem}.jsonld", f"{stem}.{AKN_EXTENSION}")
    if not all((previous_dir / n).is_file() for n in names):
        return False
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous_dir / name, root / name)
        except OSError:
            shutil.copyfile(previous_dir / name, root / name)
    return True


def _content(document: Document) -> str:
    """The content hash of a version (its N-Triples' SHA-256)."""
    return document.content_sha256 or hashlib.sha256(document.text().encode()).hexdigest()


def _documents(plan: ReleasePlan, previous_dir: Path | None) -> list[Document]:
    """The N-Triples of every expression: new ones from results, carried ones from the dump."""
    selection = plan.selection
    new = [
        Document(r.expression_iri or "", r.ntriples, r.content_sha256, partial(plan.text, r))
        for r in selection.published
    ]
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
        carried.append(Document(entry.expression_iri, text, entry.content_sha256))
    return sorted([*new, *carried], key=lambda d: d.expression_iri)


def _vocabulary(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Release path (`<folder>/<name>`) and bytes of each vocabulary file."""
    found = {}
    for path in paths:
        try:
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
        except OSError as error:
            raise PublishError(f"{path}: cannot read vocabulary file: {error}") from error
    return sorted(found.items())


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
