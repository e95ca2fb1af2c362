"""Layout cases from constructed fixtures (tests/fixtures/layout/README.md)."""

from __future__ import annotations

from pathlib import Path

from respub.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def test_french_session_ordinal_in_words() -> None:
    resolution = parse_file(FIXTURES / "A_RES_80_4.fr.constructed.txt")
    assert resolution.identifier == "A/RES/80/4" and resolution.language == "fr"
    assert resolution.session is not None and resolution.session.number == 80
    assert [(c.keyword, c.concept) for c in resolution.preamble] == [
        ("Rappelant", "recalling"),
        ("Encourageant", "encouraging"),
    ]


def test_a_quoted_numbered_paragraph_stays_inside_its_clause() -> None:
    resolution = parse_file(FIXTURES / "amendment.constructed.txt")
    assert resolution.body == "IMO-MSC"
    assert [c.number for c in resolution.operative] == [1, 2, 3]
    assert [c.keyword for c in resolution.operative] == ["ADOPTS", "DETERMINES", "INVITES"]
    first = resolution.operative[0].text
    assert "4.1 Every ship" in first and "4.2 The Administration" in first
    assert "3. Nothing in this regulation" in first
    assert [(c.keyword, c.concept) for c in resolution.preamble][1] == (
        "CALLING UPON",
        "calling-upon",
    )
