"""Citations of other bodies' instruments, lists, and unknown symbols (kind `unresolved`)."""

from __future__ import annotations

import pytest

from respub.parse.citations import find_citations
from respub.rdf.iri import Iris

CASES = [
    ("Takes note of resolutions GC(65)/RES/11 and GC(65)/DEC/9 of the IAEA General Conference",
     [("GC(65)/RES/11", "resolution"), ("GC(65)/DEC/9", "decision")]),
    ("Recalling resolution GC(53)/RES/13 A.2 of the General Conference",
     [("GC(53)/RES/13", "resolution")]),
    ("Recalling Security Council resolution S/RES/1234 (2005)",
     [("S/RES/1234(2005)", "resolution")]),
    ("Recalling its resolutions 571 (1985) and 574 (1985)",
     [("S/RES/571(1985)", "resolution"), ("S/RES/574(1985)", "resolution")]),
    ("Recalling Human Rights Council resolutions A/HRC/RES/52/3 and 49/1",
     [("A/HRC/RES/52/3", "resolution"), ("A/HRC/RES/49/1", "resolution")]),
    ("Recalling Executive Board resolution EB142.R3 and decision WHA72(9)",
     [("EB142.R3", "resolution"), ("WHA72(9)", "decision")]),
    ("Recalling resolutions 60/1, 61/2 and 62/3",
     [("A/RES/60/1", "resolution"), ("A/RES/61/2", "resolution"), ("A/RES/62/3", "resolution")]),
    ("Recalling Economic and Social Council resolution 1980/67", [("E/RES/1980/67", "resolution")]),
    # the organ named before the keyword holds for a "session/number" after other references
    ("Recalling Human Rights Council resolutions 2625 (XXV) and 52/3",
     [("A/RES/2625(XXV)", "resolution"), ("A/HRC/RES/52/3", "resolution")]),
    ("Recalling Human Rights Council decision 79/512 and resolution 52/3",
     [("A/DEC/79/512", "decision"), ("A/HRC/RES/52/3", "resolution")]),
    ("Recalling World Health Assembly resolutions 2625 (XXV) and 52/3",
     [("A/RES/2625(XXV)", "resolution")]),
    ("Recalling resolutions MSC.474(102) and A.1149(32) of the Organization",
     [("MSC.474(102)", "resolution"), ("A.1149(32)", "resolution")]),
    ("Recalling its resolution ICC-ASP/20/Res.5, and", [("ICC-ASP/20/Res.5", "unresolved")]),
    ("Rappelant sa résolution CM/Res(2020)1,", [("CM/Res(2020)1", "unresolved")]),
    ("Recordando la resolución EXF/GC/2023/2,", [("EXF/GC/2023/2", "unresolved")]),
    ("وإذ تشير إلى القرار EXF/GC/2023/2،", [("EXF/GC/2023/2", "unresolved")]),
    # ILO instruments as ILO texts cite them, by title, year and number
    ("Recalling the Worst Forms of Child Labour Convention, 1999 (No. 182), and the "
     "Recommendation, 1999 (No. 190),", [("C182", "convention"), ("R190", "recommendation")]),
    ("Rappelant la convention (no 182) sur les pires formes de travail des enfants, 1999,",
     [("C182", "convention")]),
    ("Recordando el Convenio sobre las peores formas de trabajo infantil, 1999 (núm. 182),",
     [("C182", "convention")]),
    # the 2030 Agenda as the Arabic texts of the United Nations name it
    ("وإذ تعيد تأكيد خطة التنمية المستدامة لعام 2030،", [("agenda-2030", "document")]),
    # WHO's Arabic symbols: "ج ص ع" (World Health Assembly), the number after a hyphen
    ("وإذ تشير إلى القرار ج ص ع74-7 والمقرر ج ص ع72(9)،",
     [("WHA74.7", "resolution"), ("WHA72(9)", "decision")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_citations_across_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(c.identifier, c.kind) for c in find_citations(text, "preamble-1")]
    assert found == expected


def test_each_known_citation_has_an_iri_under_its_own_body() -> None:
    iris = Iris()
    assert iris.work("GC(65)/RES/11") == iris.base + "resolution/iaea-gc/65/11"
    assert iris.work("EB142.R3") == iris.base + "resolution/who-eb/142/3"
    assert iris.work("WHA72(9)") == iris.base + "decision/who-wha/72/9"
    assert iris.work("ICC-ASP/20/Res.5") == iris.base + "document/icc-asp-20-res-5"


def test_a_bare_number_is_the_citing_bodys_own() -> None:
    found = find_citations("Recordando su resolución 52/3,", "preamble-1", own="un-hrc")
    assert [c.identifier for c in found] == ["A/HRC/RES/52/3"]
    found = find_citations("Recalling resolution 52/3,", "preamble-1", own="who-wha")
    assert [c.identifier for c in found] == ["A/RES/52/3"]


# the organ of a bare "session/number": named before the keyword, after the reference (as
# French and Spanish name it), or between (as Arabic does); a reference in between ends
# the organ's reach
ORGANS = [
    ("un-ga", "Rappelant la résolution 5/1 du Conseil des droits de l'homme, en date du 18 juin",
     ["A/HRC/RES/5/1"]),
    ("un-ga", "Recordando las resoluciones 5/1 y 5/2 del Consejo de Derechos Humanos, de 18 de",
     ["A/HRC/RES/5/1", "A/HRC/RES/5/2"]),
    ("un-ga", "Recalling resolution 5/1 of the Human Rights Council of 18 June 2007,",
     ["A/HRC/RES/5/1"]),
    ("un-ga", "وإذ تشير إلى قرار مجلس حقوق الإنسان 5/1 المؤرخ 18 حزيران/يونيه 2007،",
     ["A/HRC/RES/5/1"]),
    ("un-ga", "Rappelant ses résolutions 60/251 du 15 mars 2006 et 65/281 du 17 juin 2011,",
     ["A/RES/60/251", "A/RES/65/281"]),
    ("un-ga", "Recalling Human Rights Council resolution 5/1 and its resolution 60/251,",
     ["A/HRC/RES/5/1", "A/RES/60/251"]),
    ("un-hrc",
     "Rappelant la résolution 60/251 de l'Assemblée générale et ses résolutions 5/1 et 5/2",
     ["A/RES/60/251", "A/HRC/RES/5/1", "A/HRC/RES/5/2"]),
    ("un-ga", "وإذ تشير إلى قرار مجلس حقوق الإنسان 5/1 وقرارها 60/251،",
     ["A/HRC/RES/5/1", "A/RES/60/251"]),  # "قرارها": its resolution
    # a body citing its own by year/number: a "session/number" is the Assembly's
    ("un-ecosoc", "Recalling its resolution 2021/10 and resolution 70/1,",
     ["E/RES/2021/10", "A/RES/70/1"]),
    ("un-ecosoc", "Rappelant la résolution 70/1 de l'Assemblée générale,", ["A/RES/70/1"]),
    # the Commission on Human Rights numbered by year; no session of the Assembly has 4 digits
    ("un-ga", "Recalling Commission on Human Rights resolution 2005/69 of 20 April 2005,",
     ["E/CN.4/RES/2005/69"]),
    ("un-hrc", "Rappelant la résolution 2005/69 de la Commission des droits de l'homme,",
     ["E/CN.4/RES/2005/69"]),
    ("un-ga", "Recalling its resolution 2005/69 and resolution ES-10/1,", ["A/RES/ES-10/1"]),
    # the FAO Conference numbers within the year: "number/year"
    ("fao-c", "Rappelant la résolution 1/2017 de la Conférence et la résolution 70/1 de "
     "l'Assemblée générale,", ["Resolution 1/2017", "A/RES/70/1"]),
    ("fao-c", "Recalling its resolution 12/95,", ["A/RES/12/95"]),
]  # fmt: skip


@pytest.mark.parametrize(("own", "text", "expected"), ORGANS, ids=[c[1][:40] for c in ORGANS])
def test_the_organ_of_a_bare_number(own: str, text: str, expected: list[str]) -> None:
    assert [c.identifier for c in find_citations(text, "preamble-1", own=own)] == expected


# Arabic writes "and", "by", "to" joined to the keyword, and has a dual
ARABIC = [
    ("un-sc", "إذ يشير إلى قراراته السابقة، بما فيها القرار 2320 (2016) والقرار 2378 (2017)،",
     ["S/RES/2320(2016)", "S/RES/2378(2017)"]),
    ("un-ga", "وإذ تشير إلى القرارين 70/1 و 71/2، وعملا بالقرار 72/3 وبمقررها 73/501،",
     ["A/RES/70/1", "A/RES/71/2", "A/RES/72/3", "A/DEC/73/501"]),
    ("un-ga", "وإذ تشير إلى قرارها 60/251 المؤرخ 15 آذار/مارس 2006، وللقرار 61/1",
     ["A/RES/60/251", "A/RES/61/1"]),
    ("un-ga", "وإذ تشير إلى قراريها 70/1 و71/2،", ["A/RES/70/1", "A/RES/71/2"]),
]  # fmt: skip


@pytest.mark.parametrize(("own", "text", "expected"), ARABIC, ids=[c[1][:30] for c in ARABIC])
def test_arabic_keywords_with_joined_words(own: str, text: str, expected: list[str]) -> None:
    assert [c.identifier for c in find_citations(text, "preamble-1", own=own)] == expected


SHORT_NAMES = [
    # "the Charter" in the texts of the organs of the United Nations, and its articles
    ("un-sc", "Acting under Article 25 of the Charter, and the Charter's purposes,",
     ["charter-of-the-united-nations/article-25", "charter-of-the-united-nations"]),
    ("un-ga", "conformément à la Charte et au droit international,",
     ["charter-of-the-united-nations"]),
    ("un-ga", "وفقا للميثاق، والمادة 25 من الميثاق،",
     ["charter-of-the-united-nations", "charter-of-the-united-nations/article-25"]),
    # other charters, and "the Charter" where another body writes it, are none
    ("un-ga", "the Charter of Paris, the African Charter and la Charte africaine", []),
    ("interpol-ga", "Recalling the Charter,", []),
    (None, "Recalling the Charter,", []),
    # each body's own Constitution
    ("interpol-ga", "Article 2(1) of the Organization's Constitution,",
     ["interpol-constitution/article-2-1", "interpol-constitution"]),
    ("interpol-ga", "conforme al Estatuto de la Organización,", ["interpol-constitution"]),
    ("who-wha", "in accordance with Article 7 of the Constitution,",
     ["who-constitution/article-7", "who-constitution"]),
    ("un-ga", "the Constitution,", []),
]  # fmt: skip


@pytest.mark.parametrize(("own", "text", "expected"), SHORT_NAMES)
def test_a_short_name_cites_in_the_texts_of_the_body_using_it(
    own: str | None, text: str, expected: list[str]
) -> None:
    assert [c.identifier for c in find_citations(text, "preamble-1", own)] == expected
