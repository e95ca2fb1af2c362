"""Check a release folder: every file against `SHA256SUMS`, the dumps parse and agree.

`verify_release` returns the problems found (empty when the release is sound); it is run on
every new release before it is moved into place, and may be run on any release later.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from pathlib import Path
from typing import IO, cast

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from respub.publish.archive import ARCHIVE
from respub.publish.checksums import FileInfo, check_sums, read_sums
from respub.publish.dumps import DUMPS, JSONLD, NQUADS, NTRIPLES, TURTLE
from respub.publish.manifest import read_manifest
from respub.publish.terms import DCAT, DCTERMS, SPDX, VOID

__all__ = ["DATASET", "verify_release"]

DATASET = "dataset.ttl"


def verify_release(
    release_dir: Path, known: Mapping[str, FileInfo] | None = None, whole: bool = True
) -> list[str]:
    """Problems with a release: checksums, unparsable dumps, counts that disagree.

    `known` files are not hashed again: the writer passes every file it described, hashed
    from the bytes it wrote moments before or, for a hard link, the digest a verified
    release lists; it still checks that `SHA256SUMS` lists exactly the files there. With
    `whole` false (the writer's check of a release it assembled from parts that were each
    parsed when made: `respub.publish.parts`, `respub.publish.rendered`), the dumps are not parsed
    again: their counts are taken from the manifest, and their checksums are still checked.
    """
    problems = check_sums(release_dir, known)
    if problems:
        return problems
    try:
        manifest = read_manifest(release_dir)
        if whole:
            counts = {
                NTRIPLES: _count_distinct(release_dir / NTRIPLES, RdfFormat.N_TRIPLES, gz=True),
                TURTLE: _count_distinct(release_dir / TURTLE, RdfFormat.TURTLE),
                JSONLD: _count_distinct(release_dir / JSONLD, RdfFormat.STREAMING_JSON_LD),
            }
            graphs = _graphs(release_dir / NQUADS)
        else:
            counts = dict.fromkeys((NTRIPLES, TURTLE, JSONLD), manifest.triples)
            graphs = {e.expression_iri for e in manifest.entries}
        described = parse(path=release_dir / DATASET, format=RdfFormat.TURTLE)
        triples = [q.triple for q in described]
    except (OSError, SyntaxError, ValueError) as error:
        return [f"{release_dir}: {error}"]
    if manifest.triples != counts[NTRIPLES]:
        problems.append(
            f"manifest says {manifest.triples} triples, {NTRIPLES} has {counts[NTRIPLES]}"
        )
    problems += [
        f"{name} has {n} triples, {NTRIPLES} has {counts[NTRIPLES]}"
        for name, n in counts.items()
        if n != counts[NTRIPLES]
    ]
    expected = sorted(e.expression_iri for e in manifest.entries)
    if sorted(graphs) != expected:
        problems.append(f"{NQUADS} has {len(graphs)} graphs, the manifest {len(expected)}")
    partitions = {t.object for t in triples if t.predicate == VOID.propertyPartition}
    counted = [t for t in triples if t.predicate == VOID.triples and _is_literal(t.object)]
    void_triples = [t.object.value for t in counted if t.subject not in partitions]
    if void_triples != [str(counts[NTRIPLES])]:
        problems.append(f"void:triples is {void_triples}, the dumps hold {counts[NTRIPLES]}")
    by_property = sum(int(t.object.value) for t in counted if t.subject in partitions)
    if partitions and by_property != counts[NTRIPLES]:
        problems.append(
            f"the property partitions hold {by_property} triples, not {counts[NTRIPLES]}"
        )
    problems += _check_distributions(release_dir, triples)
    return problems


def _count_distinct(path: Path, fmt: RdfFormat, gz: bool = False) -> int:
    """Distinct triples of a dump that may state one twice (the dumps repeat a Work's
    triples in each of its versions' pieces); a 64-bit hash per triple, not the triple."""
    seen: set[int] = set()
    if gz:
        with gzip.open(path, "rb") as handle:
            for quad in parse(cast(IO[bytes], handle), format=fmt):
                seen.add(hash(str(quad.triple)))
    else:
        for quad in parse(path=path, format=fmt):
            seen.add(hash(str(quad.triple)))
    return len(seen)


def _graphs(path: Path) -> set[str]:
    with gzip.open(path, "rb") as handle:
        quads = parse(cast(IO[bytes], handle), format=RdfFormat.N_QUADS)
        return {getattr(q.graph_name, "value", "") for q in quads}


def _is_literal(term: object) -> bool:
    return isinstance(term, Literal)


def _check_distributions(release_dir: Path, triples: list[Triple]) -> list[str]:
    """The dumps and the per-document archive, and only they, are distributions, each
    with the SHA-256 that `SHA256SUMS` lists for it."""
    sums = read_sums(release_dir)
    by_subject: dict[str, dict[str, str]] = {}
    wanted = (DCTERMS.title, SPDX.checksumValue, SPDX.checksum)
    for t in triples:
        subject, term = t.subject, t.object
        if t.predicate not in wanted or not isinstance(subject, NamedNode):
            continue
        if isinstance(term, NamedNode | Literal):
            by_subject.setdefault(subject.value, {})[t.predicate.value] = term.value
    listed = {
        fields[DCTERMS.title.value]: by_subject.get(fields.get(SPDX.checksum.value, ""), {})
        for subject, fields in by_subject.items()
        if DCTERMS.title.value in fields and "/distribution/" in subject
    }
    problems = [
        f"{path}: no dcat:Distribution with its SHA-256 in {DATASET}"
        for path in (*DUMPS, ARCHIVE)
        if path not in sums or listed.get(path, {}).get(SPDX.checksumValue.value) != sums[path]
    ]
    problems += [
        f"{DATASET}: distribution {path} is not a dump or the archive"
        for path in sorted(set(listed) - {*DUMPS, ARCHIVE})
    ]
    distributions = sum(
        1 for t in triples if t.predicate == DCAT.distribution and isinstance(t.object, NamedNode)
    )
    if distributions != len(DUMPS) + 1:
        problems.append(f"{DATASET} lists {distributions} distributions, not {len(DUMPS) + 1}")
    return problems
