"""The cleanup stages on small inline texts: spaces, clause numbers, page furniture,
footnotes and their marks, page breaks, hyphens, titles cut at a line end."""

from __future__ import annotations

import random
import re

import pytest

from respub.knowledge.headings import annex_line
from respub.knowledge.lexicon import Lexicon, lexicon
from respub.knowledge.profiles import profile
from respub.parse.cleanup import (
    _continues,
    clean_text,
    dotted_numbers,
    join_labels,
    join_page_breaks,
    normalise_lines,
)
from respub.parse.footnotes import PAGE_BREAK, collect_notes, definition, mark_notes
from respub.parse.furniture import remove_furniture
from respub.parse.header import complete_title
from respub.parse.reading_order import break_clauses, break_paragraphs

UN = profile("UN-GA")
TITLE = "Participation by the State of Palestine during the eightieth session"


def _clean(text: str) -> str:
    return clean_text(text, UN, "en")


def test_spaces_and_hyphens_are_unified() -> None:
    assert normalise_lines(" A\u00a0 B \r\nnon\u2011governmental\u00ad \t") == [
        "A B",
        "non-governmental",
    ]


def test_number_and_label_alone_join_their_text() -> None:
    lines = ["1.", "Decides that:", "", "(a)", "The State;", "(iv)", "Text", "(a) Kept"]
    assert join_labels(lines) == ["1. Decides that:", "", "(a) The State;", "(iv) Text", "(a) Kept"]


def test_numbered_line_after_a_sentence_opens_a_paragraph() -> None:
    assert join_labels(["countries.", "2. We welcome", "the Programme", "3. We"]) == [
        "countries.",
        "",
        "2. We welcome",
        "the Programme",
        "3. We",
    ]


def test_even_and_odd_page_headers_are_taken_out() -> None:
    lines = [
        "80/1. " + TITLE,
        "",
        "Text of the",
        "",
        "A/RES/80/1",
        TITLE,
        "",
        "2/3",
        "",
        "clause;",
        "",
        "Participation by the State of Palestine during",
        "the eightieth session",
        "A/RES/80/1",
        "",
        "3/3",
        "",
        "Next,",
    ]
    kept = remove_furniture(lines, "A/RES/80/1", TITLE, 1)
    assert [x for x in kept if x.strip() and x != PAGE_BREAK] == [
        "80/1. " + TITLE,
        "Text of the",
        "clause;",
        "Next,",
    ]
    assert kept.count(PAGE_BREAK) == 2


def test_job_numbers_and_bar_codes_go_the_masthead_stays() -> None:
    lines = ["United Nations", "A/RES/80/1", "25-15106 (E)", "*2515106*", "80/1. " + TITLE, "x"]
    assert remove_furniture(lines, "A/RES/80/1", TITLE, 4) == [
        "United Nations",
        "A/RES/80/1",
        "80/1. " + TITLE,
        "x",
    ]


@pytest.mark.parametrize(
    "header",
    [
        "A/RES/80/1 " + TITLE,  # txt-v1.1, even page
        TITLE + " A/RES/80/1",  # txt-v1.1, odd page
        TITLE,  # Markdown
    ],
)
def test_running_header_paragraph_is_taken_out(header: str) -> None:
    lines = ["debate of the", "", header, "", "Assembly at its session;"]
    assert remove_furniture(lines, "A/RES/80/1", TITLE) == [
        "debate of the",
        "",
        PAGE_BREAK,
        "",
        "Assembly at its session;",
    ]


def test_running_headers_in_a_row_and_after_an_annex_heading() -> None:
    """A header taken out leaves the paragraph above it the one an annex is told by."""
    lines = ["Annex", "", TITLE, "", "A/RES/80/1 " + TITLE, "", "Text", "", TITLE, "", "End"]
    assert remove_furniture(lines, "A/RES/80/1", TITLE) == [
        "Annex",
        "",
        TITLE,
        "",
        PAGE_BREAK,
        "",
        "Text",
        "",
        PAGE_BREAK,
        "",
        "End",
    ]


def test_title_of_an_annex_and_a_line_like_the_title_stay() -> None:
    lines = ["Annex", "", TITLE, "", "1. We", "", "the eightieth session", "", "Text"]
    assert remove_furniture(lines, "A/RES/80/1", TITLE) == lines


