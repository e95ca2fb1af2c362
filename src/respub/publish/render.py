"""Render the files of a planned release as bytes per release-relative path.

A release is rendered in four steps, each feeding the next:

1. each language version's own Turtle, JSON-LD and Akoma Ntoso (`respub.publish.rendered`:
   rendered by the worker processes and kept by content hash; the writer links them);
2. the whole-dataset dumps (streamed to disk by `respub.publish.dumps.write_dumps`);
3. `content_files`: the metadata (manifest, validation report, change log, provenance,
   README, vocabulary) followed by every extra producer of `PRODUCERS`;
4. `description_files`: `dataset.ttl` (VoID/DCAT-AP: the dumps and the per-document
   archive as distributions, with their checksums) and `SHA256SUMS` of every file.

To add files to every release (a static site, Akoma Ntoso, a dataset validation), write
a function ``def my_files(plan: ReleasePlan, root: Path) -> Mapping[str, bytes]`` that
returns ``{relative path: bytes}`` and add it to `PRODUCERS`: one line. `root` holds what
steps 1–2 wrote (per-document files and dumps), read-only. The writer checksums,
describes and verifies whatever the producers return. (The static site, which lists
every other file with its checksum, and the per-document archive, made from the files'
checksums, are the steps the writer calls after the checksums: `respub.site.release.write_site`,
`respub.publish.archive.write_archive`.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from respub import __version__
from respub.publish.akn_files import akn_files
from respub.publish.alignment_files import align_planned, alignment_files, readme_section
from respub.publish.archive import ARCHIVE
from respub.publish.checksums import SUMS, FileInfo, sums_text
from respub.publish.dataset_check import dataset_check_files
from respub.publish.describe import ReleaseIris, dataset_description, provenance
from respub.publish.dumps import DUMPS, DumpSummary
from respub.publish.manifest import MANIFEST, Manifest
from respub.publish.plan import ReleasePlan
from respub.publish.report import readme, summarise, validation_graph, validation_json
from respub.publish.terms import turtle
from respub.publish.verify import DATASET

__all__ = [
    "PRODUCERS",
    "Files",
    "Producer",
    "content_files",
    "description_files",
    "manifest_of",
]

Files = Mapping[str, bytes]
Producer = Callable[[ReleasePlan, Path], Files]


def manifest_of(plan: ReleasePlan, dumps: DumpSummary) -> Manifest:
    """The release's `manifest.json` record."""
    return Manifest(
        release=plan.rid,
        release_time=plan.release_time,
        previous=plan.previous.release if plan.previous else None,
        software=__version__,
        settings=plan.settings.metadata(),
        triples=dumps.triples,
        entries=plan.entries,
        quarantined=plan.selection.quarantined,
    )


def metadata_files(plan: ReleasePlan, root: Path, dumps: DumpSummary) -> Files:
    """Manifest, validation report (JSON and Turtle), change log, README, provenance, the
    cross-language alignment, and the vocabulary files the documents were made and checked
    with."""
    settings, selection, results = plan.settings, plan.selection, plan.results
    iris = ReleaseIris(settings.base_iri, plan.rid)
    summary = summarise(
        plan.rid, results, selection.published, selection.carried, selection.quarantined
    )
    manifest = manifest_of(plan, dumps)
    used = sorted({(r.source_path, r.sha256, r.media_type) for r in results if r.sha256})
    prov = provenance(iris, settings, plan.entries, used, manifest.previous, __version__)
    alignment = align_planned(plan, root)  # cross-language links: files and a README section
    files = dict(plan.vocabulary)
    files.update(alignment_files(alignment))
    files.update(
        {
            "validation.json": validation_json(summary, results),
            "validation.ttl": turtle(validation_graph(iris, summary, results)),
            "README.md": readme(
                summary,
                plan.changes,
                settings.title,
                plan.release_time,
                dumps.triples,
                len(plan.entries),
            )
            + readme_section(alignment),
            "CHANGES.json": plan.changes.to_json(),
            "CHANGES.md": plan.changes.to_markdown(),
            MANIFEST: manifest.to_bytes(),
            "provenance.ttl": turtle(prov),
        }
    )
    return files


# Extra files of every release: add a producer here (see the module's docstring).
PRODUCERS: tuple[Producer, ...] = (akn_files, dataset_check_files)


def content_files(plan: ReleasePlan, root: Path, dumps: DumpSummary) -> Iterator[Files]:
    """The metadata files, then each producer's files, in order."""
    yield metadata_files(plan, root, dumps)
    for producer in PRODUCERS:
        yield producer(plan, root)


def description_files(plan: ReleasePlan, infos: Sequence[FileInfo], dumps: DumpSummary) -> Files:
    """`dataset.ttl` describing every file of `infos`, then `SHA256SUMS` of all of them.

    `SHA256SUMS` lists `dataset.ttl` too, so the writer passes `infos` of every other file
    and this function adds the description's own digest.
    """
    iris = ReleaseIris(plan.settings.base_iri, plan.rid)
    chosen = plan.entries[:3]
    examples = sorted({*(e.expression_iri for e in chosen), *(e.work_iri for e in chosen)})
    description = turtle(
        dataset_description(
            iris,
            plan.settings,
            infos,
            dumps.triples,
            DUMPS,
            examples,
            (ARCHIVE,),
            dumps.statistics,
        )
    )
    own = FileInfo(DATASET, len(description), hashlib.sha256(description).hexdigest())
    return {DATASET: description, SUMS: sums_text([*infos, own]).encode()}
