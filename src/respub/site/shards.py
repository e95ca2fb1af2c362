"""The search index's shards in the site (`site/search/<name>.sqlite`).

A shard is rebuilt when a work it holds changed (its versions' content) or its members
did; else the previous release's file is kept, as pages are (`respub.site.inputs`).
"""

from __future__ import annotations

from collections.abc import Callable

from respub.search import index
from respub.site.catalogue import Catalogue
from respub.site.inputs import Keys, Pages
from respub.site.read import ExpressionView

__all__ = ["search_shards"]


def search_shards(
    pages: Pages, keys: Keys, cat: Catalogue, full: Callable[[str], ExpressionView]
) -> None:
    """Each shard of the works of `cat`: built from its versions' full views (`full`), or
    kept from the previous release."""
    for name, works in index.shards([w.iri for w in cat.works], index.SHARD).items():
        path = f"{index.SEARCH}/{name}"
        key = keys.page("search", path, [(iri, keys.works[iri]) for iri in works])
        if pages.fresh(key, path):
            shown = [cat.work(iri) for iri in works]
            rows = index.index_rows(
                (w.facts.identifier, full(e.iri))
                for w in shown
                if w is not None
                for e in w.expressions
            )
            pages.files[path] = index.build_index(rows)
