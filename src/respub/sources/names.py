"""The name a local source is published under: never an absolute path of this machine.

A release names each source (in the data, `provenance.ttl`, the manifest and reports) by
where it came from. For a URL that is the URL; for a local file it is its path relative to
the working directory when it lies below it, else relative to the parent of the folder
(or manifest folder) it was found through, so that `respub publish /data/corpus` names
`/data/corpus/un/x.pdf` as `corpus/un/x.pdf` wherever it runs.

>>> source_name(Path("/data/corpus/un/x.pdf"), [Path("/data/corpus")], cwd=Path("/home/me"))
'corpus/un/x.pdf'
>>> source_name(Path("/home/me/corpus/x.txt"), [], cwd=Path("/home/me"))
'corpus/x.txt'
>>> source_name(Path("/srv/x.txt"), [], cwd=Path("/home/me"))
'x.txt'
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["source_name"]


def source_name(path: Path, anchors: Iterable[Path], cwd: Path | None = None) -> str:
    """`path` relative to `cwd` (default the working directory) when below it, else to the
    parent of the first anchor (a folder or manifest folder) holding it, else its file name."""
    full = os.path.abspath(path)  # strings, not Paths: a run names 10,000 sources
    below = _below(full, os.path.abspath(cwd or os.getcwd()))
    if below is not None:
        return below
    for anchor in anchors:
        folder = os.path.abspath(anchor)
        if _below(full, folder) is not None:
            return Path(full).relative_to(os.path.dirname(folder)).as_posix()
    return os.path.basename(full)


def _below(path: str, folder: str) -> str | None:
    """`path` relative to `folder` (both absolute, normalised), or None if not below it."""
    if path == folder:
        return "."
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if not path.startswith(prefix):
        return None
    return Path(path[len(prefix) :]).as_posix()
