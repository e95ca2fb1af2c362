"""Find the source files to process: folders, globs, single files."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from respub.sources.load import MEDIA_TYPES


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every supported source under `paths` (folders recursively, globs expanded), sorted."""
    found: set[Path] = set()
    for item in paths:
        text = str(item)
        candidates = (
            [Path(p) for p in glob.glob(text, recursive=True)] if _is_glob(text) else [Path(text)]
        )
        for path in candidates:
            if path.is_dir():
                found.update(p for p in path.rglob("*") if p.is_file() and _supported(p))
            elif path.is_file() and _supported(path):
                found.add(path)
            elif not path.exists():
                raise FileNotFoundError(f"{path}: no such file or folder")
    return sorted(found)


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


# A folder's own documentation is not a resolution, whatever its suffix.
_DOCUMENTATION = frozenset({"README", "PROVENANCE", "UPSTREAM-README", "LICENSE", "CHANGES"})


def _supported(path: Path) -> bool:
    return (
        path.suffix.lower() in MEDIA_TYPES
        and not path.name.startswith(".")
        and path.stem.upper() not in _DOCUMENTATION
    )
