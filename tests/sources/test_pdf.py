"""PDF text layers: paragraphs, footnotes and page furniture from positions; bad PDFs."""

from __future__ import annotations

import contextlib
import io
import random
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfWriter

from respub.errors import ParseError
from respub.parse import parse_file
from respub.parse.reading_order import split_inline_clauses
from respub.sources.load import read_source
from respub.sources.pdf import pdf_text
from respub.sources.pdf_layout import Page, Run, layout_text

ROOT = Path(__file__).resolve().parents[2]
WHA = ROOT / "corpus/who-wha/pdf"
UN = ROOT / "corpus/un-ga/pdf"
MakePdf = Callable[..., bytes]


def _layout(*pages: Sequence[tuple[float, float, float, str]]) -> str:
    return layout_text(
        [Page(n, 612, 792, tuple(Run(*r) for r in runs)) for n, runs in enumerate(pages, 1)]
    )


# -- layout: marks, footnotes, furniture, paragraphs -------------------------------------


def test_raised_numbers_become_marks_and_notes() -> None:
    text = _layout(
        [
            (72, 700, 11, "Having considered the report;"),
            (230, 707, 9, "2"),  # raised above its line: a reference mark
            (72, 40, 9, "2"),  # raised at the start of a line: the note's label
            (80, 33, 11, "Document A66/2."),
        ]
    )
    assert text == "Having considered the report;[^2]\n\n[^2]: Document A66/2."


def test_notes_printed_first_in_the_stream_end_up_last() -> None:
    text = _layout([(72, 40, 9, "1"), (80, 33, 11, "A note."), (72, 700, 11, "Heading")])
    assert text.splitlines()[0] == "Heading"
    assert text.endswith("[^1]: A note.")


def test_note_under_a_rule_continues_on_the_next_page() -> None:
    text = _layout(
        [
            (72, 700, 10, "Recalling its resolution,"),
            (200, 704, 6, "1"),
            (72, 110, 8, "__________________"),
            (72, 98, 6, "1"),
            (80, 95, 8, "Related documents include A/1,"),
        ],
        [
            (72, 700, 10, "Noting the report,"),
            (72, 110, 8, "__________________"),
            (80, 95, 8, "A/2 and A/3."),
        ],
    )
    assert text.endswith("[^1]: Related documents include A/1, A/2 and A/3.")


def test_repeated_notes_are_kept_once() -> None:
    note = [(72, 40, 9, "4"), (80, 33, 11, "Document A66/23.")]
    text = _layout([(72, 700, 11, "Recalling;"), (120, 707, 9, "4"), *note], [*note])
    assert text.count("[^4]: Document A66/23.") == 1


def test_running_headers_and_footers_go() -> None:
    def page(number: int, body: str) -> list[tuple[float, float, float, str]]:
        header = (
            [(60, 743, 8, "Political declaration on X"), (60, 733, 8, "A/RES/73/3")]
            if number % 2
            else [(300, 743, 8, "Political declaration on X"), (500, 733, 8, "A/RES/73/3")]
        )
        footer = [(60, 37, 8, f"{number}/3"), (500, 38, 7, "18-16895")]
        return [*header, (123, 700, 10, body), *footer]

    text = _layout(page(1, "first"), page(2, "second"), page(3, "third"))
    assert text == "first second third"


def test_masthead_of_the_first_page_stays() -> None:
    text = _layout(
        [
            (123, 735, 14, "United Nations"),
            (493, 735, 14, "A/RES/73/6"),
            (65, 44, 10, "18-17962 (E) 021118"),
            (65, 30, 12, "*1817962*"),
            (123, 500, 10, "The General Assembly,"),
        ]
    )
    assert text == "United Nations A/RES/73/6\n\nThe General Assembly,"


def test_paragraphs_from_gaps_numbers_labels_and_indents() -> None:
    text = _layout(
        [
            (72, 700, 11, "Recalling its resolution on"),
            (72, 685, 11, "the matter;"),  # the usual line pitch: same paragraph
            (72, 660, 11, "Noting the report,"),  # a wider gap: a new paragraph
            (72, 645, 11, "1. URGES Member States:"),  # a number opens a clause
            (100, 630, 11, "(1) to act"),  # a label opens an item
            (100, 615, 11, "soon;"),
            (100, 600, 11, "(2) to report."),
        ]
    )
    assert text.split("\n\n") == [
        "Recalling its resolution on the matter;",
        "Noting the report,",
        "1. URGES Member States:",
        "(1) to act soon;",
        "(2) to report.",
    ]


