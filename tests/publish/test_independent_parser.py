"""An independent RDF parser (raptor's `rapper`) reads the dumps and counts what we count."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import VOID

from respub.publish.release import ReleaseSummary

RAPPER = shutil.which("rapper")
pytestmark = pytest.mark.skipif(
    RAPPER is None,
    reason="needs rapper: install Debian's raptor2-utils (apt-get install raptor2-utils); "
    ".ci/run installs it",
)


def _count(path: Path, syntax: str) -> int:
    done = subprocess.run(
        [str(RAPPER), "-i", syntax, "-c", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # rapper: "rapper: Parsing returned N triples"
    return int(done.stderr.strip().splitlines()[-1].split("returned ")[1].split()[0])


def _void_triples(release_dir: Path) -> int:
    description = Graph().parse(release_dir / "dataset.ttl", format="turtle")
    counts = []
    for count in description.objects(None, VOID.triples):
        assert isinstance(count, Literal), count
        counts.append(int(count))
    assert counts, "dataset.ttl has no void:triples"
    return max(counts)


def test_rapper_reads_every_dump_with_the_published_count(
    release: ReleaseSummary, tmp_path: Path
) -> None:
    folder = Path(release.release_dir)
    expected = _void_triples(folder)
    nt = tmp_path / "resolutions.nt"
    nt.write_bytes(gzip.decompress((folder / "resolutions.nt.gz").read_bytes()))
    # every dump states a Work's (and a session's) triples once per language version, each
    # version's piece kept whole so that a release reuses it: count distinct triples
    assert _distinct(nt, "ntriples") == expected
    assert _distinct(folder / "resolutions.ttl", "turtle") == expected
    nq = tmp_path / "resolutions.nq"
    nq.write_bytes(gzip.decompress((folder / "resolutions.nq.gz").read_bytes()))
    quads = [line for line in nq.read_text("utf-8").splitlines() if line.strip()]
    assert _count(nq, "nquads") == len(quads)
    # rapper drops the graph names: the distinct triples of all graphs are the dataset's
    assert _distinct(nq, "nquads") == expected


def _distinct(path: Path, syntax: str) -> int:
    """The distinct triples rapper reads from `path` (as N-Triples lines)."""
    as_triples = subprocess.run(
        [str(RAPPER), "-q", "-i", syntax, "-o", "ntriples", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return len({line for line in as_triples.splitlines() if line.strip()})


def test_rapper_reads_each_expression_file(release: ReleaseSummary) -> None:
    files = sorted(Path(release.release_dir, "resolution").rglob("*.ttl"))
    assert files
    for path in files:
        assert _count(path, "turtle") > 50, path
