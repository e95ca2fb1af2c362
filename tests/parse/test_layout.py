"""Layout cases from constructed fixtures (tests/fixtures/layout/README.md)."""

from __future__ import annotations

from pathlib import Path

from respub.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"
UN_SC = FIXTURES.parent / "bodies" / "un-sc.en.txt"


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


def test_headings_in_the_operative_part_are_kept_on_the_clause_they_stand_above() -> None:
    """An omnibus resolution's parts ("I" / "Implementation of the Convention" above
    paragraph 1, "II" / "Capacity-building" above paragraph 3): each heading is kept, on
    the first clause of its part only, and is no clause's text; numbering runs on."""
    resolution = parse_file(FIXTURES / "A_RES_79_144.sections.constructed.txt")
    assert [(c.number, c.heading) for c in resolution.operative] == [
        (1, "I Implementation of the Convention"),
        (2, None),
        (3, "II Capacity-building"),
        (4, None),
    ]
    assert not any("Capacity-building" in c.text for c in resolution.operative)
    assert resolution.operative[1].text.endswith("to become parties to the Convention;")
    assert [c.heading for c in parse_file(UN_SC).operative] == [
        "Asset freeze",
        None,
        "Monitoring Team",
        None,
        None,
    ]


def test_a_verb_alone_over_numbered_items_is_one_operative_clause_holding_them() -> None:
    """ "RESOLVES:" then "1. To reaffirm ...", "2. To instruct ...": one operative clause,
    unnumbered, whose sub-paragraphs are the numbered items (with their own sub-items);
    not a recital followed by operative clauses whose keyword would be "To"."""
    for language, verb in (("en", "RESOLVES"), ("es", "RESUELVE")):
        resolution = parse_file(FIXTURES / f"resolves-chapeau.{language}.constructed.md")
        assert [c.concept for c in resolution.preamble] == [
            "considering",
            "recalling",
            "reaffirming",
        ]
        (clause,) = resolution.operative
        assert (clause.keyword, clause.concept, clause.number) == (verb, "decides", None)
        assert clause.text == f"{verb}:"
        items = clause.subparagraphs
        assert [s.label for s in items] == ["1", "2", "3"]
        assert items[0].text.split()[0] in ("To", "Reafirmar")
        if language == "es":
            assert [s.label for s in items[1].subparagraphs] == ["a", "b"]


def test_clause_marks_are_one_table() -> None:
    """Clause numbers, sub-paragraph labels and clause ends are spelt once, in layout.yaml's
    `clause_marks`; cleaning, reading-order repair, segmentation and parts all use it."""
    import re

    from respub.knowledge.layout import MARKS

    src = Path(__file__).resolve().parents[2] / "src" / "respub" / "parse"
    for path in src.glob("*.py"):
        text = path.read_text("utf-8")
        assert r"[ivxlc]{1,6}" not in text and not re.search(r"\\d\{1,3\}\)?\\\.", text), path
    assert MARKS.label_alone.match("(iv)") and MARKS.label_alone.match("II.")
    assert MARKS.numbered_text.match("4.2 The Administration") is None
    assert MARKS.opens_part.match("(B) text") and MARKS.opens_part.match("[^3]: note")
    assert MARKS.ends_clause_marked.search("resolution 1;[^4]")
    assert MARKS.ends_clause.search("وإذ تشير إلى قرارها،") and not MARKS.ends_clause.search("of")
