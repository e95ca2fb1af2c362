"""The one identifier table: every style round-trips, INTERPOL styles meet, no other grammar."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from respub.knowledge.identifiers import (
    _finders,
    find_identifiers,
    from_path,
    identify,
    looks,
    search_pattern,
    style,
    style_named,
    styles,
)
from respub.model import Source
from respub.parse.citations import find_citations
from respub.rdf.iri import Iris

EXAMPLES = [(s.id, e) for s in styles() for e in s.examples]
SRC = Path(__file__).resolve().parents[2] / "src" / "respub"


@pytest.mark.parametrize(("style_id", "printed"), EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_every_style_round_trips(style_id: str, printed: str) -> None:
    """identifier -> canonical -> IRI -> identifier, for every example of the table."""
    found = identify(printed)
    assert found is not None and found.style == style_id
    again = identify(found.canonical)
    # the same identifier; a citation form ("Convention, 2006 (No. 187)") reads back in the
    # style of its canonical form (C187), of the same body and kind
    assert again is not None and replace(again, style=found.style) == found, (
        "the canonical form reads back as the same identifier"
    )
    assert again.style == found.style or (style(again.style).canonical == style(style_id).canonical)
    back = from_path(found.path)
    assert back is not None and back.canonical == found.canonical
    assert Iris().work(printed) == Iris().work(found.canonical) == Iris().base + found.path


def test_every_style_has_examples_and_a_known_kind() -> None:
    for each in styles():
        assert each.examples, each.id
        assert each.kind in ("resolution", "decision", "convention", "recommendation"), each.id


def test_each_example_is_found_in_running_text() -> None:
    for style_id, printed in EXAMPLES:
        text = f"Recalling {printed}, and"
        found = search_pattern().search(text)
        assert found is not None and found.group() == printed, (style_id, printed)


def test_interpol_styles_key_the_same_work_iri() -> None:
    iris = Iris()
    assert iris.work("AGN/65/RES/9") == iris.base + "resolution/interpol-ga/1996/9"
    assert iris.work("AG-2005-RES-09") == iris.base + "resolution/interpol-ga/2005/9"
    assert iris.work("GA-2021-89-RES-09") == iris.base + "resolution/interpol-ga/2021/9"
    # the same resolution named by session or by year
    assert iris.work("AGN/89/RES/9") == iris.work("GA-2021-89-RES-09")
    assert identify("AGN/89/RES/9") is not None
    assert from_path("resolution/interpol-ga/2021/9").canonical == "GA-2021-89-RES-09"  # type: ignore[union-attr]


def test_a_citation_meets_the_cited_resolution() -> None:
    """A 2021 resolution cites AG-2005-RES-09; once that one is published, both IRIs agree."""
    cited = find_citations("Recordando la resolución AG-2005-RES-09 sobre ...", "preamble-1")
    assert [c.identifier for c in cited] == ["AG-2005-RES-09"]
    from respub.model import Resolution

    published = Resolution("AG-2005-RES-09", "INTERPOL-GA", "en", Source("x", "", ""))
    iris = Iris()
    assert iris.work(cited[0].identifier) == iris.work(published.identifier)


def test_divergent_grammars_are_gone() -> None:
    """No module spells an identifier style of its own any more."""
    for path in SRC.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "_STYLES" not in text and "_SYMBOL" not in text and "_RULES" not in text, path
        assert not re.search(r"GA-\\d\{4\}|AGN/\\d|WHA\\s\?\\d", text), path
    for path in (SRC / "data" / "bodies").glob("*.yaml"):
        assert not re.search(r"^identifier:", path.read_text("utf-8"), re.M), path
    for path in (SRC / "data" / "bodies").glob("*.yaml"):
        detect = re.search(r"^detect: (.*)$", path.read_text("utf-8"), re.M)
        assert detect is not None and "\\d" not in detect.group(1), path


@pytest.mark.parametrize(("style_id", "example"), EXAMPLES)
def test_every_example_contains_its_style_stem(style_id: str, example: str) -> None:
    """The stem is the cheap first look before a style's pattern is tried (body detection,
    citations, running headers): an identifier without it would go unseen."""
    found = next(s for s in styles() if s.id == style_id)
    assert any(literal in example for literal in looks(found))


def test_a_body_without_styles_has_no_identifier_anywhere() -> None:
    """For a body without identifier styles (the unknown body) the identifier pattern matched
    the empty string: every blank line of a text became a running-header "symbol", was taken
    for page furniture, and the paragraphs around it were joined (the formula into the first
    recital). It matches nothing now, and the paragraphs stay apart."""
    from respub.knowledge.profiles import unknown_body
    from respub.parse import parse_source
    from respub.sources.load import SourceText

    assert search_pattern(()).search("") is None
    assert search_pattern(()).search("A/RES/80/1\n\nWHA66.4") is None
    assert unknown_body().identifier_styles == ()
    assert unknown_body().find_identifier("\n\nResolution 12\n\n") is None
    text = (
        "Resolution 12 of the Example Council\n\nThe Example Council,\n\n"
        "Recalling its earlier work\n\nNoting the report,\n\n1. Decides to act;\n\n"
        "2. Requests the Secretary to report.\n"
    )
    source = Source(path="example.txt", sha256="0" * 64, media_type="text/plain")
    parsed = parse_source(SourceText(source, text, {"identifier": "EX/1"}))
    assert parsed.body == "unknown"
    assert parsed.formula == "The Example Council,"
    assert [c.text for c in parsed.preamble] == ["Recalling its earlier work", "Noting the report,"]


def test_identifiers_are_found_as_the_union_finds_them() -> None:
    """`find_identifiers` (the styles opening with a literal apart, the look-behind tested
    by hand) finds what the union of every style finds, in texts of examples glued to one
    another and to what the look-behind and look-ahead refuse."""
    pieces = [e for s in styles() for e in s.examples]
    pieces += ["X", "/", ".", " ", ", ", "1", "38 ", "C/R", "(", ")", "-", "A", "Res.", "é"]
    draw = random.Random(5)
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 8)))
        found = [(m.span(), m.group()) for m in find_identifiers(text)]
        assert found == [(m.span(), m.group()) for m in search_pattern().finditer(text)], text


def test_style_named_is_style_or_none() -> None:
    assert style_named("un-hrc") is next(s for s in styles() if s.id == "un-hrc")
    assert style_named("no-such-style") is None and style_named(None) is None


def test_the_styles_looked_for_in_every_text_open_with_latin_letters() -> None:
    """The one pattern `find_identifiers` runs over every text holds no character beyond
    Latin-1 (a wide character among its first ones makes the engine slower on every text);
    the Arabic styles ("ج ص ع74-7") are looked for only in a text holding their stem."""
    opened, others, other_looks = _finders()
    assert max(map(ord, opened.pattern)) < 256
    assert others is not None and "ج ص ع" in other_looks
    found = [m.group() for m in find_identifiers("القرار ج ص ع74-7 و WHA72.2")]
    assert found == ["ج ص ع74-7", "WHA72.2"]
