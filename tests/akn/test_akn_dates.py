"""Akoma Ntoso dates: the docDate of a document without an adoption date, and the /akn/
name of a document that prints no date (the rule of data/akn.yaml)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from respub.akn import AknNames, model_text, text_of, to_akn, validate
from respub.akn.write import AKN
from respub.model import OperativeClause, Resolution, Session, Source
from respub.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
NS = {"a": AKN}


def _resolution(identifier: str, body: str, **fields: Any) -> Resolution:
    clause = OperativeClause("Decides", "Decides to remain seized of the matter.", 1, "decides")
    source = Source("constructed.txt", "0" * 64, "text/plain")
    return replace(Resolution(identifier, body, "en", source, operative=(clause,)), **fields)


def _dates(document: bytes) -> tuple[list[tuple[str | None, str | None]], dict[str, str]]:
    root = etree.fromstring(document)
    dates = [(d.get("date"), d.get("refersTo")) for d in root.iterfind(".//a:docDate", NS)]
    events = {e.get("eId") or "": e.get("showAs") or "" for e in root.iterfind(".//a:TLCEvent", NS)}
    return dates, events


def test_the_seed_s_doc_date_is_the_session_s_last_day_and_says_so() -> None:
    resolution = parse_file(ROOT / "corpus/interpol/GA-2021-89-RES-09.en.txt")
    assert resolution.adopted is None  # INTERPOL prints no adoption date
    document = to_akn(resolution)
    assert validate(document) == []
    dates, events = _dates(document)
    assert dates == [("2021-11-25", "#sessionEnd")]
    assert "adoption" not in events and "no adoption date" in events["sessionEnd"]
    assert text_of(document) == model_text(resolution)  # the docDate adds no printed text


def test_an_adopted_resolution_s_doc_date_is_the_adoption() -> None:
    resolution = _resolution("A/RES/80/2", "UN-GA", adopted=date(2025, 10, 14))
    dates, events = _dates(to_akn(resolution))
    assert dates == [("2025-10-14", "#adoption")] and set(events) == {"adoption"}


def test_only_the_session_s_first_day_known() -> None:
    session = Session(number=52, start=date(2023, 2, 27))
    resolution = _resolution("A/HRC/RES/52/3", "UN-HRC", session=session)
    document = to_akn(resolution)
    assert validate(document) == []
    assert _dates(document)[0] == [("2023-02-27", "#sessionStart")]
    names = AknNames.of(resolution)
    assert (names.date, names.date_name) == (date(2023, 2, 27), "sessionStart")
    assert names.work == "/akn/un/statement/deliberation/un-hrc/2023-02-27/52-3"


def test_no_date_at_all_no_doc_date_and_the_year_from_the_identifier_or_session_table() -> None:
    council = _resolution("S/RES/577 (1985)", "UN-SC")  # the identifier's year
    document = to_akn(council)
    assert validate(document) == [] and _dates(document) == ([], {})
    assert AknNames.of(council).work.endswith("/un-sc/1985/1985-577")
    assembly = _resolution("A/RES/80/2", "UN-GA")  # the session table: 1946 + 80 - 1
    assert AknNames.of(assembly).date_segment == "2025"


def test_an_undated_document_of_a_body_without_a_session_table_is_not_named() -> None:
    resolution = _resolution("A/HRC/RES/52/3", "UN-HRC", session=Session(number=52))
    with pytest.raises(ValueError) as error:
        to_akn(resolution)
    message = str(error.value)
    assert message.startswith("constructed.txt: no date to name 'A/HRC/RES/52/3'")
    assert "`date:` in the front matter" in message and "first_session_year" in message
    assert "\n" not in message
