"""Load a release into a copy of the store that holds the previous one, changing only the
named graphs that differ (`respub.store.load.load_release` uses it when it can).

The copy is a RocksDB checkpoint of the live store (`Store.backup`: hard links to its
files, instant), so the live store is never written: the copy is made current only once
it holds the new release, as a full load's store is. In the copy, the graph of each
language version removed or changed is dropped, each new or changed version's graph is
loaded (from its N-Quads gzip member in ``state/parts``, else from the release's dump),
and the metadata, vocabulary and alignment graphs are loaded again.
"""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.manifest import Manifest, read_manifest
from respub.publish.parts import PARTS, PartCache

__all__ = ["StoreBase", "store_base", "update_copy"]

log = logging.getLogger(__name__)


class StoreBase:
    """The live store and the manifest of the release it holds."""

    def __init__(self, folder: Path, manifest: Manifest) -> None:
        self.folder = folder
        self.manifest = manifest


def store_base(store_dir: Path, release_dir: Path, prefix: str) -> StoreBase | None:
    """The live store behind `store_dir` and the release it holds, when that release is
    still beside `release_dir` (same base IRI); None when a full load is needed."""
    if not store_dir.is_symlink():
        return None
    folder = store_dir.resolve()
    name = folder.name.removeprefix(prefix)
    parts = name.rsplit("-", 2)
    if not folder.is_dir() or not folder.name.startswith(prefix) or len(parts) != 3:
        return None
    held = release_dir.parent / parts[0]
    try:
        manifest = read_manifest(held)
        new = read_manifest(release_dir)
    except (OSError, ValueError):
        return None
    if manifest.settings.get("base_iri") != new.settings.get("base_iri"):
        return None
    return StoreBase(folder, manifest)


def update_copy(
    base: StoreBase, fresh: Path, release_dir: Path, graphs: dict[str, NamedNode]
) -> None:
    """Copy the live store into `fresh` and make it hold the release at `release_dir`:
    versions' graphs replaced where their content changed; the `graphs` (metadata,
    vocabulary, alignment: name → graph) emptied, to be loaded again by the caller."""
    Store.read_only(str(base.folder)).backup(str(fresh))
    manifest = read_manifest(release_dir)
    old = {e.expression_iri: e.content_sha256 for e in base.manifest.entries}
    new = {e.expression_iri: e.content_sha256 for e in manifest.entries}
    gone = [iri for iri, content in old.items() if new.get(iri) != content]
    todo = [iri for iri, content in new.items() if old.get(iri) != content]
    store = Store(str(fresh))
    try:
        for iri in gone:
            store.remove_graph(NamedNode(iri))
        for graph in graphs.values():
            if store.contains_named_graph(graph):
                store.remove_graph(graph)
        cache = PartCache(release_dir.parent.parent / PARTS)
        missing = []
        for iri in todo:
            part = cache.load(new[iri], iri)
            if part is None:
                missing.append(iri)
            else:
                store.bulk_load(gzip.decompress(part.nquads_gz), format=RdfFormat.N_QUADS)
        if missing:  # a part the cache lost: read its graph from the dump
            for iri, text in read_graphs(release_dir / NQUADS, set(missing)).items():
                store.bulk_load(text.encode(), format=RdfFormat.N_TRIPLES, to_graph=NamedNode(iri))
        store.flush()
        log.info("store: %d graphs dropped, %d loaded", len(gone), len(todo))
    finally:
        del store
