"""A release's Turtle (each version's `.ttl` and `resolutions.ttl`) reads back, in rdflib and
in raptor's `rapper`, as exactly the graph of its N-Quads dump; one header, readable order."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from respub.publish.dumps import read_graphs
from respub.publish.release import ReleaseSummary
from respub.rdf.serialize import prefixes
from respub.rdf.turtle import prefix_header

RAPPER = shutil.which("rapper")
NEEDS_RAPPER = pytest.mark.skipif(
    RAPPER is None,
    reason="needs rapper: install Debian's raptor2-utils (apt-get install raptor2-utils)",
)


def graphs_of(release_dir: Path) -> dict[str, Graph]:
    """Each named graph of the N-Quads dump (one per language version)."""
    found = read_graphs(release_dir / "resolutions.nq.gz")
    return {iri: Graph().parse(data=text, format="nt") for iri, text in found.items()}


def turtle_files(release_dir: Path) -> dict[str, Path]:
    """Expression IRI → its `.ttl` file."""
    base = "https://data.respub.org/"
    files = sorted((release_dir / "resolution").rglob("*.ttl"))
    return {base + str(p.relative_to(release_dir).with_suffix("")): p for p in files}


def rapper_graph(path: Path) -> Graph:
    done = subprocess.run(
        [str(RAPPER), "-q", "-i", "turtle", "-o", "ntriples", str(path)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return Graph().parse(data=done.stdout, format="nt")


@pytest.fixture(scope="module")
def expected(release: ReleaseSummary) -> dict[str, Graph]:
    return graphs_of(Path(release.release_dir))


@pytest.fixture(scope="module")
def union(release: ReleaseSummary) -> Graph:
    data = gzip.decompress((Path(release.release_dir) / "resolutions.nt.gz").read_bytes())
    return Graph().parse(data=data, format="nt")


def test_each_version_file_is_its_graph(
    release: ReleaseSummary, expected: dict[str, Graph]
) -> None:
    files = turtle_files(Path(release.release_dir))
    assert sorted(files) == sorted(expected)
    header = prefix_header(prefixes())
    for iri, path in files.items():
        text = path.read_text("utf-8")
        assert text.startswith(header), path
        assert "ns1:" not in text
        assert isomorphic(Graph().parse(path, format="turtle"), expected[iri]), path


@NEEDS_RAPPER
def test_rapper_reads_each_version_file_as_its_graph(
    release: ReleaseSummary, expected: dict[str, Graph]
) -> None:
    for iri, path in turtle_files(Path(release.release_dir)).items():
        assert isomorphic(rapper_graph(path), expected[iri]), path


def test_the_dump_is_one_header_and_the_version_bodies(
    release: ReleaseSummary, union: Graph
) -> None:
    folder = Path(release.release_dir)
    header = prefix_header(prefixes())
    dump = (folder / "resolutions.ttl").read_text("utf-8")
    assert dump.count("@prefix ") == header.count("@prefix ")
    files = turtle_files(folder)
    bodies = [files[iri].read_text("utf-8").removeprefix(header) for iri in sorted(files)]
    assert dump == header + "".join(bodies)
    assert isomorphic(Graph().parse(data=dump, format="turtle"), union)


@NEEDS_RAPPER
def test_rapper_reads_the_dump_as_the_dataset(release: ReleaseSummary, union: Graph) -> None:
    assert isomorphic(rapper_graph(Path(release.release_dir) / "resolutions.ttl"), union)
