"""IRIs: one value object, derived from canonical identifiers alone, no surprises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respub.rdf.iri import DEFAULT_BASE, Iris, WorkIri, body_segment, label_segment, slug

WORKS = {
    "GA-2021-89-RES-09": "resolution/interpol-ga/2021/9",
    "AG-2005-RES-09": "resolution/interpol-ga/2005/9",
    "AGN/65/RES/9": "resolution/interpol-ga/1996/9",
    "A/RES/80/4": "resolution/un-ga/80/4",
    "A/RES/2625(XXV)": "resolution/un-ga/25/2625",
    "A/RES/377A(V)": "resolution/un-ga/5/377a",
    "A/RES/ES-11/1": "resolution/un-ga/es-11/1",
    "S/RES/2623(2022)": "resolution/un-sc/2022/2623",
    "E/RES/1980/67": "resolution/un-ecosoc/1980/67",
    "A/HRC/RES/49/1": "resolution/un-hrc/49/1",
    "A/DEC/77/512": "decision/un-ga/77/512",
    "WHA62.1": "resolution/who-wha/62/1",
    "WHA72(9)": "decision/who-wha/72/9",
    "EB142.R3": "resolution/who-eb/142/3",
    "GC(65)/RES/11": "resolution/iaea-gc/65/11",
    "MEPC.328(76)": "resolution/imo-mepc/76/328",
}


@pytest.mark.parametrize(("identifier", "path"), sorted(WORKS.items()))
def test_work_iri_of_every_identifier_style(identifier: str, path: str, iris: Iris) -> None:
    assert iris.work(identifier) == DEFAULT_BASE + path
    assert WorkIri.parse(identifier).path == path


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("AGN/65/RES/9", "AGN/65/RES/09"),
        ("GA-2021-89-RES-09", "GA-2021-89-RES-9"),
        ("GA-2021-89-RES-09", "AGN/89/RES/9"),  # same session, same number
        ("GA-2021-89-RES-09", "AG-2021-RES-09"),  # same year, same number
        ("A/RES/377A(V)", "A/RES/377 A (V)"),
        ("A/RES/80/4", " A/RES/80/4 "),
    ],
)
def test_a_work_cited_in_any_style_meets_at_one_iri(one: str, other: str, iris: Iris) -> None:
    assert iris.work(one) == iris.work(other)


def test_other_works_get_a_document_slug(iris: Iris) -> None:
    assert iris.work("International Covenant on Civil and Political Rights, art. 19") == (
        DEFAULT_BASE + "document/international-covenant-on-civil-and-political-rights-art-19"
    )
    assert iris.work("Déclaration universelle") == DEFAULT_BASE + "document/declaration-universelle"
    assert iris.work("A/77/284") == DEFAULT_BASE + "document/a-77-284"
    assert iris.work("ميثاق الأمم المتحدة").startswith(DEFAULT_BASE + "document/%D9%85")
    assert iris.work("***").startswith(DEFAULT_BASE + "document/h-")


def test_parse_rejects_what_is_not_a_resolution() -> None:
    with pytest.raises(ValueError, match="not a resolution or decision identifier"):
        WorkIri.parse("Charter of the United Nations")


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_identifiers_are_rejected(bad: str, iris: Iris) -> None:
    with pytest.raises(ValueError, match="empty"):
        iris.work(bad)


def test_expression_manifestation_and_parts(iris: Iris) -> None:
    work = iris.work("GA-2021-89-RES-09")
    expression = iris.expression(work, "es")
    assert expression == work + "/es"
    assert iris.manifestation(expression, "ttl") == work + "/es.ttl"
    assert iris.manifestation(expression, "jsonld") == work + "/es.jsonld"
    assert iris.part(expression, "preamble") == work + "/es#preamble"
    assert iris.part(expression, "preamble", 3) == work + "/es#preamble-3"
    assert iris.part(expression, "operative", 2, "(a)") == work + "/es#operative-2-a"
    assert iris.part(expression, "operative", 2, "(a)", "(ii)") == work + "/es#operative-2-a-ii"
    assert iris.part(expression, "footnote", 1) == work + "/es#footnote-1"
    assert iris.part(expression, "annex", 1) == work + "/es#annex-1"
    assert iris.part(expression, "citation", 5) == work + "/es#citation-5"


def test_clause_references_of_citations(iris: Iris) -> None:
    expression = iris.expression(iris.work("A/RES/80/4"), "en")
    assert iris.clause_ref(expression, "preamble-3") == expression + "#preamble-3"
    assert iris.clause_ref(expression, "operative-2-a") == expression + "#operative-2-a"
    assert iris.clause_ref(expression, "footnote-1") == expression + "#footnote-1"
    assert iris.clause_ref(expression, "title") == expression
    for bad in ("", "preamble", "preamble-0", "clause-1", "operative-2 "):
        with pytest.raises(ValueError):
            iris.clause_ref(expression, bad)


def test_session_body_and_concepts(iris: Iris) -> None:
    assert iris.body("INTERPOL-GA") == DEFAULT_BASE + "body/interpol-ga"
    assert iris.body("UN-SC") == DEFAULT_BASE + "body/un-sc"
    assert iris.session("INTERPOL-GA", "89") == DEFAULT_BASE + "session/interpol-ga/89"
    assert iris.session("UN-GA", "es-11") == DEFAULT_BASE + "session/un-ga/es-11"
    assert iris.scheme("operative") == DEFAULT_BASE + "concept/operative"
    assert iris.concept("operative", "calls-upon") == DEFAULT_BASE + "concept/operative/calls-upon"
    assert iris.concept("status", "adopted") == DEFAULT_BASE + "concept/status/adopted"


@pytest.mark.parametrize(
    "call",
    [
        lambda i: Iris("data.respub.org"),
        lambda i: Iris("https://data.respub.org"),
        lambda i: i.expression(i.work("A/RES/80/4"), "spanish"),
        lambda i: i.expression("https://elsewhere.org/x", "es"),
        lambda i: i.manifestation(i.work("A/RES/80/4") + "/es", "t t l"),
        lambda i: i.part(i.work("A/RES/80/4") + "/es"),
        lambda i: i.part(i.work("A/RES/80/4") + "/es", "operative", 0),
        lambda i: i.session("UN-GA", "Eightieth"),
        lambda i: i.concept("status", "Adopted"),
        lambda i: i.body("un ga"),
    ],
)
def test_bad_input_raises_value_error(call: object, iris: Iris) -> None:
    with pytest.raises(ValueError):
        call(iris)  # type: ignore[operator]


def test_the_base_is_configurable() -> None:
    iris = Iris("https://example.org/respub/")
    assert iris.work("WHA62.1") == "https://example.org/respub/resolution/who-wha/62/1"


def test_body_segments_come_from_the_body_profiles() -> None:
    assert [body_segment(c) for c in ("INTERPOL-GA", "UN-GA", "WHO-WHA")] == [
        "interpol-ga",
        "un-ga",
        "who-wha",
    ]


def test_label_segments() -> None:
    assert [label_segment(x) for x in ("(a)", "(iv)", "1.", "[b]", "(1)")] == [
        "a",
        "iv",
        "1",
        "b",
        "1",
    ]


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_identifier_gives_one_safe_iri(identifier: str) -> None:
    iris = Iris()
    iri = iris.work(identifier)
    assert iri == iris.work(identifier)
    assert iri.startswith(DEFAULT_BASE)
    assert all(c.isascii() and c.isprintable() and c not in ' <>"{}|\\^`#' for c in iri)


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_slugs_are_safe_path_segments(text: str) -> None:
    segment = slug(text)
    assert segment and "/" not in segment and segment == slug(text)