def test_footnote_block_after_a_rule() -> None:
    lines = [
        "general debate of the",
        "_______________",
        "",
        "1 See resolution 169 (II).",
        "",
        "2 Official Records of the General Assembly, Eightieth Session,",
        "Supplement No. 1.",
        "",
        "Assembly at its session;",
    ]
    body, notes = collect_notes(lines)
    assert notes == [
        "[^1]: See resolution 169 (II).",
        "[^2]: Official Records of the General Assembly, Eightieth Session, Supplement No. 1.",
    ]
    assert [x for x in body if x.strip() and x != PAGE_BREAK] == [
        "general debate of the",
        "Assembly at its session;",
    ]


def test_rule_glued_to_the_text_and_notes_without_rule() -> None:
    lines = [
        "debate of the ---",
        "",
        "1 See resolution 169 (II).",
        "",
        "Assembly,",
        "",
        "2 A/79/364.",
        "",
        "2 billion people",
        "",
        "3 million",
    ]
    body, notes = collect_notes(lines)
    assert notes == ["[^1]: See resolution 169 (II).", "[^2]: A/79/364."]
    assert "debate of the" in body and "2 billion people" in body and "3 million" in body


def test_markdown_definitions_are_repaired_and_set_apart() -> None:
    lines = [
        "Text",
        "",
        "[^9]: see Resolutions, 1 August 2012–31 July",
        "[^2013]: (S/INF/68).",
        "",
        "[^10]: Next.",
    ]
    body, notes = collect_notes(lines)
    assert body == ["Text"]
    assert notes == [
        "[^9]: see Resolutions, 1 August 2012–31 July",
        "2013 (S/INF/68).",
        "[^10]: Next.",
    ]


def test_collect_notes_leaves_no_definition_in_the_body() -> None:
    """Numbered notes collected or Markdown definitions set apart: no `[^n]:` line stays
    in the body, so clean_text has no definitions to look for in it."""
    pool = [
        "Text", "", "Recalling the Treaty1 and", "1 See resolution 169 (II).",
        "2 A/79/364.", "_______________", "debate of the ---", "[^1]: A note",
        "[^2]: Another", "[^2013]: (S/INF/68).", "goes on.", "[^1] not a definition",
        PAGE_BREAK, "3 million",
    ]  # fmt: skip
    draw = random.Random(3)
    for _ in range(3000):
        lines = draw.choices(pool, k=draw.randint(0, 14))
        body, notes = collect_notes(lines, draw.randint(0, 3))
        assert not any(definition(line) for line in body), lines
        assert not notes or definition(notes[0]), lines


@pytest.mark.parametrize(
    ("text", "labels", "marked"),
    [
        ("the United Nations1 are", ["1"], "the United Nations[^1] are"),
        ("in July 1979,1\n\nRecalling", ["1"], "in July 1979,[^1]\n\nRecalling"),
        ("entitled “Our Common Agenda”1 and", ["1"], "entitled “Our Common Agenda”[^1] and"),
        ("version in 2014, 3\n", ["3"], "version in 2014,[^3]\n"),
        ("made by a number of States 7 that", ["7"], "made by a number of States[^7] that"),
        ("the Paris Principles. 13 We will", ["13"], "the Paris Principles.[^13] We will"),
        ("Declarations of 20172 and 2021,3", ["2", "3"], "Declarations of 2017[^2] and 2021,[^3]"),
        ("for the Decade 2024– 203412 and", ["12"], "for the Decade 2024– 2034[^12] and"),
        ("Action Plan 2021–2026 3 to support", ["3"], "Action Plan 2021–2026[^3] to support"),
        ("for 2024/25; 4", ["4"], "for 2024/25;[^4]"),
    ],
)
def test_printed_marks_become_footnote_marks(text: str, labels: list[str], marked: str) -> None:
    assert mark_notes(text, labels) == marked


