"""What a document's result depends on besides its bytes: settings and pipeline version.

A cached `DocumentResult` is reused only when the document's bytes, the settings that
shape a result, and the pipeline (code and data) are all unchanged. Each is reduced to a
hash here; `respub.orchestrate.cache` combines them into the key of a result.

>>> len(text_sha256("résolution"))
64
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import respub
from respub.rdf import files as rdf_files
from respub.settings import Settings

PACKAGE = Path(respub.__file__).resolve().parent
# Package code that cannot change what one document becomes: the command line, the
# orchestration itself, and (for speed) caches of tooling.
# Code that makes no document's result: the CLI, the orchestration, and what turns cached
# results into a release, a store, a site or a server (`respub.process` imports none of it:
# tests/orchestrate/test_fingerprint.py checks). Changing it rewrites the next release from
# the cached results instead of processing every document again.
_CODE_EXCLUDED = (
    "cli.py",
    "cli_options.py",
    "cli_table.py",
    "orchestrate/",
    "publish/",
    "site/",
    "store/",
    "serve/",
    "queries/",
    "search/",
)
# Settings that shape a release as a whole but no document's result.
_RELEASE_ONLY = ("release_time",)


@dataclass(frozen=True)
class PipelineVersion:
    """The version of everything that turns bytes into a result, one hash per component.

    `components` maps a name (``version``, ``code``, ``data``, ``ontology``, ``shapes``)
    to a hash, so a report can say *what* changed; `digest` hashes them all.
    """

    components: tuple[tuple[str, str], ...]

    @property
    def digest(self) -> str:
        """One hash of every component."""
        return json_sha256(dict(self.components))

    def changed(self, previous: Mapping[str, str]) -> tuple[str, ...]:
        """The names of the components that differ from `previous`, sorted."""
        current = dict(self.components)
        names = set(current) | set(previous)
        return tuple(sorted(n for n in names if current.get(n) != previous.get(n)))


def pipeline_version(
    *,
    package: Path = PACKAGE,
    ontology: Path = rdf_files.ONTOLOGY_DIR,
    shapes: Path = rdf_files.SHAPES.parent,
    version: str = respub.__version__,
) -> PipelineVersion:
    """Hash respub's version, its code, its data files (lexicons, bodies, citations), the
    ontology and the SHACL shapes. The folders are parameters so tests can point at copies.
    """
    code = [
        p
        for p in _files(package, "*.py")
        if not p.relative_to(package).as_posix().startswith(_CODE_EXCLUDED)
    ]
    return PipelineVersion(
        (
            ("code", _tree_sha256(package, code)),
            ("data", _tree_sha256(package / "data", _files(package / "data", "*"))),
            ("ontology", _tree_sha256(ontology, _files(ontology, "*"))),
            ("shapes", _tree_sha256(shapes, _files(shapes, "*"))),
            ("version", version),
        )
    )


def settings_sha256(settings: Settings) -> str:
    """Hash of the settings that can change a document's result (not the release time,
    not the output folder, not how the work is scheduled)."""
    relevant = {k: v for k, v in settings.metadata().items() if k not in _RELEASE_ONLY}
    return json_sha256(relevant)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the run
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def bytes_sha256(data: bytes) -> str:
    """SHA-256 of bytes in memory."""
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes."""
    return bytes_sha256(text.encode("utf-8"))


def json_sha256(value: Any) -> str:
    """SHA-256 of a canonical JSON form of `value` (sorted keys, no spaces)."""
    return text_sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def _files(folder: Path, pattern: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob(pattern)
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    )


def _tree_sha256(root: Path, paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(file_sha256(path).encode("ascii") + b"\n")
    return digest.hexdigest()
