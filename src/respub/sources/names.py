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
    here = Path(os.path.abspath(cwd or Path.cwd()))
    full = Path(os.path.abspath(path))
    if full.is_relative_to(here):
        return full.relative_to(here).as_posix()
    for anchor in anchors:
        folder = Path(os.path.abspath(anchor))
        if full.is_relative_to(folder):
            return full.relative_to(folder.parent).as_posix()
    return full.name
