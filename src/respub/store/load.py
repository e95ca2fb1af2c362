"""Load a release into an embedded, on-disk pyoxigraph store, swapped in atomically.

    output/store -> .store-<release-id>-<nonce>   (relative symlink, switched with os.replace)

The release's N-Quads dump gives one named graph per language version; the dataset
description, provenance and validation report go to the metadata graph, the ontology and
concept schemes to the vocabulary graph. A new store is loaded beside the old one and only
then made current, so a failed or killed load keeps the old store. When the live store
holds a release still on disk, the new store starts as a checkpoint of it and only the
changed versions' graphs are replaced (`respub.store.incremental`).
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from respub.errors import PublishError
from respub.publish.dumps import NQUADS
from respub.publish.locking import exclusive
from respub.publish.manifest import read_manifest
from respub.store.incremental import store_base, update_copy

__all__ = [
    "ALIGNMENT_FILE",
    "METADATA_FILES",
    "StoreSummary",
    "alignment_graph",
    "load_release",
    "metadata_graph",
    "vocabulary_files",
    "vocabulary_graph",
]

METADATA_FILES = ("dataset.ttl", "provenance.ttl", "validation.ttl")
ALIGNMENT_FILE = "alignment.ttl"  # the cross-language links (respub.publish.alignment_files)
_PREFIX = ".store-"
_SLICE = 100_000  # quads per bulk load


@dataclass(frozen=True)
class StoreSummary:
    """A loaded store: where, which release, how many named graphs and quads."""

    store_dir: Path
    release_id: str
    graphs: int
    quads: int


def metadata_graph(base_iri: str) -> str:
    """The named graph of a release's metadata (VoID, DCAT, PROV-O, validation)."""
    return f"{base_iri}graph/metadata"


def alignment_graph(base_iri: str) -> str:
    """The named graph of the cross-language alignment of clauses (``respub:alignedWith``)."""
    return f"{base_iri}graph/alignment"


def vocabulary_graph(base_iri: str) -> str:
    """The named graph of the ontology and concept schemes."""
    return f"{base_iri}graph/vocabulary"


def vocabulary_files(release_dir: Path) -> list[Path]:
    """The ontology and concept-scheme Turtle files a release ships."""
    return sorted((release_dir / "ontology").glob("*.ttl"))


def load_release(release_dir: Path, store_dir: Path) -> StoreSummary:
    """Load `release_dir` into a fresh store and make `store_dir` point at it."""
    manifest = read_manifest(release_dir)
    base = str(manifest.settings["base_iri"])
    parent = store_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    with _lock(parent):
        _clean(store_dir)
        fresh = parent / f"{_PREFIX}{manifest.release}-{os.getpid()}-{time.time_ns()}"
        try:
            previous = store_base(store_dir, release_dir, _PREFIX)
            if previous is not None:  # only the changed graphs: into a copy of the live store
                update_copy(previous, fresh, release_dir, _fixed_graphs(base))
            graphs, quads, aligned = _fill(fresh, release_dir, base, data=previous is None)
            expected = len(manifest.entries) + 2 + int(aligned)
            if graphs != expected:
                raise PublishError(f"{fresh}: loaded {graphs} named graphs, expected {expected}")
            _switch(store_dir, fresh)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        _clean(store_dir)
    return StoreSummary(
        store_dir=store_dir, release_id=manifest.release, graphs=graphs, quads=quads
    )


def _fixed_graphs(base: str) -> dict[str, NamedNode]:
    """The graphs loaded whole from each release: metadata, vocabulary, alignment."""
    return {
        "metadata": NamedNode(metadata_graph(base)),
        "vocabulary": NamedNode(vocabulary_graph(base)),
        "alignment": NamedNode(alignment_graph(base)),
    }


def load_fixed_graphs(store: Store, release_dir: Path, base: str) -> dict[str, NamedNode]:
    """Load the release's metadata, vocabulary and alignment files into their graphs."""
    graphs = _fixed_graphs(base)
    for name in METADATA_FILES:
        store.bulk_load(
            path=release_dir / name, format=RdfFormat.TURTLE, to_graph=graphs["metadata"]
        )
    for path in vocabulary_files(release_dir):
        store.bulk_load(path=path, format=RdfFormat.TURTLE, to_graph=graphs["vocabulary"])
    if (release_dir / ALIGNMENT_FILE).is_file():
        store.bulk_load(
            path=release_dir / ALIGNMENT_FILE, format=RdfFormat.TURTLE, to_graph=graphs["alignment"]
        )
    return graphs


def _fill(folder: Path, release_dir: Path, base: str, data: bool = True) -> tuple[int, int, bool]:
    """Load the release's metadata, vocabulary and alignment graphs into the store at
    `folder` and, with `data`, every version's graph from the N-Quads dump."""
    store = Store(str(folder))
    try:
        if data:
            with gzip.open(release_dir / NQUADS, "rb") as handle:
                # In slices: one bulk load of a whole dump holds far more memory.
                while chunk := b"".join(itertools.islice(handle, _SLICE)):
                    store.bulk_load(chunk, format=RdfFormat.N_QUADS)
        alignment = load_fixed_graphs(store, release_dir, base)["alignment"]
        store.flush()
        aligned = next(iter(store.quads_for_pattern(None, None, None, alignment)), None)
        return sum(1 for _ in store.named_graphs()), len(store), aligned is not None
    finally:
        del store


def _switch(store_dir: Path, target: Path) -> None:
    """Point `store_dir` at `target` atomically; a real folder in the way is moved aside."""
    if store_dir.exists() and not store_dir.is_symlink():
        os.rename(store_dir, store_dir.with_name(f"{_PREFIX}old-{time.time_ns()}"))
    temp = store_dir.with_name(f"{_PREFIX}link-{os.getpid()}")
    temp.unlink(missing_ok=True)
    os.symlink(target.name, temp)
    os.replace(temp, store_dir)


def _clean(store_dir: Path) -> None:
    """Remove store folders and links that `store_dir` does not point at."""
    current = store_dir.resolve() if store_dir.is_symlink() else None
    for path in store_dir.parent.glob(f"{_PREFIX}*"):
        if path.is_symlink():
            path.unlink(missing_ok=True)
        elif path.resolve() != current:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    with exclusive(folder / ".store.lock", f"{folder}: another store load is running"):
        yield
