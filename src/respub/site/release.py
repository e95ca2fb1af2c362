"""Write the site into a release folder: the one call the release writer makes.

Everything is read back from the release being written (manifest, N-Quads dump, change
log, validation report, ontology), so a site can be rebuilt from any release.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, parse

from respub.publish.alignment_files import ALIGNMENT_TTL
from respub.publish.checksums import FileInfo, describe_files, linked_infos
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.manifest import read_manifest
from respub.site import SITE
from respub.site.build import SiteSource, build_site
from respub.site.feed import HISTORY
from respub.site.inputs import INPUTS
from respub.site.views import ViewCache

__all__ = ["site_source", "write_site"]


def site_source(
    root: Path,
    infos: list[FileInfo],
    previous: Path | None,
    documents: Sequence[tuple[str, str]] | None = None,
) -> SiteSource:
    """What the site of the release at `root` is built from; `previous` is the last release;
    `documents` (expression IRI, N-Triples) are read from the N-Quads dump when not given."""
    manifest = read_manifest(root)
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
        documents=sorted(documents) if documents is not None else _graphs(root),
        bodies={e.work_iri: e.body for e in manifest.entries},
        changes=_json(root / "CHANGES.json"),
        validation=_json(root / "validation.json"),
        downloads=tuple(infos),
        vocabulary=tuple(p.read_bytes() for p in sorted((root / "ontology").glob("*.ttl"))),
        previous_history=history.read_bytes() if history and history.is_file() else None,
        sparql_endpoint=settings.get("sparql_endpoint"),
        alignment=_alignment(root / ALIGNMENT_TTL),
        hashes={e.expression_iri: e.content_sha256 for e in manifest.entries},
        previous_inputs=inputs.read_bytes() if inputs and inputs.is_file() else None,
    )


def write_site(
    root: Path,
    infos: list[FileInfo],
    previous: Path | None,
    documents: Sequence[tuple[str, str]] | None = None,
    views: Path | None = None,
) -> list[FileInfo]:
    """Build the site of the release at `root` into `root/site/`; the new files' infos.

    Pages whose inputs are unchanged since the `previous` release are hard links to its
    files (copies where links fail), described from its checksums without reading them.
    `views` is where the versions' views are kept between releases (`ViewCache`)."""
    source = site_source(root, infos, previous, documents)
    cache = ViewCache(views)
    site = build_site(source, cache)
    if site.kept and not all((_previous(previous) / p).is_file() for p in site.kept):
        site = build_site(replace(source, previous_inputs=None), cache)  # a damaged site
    cache.prune()
    for path, data in site.files.items():
        target = root / SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for path in site.kept:
        target = root / SITE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(_previous(previous) / path, target)
        except OSError:
            shutil.copyfile(_previous(previous) / path, target)
    paths = [f"{SITE}/{path}" for path in sorted([*site.files, *site.kept])]
    kept = [f"{SITE}/{path}" for path in site.kept]
    return describe_files(root, paths, known=linked_infos(root, previous, kept))


def _previous(previous: Path | None) -> Path:
    """The previous release's site (pages are kept only when there is one)."""
    if previous is None:
        raise ValueError("pages kept without a previous release")
    return previous / SITE


def _graphs(root: Path) -> list[tuple[str, str]]:
    return sorted(read_graphs(root / NQUADS).items())


def _alignment(path: Path) -> tuple[tuple[str, str], ...]:
    """The (clause, counterpart) pairs of the release's ``alignment.ttl``, if it has one."""
    if not path.is_file():
        return ()
    triples = parse(path=str(path), format=RdfFormat.TURTLE)
    return tuple(sorted((t.subject.value, t.object.value) for t in triples))


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