@pytest.mark.parametrize(
    "text",
    [
        "including paragraph 3 of the resolution",
        "article 7 of the Convention",
        "on the 13 practical steps",
        "held on 2 December 2024",
        "articles 1, 2 and 3 of",
        "almost 2 billion children",
        "the Youth4Disarmament Forum",
        "emissions of CO2 and",
        "warming of 1.5 degrees",
        "resolution 80/3 on",
    ],
)
def test_numbers_that_are_no_marks_stay(text: str) -> None:
    assert mark_notes(text, ["1", "2", "3", "4", "5", "7", "13"]) == text


def test_marks_are_found_in_numbering_order_and_only_for_existing_notes() -> None:
    text = "Agenda1 and Treaty,2 and the Convention,3 and"
    assert mark_notes(text, ["1", "3"]) == "Agenda[^1] and Treaty,2 and the Convention,[^3] and"
    assert mark_notes("before,2 then Court,1 after,2", ["1", "2"]) == (
        "before,2 then Court,[^1] after,[^2]"
    )
    assert mark_notes("report[^4] adopted, agenda 5 and", ["4", "5"]) == (
        "report[^4] adopted, agenda[^5] and"
    )


def test_page_break_joins_a_split_paragraph_only() -> None:
    assert join_page_breaks("debate of the\n\n\f\n\nAssembly at its;") == (
        "debate of the\nAssembly at its;"
    )
    assert join_page_breaks("within the\n\f\nregional organizations,") == (
        "within the\nregional organizations,"
    )
    for before, after in [
        ("Recalling it,", "Noting"),
        ("the", "2. Decides"),
        ("the", "(b) To"),
        ("1 December 2025", "Annex"),
        ("Reaffirms[^1]:", "Next"),
    ]:
        assert join_page_breaks(f"{before}\n\f\n{after}") == f"{before}\n\n{after}"


