"""Every language version of a release has its Akoma Ntoso file: valid, checksummed,
described, embodied in the RDF, and carrying the model's text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import rdflib

from respub.akn import model_text, text_of, validate
from respub.parse import parse_file
from respub.publish.archive import ARCHIVE
from respub.publish.checksums import read_sums
from respub.publish.layout import expression_path
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary

RESPUB = rdflib.Namespace("https://respub.org/ontology#")


def test_every_expression_has_a_valid_akoma_ntoso_file_with_the_models_text(
    release: ReleaseSummary, corpus: Path
) -> None:
    root = release.release_dir
    manifest = read_manifest(root)
    base = manifest.settings["base_iri"]
    sums = read_sums(root)
    assert len(manifest.entries) >= 10
    for entry in manifest.entries:
        path = f"{expression_path(entry.expression_iri, base)}.akn"
        assert path in sums, path
        document = (root / path).read_bytes()
        assert validate(document) == [], path
        source = Path(entry.source_path)
        assert text_of(document) == model_text(parse_file(source)), path


def test_the_akoma_ntoso_files_are_described_and_embodied(release: ReleaseSummary) -> None:
    root = release.release_dir
    # Described as part of the per-document archive, the distribution of every document's
    # own files (dataset.ttl lists whole-dataset files only; SHA256SUMS lists every file).
    with zipfile.ZipFile(root / ARCHIVE) as archive:
        akn = {n for n in archive.namelist() if n.endswith(".akn")}
        assert all(archive.read(n) == (root / n).read_bytes() for n in akn)
    manifest = read_manifest(root)
    assert len(akn) == len(manifest.entries)
    assert akn <= set(read_sums(root))
    data = rdflib.Graph().parse(root / "resolutions.ttl", format="turtle")
    for entry in manifest.entries:
        file = rdflib.URIRef(f"{entry.expression_iri}.akn")
        assert (rdflib.URIRef(entry.expression_iri), RESPUB.isEmbodiedBy, file) in data
        assert (file, RESPUB.mediaType, rdflib.Literal("application/akn+xml")) in data