def test_first_line_indents_open_paragraphs() -> None:
    text = _layout(
        [
            (147, 700, 10, "Recalling its resolutions"),
            (123, 688, 10, "of 2017,"),
            (147, 676, 10, "Noting the report of the"),
            (123, 664, 10, "Secretary-General,"),
            (147, 652, 10, "Welcoming the work"),
            (123, 640, 10, "done,"),
        ]
    )
    assert text.split("\n\n") == [
        "Recalling its resolutions of 2017,",
        "Noting the report of the Secretary-General,",
        "Welcoming the work done,",
    ]


def test_page_break_continues_or_opens_a_paragraph() -> None:
    text = _layout(
        [(72, 114, 11, "Recognizing the role of the"), (72, 100, 11, "countries;")],
        [
            (72, 700, 11, "Underscoring that health"),
            (72, 686, 11, "research should be"),
            (72, 672, 11, "needs-driven"),
        ],
        [(72, 700, 11, "and evidence-based;")],
    )
    assert text.split("\n\n") == [
        "Recognizing the role of the countries;",
        "Underscoring that health research should be needs-driven and evidence-based;",
    ]


def test_hyphen_at_a_line_end_joins_the_word() -> None:
    text = _layout(
        [
            (72, 700, 11, "the Sixty-"),
            (72, 686, 11, "sixth World Health"),
            (72, 672, 11, "drug -"),
            (72, 658, 11, "resistant, 2013–"),
            (72, 644, 11, "2020"),
        ]
    )
    assert text == "the Sixty-sixth World Health drug-resistant, 2013–2020"


def test_table_rows_are_paragraphs() -> None:
    rows = [
        (72, 640, 11, "Maternal health commodities"),
        (78, 627, 11, "1"),
        (100, 627, 11, "Oxytocin"),
        (78, 614, 11, "2"),
        (100, 614, 11, "Misoprostol"),
        (72, 601, 11, "Newborn health commodities"),
    ]
    assert _layout(rows).split("\n\n") == [
        "Maternal health commodities",
        "1 Oxytocin",
        "2 Misoprostol",
        "Newborn health commodities",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("for Women and Children1", "for Women and Children[^1]"),
        ("2. URGES Member States:1", "2. URGES Member States:[^1]"),
        ("Non-communicable Diseases,1 which", "Non-communicable Diseases,[^1] which"),
        ("in 2016, 2018 and 2021,2 and reports", "in 2016, 2018 and 2021,[^2] and reports"),
        ("mental health action plan 2013–20202", "mental health action plan 2013–2020[^2]"),
        ("resolutions WHA59.24, WHA63.21 and A66/9 Corr.1.", None),
        ("a “Space2030” agenda, 25 per cent", None),
    ],
)
def test_numbers_glued_to_words_become_marks(line: str, expected: str | None) -> None:
    assert _layout([(72, 700, 11, line)]) == (expected or line)


def test_inline_clause_split_needs_the_next_number() -> None:
    assert split_inline_clauses(["1. DECIDES to act; 2. URGES States:"]) == [
        "1. DECIDES to act;",
        "2. URGES States:",
    ]
    kept = ["1. DECIDES to apply paragraph 4; 3. Notes are kept."]
    assert split_inline_clauses(kept) == kept


def test_inline_clause_split_is_the_plain_texts() -> None:
    """PDF paragraphs are cut as plain text lines are (one function since the review): the
    next number inside a sub-paragraph below a numbered clause, before a word in any script
    (the PDF reader's own copy cut only numbered paragraphs, before A-Z)."""
    assert split_inline_clauses(["1. DECIDES:", "(a) to act; 2. URGES States:"]) == [
        "1. DECIDES:",
        "(a) to act;",
        "2. URGES States:",
    ]
    assert split_inline_clauses(["1. DÉCIDE d’agir ; 2. ÉTABLIT un groupe."]) == [
        "1. DÉCIDE d’agir ;",
        "2. ÉTABLIT un groupe.",
    ]
    text = _layout([(72, 700, 11, "1. DECIDES:"), (72, 680, 11, "(a) to act; 2. URGES States.")])
    assert text.split("\n\n")[-2:] == ["(a) to act;", "2. URGES States."]


# -- whole PDFs -------------------------------------------------------------------------


