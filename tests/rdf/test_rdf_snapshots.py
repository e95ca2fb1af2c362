"""Snapshots: the Turtle of every hand-built resolution and every corpus document.

Compared by graph isomorphism; ``RESPUB_REGENERATE_SNAPSHOTS=1`` rewrites them. Every
snapshot also conforms to the shapes. The source path, the only volatile field, is
pinned to the path relative to the repository.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from support import parsed_file

from respub.model import Resolution
from respub.rdf.files import ROOT
from respub.rdf.mapping import to_triples, triples_to_graph
from respub.rdf.serialize import serialize
from respub.validate import assert_validates, validate_dataset

SNAPSHOTS = Path(__file__).with_name("snapshots")
CORPUS = ROOT / "corpus"


def check_snapshot(resolution: Resolution, snapshot: Path, regenerate: bool) -> Graph:
    """Compare (or rewrite) a snapshot; return the graph of the resolution."""
    triples = to_triples(resolution)
    graph = triples_to_graph(triples)
    if regenerate:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(serialize(triples, "turtle"))
    if not snapshot.exists():
        pytest.fail(f"no snapshot {snapshot} (RESPUB_REGENERATE_SNAPSHOTS=1 writes it)")
    expected = Graph().parse(snapshot, format="turtle")
    if not isomorphic(graph, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(graph))
        pytest.fail(
            f"{snapshot.name} differs (RESPUB_REGENERATE_SNAPSHOTS=1 rewrites it)\n"
            f"missing: {sorted(missing)[:5]}\nextra: {sorted(extra)[:5]}"
        )
    return graph


def test_sample_snapshots(sample: tuple[str, Resolution], regenerate: bool) -> None:
    name, resolution = sample
    graph = check_snapshot(resolution, SNAPSHOTS / f"{name}.ttl", regenerate)
    assert_validates(graph)


def test_samples_merged_break_no_dataset_constraint() -> None:
    merged = Graph()
    for snapshot in sorted(SNAPSHOTS.glob("*.ttl")):
        merged.parse(snapshot, format="turtle")
    report = validate_dataset(merged)
    assert report.conforms, report.to_json()
    cited = {v.value for v in report.violations}
    assert "https://data.respub.org/resolution/interpol-ga/1996/9" in cited  # not published here


def _corpus() -> list[Path]:
    try:
        from respub.sources.discover import discover
    except ImportError:  # pragma: no cover - the parser's package is the lead's
        return []
    return discover([CORPUS]) if CORPUS.is_dir() else []


def _parse_file() -> object | None:
    try:
        from respub.parse import parse_file
    except ImportError:  # pragma: no cover
        return None
    return parse_file


CORPUS_DOCUMENTS = _corpus()


@pytest.mark.skipif(
    _parse_file() is None or not CORPUS_DOCUMENTS,
    reason="needs the parser (respub.parse.parse_file) and the sample corpus under corpus/",
)
@pytest.mark.parametrize("path", CORPUS_DOCUMENTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_snapshots(path: Path, regenerate: bool) -> None:
    parsed = parsed_file(path)
    relative = str(path.relative_to(ROOT))
    resolution = replace(parsed, source=replace(parsed.source, path=relative))
    snapshot = SNAPSHOTS / f"{relative}.ttl"
    graph = check_snapshot(resolution, snapshot, regenerate)
    assert_validates(graph)
