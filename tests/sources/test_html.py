"""HTML pages: paragraphs from the structure, footnotes apart, navigation dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from respub.errors import ParseError
from respub.parse import parse_file
from respub.sources.html import html_document, html_text
from respub.sources.load import read_source

ROOT = Path(__file__).resolve().parents[2]


def test_blocks_become_paragraphs() -> None:
    page = """<html lang="en-GB"><head><title>Site</title><style>p {color: red}</style>
    <script>var p = "<p>not text</p>";</script></head>
    <body><nav><ul><li>Home</li><li>About</li></ul></nav>
    <div role="navigation"><a href="/">Back</a></div>
    <h1>A  resolution</h1>
    <div>The General Assembly,<br>
    <p>Recalling its <em>earlier</em> work,</p></div>
    <ol><li>Decides:<ol type="a"><li>to act;</li><li>to report;</li></ol></li>
    <li>Requests <b>the Secretary-General</b> to report.</li></ol>
    <table><tr><th>Member</th><th>Scale</th></tr><tr><td>A</td><td>0.1</td></tr></table>
    <footer><p>Printed on recycled paper</p></footer></body></html>"""
    document = html_document(page, "x.html")
    assert document.text.split("\n\n") == [
        "A resolution",
        "The General Assembly,",
        "Recalling its earlier work,",
        "1. Decides:",
        "(a) to act;",
        "(b) to report;",
        "2. Requests the Secretary-General to report.",
        "Member | Scale",
        "A | 0.1",
        "Printed on recycled paper",
    ]
    assert document.metadata == {"heading": "A resolution", "language": "en"}


def test_footnotes_are_set_apart() -> None:
    page = """<p>Recalling resolution 70/1,<a href="#fn1" class="ref"><sup>1</sup></a> and
    the Charter<sup>2</sup> and the 1<sup>st</sup> session,</p>
    <section class="footnotes"><h2>Notes</h2><ol>
    <li id="fn1"><p>Resolution 70/1. <a href="#fnref1">↩</a></p></li>
    <li id="fn2">See the Charter.</li></ol></section>"""
    assert html_text(page, "x.html") == (
        "Recalling resolution 70/1,[^1] and the Charter[^2] and the 1st session,\n\n"
        "[^1]: Resolution 70/1.\n[^2]: See the Charter."
    )


def test_what_the_page_sets_apart_by_style_and_role() -> None:
    """A floated date or symbol stays a word apart; a list that hides its markers, or an item
    that prints its own label, gets no number from the list; the site's banner and footer
    (by their roles) are no text; a note printing its label again keeps it once."""
    page = """<header role="banner">WHO | Governing bodies</header>
    <p><b>SEVENTY-SIXTH WORLD HEALTH ASSEMBLY</b><span style="float: right">WHA76.6</span></p>
    <p>Agenda item 13.2<span style="position:absolute; right:0">30 May 2023</span></p>
    <p>1. URGES Member States:</p>
    <ol style="list-style: none"><li>(1) to act;</li><li>(2) to report;</li></ol>
    <ol><li>(a) to act;</li><li>to report.<sup><a href="#fn1">1</a></sup></li></ol>
    <p id="fn1"><sup>1</sup> Document A76/7.</p>
    <footer role="contentinfo">© 2023</footer>"""
    assert html_text(page, "x.html").split("\n\n") == [
        "SEVENTY-SIXTH WORLD HEALTH ASSEMBLY WHA76.6",
        "Agenda item 13.2 30 May 2023",
        "1. URGES Member States:",
        "(1) to act;",
        "(2) to report;",
        "(a) to act;",
        "2. to report.[^1]",
        "[^1]: Document A76/7.",
    ]


def test_a_resolution_page_laid_out_with_floats_parses(tmp_path: Path) -> None:
    page = tmp_path / "wha.html"
    page.write_text(
        """<html lang="en"><body>
        <p>SEVENTY-SIXTH WORLD HEALTH ASSEMBLY<span style="float:right">WHA76.6</span></p>
        <p>Agenda item 13.2<span style="float:right">30 May 2023</span></p>
        <h1>Strengthening rehabilitation in health systems</h1>
        <p>The Seventy-sixth World Health Assembly,</p>
        <p>Recalling resolution WHA72.2 (2019) on primary health care;</p>
        <p>1. URGES Member States:</p>
        <ol style="list-style:none"><li>(1) to raise awareness;</li><li>(2) to act;</li></ol>
        <p>2. REQUESTS the Director-General to report.</p>
        <p>Eighth plenary meeting, 30 May 2023<br>A76/VR/8</p></body></html>""",
        "utf-8",
    )
    r = parse_file(page)
    assert (r.identifier, r.title) == ("WHA76.6", "Strengthening rehabilitation in health systems")
    assert [(c.number, c.keyword, len(c.subparagraphs)) for c in r.operative] == [
        (1, "URGES", 2),
        (2, "REQUESTS", 0),
    ]
    assert r.adopted is not None and r.adopted.isoformat() == "2023-05-30"


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>document.write('x')</script><nav>Menu</nav></body></html>",
        "<!-- a comment only -->",
    ],
)
def test_page_without_body_text_is_one_clear_error(page: str) -> None:
    with pytest.raises(ParseError, match="no body text"):
        html_text(page, "x.html")


def test_broken_markup_still_reads() -> None:
    text = html_text("<p>Recalling <b>its work<p>Decides to act</i></div>", "x.html")
    assert text.split("\n\n") == ["Recalling its work", "Decides to act"]


def test_empty_html_file_through_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(ParseError, match="empty") as caught:
        parse_file(path)
    assert str(caught.value).startswith(str(path))
    page = tmp_path / "blank.html"
    page.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(ParseError, match="no body text"):
        parse_file(page)


def test_read_source_keeps_the_page_metadata() -> None:
    doc = read_source(ROOT / "corpus/udhr/fra.html")
    heading = "Déclaration universelle des droits de l’homme"
    assert doc.metadata == {"heading": heading, "language": "fr"}
    assert doc.source.media_type == "text/html"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[:2] == ["Déclaration universelle des droits de l’homme", "Préambule"]
    assert "L’Assemblée générale" in paragraphs
    assert paragraphs[-1].startswith("Aucune disposition de la présente Déclaration")


def test_udhr_articles_with_numbered_paragraphs() -> None:
    paragraphs = read_source(ROOT / "corpus/udhr/eng.html").text.split("\n\n")
    start = paragraphs.index("Article 29")
    assert [p[:3] for p in paragraphs[start + 1 : start + 4]] == ["1. ", "2. ", "3. "]


def test_a_resolution_page_parses(tmp_path: Path) -> None:
    path = tmp_path / "resolution.html"
    path.write_text(
        """<html lang="en"><body><header>A/RES/80/99</header>
        <h1>80/99. Cooperation between the United Nations and a region</h1>
        <p><i>The General Assembly</i>,</p>
        <p><i>Recalling</i> its resolution 79/1 of 1 September 2024,</p>
        <p><i>Noting</i> the report,</p>
        <ol><li><i>Welcomes</i> the cooperation;</li>
        <li><i>Decides</i> to include the item in the agenda of its eighty-first session.</li></ol>
        <p>12th plenary meeting<br>2 October 2025</p></body></html>""",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert r.identifier == "A/RES/80/99"
    assert r.title == "Cooperation between the United Nations and a region"
    assert [c.keyword for c in r.preamble] == ["Recalling", "Noting"]
    assert [(c.number, c.keyword) for c in r.operative] == [(1, "Welcomes"), (2, "Decides")]
    assert r.status == "adopted"
    assert r.adopted is not None and r.adopted.isoformat() == "2025-10-02"


def test_a_declaration_page_of_the_same_shape(tmp_path: Path) -> None:
    path = tmp_path / "declaration.html"
    path.write_text(
        """<html lang="en"><body><h1>Declaration on the Right to Something</h1>
        <p>A/RES/99/1</p><header><h2>Preamble</h2>
        <p>Whereas everyone matters,</p><p>Whereas peace is a common good,</p>
        <p>Now, therefore,</p><p>The General Assembly</p>
        <p>Proclaims this Declaration on the Right to Something.</p></header>
        <article><h2>Article 1</h2><p>Everyone has the right to something.</p></article>
        <article><h2>Article 2</h2><ol><li>States shall respect it.</li>
        <li>States shall protect it.</li></ol></article></body></html>""",
        encoding="utf-8",
    )
    r = parse_file(path)
    assert r.identifier == "A/RES/99/1"
    assert r.title == "Declaration on the Right to Something"
    assert [c.concept for c in r.preamble] == ["whereas", "whereas"]
    assert [(c.keyword, c.concept) for c in r.operative] == [("Proclaims", "affirms")]
    assert r.formula == "Now, therefore, The General Assembly"
    assert len(r.annexes) == 1
    assert r.annexes[0].paragraphs == (
        "Article 1",
        "Everyone has the right to something.",
        "Article 2",
        "1. States shall respect it.",
        "2. States shall protect it.",
    )


def test_an_unknown_declaration_without_symbol_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "declaration.html"
    path.write_text(
        "<h1>Declaration on Nothing</h1><p>Whereas it matters,</p><p>The General Assembly</p>"
        "<p>Proclaims this Declaration.</p><h2>Article 1</h2><p>Nothing.</p>",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="no UN-GA resolution identifier"):
        parse_file(path)