def test_pdf_written_with_a_text_layer(make_pdf: MakePdf) -> None:
    data = make_pdf(
        [
            [
                (72, 40, 8, "3"),
                (80, 34, 11, "Document A66/3."),
                (72, 700, 11, "WHA66.3 A title"),
                (72, 670, 11, "The Sixty-sixth World Health Assembly,"),
                (72, 640, 11, "Having considered the report;"),
                (210, 647, 8, "3"),
                (72, 610, 11, "ADOPTS the plan."),
            ]
        ]
    )
    assert pdf_text(data, "x.pdf") == (
        "WHA66.3 A title\n\nThe Sixty-sixth World Health Assembly,\n\n"
        "Having considered the report;[^3]\n\nADOPTS the plan.\n\n[^3]: Document A66/3."
    )


def test_pdf_parses_end_to_end(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = tmp_path / "WHA66.3.pdf"
    path.write_bytes(
        make_pdf(
            [
                [
                    (72, 700, 11, "WHA66.3 A title"),
                    (72, 670, 11, "The Sixty-sixth World Health Assembly, Recalling its work;"),
                    (72, 640, 11, "1. URGES Member States to act;"),
                    (72, 610, 11, "2. REQUESTS the Director-General to report."),
                ]
            ]
        )
    )
    r = parse_file(path)
    assert (r.identifier, r.title, r.session and r.session.number) == ("WHA66.3", "A title", 66)
    assert [c.keyword for c in r.preamble] == ["Recalling"]
    assert [(c.number, c.keyword) for c in r.operative] == [(1, "URGES"), (2, "REQUESTS")]
    assert r.source.media_type == "application/pdf"


def test_heading_formula_and_first_clause_on_one_baseline(
    tmp_path: Path, make_pdf: MakePdf
) -> None:
    """Notes drawn first, then the heading, the title, the formula and the first clause on
    one baseline (text of WHA66.11): each comes out in its place."""
    heading = [
        (72, 700, 11, "WHA66.11"),
        (130, 700, 11, "Health in the post-2015 development agenda"),
        (72, 680, 11, "The Sixty-sixth World Health Assembly, Having considered the"),
    ]
    one_baseline = [
        (
            72,
            700,
            11,
            "WHA66.11    Health in the post-2015 development agenda    The "
            "Sixty-sixth World Health Assembly, Having considered the",
        ),
    ]
    path, one_line = tmp_path / "WHA66.11.pdf", tmp_path / "one-line" / "WHA66.11.pdf"
    one_line.parent.mkdir()
    for target, lines, top in ((path, heading, 680), (one_line, one_baseline, 700)):
        target.write_bytes(  # the notes first, the heading, then the rest of the page
            make_pdf(
                [
                    [
                        (72, 40, 8, "1"),
                        (80, 34, 10, "Document A66/47."),
                        *lines,
                        (72, top - 13, 11, "report on health in the post-2015 development agenda,"),
                        (340, top - 8, 8, "1"),
                        (72, top - 40, 11, "1. URGES Member States:"),
                        (72, top - 60, 11, "(1) to ensure that health is central to the agenda;"),
                    ]
                ]
            )
        )
    for source in (path, one_line):
        r = parse_file(source)
        assert r.identifier == "WHA66.11"
        assert r.title == "Health in the post-2015 development agenda"
        assert r.formula == "The Sixty-sixth World Health Assembly,"
        assert [(c.keyword, c.text) for c in r.preamble] == [
            (
                "Having considered",
                "Having considered the report on health in the post-2015 development agenda,",
            )
        ]
        assert [(c.number, c.keyword) for c in r.operative] == [(1, "URGES")]
        assert [(n.label, n.text) for n in r.footnotes] == [("1", "Document A66/47.")]


# -- words split by a space between two runs (pypdf: "All St ates") ----------------------


def test_real_words_split_between_runs_are_joined() -> None:
    """The four words the two UN PDFs print in two runs, and nothing else, are joined."""
    text = read_source(UN / "A_RES_73_6-EN.pdf").text
    assert "in the Interest of All States, Taking into Particular Account" in text
    text = read_source(UN / "A_RES_73_3-EN.pdf").text
    for joined in ("public health and,", "for tuberculosis, and", "national progress, across"):
        assert joined in text
    assert "post partum haemorrhage" in read_source(WHA / "WHA66.7.pdf").text  # one run


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # English: "Mem" + " ber" is one word; "a" + " typical" are two real words
        (["The Mem", " ber States and a", " typical case"], "The Member States and a typical case"),
        # French: "gouver" + " nement"; "de" + " venir" stay two words
        (
            (["les États mem", " bres et le gouver", " nement, de", " venir"]),
            "les États membres et le gouvernement, de venir",
        ),
        # Spanish: "Gobier" + " no"; "Esta" + " dos" are two real words and stay so
        (
            (["el Gobier", " no de los Esta", " dos Miem", " bros"]),
            "el Gobierno de los Esta dos Miembros",
        ),
    ],
)
def test_words_split_between_runs_in_a_written_pdf(
    make_pdf: MakePdf, runs: list[str], expected: str
) -> None:
    x, drawn = 72.0, []
    for run in runs:  # each run starts where the one before ends (Times-Roman, 11 pt)
        drawn.append((x, 700.0, 11.0, run))
        x += 0.5 * 11 * len(run)
    assert pdf_text(make_pdf([drawn]), "x.pdf") == expected


