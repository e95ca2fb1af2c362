"""The facts of each language version that the dataset check reads, kept per version.

The dataset shapes and the unresolved-citations query name a few terms; the lines of a
version that can match them (`respub.validate.dataset.facts_of`, about a tenth of its
N-Triples) are kept in ``state/facts/<terms>/<hash[:2]>/<hash>.nt`` under the version's
content hash, in a folder named by a digest of the terms (other shapes, other facts). A
release reads the kept facts of its unchanged versions instead of parsing their
N-Triples again, and streams all of them into one file for the store to load, so no
release holds every version's text. A missing or unreadable file is made again.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from respub.atomic import keep, prune_kept
from respub.validate.dataset import facts_of

__all__ = ["FACTS", "FactsCache"]

log = logging.getLogger(__name__)

FACTS = "state/facts"  # below the output folder


class FactsCache:
    """Facts by content hash, for one set of `terms`, under `root` (``state/facts``)."""

    def __init__(self, root: Path, terms: frozenset[str]) -> None:
        self.root = root
        digest = hashlib.sha256("\n".join(sorted(terms)).encode()).hexdigest()[:16]
        self.folder = root / digest
        self.terms = terms

    def path(self, content_sha256: str) -> Path:
        """Where the facts of a version with this content hash live."""
        return self.folder / content_sha256[:2] / f"{content_sha256}.nt"

    def facts(self, content_sha256: str, text: Callable[[], str]) -> bytes:
        """The facts of a version: kept, else taken from its N-Triples (`text()`) and kept."""
        path = self.path(content_sha256)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("%s: unreadable facts, made again: %s", path, error)
        data = facts_of(text(), self.terms).encode("utf-8")
        keep(path, data, "facts")
        return data

    def write_all(self, out: BinaryIO, versions: Iterable[tuple[str, Callable[[], str]]]) -> None:
        """Write the facts of every (content hash, N-Triples source) to `out`, in order."""
        for content_sha256, text in versions:
            out.write(self.facts(content_sha256, text))

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the facts of content hashes not in `keep`, and those of other terms;
        returns how many files went."""
        for other in self.root.iterdir() if self.root.is_dir() else ():
            if other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        return prune_kept(self.folder, ".nt", keep)
