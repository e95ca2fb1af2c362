"""Sources of a run: local folders and globs, and manifests of HTTP (or local) entries.

Remote entries are fetched with one shared `requests` session and the retry policy of
`respub.sources.http`; the bytes are staged, content-addressed, under
``output/state/sources/`` and processed from there under their URL (the provenance of
the published document) with the manifest's language and body hints. A source that
fails is reported, and its last good copy (kept by the `ValidatorCache`) is staged
instead, if there is one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from respub.atomic import write_atomic
from respub.orchestrate.fingerprint import bytes_sha256, file_sha256
from respub.problems import problem
from respub.source import Source
from respub.sources.discover import discover
from respub.sources.load import MEDIA_TYPES
from respub.sources.manifest import ManifestEntry, read_manifest
from respub.sources.names import source_name

if TYPE_CHECKING:  # requests loads only when a run fetches
    import requests

    from respub.sources.http import HttpSettings, ValidatorCache

log = logging.getLogger(__name__)

MANIFEST_SUFFIXES = (".yaml", ".yml", ".csv")
_SUFFIX_OF_TYPE = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
}

Status = Literal["local", "fetched", "not-modified", "kept", "failed"]


@dataclass(frozen=True)
class SourceReport:
    """What became of one listed source.

    `status` is ``local`` (a file), ``fetched``, ``not-modified`` (304: the kept copy),
    ``kept`` (the fetch failed; the last good copy was used) or ``failed`` (nothing to
    publish). `message` says why, for the last two.
    """

    name: str
    status: Status
    message: str | None = None
    sha256: str | None = None
    attempts: int = 0
    identifier: str | None = None

    @property
    def failed(self) -> bool:
        """True when the fetch failed (whether or not a last good copy was kept)."""
        return self.status in ("kept", "failed")


@dataclass(frozen=True)
class Staged:
    """A source ready to process (None when it failed without a copy) and its report."""

    source: Source | None
    report: SourceReport


@dataclass(frozen=True)
class SourceSpec:
    """The run's sources: files found under folders and globs, and manifest entries.

    Local manifest entries are resolved against the manifest's folder; `remote` holds the
    http(s) entries still to fetch.
    """

    files: tuple[Path, ...]
    local: tuple[Staged, ...]
    remote: tuple[ManifestEntry, ...]
    folders: tuple[Path, ...] = ()

    def file_sources(self) -> list[Source]:
        """The `files` as sources, each published under a name that is no absolute path
        (`respub.sources.names.source_name`, relative to the folders they were found in)."""
        return [_named(path, self.folders) for path in self.files]


def _named(path: Path, anchors: Sequence[Path]) -> Source:
    name = source_name(path, anchors)
    return Source(str(path), name) if name != str(path) else Source.of(path)


def is_manifest(spec: str | Path) -> bool:
    """True when `spec` names a manifest (.yaml, .yml, .csv), not a source or folder."""
    return Path(spec).suffix.lower() in MANIFEST_SUFFIXES


def resolve_sources(
    specs: Sequence[str | Path], allowed_roots: Sequence[str | Path] = ()
) -> SourceSpec:
    """Split folders/globs/files from manifests and read the manifests (`ValueError` on
    a bad manifest, `FileNotFoundError` on a missing path).

    A manifest's local entries must stay inside the manifest's folder (after links are
    resolved), or inside one of `allowed_roots`; an entry elsewhere fails, reported."""
    files = discover([s for s in specs if not is_manifest(s)])
    local: list[Staged] = []
    remote: list[ManifestEntry] = []
    resolver = _Resolver()
    for spec in specs:
        if not is_manifest(spec):
            continue
        manifest = Path(spec)
        roots = (manifest.parent, *map(Path, allowed_roots))
        real_roots = tuple(resolver.real(root) for root in roots)
        for entry in _entries(manifest):
            if entry.is_remote:
                remote.append(entry)
            else:
                local.append(_local(entry, manifest.parent, roots, real_roots, resolver))
    folders = tuple(Path(s) for s in specs if not is_manifest(s))
    return SourceSpec(tuple(files), tuple(local), tuple(remote), folders)


# Manifests read in this process, by path and what `stat` says of the file: a run reads
# its sources up to three times (the CLI's no-op check, the flow's resolve-sources task,
# and the check before it), and parsing a YAML manifest of 10,000 entries takes seconds.
_READ: dict[tuple[str, int, int, int], tuple[ManifestEntry, ...]] = {}


def _entries(manifest: Path) -> tuple[ManifestEntry, ...]:
    """The entries of a manifest, parsed once per version of the file in this process."""
    try:
        found = manifest.stat()
    except OSError:
        return read_manifest(manifest)  # says what is wrong
    key = (str(manifest.resolve()), found.st_mtime_ns, found.st_size, found.st_ino)
    if key not in _READ:
        if len(_READ) >= 8:  # a run reads a few manifests: hold no more than that
            _READ.clear()
        _READ[key] = read_manifest(manifest)
    return _READ[key]


def stage(
    entry: ManifestEntry,
    session: requests.Session,
    http: HttpSettings,
    validators: ValidatorCache,
    stage_dir: Path,
) -> Staged:
    """Fetch one remote entry and stage its bytes (or its last good copy); never raises
    for network trouble."""
    from respub.sources.http import fetch

    result = fetch(session, entry.url, http, validators)
    if result.status == "fetched" and result.content is not None:
        return _staged(
            entry, result.content, result.content_type, stage_dir, "fetched", None, result.attempts
        )
    kept = validators.last_good(entry.url)
    known = validators.entry(entry.url)
    content_type = known.content_type if known is not None else None
    if result.status == "not-modified" and kept is not None:
        return _staged(entry, kept, content_type, stage_dir, "not-modified", None, result.attempts)
    error = result.error or f"{entry.url}: no copy kept"
    if kept is not None:
        message = f"{error}; last good version kept"
        log.warning("%s", message)
        return _staged(entry, kept, content_type, stage_dir, "kept", message, result.attempts)
    report = SourceReport(
        entry.url, "failed", error, attempts=result.attempts, identifier=entry.identifier
    )
    return Staged(None, report)


def staged_suffix(url: str, content_type: str | None) -> str | None:
    """The file suffix that tells the reader how to read a fetched body.

    >>> staged_suffix("https://example.org/res/A_RES_80_1.md", None)
    '.md'
    >>> staged_suffix("https://example.org/res?id=1", "text/html; charset=utf-8")
    '.html'
    """
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    if suffix in MEDIA_TYPES:
        return suffix
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return _SUFFIX_OF_TYPE.get(media_type)


def prune_staged(stage_dir: Path, keep: Sequence[Path]) -> int:
    """Remove staged files no longer used (the `ValidatorCache` keeps the last good bodies)."""
    wanted = {p.resolve() for p in keep}
    removed = 0
    if stage_dir.is_dir():
        for path in stage_dir.glob("*/*"):
            if path.is_file() and path.resolve() not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def _staged(
    entry: ManifestEntry,
    content: bytes,
    content_type: str | None,
    stage_dir: Path,
    status: Status,
    message: str | None,
    attempts: int,
) -> Staged:
    suffix = staged_suffix(entry.url, content_type)
    if suffix is None:
        error = f"{entry.url}: cannot tell how to read content type {content_type!r}"
        return Staged(
            None,
            SourceReport(
                entry.url, "failed", error, attempts=attempts, identifier=entry.identifier
            ),
        )
    sha256 = bytes_sha256(content)
    path = stage_dir / sha256[:2] / f"{sha256}{suffix}"
    if not path.is_file() or file_sha256(path) != sha256:
        write_atomic(path, content)
    source = Source(str(path), entry.url, entry.language, entry.body, entry.identifier)
    report = SourceReport(entry.url, status, message, sha256, attempts, entry.identifier)
    return Staged(source, report)


class _Resolver:
    """`os.path.realpath` for the many files of a few folders: each folder is resolved
    once (a manifest of 10,000 entries in 10 folders costs 10 folder resolutions and one
    `lstat` per file, not one `lstat` per path component per file). The same answer as
    `Path.resolve()`: a file that is itself a link is resolved in full."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        self.cwd = Path.cwd()

    def real(self, path: Path) -> Path:
        if ".." in path.parts:  # `link/..` is the link target's parent: resolve in full
            return Path(os.path.realpath(path))
        folder, name = os.path.split(os.path.abspath(path))
        if not name:
            return Path(os.path.realpath(folder))
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder)
        candidate = os.path.join(self._folders[folder], name)
        return Path(os.path.realpath(candidate) if os.path.islink(candidate) else candidate)


def _local(
    entry: ManifestEntry,
    folder: Path,
    roots: Sequence[Path],
    real_roots: Sequence[Path],
    resolver: _Resolver,
) -> Staged:
    path = Path(entry.url)
    if not path.is_absolute():
        path = folder / path
    real = resolver.real(path)
    if not any(real.is_relative_to(root) for root in real_roots):
        where = ", ".join(str(r) for r in roots)
        outside = problem("source-outside-root", path=path, roots=where, file=entry.url)
        return Staged(
            None, SourceReport(entry.url, "failed", outside.line(), identifier=entry.identifier)
        )
    if not path.is_file():
        report = SourceReport(
            entry.url, "failed", f"{path}: no such file", identifier=entry.identifier
        )
        return Staged(None, report)
    if path.suffix.lower() not in MEDIA_TYPES:
        message = f"{path}: unsupported file type {path.suffix or '(none)'!r}"
        return Staged(None, SourceReport(entry.url, "failed", message, identifier=entry.identifier))
    name = source_name(path, [folder], cwd=resolver.cwd)
    source = Source(str(path), name, entry.language, entry.body, entry.identifier)
    return Staged(source, SourceReport(name, "local", identifier=entry.identifier))
