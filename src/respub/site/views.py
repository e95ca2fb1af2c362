"""What a page shows of each language version, read once per content and kept.

Reading a version's N-Triples into its view (`respub.site.read.read_expression`) is most
of a cold site's cost; the view depends only on those N-Triples and the software, so it is
kept under ``state/site/views/<k[:2]>/<k>.pickle`` (below the output folder, never part
of a release), `k` the SHA-256 of the software digest and the content hash. The cache only
saves work: a missing or unreadable entry is read again from the N-Triples. It holds
pickles of respub's own frozen dataclasses, written by respub into the output folder's
state, which is trusted as the rest of ``state/`` is (the result cache, the dump parts).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from collections.abc import Iterable
from pathlib import Path

from respub.atomic import keep, prune_kept
from respub.site.inputs import software
from respub.site.read import ExpressionView, read_expression

__all__ = ["VIEWS", "ViewCache"]

log = logging.getLogger(__name__)

VIEWS = "state/site/views"  # below the output folder


class ViewCache:
    """Views of language versions by content hash; `root` None reads every time."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.used: set[str] = set()
        self.read = 0  # versions read from their N-Triples (misses)

    def view(self, iri: str, ntriples: str, content: str) -> ExpressionView:
        """The view of version `iri` whose N-Triples (of SHA-256 `content`) are given."""
        if self.root is None:
            self.read += 1
            return read_expression(iri, ntriples)
        key = hashlib.sha256(f"{software()}:{iri}:{content}".encode()).hexdigest()
        self.used.add(key)
        path = self.root / key[:2] / f"{key}.pickle"
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
            found = pickle.loads(path.read_bytes())
            if isinstance(found, ExpressionView) and found.iri == iri:
                return found
        self.read += 1
        view = read_expression(iri, ntriples)
        keep(path, pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL), "view")
        return view

    def prune(self, keep: Iterable[str] | None = None) -> int:
        """Delete the views not used by this cache (or not in `keep`); how many went."""
        if self.root is None:
            return 0
        return prune_kept(self.root, ".pickle", self.used if keep is None else keep)
