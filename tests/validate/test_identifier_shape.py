"""The shapes accept the identifiers of every body of the table, and only canonical ones:
their pattern is derived from `data/identifiers.yaml`, as parsing, citations and IRIs are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH

from respub.knowledge.identifiers import identify, styles
from respub.packaged import read_data
from respub.process import process_document
from respub.rdf.files import SHAPES
from respub.settings import Settings
from respub.validate.identifier_shape import canonical_pattern, render

ROOT = Path(__file__).resolve().parents[2]
BODIES = sorted(
    p
    for p in (ROOT / "tests/fixtures/bodies").glob("*.*")
    if p.suffix in (".txt", ".md") and p.name != "README.md"
)
RSH = "https://respub.org/shapes#"


def _shape_value(shape: str, predicate: str) -> list[str]:
    graph = Graph().parse(SHAPES)
    node = next(graph.objects(graph.resource(RSH + shape).identifier, SH[predicate]))
    if predicate == "in":
        return [str(v) for v in graph.items(node)]
    return [str(node)]


def test_the_shapes_pattern_is_the_one_the_table_gives() -> None:
    """Fails while the shapes are stale: run `python -m respub.validate.identifier_shape`."""
    shapes = SHAPES.read_text(encoding="utf-8")
    assert render(shapes) == shapes
    assert _shape_value("Resolution-identifier", "pattern") == [canonical_pattern()]


def test_every_example_of_every_style_is_canonical_once_identified() -> None:
    pattern = re.compile(canonical_pattern())
    checked = 0
    for style in styles():
        for example in style.examples:
            found = identify(example, (style.id,))
            assert found is not None, example
            assert pattern.fullmatch(found.canonical), (style.id, found.canonical)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize("printed", ["WHA 62.1", "S/RES/2734 (2024)", "GA-2021-89-RES-9x", ""])
def test_a_printed_or_foreign_form_is_not_canonical(printed: str) -> None:
    assert re.fullmatch(canonical_pattern(), printed) is None


def test_every_citation_kind_is_one_the_shapes_allow() -> None:
    kinds = {s.kind for s in styles()}
    kinds |= {t["kind"] for t in read_data("citations.yaml")["instruments"]}
    kinds |= {"article", "unresolved"}  # the two kinds the citation reader gives itself
    assert kinds <= set(_shape_value("Citation-citationKind", "in"))


@pytest.mark.parametrize("path", BODIES, ids=lambda p: p.name)
def test_every_fixture_of_a_known_body_conforms_and_would_be_published(
    path: Path, tmp_path: Path
) -> None:
    """Parsing is not enough: a document of a body of the table (no profile written) must
    pass the shapes, or the release quarantines it. A body nobody knows cannot: its
    identifier is in no known style, and the report says so. A document that prints no
    date at all cannot be named in Akoma Ntoso: it is held back with an error that says
    how to give one."""
    result = process_document(path, Settings())
    violations = [i for i in result.issues if i.severity.name == "VIOLATION"]
    if path.name == "unknown.md":
        assert [v.source_shape for v in violations] == [RSH + "Resolution-identifier"]
        assert violations[0].value == Literal("EXF/GC/2024/4").value
        return
    if result.error is not None:
        assert "no date to name" in result.error and "give `date:`" in result.error
        dated = tmp_path / f"{path.stem}.md"  # the same text, dated in its front matter
        dated.write_text(f"---\ndate: 2023-06-01\n---\n{path.read_text('utf-8')}", "utf-8")
        result = process_document(dated, Settings())
    violations = [i for i in result.issues if i.severity.name == "VIOLATION"]
    assert result.error is None and violations == [] and result.conforms, violations
