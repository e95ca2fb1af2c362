"""Write the site into a release folder: the one call the release writer makes.

Everything is read back from the release being written (manifest, N-Quads dump, change
log, validation report, ontology), so a site can be rebuilt from any release.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import posixpath
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, parse

from respub.publish.alignment_files import ALIGNMENT_TTL
from respub.publish.checksums import FileInfo, file_sha256, read_sums
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.manifest import read_manifest
from respub.site import SITE
from respub.site.build import SiteSource, build_site
from respub.site.feed import HISTORY
from respub.site.inputs import INPUTS
from respub.site.light import LIGHT, LightIndex
from respub.site.lists import ROWS, RowCache
from respub.site.views import ViewCache

__all__ = ["site_source", "write_site"]


def site_source(
    root: Path,
    infos: list[FileInfo],
    previous: Path | None,
    texts: Mapping[str, Callable[[], str]] | None = None,
) -> SiteSource:
    """What the site of the release at `root` is built from; `previous` is the last release;
    `texts` gives each version's N-Triples when asked (the N-Quads dump is read, once,
    when it is not given and a version's text is needed)."""
    manifest = read_manifest(root)
    versions = sorted((e.expression_iri, e.content_sha256) for e in manifest.entries)
    settings = manifest.settings
    history = previous / SITE / HISTORY if previous is not None else None
    inputs = previous / SITE / INPUTS if previous is not None else None
    return SiteSource(
        base_iri=str(settings["base_iri"]),
        title=str(settings["title"]),
        description=str(settings["description"]),
        licence=str(settings["licence"]),
        publisher=str(settings["publisher"]),
        release=manifest.release,
        release_time=manifest.release_time,
        previous=manifest.previous,
        versions=versions,
        texts=texts if texts is not None else _dump_texts(root, [iri for iri, _ in versions]),
        bodies={e.work_iri: e.body for e in manifest.entries},
        changes=_json(root / "CHANGES.json"),
        validation=_validation(root / "validation.json"),
        downloads=tuple(infos),
        vocabulary=tuple(p.read_bytes() for p in sorted((root / "ontology").glob("*.ttl"))),
        previous_history=history.read_bytes() if history and history.is_file() else None,
        sparql_endpoint=settings.get("sparql_endpoint"),
        alignment=_alignment(root / ALIGNMENT_TTL),
        previous_inputs=inputs.read_bytes() if inputs and inputs.is_file() else None,
    )


def write_site(
    root: Path,
    infos: list[FileInfo],
    previous: Path | None,
    texts: Mapping[str, Callable[[], str]] | None = None,
    views: Path | None = None,
) -> list[FileInfo]:
    """Build the site of the release at `root` into `root/site/`; the new files' infos.

    Pages whose inputs are unchanged since the `previous` release are hard links to its
    files (copies where links fail), described from its checksums without reading them.
    `views` is where the versions' views are kept between releases (`ViewCache`); their
    light records (`LightIndex`) and the list rows are kept beside it."""
    with _paused_collector():
        return _write_site(root, infos, previous, texts, views)


@contextmanager
def _paused_collector() -> Iterator[None]:
    """The cyclic garbage collector paused: building a site makes millions of small
    objects (every version's light record, and on a cold build every version's view), few
    in cycles, and a full collection walks them all (a profile at 975 versions put a
    quarter of loading the catalogue in collections)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_site(
    root: Path,
    infos: list[FileInfo],
    previous: Path | None,
    texts: Mapping[str, Callable[[], str]] | None,
    views: Path | None,
) -> list[FileInfo]:
    source = site_source(root, infos, previous, texts)
    cache = ViewCache(views)
    rows = RowCache(views.parent / ROWS if views is not None else None)
    light = LightIndex(views.parent / LIGHT if views is not None else None)
    site = build_site(source, cache, rows, light)
    top = root / SITE
    kept = _link(top, previous, site.kept)
    if kept is None:  # a damaged previous site: build this one whole
        shutil.rmtree(top)
        site = build_site(replace(source, previous_inputs=None), cache, rows, light)
        kept = []
    cache.prune()
    rows.save()
    light.save()
    _folders(top, site.files)
    made = []
    for path, data in site.files.items():
        with open(os.path.join(top, path), "wb") as handle:
            handle.write(data)
        made.append(FileInfo(f"{SITE}/{path}", len(data), hashlib.sha256(data).hexdigest()))
    return sorted([*made, *kept], key=lambda i: i.path)


def _folders(top: Path, paths: Iterable[str]) -> None:
    """Make the folders of the site-relative `paths` below `top`, each once."""
    for folder in sorted({posixpath.dirname(p) for p in paths}):
        os.makedirs(os.path.join(top, folder), exist_ok=True)


def _link(top: Path, previous: Path | None, paths: Sequence[str]) -> list[FileInfo] | None:
    """Hard-link the `previous` release's site files at `paths` below `top` (copies where
    links fail); their infos, with the digests the previous `SHA256SUMS` lists (checked
    when it was made), so a linked file is not read again. None when one is missing."""
    if not paths:
        return []
    source = _previous(previous)
    try:
        sums = read_sums(source.parent)
    except (OSError, ValueError):
        sums = {}
    _folders(top, paths)
    infos = []
    for path in paths:
        theirs, mine, name = os.path.join(source, path), os.path.join(top, path), f"{SITE}/{path}"
        try:
            os.link(theirs, mine)
            digest = sums.get(name)
        except FileNotFoundError:
            return None
        except OSError:
            shutil.copyfile(theirs, mine)
            digest = None
        size = os.stat(mine).st_size
        infos.append(FileInfo(name, size, digest or file_sha256(Path(mine))))
    return infos


def _previous(previous: Path | None) -> Path:
    """The previous release's site (pages are kept only when there is one)."""
    if previous is None:
        raise ValueError("pages kept without a previous release")
    return previous / SITE


def _dump_texts(root: Path, iris: Sequence[str]) -> dict[str, Callable[[], str]]:
    """Expression IRI → its N-Triples from the release's N-Quads dump, read on first use."""
    graphs = cache(lambda: read_graphs(root / NQUADS))
    return {iri: partial(lambda i: graphs()[i], iri) for iri in iris}


def _alignment(path: Path) -> tuple[tuple[str, str], ...]:
    """The (clause, counterpart) pairs of the release's ``alignment.ttl``, if it has one."""
    if not path.is_file():
        return ()
    triples = parse(path=str(path), format=RdfFormat.TURTLE)
    return tuple(sorted((t.subject.value, t.object.value) for t in triples))


def _validation(path: Path) -> dict[str, Any]:
    """What the home page shows of the validation report (every document's issues, which
    the report also holds, are ≈ 4 kB a document: not kept while the site is built)."""
    report = _json(path)
    return {k: report[k] for k in _SHOWN if k in report}


_SHOWN = ("conforms", "documents", "counts")


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
