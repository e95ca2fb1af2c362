"""A release of the sample corpus: files, checksums, description, dumps, determinism, changes."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, cast

import pytest
import rdflib
from pyoxigraph import NamedNode, RdfFormat, Triple, parse
from rdflib.compare import isomorphic

from respub.process import process_document
from respub.publish.archive import ARCHIVE
from respub.publish.checksums import SUMS, read_sums
from respub.publish.dumps import DUMPS
from respub.publish.layout import LATEST, RELEASES, TEMP_PREFIX, expression_path
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.publish.verify import verify_release
from respub.rdf.mapping import triples_to_graph
from respub.results import DocumentResult
from respub.settings import Settings

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
RESPUB = rdflib.Namespace("https://respub.org/ontology#")
T0 = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)

Publish = Callable[..., ReleaseSummary]


def all_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_every_file_is_in_sha256sums_with_its_digest(release: ReleaseSummary) -> None:
    root = release.release_dir
    sums = read_sums(root)
    files = set(all_files(root)) - {SUMS}
    assert set(sums) == files
    for path, digest in sums.items():
        assert hashlib.sha256((root / path).read_bytes()).hexdigest() == digest
    assert verify_release(root) == []


def test_sha256sum_checks_the_release(release: ReleaseSummary) -> None:
    tool = shutil.which("sha256sum")
    if tool is None:
        pytest.skip("no sha256sum here")
    done = subprocess.run(
        [tool, "-c", "--strict", SUMS], cwd=release.release_dir, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_dcat_describes_the_dumps_and_the_archive_with_size_and_checksum(
    release: ReleaseSummary,
) -> None:
    root = release.release_dir
    graph = rdflib.Graph().parse(root / "dataset.ttl")
    sums = read_sums(root)
    (dataset,) = graph.subjects(rdflib.RDF.type, VOID.Dataset)
    assert graph.value(dataset, DCTERMS.license) == rdflib.URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert graph.value(dataset, DCTERMS.publisher) is not None
    modified = graph.value(dataset, DCTERMS.modified)
    assert isinstance(modified, rdflib.Literal) and modified.toPython() == T0
    assert graph.value(dataset, DCTERMS.title) is not None
    described = {}
    for distribution in graph.objects(dataset, DCAT.distribution):
        checksum = graph.value(distribution, SPDX.checksum)
        byte_size = graph.value(distribution, DCAT.byteSize)
        assert isinstance(byte_size, rdflib.Literal), byte_size
        described[str(graph.value(distribution, DCTERMS.title))] = (
            int(byte_size),
            str(graph.value(checksum, SPDX.checksumValue)),
            str(graph.value(distribution, DCAT.mediaType)),
        )
    # The whole-dataset dumps and the per-document archive; every file is in SHA256SUMS.
    assert set(described) == {*DUMPS, ARCHIVE}
    for path, (size, digest, media) in described.items():
        assert size == (root / path).stat().st_size
        assert digest == sums[path]
        assert media.startswith("https://www.iana.org/assignments/media-types/")
    assert described["resolutions.nq.gz"][2].endswith("application/n-quads")
    assert described[ARCHIVE][2].endswith("application/zip")
    assert len(list(graph.objects(dataset, VOID.exampleResource))) >= 2
    assert len(list(graph.objects(dataset, VOID.dataDump))) == 4


def test_dumps_parse_and_void_counts_the_real_triples(
    release: ReleaseSummary, results: list[DocumentResult]
) -> None:
    root = release.release_dir
    with gzip.open(root / "resolutions.nt.gz", "rb") as handle:
        ntriples = rdflib.Graph().parse(data=handle.read(), format="nt")
    turtle = rdflib.Graph().parse(root / "resolutions.ttl")
    # each version's nodes concatenated in one @graph: the graph of all the versions' triples
    jsonld = {
        f"{q.triple} ." for q in parse(path=root / "resolutions.jsonld", format=RdfFormat.JSON_LD)
    }
    union = {line for r in results for line in r.ntriples.splitlines()}
    assert jsonld == union
    assert len(ntriples) == len(turtle) == len(jsonld) == len(union)
    assert isomorphic(ntriples, turtle)
    described = rdflib.Graph().parse(root / "dataset.ttl")
    dataset = [s for s in described.subjects(VOID.classPartition, None)]
    assert [int(v) for v in described.objects(dataset[0], VOID.triples)] == [len(ntriples)]  # type: ignore[call-overload]
    assert read_manifest(root).triples == len(ntriples) == release.triples


def test_nquads_hold_one_graph_per_expression(
    release: ReleaseSummary, results: list[DocumentResult]
) -> None:
    root = release.release_dir
    quads: dict[str, list[Triple]] = {}
    with gzip.open(root / "resolutions.nq.gz", "rb") as gzipped:
        handle = cast(IO[bytes], gzipped)  # GzipFile: no IO[bytes] in typeshed, read by pyoxigraph
        for quad in parse(handle, format=RdfFormat.N_QUADS):
            assert isinstance(quad.graph_name, NamedNode)
            quads.setdefault(quad.graph_name.value, []).append(quad.triple)
    graphs = {name: triples_to_graph(triples) for name, triples in quads.items()}
    expressions = {r.expression_iri for r in results}
    assert set(graphs) == expressions
    for result in results[:3]:
        assert result.expression_iri is not None
        stem = expression_path(result.expression_iri, Settings().base_iri)
        alone = rdflib.Graph().parse(root / f"{stem}.ttl")
        assert isomorphic(alone, graphs[result.expression_iri])
        assert len(alone) == result.triples
        parsed = list(parse(path=root / f"{stem}.jsonld", format=RdfFormat.JSON_LD))
        assert len(parsed) == result.triples


def test_provenance_names_each_source_and_its_digest(
    release: ReleaseSummary, results: list[DocumentResult]
) -> None:
    graph = rdflib.Graph().parse(release.release_dir / "provenance.ttl")
    for result in results:
        assert result.expression_iri is not None
        source = graph.value(rdflib.URIRef(result.expression_iri), PROV.wasDerivedFrom)
        assert source is not None
        assert str(graph.value(source, DCTERMS.source)) == result.source_path
        checksum = graph.value(source, SPDX.checksum)
        assert str(graph.value(checksum, SPDX.checksumValue)) == result.sha256
    (activity,) = graph.subjects(rdflib.RDF.type, PROV.Activity)
    assert graph.value(activity, PROV.wasAssociatedWith) is not None


def test_one_iri_per_source_in_the_data_and_the_provenance(release: ReleaseSummary) -> None:
    """The source file the data names (`{expression}.txt`) is the one provenance describes."""
    root = release.release_dir
    provenance = rdflib.Graph().parse(root / "provenance.ttl")
    data = rdflib.Graph().parse(root / "resolutions.ttl")
    in_data = set(data.subjects(rdflib.RDF.type, RESPUB.SourceFile))
    derived = set(provenance.objects(None, PROV.wasDerivedFrom))
    used = {
        o
        for o in provenance.objects(None, PROV.used)
        if (o, rdflib.RDF.type, PROV.Entity) in provenance
    }
    assert in_data == derived == used
    for source in in_data:
        digest = data.value(source, RESPUB.sha256)
        checksum = provenance.value(source, SPDX.checksum)
        assert str(provenance.value(checksum, SPDX.checksumValue)) == str(digest)


def test_latest_points_at_the_release_with_its_reports(release: ReleaseSummary) -> None:
    output = release.release_dir.parents[1]
    assert (output / LATEST).resolve() == release.release_dir.resolve()
    root = release.release_dir
    assert json.loads((root / "validation.json").read_bytes())["conforms"] is True
    rdflib.Graph().parse(root / "validation.ttl")
    assert "all sources passed" in (root / "README.md").read_text()
    changes = json.loads((root / "CHANGES.json").read_bytes())
    assert len(changes["added"]) == release.expressions and changes["previous"] is None
    for copied in ("ontology/respub.ttl", "ontology/concepts.ttl", "shapes/respub.shapes.ttl"):
        assert (root / copied).is_file()


def test_same_inputs_give_byte_identical_releases(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    first = publish_results(results, tmp_path / "a")
    second = publish_results(list(reversed(results)), tmp_path / "b")
    assert first.release_id == second.release_id
    assert all_files(first.release_dir) == all_files(second.release_dir)
    again = publish_results(results, tmp_path / "a")
    assert again.reused and again.release_id == first.release_id


def test_changing_one_document_changes_only_its_files(
    tmp_path: Path, publish_results: Publish, corpus_copy: Callable[[], Path]
) -> None:
    corpus = corpus_copy()
    paths = sorted((corpus / "un-ga" / "md").glob("*.md"))[:4]
    settings = Settings()
    before = [process_document(p, settings) for p in paths]
    first = publish_results(before, tmp_path / "out")
    target = paths[1]
    text = target.read_text(encoding="utf-8")
    edited = text.replace("Decides", "Decides, after due reflection,", 1)
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    after = [
        process_document(p, settings) if p == target else r
        for p, r in zip(paths, before, strict=True)
    ]
    second = publish_results(after, tmp_path / "out", hours=1)
    assert second.previous == first.release_id and second.changed == 1
    old, new = all_files(first.release_dir), all_files(second.release_dir)
    changed_iri = after[1].expression_iri
    assert changed_iri is not None
    stem = expression_path(changed_iri, settings.base_iri)
    per_expression = {p for p in old if p.startswith("resolution/")}
    assert per_expression == {p for p in new if p.startswith("resolution/")}
    differing = {p for p in per_expression if old[p] != new[p]}
    assert differing == {f"{stem}.ttl", f"{stem}.jsonld", f"{stem}.akn"}
    changes = json.loads(new["CHANGES.json"])
    assert [c["expression_iri"] for c in changes["changed"]] == [changed_iri]
    assert any("operative" in d for d in changes["changed"][0]["details"])
    assert changes["added"] == changes["removed"] == [] and changes["unchanged"] == 3
    assert "after due reflection" not in old[f"{stem}.ttl"].decode()
    assert "after due reflection" in new[f"{stem}.ttl"].decode()


def test_keeps_the_last_n_releases_and_cleans_leftovers(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    output = tmp_path / "out"
    made = [publish_results(results[: 3 + n], output, hours=n, keep=2) for n in range(3)]
    leftover = output / RELEASES / f"{TEMP_PREFIX}crashed-run"
    leftover.mkdir()
    (output / ".latest.tmp-99999").symlink_to("nowhere")
    last = publish_results(results[:7], output, hours=5, keep=2)
    names = sorted(p.name for p in (output / RELEASES).iterdir())
    assert names == sorted([made[2].release_id, last.release_id])
    assert not (output / ".latest.tmp-99999").is_symlink()
    assert (output / LATEST).resolve() == last.release_dir.resolve()


def test_a_served_release_names_its_endpoint_and_exit_codes(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    endpoint = "http://localhost:7878/query"
    summary = publish_results(results[:2], tmp_path / "out", sparql_endpoint=endpoint)
    graph = rdflib.Graph().parse(summary.release_dir / "dataset.ttl")
    assert list(graph.objects(None, VOID.sparqlEndpoint)) == [rdflib.URIRef(endpoint)]
    assert summary.exit_code() == 0


EXTENSIONS = (".ttl", ".jsonld", ".akn")


def test_the_archive_holds_every_document_s_own_files(release: ReleaseSummary) -> None:
    root = release.release_dir
    with zipfile.ZipFile(root / ARCHIVE) as archive:
        members = archive.namelist()
        assert members == sorted(members)
        own = sorted(
            p for p in read_sums(root) if p.startswith("resolution/") and p.endswith(EXTENSIONS)
        )
        assert members == own and len(own) >= 2 * release.expressions
        for name in members:
            assert archive.read(name) == (root / name).read_bytes()
