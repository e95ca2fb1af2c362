"""One document through the pipeline: a frozen, JSON-serialisable `DocumentResult`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from respub.model import OperativeClause, PreambularClause, Resolution, Source
from respub.process import process_document, process_resolution, summarise_clauses
from respub.release_time import release_time_from_environ, release_time_from_sources
from respub.results import DocumentResult
from respub.settings import CC_BY_4_0, Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "un-ga" / "md" / "A_RES_80_2.md"


def resolution(**changes: object) -> Resolution:
    base = Resolution(
        identifier="A/RES/80/4",
        body="UN-GA",
        language="en",
        source=Source("a-res-80-4.md", "0" * 64, "text/markdown"),
        title="A test resolution",
        adopted=datetime(2025, 12, 1).date(),
        status="adopted",
        preamble=(PreambularClause("Recalling", "Recalling its work,", "recalling"),),
        operative=(OperativeClause("Decides", "Decides to act;", 1, "decides"),),
    )
    return Resolution(**{**base.__dict__, **changes})


def test_a_sample_document() -> None:
    result = process_document(SAMPLE, Settings())
    assert result.error is None and result.publishable
    assert result.identifier == "A/RES/80/2" and result.language == "en"
    assert result.media_type == "text/markdown" and len(result.sha256) == 64
    assert result.expression_iri == "https://data.respub.org/resolution/un-ga/80/2/en"
    lines = result.ntriples.splitlines()
    assert lines == sorted(set(lines)) and len(lines) == result.triples
    assert len(list(parse(result.ntriples.encode(), RdfFormat.N_TRIPLES))) == result.triples
    assert result.clauses is not None and len(result.clauses.operative) >= 1


def test_the_result_round_trips_through_json() -> None:
    result = process_document(SAMPLE, Settings())
    text = json.dumps(result.to_json())
    assert DocumentResult.from_json(json.loads(text)) == result


def test_a_parse_error_is_a_result_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "nothing.txt"
    path.write_text("No resolution here.\n", encoding="utf-8")
    result = process_document(path, Settings())
    assert result.error is not None and str(path) in result.error
    assert not result.publishable and result.reasons() == (result.problem,)
    assert result.problem is not None and result.problem.type == "parse-error"
    assert result.expression_iri is None and result.ntriples == ""
    assert DocumentResult.from_json(result.to_json()) == result


def test_violations_block_publication() -> None:
    result = process_resolution(resolution(operative=()), Settings())
    assert result.conforms is False and not result.publishable
    assert any("operative" in issue.message for issue in result.violations)


def test_the_base_iri_is_a_setting() -> None:
    result = process_resolution(resolution(), Settings(base_iri="https://example.org/data/"))
    assert result.expression_iri == "https://example.org/data/resolution/un-ga/80/4/en"
    assert result.publishable


def test_clause_hashes_follow_the_text() -> None:
    one = summarise_clauses(resolution())
    two = summarise_clauses(
        resolution(operative=(OperativeClause("Decides", "Decides otherwise;", 1, "decides"),))
    )
    assert one.preamble == two.preamble and one.header == two.header
    assert one.operative != two.operative


def test_batch_keeps_order(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("?\n", encoding="utf-8")
    found = [process_document(p, Settings()) for p in (SAMPLE, broken)]
    assert [r.source_path for r in found] == [str(SAMPLE), str(broken)]


def test_settings_are_checked() -> None:
    assert Settings().licence == CC_BY_4_0
    with pytest.raises(ValueError, match="licence"):
        Settings(licence="CC-BY-4.0")
    with pytest.raises(ValueError, match="base IRI"):
        Settings(base_iri="example.org")
    with pytest.raises(ValueError, match="keep"):
        Settings(keep=0)
    with pytest.raises(ValueError, match="timezone"):
        Settings(release_time=datetime(2026, 1, 1))
    local = datetime(2026, 1, 1, 5, 30, 15, 999, tzinfo=timezone(timedelta(hours=2)))
    assert Settings(release_time=local).release_time == datetime(2026, 1, 1, 3, 30, 15, tzinfo=UTC)


def test_release_time_sources(tmp_path: Path) -> None:
    assert release_time_from_environ({}) is None
    assert release_time_from_environ({"SOURCE_DATE_EPOCH": "0"}) == datetime(1970, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        release_time_from_environ({"SOURCE_DATE_EPOCH": "yesterday"})
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("a")
    b.write_text("b")
    import os

    os.utime(a, (1_000_000_000, 1_000_000_000))
    os.utime(b, (1_700_000_000.7, 1_700_000_000.7))
    assert release_time_from_sources([a, b]) == datetime.fromtimestamp(1_700_000_000, UTC)
