"""A document that prints no identifier takes the one its front matter or its manifest
entry gives; else a clear error says how to give one."""

from __future__ import annotations

from pathlib import Path

import pytest

from respub.errors import ParseError
from respub.parse import parse_file, parse_source
from respub.process import Source, process
from respub.settings import Settings
from respub.sources.load import read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bodies"


def _without_front_matter(tmp_path: Path) -> Path:
    path = tmp_path / "anonymous.md"
    path.write_text((FIXTURES / "unknown.md").read_text("utf-8").split("---", 2)[2], "utf-8")
    return path


def test_the_manifest_identifier_names_a_document_that_prints_none(tmp_path: Path) -> None:
    path = _without_front_matter(tmp_path)
    with pytest.raises(ParseError, match="in the manifest entry"):
        parse_file(path)
    resolution = parse_source(read_source(path), identifier="EXF/GC/2024/4")
    assert resolution.identifier == "EXF/GC/2024/4" and resolution.body == "unknown"


def test_a_printed_identifier_comes_before_the_manifests() -> None:
    path = FIXTURES / "imo-mepc.en.txt"
    resolution = parse_source(read_source(path), identifier="MEPC.1(1)")
    assert resolution.identifier == "MEPC.351(79)"


def test_the_pipeline_passes_the_manifest_identifier(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    body = _without_front_matter(tmp_path).read_text("utf-8")
    path.write_text("Adopted on 6 December 2023\n\n" + body, "utf-8")
    source = Source(str(path), str(path), identifier="EXF/GC/2023/4")
    result = process(source, Settings())
    assert result.error is None, result.error
    assert result.identifier == "EXF/GC/2023/4"
    assert process(Source.of(path), Settings()).error is not None  # without it: refused


def test_the_front_matter_dates_a_document_that_prints_no_date(tmp_path: Path) -> None:
    """`date:` gives the adoption date of a text that prints none (the Akoma Ntoso writer's
    error asks for it); a printed date comes first; a date that is none is an error."""
    text = (FIXTURES / "who-eb.en.txt").read_text("utf-8")
    assert parse_file(FIXTURES / "who-eb.en.txt").adopted is None
    path = tmp_path / "dated.md"
    path.write_text(f"---\ndate: 2025-02-08\n---\n{text}", "utf-8")
    assert str(parse_file(path).adopted) == "2025-02-08"
    printed = FIXTURES / "who-wha.en.txt"
    path.write_text(f"---\ndate: 2025-02-08\n---\n{printed.read_text('utf-8')}", "utf-8")
    assert str(parse_file(path).adopted) == str(parse_file(printed).adopted) != "2025-02-08"
    path.write_text(f"---\ndate: 8 February\n---\n{text}", "utf-8")
    with pytest.raises(ParseError, match=r"dated\.md: front matter date '8 February' is not"):
        parse_file(path)