def test_arabic_words_split_between_runs() -> None:
    from functools import partial

    from respub.knowledge.words import split_word

    runs = (
        Run(72, 700, 12, "الدول الأعض"),
        Run(140, 700, 12, " اء في الأمم"),
        Run(200, 700, 12, " المتحدة"),
    )
    joined = layout_text([Page(1, 612, 792, runs)], partial(split_word, language="ar"))
    assert joined == "الدول الأعضاء في الأمم المتحدة"  # "الأمم" "المتحدة": two words


def test_corpus_pdf_text() -> None:
    text = read_source(WHA / "WHA66.22.pdf").text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("WHA66.22 Follow up of the report")
    assert paragraphs[1] == "The Sixty-sixth World Health Assembly,"
    assert "academia and civil society;\n\n2. URGES Member States:[^1]\n\n(1) to strengthen" in text
    assert paragraphs[-1] == "[^4]: Document A66/23."


def test_un_pdf_masthead_and_closing() -> None:
    paragraphs = read_source(UN / "A_RES_73_6-EN.pdf").text.split("\n\n")
    assert "Resolution adopted by the General Assembly on 26 October 2018" in paragraphs
    assert "26th plenary meeting 26 October 2018" in paragraphs
    assert not any(p in ("A/RES/73/6", "2/5", "18-17962") for p in paragraphs)


# -- bad PDFs: one clear ParseError -------------------------------------------------------


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=WHA / "WHA66.6.pdf")
    writer.encrypt(user_password, "owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", _blank_pdf(), r"page 1: no text layer \(scanned PDF\?\)"),
        ("cut.pdf", (WHA / "WHA66.22.pdf").read_bytes()[:8000], "not a readable PDF: truncated"),
        ("noise.pdf", random.Random(7).randbytes(4096), "not a readable PDF: no %PDF header"),
        ("empty.pdf", b"", "not a readable PDF"),
        ("fake.pdf", b"%PDF-1.4\n" + random.Random(8).randbytes(4096) + b"\n%%EOF\n", "readable"),
        ("locked.pdf", _encrypted_pdf("secret"), "encrypted PDF"),
    ],
)
def test_bad_pdf_is_one_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError, match=message) as caught:
        parse_file(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_encrypted_without_user_password_is_read() -> None:
    assert pdf_text(_encrypted_pdf(""), "x.pdf").startswith("WHA66.6 Financial Report")


def test_damaged_pdfs_never_raise_anything_but_parse_error() -> None:
    original = (WHA / "WHA66.6.pdf").read_bytes()
    rng = random.Random(2024)
    for _ in range(40):
        data = bytearray(original)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(9, len(data) - 8)] = rng.randrange(256)
        with contextlib.suppress(ParseError):  # anything else fails the test
            pdf_text(bytes(data), "damaged.pdf")


def test_numbered_lines_in_small_print_low_on_the_page_are_notes() -> None:
    text = _layout(
        [
            (72, 700, 11, "Recalling resolution 70/1,"),
            (72, 686, 11, "1. DECIDES to act."),
            (72, 60, 8, "1 Resolution 70/1."),  # not raised: small print, low on the page
            (72, 50, 8, "2 See the Charter."),
        ]
    )
    assert text.split("\n\n") == [
        "Recalling resolution 70/1,",
        "1. DECIDES to act.",
        "[^1]: Resolution 70/1.\n[^2]: See the Charter.",
    ]
