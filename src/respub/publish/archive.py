"""The per-document archive: every language version's own files in one ZIP file (its
Turtle and JSON-LD, and its Akoma Ntoso when the release has it).

A harvester that wants the documents one by one downloads this one distribution instead
of one file per document. Byte-deterministic: members sorted, time fixed (the release
time), permissions and creating system fixed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from respub.publish.layout import expression_path
from respub.publish.plan import ReleasePlan

__all__ = ["ARCHIVE", "document_archive", "zip_files"]

ARCHIVE = "documents.zip"
_EXTENSIONS = (".ttl", ".jsonld")
_OPTIONAL = (".akn",)


def document_archive(plan: ReleasePlan, root: Path) -> dict[str, bytes]:
    """`{ARCHIVE: bytes}`: the files of every published language version (as written under
    `root` by the steps and producers before); a producer of the release writer."""
    base = plan.settings.base_iri
    stems = sorted({expression_path(e.expression_iri, base) for e in plan.entries})
    paths = sorted(stem + extension for stem in stems for extension in _EXTENSIONS)
    paths += [p for p in (s + e for s in stems for e in _OPTIONAL) if (root / p).is_file()]
    paths.sort()
    moment = plan.settings.release_time
    if moment is None:  # a plan always pins it; checked for the type
        raise ValueError("the release time is not pinned")
    return {ARCHIVE: zip_files(root, paths, moment)}


def zip_files(root: Path, paths: Iterable[str], moment: datetime) -> bytes:
    """A deterministic ZIP of `paths` (relative to `root`), in that order.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.ttl").write_text("<a> <b> <c> .\\n")
    >>> one = zip_files(folder, ["a.ttl"], datetime(2026, 1, 1))
    >>> one == zip_files(folder, ["a.ttl"], datetime(2026, 1, 1))
    True
    """
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in paths:
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system writes it
            info.external_attr = 0o100644 << 16
            archive.writestr(info, (root / path).read_bytes(), compresslevel=9)
    return buffer.getvalue()
