"""What the site takes from each language version, read once per content and kept.

Reading a version's N-Triples (`read_version`: its view for the pages, and the lines that
speak of its work, session and body for their RDF files) is most of a cold site's cost; it
depends only on those N-Triples and the software, so it is kept under
``state/site/views/<k[:2]>/<k>.pickle`` (below the output folder, never part of a
release), `k` the SHA-256 of the software digest, the version's IRI and its content hash.
A version whose entry is kept is not read at all: its N-Triples are asked for (`text`)
only on a miss. The cache only saves work: a missing or unreadable entry is read again.
It holds pickles of respub's own frozen dataclasses, written by respub into the output
folder's state, which is trusted as the rest of ``state/`` is (the result cache, the dump
parts).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from respub.atomic import keep, prune_kept, read_kept_pickle
from respub.site.inputs import software
from respub.site.linked import lines_about
from respub.site.read import ExpressionView, read_expression

__all__ = ["VIEWS", "Version", "ViewCache", "read_version"]

log = logging.getLogger(__name__)

VIEWS = "state/site/views"  # below the output folder


@dataclass(frozen=True)
class Version:
    """One language version as the site uses it: its view, and its N-Triples' lines about
    its work, its session and its body (subject IRI → lines, in document order)."""

    view: ExpressionView
    about: Mapping[str, tuple[str, ...]]


def read_version(iri: str, ntriples: str) -> Version:
    """The `Version` of the language version `iri` from its N-Triples."""
    view = read_expression(iri, ntriples)
    work = view.work
    subjects = [work.iri, work.session.iri if work.session else None, work.body_iri]
    about = {s: tuple(lines_about(s, ntriples)) for s in dict.fromkeys(subjects) if s}
    return Version(view, {s: lines for s, lines in about.items() if lines})


class ViewCache:
    """Versions by content hash; `root` None reads every time."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.used: set[str] = set()
        self.read = 0  # versions read from their N-Triples (misses)

    def version(self, iri: str, content: str, text: Callable[[], str]) -> Version:
        """The version `iri` of SHA-256 `content`; `text()` gives its N-Triples if needed."""
        if self.root is None:
            self.read += 1
            return read_version(iri, text())
        key = self.key(iri, content)
        self.used.add(key)
        path = self.root / key[:2] / f"{key}.pickle"
        found = read_kept_pickle(path)
        if isinstance(found, Version) and found.view.iri == iri:
            return found
        self.read += 1
        version = read_version(iri, text())
        keep(path, pickle.dumps(version, protocol=pickle.HIGHEST_PROTOCOL), "view")
        return version

    @staticmethod
    def key(iri: str, content: str) -> str:
        """The key of the version `iri` of SHA-256 `content` (with the software's digest)."""
        return hashlib.sha256(f"{software()}:{iri}:{content}".encode()).hexdigest()

    def prune(self, keep: Iterable[str] | None = None) -> int:
        """Delete the views not used by this cache (or not in `keep`); how many went."""
        if self.root is None:
            return 0
        return prune_kept(self.root, ".pickle", self.used if keep is None else keep)
