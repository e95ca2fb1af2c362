"""The heading of a body without a profile of its own: its title is the text printed last
before the formula, unless that text names the resolution, is furniture or the body's name;
its session, when none is printed, the one its identifier numbers."""

from __future__ import annotations

import pytest

from respub.knowledge.lexicon import lexicon
from respub.model import Resolution, Source
from respub.parse import parse_source
from respub.parse.dates import first_date, is_date_line
from respub.sources.load import SourceText

CLAUSES = "The Executive Board,\n\nRecalling its work,\n\n1. DECIDES to act.\n"


def _parse(heading: str, clauses: str = CLAUSES) -> Resolution:
    source = Source(path="heading.txt", sha256="0" * 64, media_type="text/plain")
    return parse_source(SourceText(source, f"{heading}\n\n{clauses}"), language="en")


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("EXECUTIVE BOARD\n156th session\n\nEB156.R4 Strengthening health", "Strengthening health"),
        ("EXECUTIVE BOARD\nEB156.R4\n\nStrengthening health", "Strengthening health"),
        # what names the resolution, furniture, or the body's name, is no title
        ("EXECUTIVE BOARD EB156.R4\n\n6 February 2023", None),
        ("EXECUTIVE BOARD EB156.R4\n\nAgenda item 7", None),
        ("EB156.R4\n\nEXECUTIVE BOARD", None),
        ("EB156.R4\n\n156th session", None),
        ("EB156.R4\n\nGeneva, 6 February 2023", None),
        ("EB156.R4\n\nHaving considered the report,", None),
    ],
)  # fmt: skip
def test_the_title_is_the_last_heading_text_that_names_nothing(
    heading: str, title: str | None
) -> None:
    resolution = _parse(heading)
    assert (resolution.identifier, resolution.body) == ("EB156.R4", "WHO-EB")
    assert resolution.title == title


def test_the_session_an_identifier_numbers_is_taken_when_none_is_printed() -> None:
    assert _parse("EB156.R4 A title").session.number == 156  # type: ignore[union-attr]
    printed = _parse("EB156.R4\n\n157th session\n\nA title")  # (as printed, though odd)
    assert printed.session is not None and printed.session.number == 157


def test_a_hand_written_profile_keeps_its_own_title_rules() -> None:
    resolution = _parse(
        "Resolution 2334 (2016)\n\nAdopted by the Security Council at its 7853rd meeting, on 23 "
        "December 2016\n\nA heading line",
        "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized.\n",
    )
    assert (resolution.body, resolution.title, resolution.session) == ("UN-SC", None, None)


def test_date_lines_and_first_dates() -> None:
    en, fr = lexicon("en"), lexicon("fr")
    assert [is_date_line(t, en) for t in ["September 2023", "6 February 2023", "Agenda 2023"]] == [
        True,
        True,
        False,
    ]
    assert is_date_line("le 6 février 2023", fr) and not is_date_line("Genève, février 2023", fr)
    assert str(first_date("\n7 June 2022 E/2022/SR.18", en)) == "2022-06-07"
    assert str(first_date(", 6 février 2023 EB152/SR/10", fr)) == "2023-02-06"
    assert first_date("no date here, 12", en) is None
