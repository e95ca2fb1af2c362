"""The release being served: it follows `output/latest`, so a new release is served as soon
as it lands, without a restart. Each release is indexed once: its base IRI, language
versions by path, and the SHA-256 of every file (the ETags).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from respub.errors import RespubError
from respub.publish.checksums import read_sums
from respub.publish.layout import LATEST, expression_path
from respub.publish.manifest import Entry, read_manifest
from respub.site import SITE

__all__ = ["Current", "Release", "ServeError"]


class ServeError(RespubError):
    """Nothing can be served: no release, or an unreadable one."""


@dataclass(frozen=True)
class Release:
    """One published release, indexed for serving."""

    folder: Path
    release_id: str
    base_iri: str
    title: str
    release_time: str
    last_modified: str
    expressions: dict[str, Entry]  # path below the base IRI → entry
    works: dict[str, list[Entry]]  # work path → its versions
    sums: dict[str, str] = field(repr=False)

    @property
    def site(self) -> Path:
        """The release's static site."""
        return self.folder / SITE

    def etag(self, path: str) -> str | None:
        """The strong ETag of a release file: its SHA-256 from `SHA256SUMS`."""
        digest = self.sums.get(path)
        return f'"{digest[:40]}"' if digest else None

    def file(self, path: str) -> Path | None:
        """A file of the release by relative path; None if absent or outside the release."""
        if not path or path.startswith("/") or any(p in ("..", "") for p in path.split("/")):
            return None
        target = self.folder / path
        return target if target.is_file() else None


def index_release(folder: Path) -> Release:
    """Read what serving needs from a release folder."""
    try:
        manifest = read_manifest(folder)
        sums = read_sums(folder)
    except (OSError, ValueError) as error:
        raise ServeError(f"{folder}: not a readable release: {error}") from error
    base = str(manifest.settings["base_iri"])
    expressions = {expression_path(e.expression_iri, base): e for e in manifest.entries}
    works: dict[str, list[Entry]] = {}
    for entry in manifest.entries:
        works.setdefault(expression_path(entry.work_iri, base), []).append(entry)
    moment = datetime.fromisoformat(manifest.release_time.replace("Z", "+00:00"))
    return Release(
        folder=folder,
        release_id=manifest.release,
        base_iri=base,
        title=str(manifest.settings.get("title", "")),
        release_time=manifest.release_time,
        last_modified=format_datetime(moment, usegmt=True),
        expressions=expressions,
        works=works,
        sums=sums,
    )


class Current:
    """The release `output/latest` points at, re-read when the link moves."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self._lock = threading.Lock()
        self._target: str | None = None
        self._release: Release | None = None

    def get(self) -> Release:
        """The current release (cheap: one `readlink` per call)."""
        link = self.output / LATEST
        try:
            target = os.readlink(link) if link.is_symlink() else str(link.resolve(strict=True))
        except OSError as error:
            raise ServeError(f"{link}: no release to serve; run respub publish first") from error
        release = self._release
        if release is not None and target == self._target:
            return release
        with self._lock:
            if self._release is None or target != self._target:
                self._release = index_release((self.output / target).resolve())
                self._target = target
            return self._release

    def releases(self) -> Path:
        """The folder holding every kept release."""
        return self.output / "releases"
