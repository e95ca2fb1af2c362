"""Where a release lives on disk, and the few atomic file-system moves that publish it.

    output/
      latest -> releases/<release-id>      (relative symlink, switched with os.replace)
      releases/<release-id>/ …             (complete, verified releases only)
      releases/.tmp-<release-id>-<pid>/    (a release being written; removed if left over)
      .publish.lock                        (flock held while a release is written)
      store -> .store-<release-id>-…       (the SPARQL store of `latest`, respub.store.load)

A release id is `<UTC time>-<content digest>`, e.g. `2026-11-29T030000Z-3f2a9c1b`: it sorts
by time, and differs whenever the published content or settings differ.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from respub.publish.locking import exclusive

__all__ = [
    "LATEST",
    "RELEASES",
    "STORE",
    "TEMP_PREFIX",
    "clean_leftovers",
    "current_release",
    "expression_path",
    "lock",
    "prune",
    "release_dirs",
    "release_id",
    "switch_latest",
]

RELEASES = "releases"
STORE = "store"
LATEST = "latest"
TEMP_PREFIX = ".tmp-"
_LINK_TEMP = ".latest.tmp-"
_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")


def release_id(moment: datetime, digest: str) -> str:
    """The id of a release made at `moment` (UTC) with content `digest` (hex).

    >>> from datetime import UTC, datetime
    >>> release_id(datetime(2026, 11, 29, 3, 0, tzinfo=UTC), "3f2a9c1b5e")
    '2026-11-29T030000Z-3f2a9c1b'
    """
    return f"{moment:%Y-%m-%dT%H%M%SZ}-{digest[:8]}"


def expression_path(expression_iri: str, base_iri: str) -> str:
    """The release-relative path (without extension) of an expression's own files.

    It mirrors the IRI below the base, so a release served at the base IRI resolves the
    manifestation IRIs `{expression}.ttl` and `{expression}.jsonld`.

    >>> expression_path("https://d.org/resolution/un-ga/80/1/en", "https://d.org/")
    'resolution/un-ga/80/1/en'
    """
    if expression_iri.startswith(base_iri):
        rest = expression_iri[len(base_iri) :]
    else:
        rest = "external/" + hashlib.sha256(expression_iri.encode()).hexdigest()[:16]
    parts = [_UNSAFE.sub("_", p) for p in rest.split("/") if p]
    parts = [p if p.strip(".") else "_" for p in parts]
    return "/".join(parts) if parts else "_"


def release_dirs(output: Path) -> list[Path]:
    """The complete releases under `output/releases/`, oldest first."""
    folder = output / RELEASES
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(found, key=lambda p: (p.name[:18], p.stat().st_ctime_ns, p.name))


def current_release(output: Path) -> Path | None:
    """The release `output/latest` points to, or None."""
    link = output / LATEST
    if not link.is_symlink() and not link.is_dir():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


@contextlib.contextmanager
def lock(output: Path) -> Iterator[None]:
    """Hold `output/.publish.lock` so two publishers never interleave; freed on exit or death."""
    output.mkdir(parents=True, exist_ok=True)
    with exclusive(output / ".publish.lock", f"{output}: another publish is running"):
        yield


def clean_leftovers(output: Path) -> list[str]:
    """Remove what an interrupted run left: temp release folders and temp links."""
    removed = []
    folder = output / RELEASES
    if folder.is_dir():
        for path in folder.iterdir():
            if path.name.startswith(TEMP_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(str(path))
    if output.is_dir():
        for path in output.iterdir():
            if path.name.startswith(_LINK_TEMP):
                path.unlink(missing_ok=True)
                removed.append(str(path))
    return removed


def switch_latest(output: Path, release: Path) -> None:
    """Point `output/latest` at `release` atomically (temp symlink, then `os.replace`)."""
    temp = output / f"{_LINK_TEMP}{os.getpid()}"
    temp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(release, output), temp)
    os.replace(temp, output / LATEST)


def prune(output: Path, keep: int) -> list[str]:
    """Delete all but the newest `keep` releases, never the one `latest` points to."""
    current = current_release(output)
    releases = release_dirs(output)
    doomed = [p for p in releases[: max(len(releases) - keep, 0)] if p.resolve() != current]
    for path in doomed:
        # Rename first, so an interrupted delete leaves a temp folder, not a broken release.
        trash = path.with_name(f"{TEMP_PREFIX}delete-{path.name}")
        os.rename(path, trash)
        shutil.rmtree(trash, ignore_errors=True)
    return [p.name for p in doomed]
