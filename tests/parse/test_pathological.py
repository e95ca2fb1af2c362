"""Pathological input stays linear: thousands of footnotes, a front-matter symbol that is
no identifier (issue #13, findings 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import deadline

from respub.errors import ParseError
from respub.model import Source
from respub.parse import parse_file, parse_source
from respub.parse.footnotes import mark_notes
from respub.sources.load import SourceText

NOTES = 20_000


def _labels(n: int) -> list[str]:
    return [str(i) for i in range(1, n + 1)]


@pytest.mark.parametrize(
    ("kind", "template", "marked"),
    [
        ("explicit", "word[^{i}] text", "word[^{i}] text"),
        ("glued", "Nations{i} are", "Nations[^{i}] are"),
        ("absent", "plain {i}x", "plain {i}x"),
    ],
)
def test_marking_20000_footnotes_is_linear(kind: str, template: str, marked: str) -> None:
    # finding 2: each label scanned every later label (and the rest of the text), so
    # 20,000 footnotes took 17.6 s to minutes; now a fraction of a second
    text = " ".join(template.format(i=i) for i in range(1, NOTES + 1))
    with deadline(20):
        out = mark_notes(text, _labels(NOTES))
    assert out == " ".join(marked.format(i=i) for i in range(1, NOTES + 1))


def test_a_document_with_20000_footnotes_parses() -> None:
    clauses = "\n\n".join(
        f"{i}. Decides to act under the Agreement[^{i}] of that year;" for i in range(1, 501)
    )
    extra = " ".join(f"and the Treaty[^{i}]" for i in range(501, NOTES + 1))
    notes = "\n".join(f"[^{i}]: See resolution {i} (II)." for i in range(1, NOTES + 1))
    text = (
        "Resolution adopted by the General Assembly on 19 September 2025\n\n"
        "80/1. Acting\n\nThe General Assembly,\n\n"
        f"{clauses} {extra}\n\n{notes}\n"
    )
    source = Source(path="notes.md", sha256="0" * 64, media_type="text/markdown")
    with deadline(60):
        resolution = parse_source(SourceText(source, text, {"symbol": "A/RES/80/1"}))
    assert len(resolution.footnotes) == NOTES
    assert len(resolution.operative) == 500


def test_front_matter_symbol_that_is_no_identifier(tmp_path: Path) -> None:
    # finding 1: the reproducer from the issue raised ValueError (a traceback)
    path = tmp_path / "x.md"
    path.write_text("---\nsymbol: A/RES/80/1x\n---\nThe General Assembly,\n\n1. Decides to act.\n")
    with pytest.raises(ParseError, match=r"x\.md.*'A/RES/80/1x' is not a resolution identifier"):
        parse_file(path)