def _join_page_breaks_by_lines(lines: list[str]) -> list[str]:
    """The lines as `join_page_breaks` joined them before it read the text (its reference)."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        if lines[index] != PAGE_BREAK:
            result.append(lines[index])
            index += 1
            continue
        following = index
        while following < len(lines) and (
            not lines[following].strip() or lines[following] == PAGE_BREAK
        ):
            following += 1
        while result and not result[-1].strip():
            result.pop()
        before = result[-1] if result else None
        after = lines[following] if following < len(lines) else None
        if before is None or after is None or not _continues(before, after):
            result.append("")
        index = following
    return result


def test_page_breaks_joined_in_the_text_as_line_by_line() -> None:
    draw = random.Random(7)
    pieces = ["", "", PAGE_BREAK, PAGE_BREAK, " ", "the", "Noting,", "x\fy", "\f\f", "2. Decides"]
    for _ in range(5000):
        lines = [draw.choice(pieces) for _ in range(draw.randint(0, 7))]
        text = "\n".join(lines)
        assert join_page_breaks(text) == "\n".join(_join_page_breaks_by_lines(lines)), repr(text)


def test_running_header_inside_a_paragraph() -> None:
    text = (
        "80/1. " + TITLE + "\n \nThe General Assembly,\n \n(a) \nThe State may submit a "
        "statement of its President, \nwhich will be played during the general debate of the "
        "\n_______________ \n \n1 See resolution 169 (II).\n\nA/RES/80/1 \nParticipation by the "
        "State of Palestine during the eightieth session\n \n25-15106\n2/2 \n \nAssembly at its "
        "eightieth session after introduction by its representative1 who is present; \n"
    )
    assert _clean(text).split("\n") == [
        "80/1. " + TITLE,
        "",
        "The General Assembly,",
        "",
        "(a) The State may submit a statement of its President,",
        "which will be played during the general debate of the",
        "Assembly at its eightieth session after introduction by its representative[^1] who is"
        " present;",
        "",
        "[^1]: See resolution 169 (II).",
        "",
    ]


def test_txt_v11_glued_footnote_and_header() -> None:
    text = (
        "80/1. " + TITLE + "\n\n(a) The State may submit during the general debate of the ---"
        "\n\n1 See resolution 169 (II).\n\nA/RES/80/1 " + TITLE + "\n\nAssembly at its "
        "session, as in the United Nations1 Charter;\n\n3rd plenary meeting 19 September 2025\n"
    )
    assert _clean(text).split("\n") == [
        "80/1. " + TITLE,
        "",
        "(a) The State may submit during the general debate of the",
        "Assembly at its session, as in the United Nations[^1] Charter;",
        "",
        "3rd plenary meeting 19 September 2025",
        "",
        "[^1]: See resolution 169 (II).",
        "",
    ]


def test_words_hyphenated_at_a_line_end_are_rejoined() -> None:
    text = "80/1. " + TITLE + "\n\nconfidence- building and action-\noriented, gender- and age-"
    assert _clean(text).split("\n")[2] == (
        "confidence-building and action-oriented, gender- and age-"
    )


def test_closing_line_and_annex_open_their_own_paragraph() -> None:
    text = "80/1. " + TITLE + "\n\n3. Decides so.\n3rd plenary meeting\n19 September 2025\nAnnex\nx"
    assert _clean(text).split("\n")[2:] == [
        "3. Decides so.",
        "",
        "3rd plenary meeting",
        "19 September 2025",
        "",
        "Annex",
        "x",
        "",
    ]


def test_title_cut_at_its_first_line_is_completed() -> None:
    quoted = [
        "the sub-item entitled “Building a peaceful and better world through sport and "
        "the Olympic ideal”"
    ]
    cut = "Building a peaceful and better world through sport and the"
    assert complete_title(cut, quoted, {}) == f"{cut} Olympic ideal"
    catalogue = {"title": "Treaty on the Zone (Bangkok Treaty) :"}
    assert (
        complete_title(
            "Treaty on the Zone", ["entitled “Treaty on the Zone (Bangkok Treaty)”"], catalogue
        )
        == "Treaty on the Zone (Bangkok Treaty)"
    )
    assert complete_title("Treaty on the Zone", [], catalogue) == "Treaty on the Zone"
    wrong = {"title": "Treaty on the South-East Asia Nuclear-Weapon-Free Zone :"}
    assert complete_title("Implementation of the Convention", [], wrong) == (
        "Implementation of the Convention"
    )


def _remove_furniture_line_by_line(
    lines: list[str], symbol: str | None, title: str | None, start: int
) -> list[str]:
    """The reference: every line looked at for a stamp, a page number or the symbol."""
    from respub.parse import furniture

    def kept(part: list[str]) -> list[str]:
        return [line for line in part if not (line and furniture._STAMP.match(line))]

    body = furniture._remove_line_headers(kept(lines[start:]), symbol, title)
    body = furniture._remove_paragraph_headers(body, symbol, title, "en")
    return kept(lines[:start]) + body


def test_remove_furniture_as_line_by_line() -> None:
    """The text searched first for a line that may be a stamp, a page or the symbol: the
    lines kept are those a look at each line keeps."""
    # a line of each alternative of _STAMP and _PAGE, and lines like them
    pool = [
        "", "A/RES/80/1", TITLE, "Participation by the", "25-15106", "25-15106 (E)", "2/2",
        "80/1. Participation", "*2515106*", "Please recycle", "Recalling it,", "12/3 of",
        "1. Decides", PAGE_BREAK, "25-1510", "2/2 a", "Merci de recycler", "Se ruega reciclar.",
    ]  # fmt: skip
    draw = random.Random(11)
    for _ in range(3000):
        lines = draw.choices(pool, k=draw.randint(0, 12))
        symbol = draw.choice(["A/RES/80/1", None])
        title = draw.choice([TITLE, None])
        start = draw.randint(0, 3)
        assert remove_furniture(lines, symbol, title, start) == _remove_furniture_line_by_line(
            lines, symbol, title, start
        ), (lines, symbol, title, start)


def test_a_label_alone_is_joined_then_read_as_a_numbered_line() -> None:
    # the label alone joins the line after it; joined, "1. The" is a numbered line that a
    # sentence's end above opens a paragraph for
    assert join_labels(["Noted.", "1.", "The Assembly", "II.", "", "x", "iv)"]) == [
        "Noted.",
        "",
        "1. The Assembly",
        "II.",
        "",
        "x",
        "iv)",
    ]


def _break_clauses_then_openers(
    lines: list[str], lex: Lexicon | None, openers: list[re.Pattern[str]]
) -> list[str]:
    """What `break_paragraphs` does in one pass, in two: `break_clauses` (with `lex`), then
    a blank line before a line an opener matches right under a line."""
    result: list[str] = []
    for line in lines if lex is None else break_clauses(lines, lex):
        if line and result and result[-1].strip() and any(o.match(line) for o in openers):
            result.append("")
        result.append(line)
    return result


def test_break_paragraphs_is_break_clauses_then_the_openers() -> None:
    openers = [annex_line(), re.compile(r"\d+(?:st|nd|rd|th) plenary meeting")]
    pool = [
        "",
        PAGE_BREAK,
        "Recalling it,",
        "Noting it;",
        "Annex",
        "3rd plenary meeting",
        "1. Decides; 2. Urges States:",
        "(a) to act;",
        "the text",
        "[^1]: A note.",
    ]
    rng = random.Random(7)
    for _ in range(300):
        lines = [rng.choice(pool) for _ in range(rng.randint(0, 8))]
        assert break_paragraphs(lines, lexicon("en"), openers) == _break_clauses_then_openers(
            lines, lexicon("en"), openers
        )
        assert break_paragraphs(lines, None, openers) == _break_clauses_then_openers(
            lines, None, openers
        )


def test_numbers_printed_with_a_dash_are_printed_with_a_dot() -> None:
    text = "إن مجلس حقوق الإنسان،\n\n1- يرحب بالتقرير؛\n\n  ٢ - يقرر مواصلة النظر.\n"
    assert dotted_numbers(text) == (
        "إن مجلس حقوق الإنسان،\n\n1. يرحب بالتقرير؛\n\n٢. يقرر مواصلة النظر.\n"
    )
    # a range, a dash inside a line, a year: left as printed
    for kept in ["10 - 12 June 2023", "Items 3 - 5", "2023 - a year", "4 -- x", "3 -"]:
        assert dotted_numbers(kept) == kept
    assert dotted_numbers("1 - Decides") == "1. Decides"


def test_numbers_printed_bare_before_a_verb_in_capitals_are_printed_with_a_dot() -> None:
    """IMO prints "1<tab>ADOPTS, in accordance with ...": read as "1. ADOPTS ..." once the
    first operative paragraph is printed so; headings and dates in capitals are kept."""
    text = "THE COMMITTEE,\n\n1\tADOPTS the plan;\n\n2  DÉCIDE de rester saisi.\n\n12 INVITES all\n"
    assert dotted_numbers(text) == (
        "THE COMMITTEE,\n\n1. ADOPTS the plan;\n\n2. DÉCIDE de rester saisi.\n\n12. INVITES all\n"
    )
    kept = ["ANNEX\n\n1 GENERAL PROVISIONS\n\n2 SCOPE", "On\n8 JUNE 2023", "x\n1 Paragraph 7 is"]
    for text in kept:  # headings in capitals, a date, a sentence: no verb in capitals
        assert dotted_numbers(text) == text
    # a bare number before capitals is read so only where the first paragraph is printed so
    assert (
        dotted_numbers("1. ADOPTS it;\n2 MSC members agree") == "1. ADOPTS it;\n2 MSC members agree"
    )


def _dotted_numbers_in_two_passes(text: str) -> str:
    """The reference: dashed numbers made dotted, then bare ones when the text (so changed)
    holds a first one after its first line."""
    from respub.parse import cleanup

    text = cleanup._DASHED_NUMBER.sub("\n\\1. ", "\n" + text)[1:]
    first_bare = re.compile(r"\n[ \t]*1[ \t]+[A-ZÀ-ÖØ-Þ]{3,}\b[^\n]*?[a-zß-öø-ÿ]")
    return cleanup._BARE_NUMBER.sub("\n\\1. ", text) if first_bare.search(text) else text


def test_dotted_numbers_as_in_two_passes() -> None:
    """One search tells which of the two substitutions may change the text."""
    pool = ["\n", " ", "\t", "1", "2", "12", "-", "–", " - ", "ADOPTS", "the", "JUNE", "٢", "x"]
    draw = random.Random(13)
    for _ in range(20000):
        text = "".join(draw.choices(pool, k=draw.randint(0, 14)))
        assert dotted_numbers(text) == _dotted_numbers_in_two_passes(text), text
