"""Bodies of the table of known bodies parse without a profile of their own; a body nobody
knows parses too, as body `unknown` with a warning (constructed fixtures, see
tests/fixtures/bodies/README.md)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from respub.errors import ParseError
from respub.knowledge import profiles as registry
from respub.parse import parse_file
from respub.rdf.iri import Iris

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bodies"

# file: (body, identifier, language, formula, preambular keywords, operative keywords, cited)
EXPECTED = {
    "imo-assembly.en.txt": (
        "IMO-A", "A.1180(33)", "en", "THE ASSEMBLY,",
        ["RECALLING", "RECALLING ALSO", "HAVING CONSIDERED"], ["ADOPTS", "REQUESTS", "REVOKES"],
        {"A.1149(32)"},
    ),
    "imo-mepc.en.txt": (
        "IMO-MEPC", "MEPC.351(79)", "en", "THE MARINE ENVIRONMENT PROTECTION COMMITTEE,",
        ["RECALLING", "NOTING", "NOTING ALSO", "HAVING CONSIDERED"],
        ["ADOPTS", "INVITES", "AGREES"], {"MEPC.328(76)"},
    ),
    "iaea-gc.en.txt": (
        "IAEA-GC", "GC(67)/RES/9", "en", "The General Conference,",
        ["Recalling", "Recognizing", "Noting"], ["Welcomes", "Urges", "Requests"],
        {"GC(66)/RES/6", "GC(66)/DEC/10"},
    ),
    "unesco-gc.en.txt": (
        "UNESCO-GC", "40 C/Resolution 37", "en", "The General Conference,",
        ["Recalling", "Noting", "Recognizing"], ["Adopts", "Invites", "Requests"],
        {"39 C/Resolution 59"},
    ),
    "hrc.es.txt": (
        "UN-HRC", "A/HRC/RES/55/7", "es", "El Consejo de Derechos Humanos,",
        ["Guiado por", "Recordando", "Reconociendo"], ["Exhorta a", "Alienta", "Decide"],
        {"A/HRC/RES/52/3"},
    ),
    "ilo-ilc.en.txt": (
        "ILO-ILC", "ILC.111/Resolution IV", "en",
        "The General Conference of the International Labour Organization, meeting at its "
        "111th Session, 2023,",
        ["Recalling", "Recalling also", "Having"], ["Adopts", "Invites", "Requests"],
        {"C187", "R197", "ILC.110/Resolution I"},
    ),
    "fao-c.en.txt": (
        "FAO-C", "Resolution 4/2023", "en", "THE CONFERENCE,",
        ["Recalling", "Noting", "Recognizing"], ["Requests", "Invites"], {"Resolution 3/2019"},
    ),
    "who-eb.en.txt": (
        "WHO-EB", "EB156.R4", "en", "The Executive Board,",
        ["Having considered", "Recalling"], ["DECIDES", "REQUESTS"], {"WHA76.6", "EB154(3)"},
    ),
    "hrc.en.txt": (
        "UN-HRC", "A/HRC/RES/52/3", "en", "The Human Rights Council,",
        ["Guided by", "Reaffirming", "Recalling", "Noting with appreciation"],
        ["Welcomes", "Calls upon", "Decides"], {"A/HRC/RES/49/12", "A/RES/76/154"},
    ),
    "ecosoc.en.txt": (
        "UN-ECOSOC", "E/RES/2022/12", "en", "The Economic and Social Council,",
        ["Recalling", "Recalling also"], ["Takes note", "Requests", "Decides"],
        {"A/RES/59/209", "A/RES/67/221", "A/RES/76/258", "E/RES/2021/11"},
    ),
    "fao-c.fr.txt": (
        "FAO-C", "Resolution 3/2019", "fr", "LA CONFÉRENCE,",
        ["Rappelant", "Consciente", "Notant avec satisfaction"], ["Approuve", "Prie", "Invite"],
        {"Resolution 1/2017"},
    ),
    "iaea-gc.fr.txt": (
        "IAEA-GC", "GC(67)/RES/10", "fr", "La Conférence générale,", ["Rappelant", "Consciente"],
        ["Prie instamment", "Prie"], {"GC(66)/RES/6", "GC(65)/RES/7"},
    ),
    "who-eb.ar.txt": (
        "WHO-EB", "EB152.R5", "ar", "إن المجلس التنفيذي،", ["وقد نظر", "وإذ يشير"],
        ["يحث", "يطلب"], set(),
    ),
    "imo-assembly.ar.txt": (
        "IMO-A", "A.1181(33)", "ar", "إن الجمعية،", ["إذ تشير", "وإذ تشير أيضاً"],
        ["تعتمد", "تطلب"], {"A.1149(32)"},
    ),
    "un-sc.en.txt": (  # headings over the operative paragraphs: "Asset freeze" above 1.
        "UN-SC", "S/RES/2734(2024)", "en", "The Security Council,",
        ["Recalling", "Reaffirming", "Acting"],
        ["Decides", "Reaffirms", "Decides", "Requests", "Decides"],
        {"S/RES/1267(1999)", "S/RES/1333(2000)", "S/RES/1989(2011)", "S/RES/2253(2015)",
         "S/RES/2368(2017)", "S/RES/1526(2004)"},
    ),
    "unesco-gc-numbered.en.txt": (  # recitals numbered with the operative paragraphs
        "UNESCO-GC", "41 C/Resolution 23", "en", "The General Conference,",
        ["Recalling", "Having examined"], ["Welcomes", "Invites", "Requests"],
        {"40 C/Resolution 37"},
    ),
    "unesco-gc-numbered.fr.txt": (
        "UNESCO-GC", "41 C/Resolution 23", "fr", "La Conférence générale,",
        ["Rappelant", "Ayant examiné"], ["Se félicite", "Invite", "Prie"],
        {"40 C/Resolution 37"},
    ),
    "un-sc.ar.txt": (
        "UN-SC", "S/RES/2719(2023)", "ar", "إن مجلس الأمن،", ["إذ يشير", "وإذ يؤكد من جديد"],
        ["يقرر", "يطلب", "يقرر"], {"S/RES/2320(2016)", "S/RES/2378(2017)"},
    ),
    "ecosoc.fr.txt": (
        "UN-ECOSOC", "E/RES/2022/15", "fr", "Le Conseil économique et social,",
        ["Rappelant", "Réaffirmant", "Prenant note"], ["Prie", "Décide", "Invite"],
        {"E/RES/2021/10", "A/RES/70/1"},
    ),
    "who-eb.fr.txt": (
        "WHO-EB", "EB152.R5", "fr", "Le Conseil exécutif,", ["Ayant examiné", "Rappelant"],
        ["PRIE INSTAMMENT", "PRIE"], {"WHA74.7", "EB148(2)"},
    ),
    "imo-assembly.fr.txt": (
        "IMO-A", "A.1181(33)", "fr", "L'ASSEMBLÉE,", ["RAPPELANT", "AYANT EXAMINÉ"],
        ["ADOPTE", "PRIE", "ABROGE"], {"A.1150(32)"},
    ),
    "unesco-gc.es.txt": (
        "UNESCO-GC", "41 C/Resolution 12", "es", "La Conferencia General,",
        ["Recordando", "Tomando nota"], ["Aprueba", "Invita", "Pide a"], {"40 C/Resolution 37"},
    ),
    "hrc.fr.txt": (
        "UN-HRC", "A/HRC/RES/52/3", "fr", "Le Conseil des droits de l'homme,",
        ["Guidé par", "Rappelant"], ["Accueille avec satisfaction", "Demande", "Décide"],
        {"A/HRC/RES/49/12"},
    ),
    "hrc.ar.txt": (
        "UN-HRC", "A/HRC/RES/52/3", "ar", "إن مجلس حقوق الإنسان،", ["إذ يسترشد", "وإذ يشير"],
        ["يرحب", "يهيب", "يقرر"], {"A/HRC/RES/49/12"},
    ),
    "who-eb-recommends.en.txt": (
        "WHO-EB", "EB152.R3", "en", "The Executive Board,", ["Having considered"],
        ["RECOMMENDS"], {"WHA67.20"},  # in the attached draft
    ),
    "imo-msc.en.txt": (  # operative numbers printed bare, a tab before the verb: "1\tADOPTS"
        "IMO-MSC", "MSC.532(107)", "en", "THE MARITIME SAFETY COMMITTEE,",
        ["RECALLING", "RECALLING FURTHER", "HAVING CONSIDERED"],
        ["ADOPTS", "DETERMINES", "INVITES", "REQUESTS", "ALSO REQUESTS"], set(),
    ),
    "imo-msc.es.txt": (
        "IMO-MSC", "MSC.474(102)", "es", "EL COMITÉ DE SEGURIDAD MARÍTIMA,",
        ["RECORDANDO", "TOMANDO NOTA", "HABIENDO EXAMINADO"], ["ADOPTA", "DETERMINA", "PIDE"],
        {"MSC.98(73)"},
    ),
    "ilo-ilc.fr.txt": (
        "ILO-ILC", "ILC.111/Resolution IV", "fr",
        "La Conférence générale de l'Organisation internationale du Travail, réunie en sa 111e "
        "session, 2023,", ["Rappelant", "Ayant"], ["Adopte", "Invite"], {"C187", "R197"},
    ),
}  # fmt: skip

# file: (title, session, adopted, status) as the heading and the closing print them; the
# session, when the heading prints none, is the one the identifier numbers
HEADINGS = {
    "imo-assembly.en.txt": (
        "STRATEGIC PLAN FOR THE ORGANIZATION FOR THE SIX-YEAR PERIOD 2024 TO 2029", 33,
        date(2023, 12, 6), "adopted",
    ),
    "imo-mepc.en.txt": (
        "2022 GUIDELINES FOR THE DEVELOPMENT OF A SHIP ENERGY EFFICIENCY MANAGEMENT PLAN", 79,
        date(2022, 12, 16), "adopted",
    ),
    "iaea-gc.en.txt": (
        "Measures to strengthen international cooperation in nuclear, radiation, transport and "
        "waste safety", 67, None, None,
    ),
    "unesco-gc.en.txt": ("Open science", 40, None, None),
    "hrc.es.txt": (
        "Los derechos del niño en el entorno digital", 55, date(2024, 4, 4), "adopted",
    ),
    "ilo-ilc.en.txt": (
        "Resolution concerning safety and health in the platform economy", 111, None, None,
    ),
    "fao-c.en.txt": (
        "International Year of Sustainable Mountain Farming", None, date(2023, 7, 5), "adopted",
    ),
    "who-eb.en.txt": ("Strengthening rehabilitation in health systems", 156, None, None),
    "hrc.en.txt": ("Rights of persons with disabilities", 52, date(2023, 4, 3), "adopted"),
    "ecosoc.en.txt": (
        "Report of the Committee for Development Policy on its twenty-fourth session", None,
        date(2022, 6, 7), "adopted",
    ),
    "fao-c.fr.txt": ("Plan d'action pour la pêche", None, date(2019, 6, 28), "adopted"),
    "iaea-gc.fr.txt": (
        "Mesures pour renforcer la coopération internationale dans les domaines de la sûreté "
        "nucléaire", 67, date(2023, 9, 29), "adopted",
    ),
    "who-eb.ar.txt": ("تعزيز التأهب والاستجابة للطوارئ الصحية", 152, date(2023, 2, 6), "adopted"),
    "imo-assembly.ar.txt": ("خطة عمل المنظمة", 33, date(2023, 12, 6), "adopted"),
    "un-sc.en.txt": (None, None, date(2024, 6, 10), "adopted"),
    "un-sc.ar.txt": (None, None, date(2023, 12, 21), "adopted"),
    "ecosoc.fr.txt": (
        "Promotion de la coopération internationale en matière fiscale", None,
        date(2022, 7, 22), "adopted",
    ),
    "who-eb.fr.txt": (
        "Renforcer la préparation et la riposte aux urgences sanitaires", 152, date(2023, 2, 6),
        "adopted",
    ),
    "imo-assembly.fr.txt": (
        "PLAN DE TRAVAIL DE L'ORGANISATION", 33, date(2023, 12, 6), "adopted",
    ),
    "unesco-gc.es.txt": ("Ciencia abierta", 41, None, None),
    "unesco-gc-numbered.en.txt": (
        "Open science: follow-up to the Recommendation", 41, date(2021, 11, 23), "adopted",
    ),
    "unesco-gc-numbered.fr.txt": (
        "Science ouverte : suite donnée à la Recommandation", 41, date(2021, 11, 23),
        "adopted",
    ),
    "hrc.fr.txt": ("Droits des personnes handicapées", 52, date(2023, 4, 3), "adopted"),
    "hrc.ar.txt": ("حقوق الأشخاص ذوي الإعاقة", 52, date(2023, 4, 3), "adopted"),
    "who-eb-recommends.en.txt": (
        "Strengthening diagnostics capacity", 152, date(2023, 2, 6), "adopted",
    ),
    "imo-msc.en.txt": (
        "AMENDMENTS TO THE INTERNATIONAL CONVENTION FOR THE SAFETY OF LIFE AT SEA, 1974", 107,
        date(2023, 6, 8), "adopted",
    ),
    "imo-msc.es.txt": (
        "ENMIENDAS AL CÓDIGO INTERNACIONAL DE SISTEMAS DE SEGURIDAD CONTRA INCENDIOS", 102,
        date(2020, 11, 24), "adopted",
    ),
    "ilo-ilc.fr.txt": (
        "Résolution concernant la sécurité et la santé dans l'économie des plateformes", 111,
        None, None,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_known_body_parses_without_a_profile(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    body, identifier, language, formula, pre, op, cited = EXPECTED[name]
    # a body that also has a hand-written profile (UN-SC) is parsed here without it
    without = {code: p for code, p in registry.profiles().items() if code != body}
    monkeypatch.setattr(registry, "profiles", lambda: without)
    registry.known_bodies.cache_clear()
    try:
        resolution = parse_file(FIXTURES / name)
        assert registry.profile(body).origin == "table"
    finally:
        registry.known_bodies.cache_clear()
    assert (resolution.body, resolution.identifier, resolution.language) == (
        body, identifier, language,
    )  # fmt: skip
    assert resolution.formula == formula
    assert [c.keyword for c in resolution.preamble] == pre
    assert [c.keyword for c in resolution.operative] == op
    numbers = [c.number for c in resolution.operative]
    # numbered from 1, or on from numbered recitals; or one clause, unnumbered
    first = 1 + sum(1 for c in resolution.preamble if c.number is not None)
    assert numbers == list(range(first, first + len(op))) or numbers == [None]
    assert {c.identifier for c in resolution.citations if c.kind != "treaty"} == cited
    assert resolution.warnings == ()
    assert Iris().work(identifier).startswith(Iris().base + "resolution/")


@pytest.mark.parametrize("name", sorted(HEADINGS))
def test_a_known_body_has_the_title_session_and_adoption_it_prints(name: str) -> None:
    resolution = parse_file(FIXTURES / name)
    session = resolution.session.number if resolution.session else None
    assert (resolution.title, session, resolution.adopted, resolution.status) == HEADINGS[name]
    # the closing lines are no part of the last clause
    assert not re.search(r"meeting|séance|Adopted|الجلسة", resolution.operative[-1].text)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_recitals_numbered_with_the_operative_paragraphs_stay_recitals(language: str) -> None:
    """UNESCO numbers every paragraph: "1. Recalling", "2. Having examined" are recitals
    that keep their numbers, and the operative paragraphs go on from 3."""
    resolution = parse_file(FIXTURES / f"unesco-gc-numbered.{language}.txt")
    assert [(c.number, c.concept) for c in resolution.preamble] == [
        (1, "recalling"),
        (2, "considering"),
    ]
    assert [c.number for c in resolution.operative] == [3, 4, 5]
    assert [c.concept for c in resolution.operative] == ["welcomes", "invites", "requests"]


def test_a_numbered_paragraph_opened_by_a_verb_is_operative_as_before() -> None:
    """Only a preambular phrase makes a numbered paragraph a recital: elsewhere the first
    numbered paragraph opens the operative part, and numbered recitals stay unnumbered."""
    for name in ("unesco-gc.en.txt", "un-sc.en.txt", "who-wha.en.txt", "hrc.en.txt"):
        resolution = parse_file(FIXTURES / name)
        assert all(c.number is None for c in resolution.preamble), name
        assert resolution.operative[0].number == 1, name


def test_a_draft_recommended_to_another_body_is_attached_not_read_as_clauses() -> None:
    """ "RECOMMENDS to the Seventy-sixth World Health Assembly the adoption of the following
    resolution:" then the draft, with its own formula and clauses: the Board's resolution
    has one operative clause, and the draft is attached, as printed, under the body's name."""
    resolution = parse_file(FIXTURES / "who-eb-recommends.en.txt")
    (draft,) = resolution.annexes
    assert draft.title == "The Seventy-sixth World Health Assembly"
    assert draft.paragraphs[0] == "The Seventy-sixth World Health Assembly,"
    assert draft.paragraphs[-1].startswith("2. REQUESTS the Director-General")
    assert len(draft.paragraphs) == 5
    # what the draft cites is cited, in its place
    assert [(c.identifier, c.clause) for c in resolution.citations] == [("WHA67.20", "annex-1")]


def test_the_iri_of_a_body_without_profile_is_under_its_own_segment() -> None:
    resolution = parse_file(FIXTURES / "imo-mepc.en.txt")
    assert Iris().work(resolution.identifier) == Iris().base + "resolution/imo-mepc/79/351"
    assert Iris().body(resolution.body) == Iris().base + "body/imo-mepc"


def test_an_unknown_body_parses_with_a_warning() -> None:
    resolution = parse_file(FIXTURES / "unknown.md")
    assert resolution.body == "unknown" and resolution.identifier == "EXF/GC/2024/4"
    assert resolution.formula == "The Governing Council of the Example Fund,"
    assert [c.keyword for c in resolution.operative] == ["Decides", "Requests"]
    assert resolution.warnings and "parsed as body `unknown`" in resolution.warnings[0]
    assert resolution.title == "Replenishment of the Fund"  # the front matter's


def test_an_unknown_body_without_identifier_says_how_to_give_one(tmp_path: Path) -> None:
    text = (FIXTURES / "unknown.md").read_text("utf-8").split("---", 2)[2]
    path = tmp_path / "anonymous.md"
    path.write_text(text, "utf-8")
    with pytest.raises(ParseError, match="give it as `identifier:` in the front matter"):
        parse_file(path)


def test_a_given_identifier_the_detected_body_never_prints_makes_the_body_unknown(
    tmp_path: Path,
) -> None:
    """The OAS General Assembly's "THE GENERAL ASSEMBLY," reads like the United Nations'
    formula, the African Union's "The Assembly," like IMO's: the identifier given in the
    front matter, in none of that body's styles, says otherwise (body `unknown`, a warning
    naming the identifier), rather than publish them as resolutions of the wrong body. A
    heading that ends like a formula without its comma is no formula ("DECISION ON THE
    REPORT OF THE PEACE AND SECURITY COUNCIL")."""
    oas = tmp_path / "oas.md"
    oas.write_text(
        "---\nidentifier: AG/RES. 2976 (LII-O/22)\n---\nAG/RES. 2976 (LII-O/22)\n\n"
        "STRENGTHENING DEMOCRACY\n\n"
        "(Adopted at the fourth plenary session, held on October 7, 2022)\n\n"
        "THE GENERAL ASSEMBLY,\n\nRECALLING the Inter-American Democratic Charter;\n\n"
        "1. REAFFIRMS the commitment of the member states;\n\n2. REQUESTS the Permanent "
        "Council to report to the General Assembly at its fifty-third regular session.\n",
        "utf-8",
    )
    au = tmp_path / "au.md"
    au.write_text(
        "---\nidentifier: Assembly/AU/Dec.850(XXXVI)\n---\n"
        "DECISION ON THE REPORT OF THE PEACE AND SECURITY COUNCIL\n\nThe Assembly,\n\n"
        "1. TAKES NOTE of the Report of the Council;\n\n2. DECIDES to remain seized of the "
        "matter.\n",
        "utf-8",
    )
    for path, identifier, detected, formula, title in [
        (oas, "AG/RES. 2976 (LII-O/22)", "UN-GA", "THE GENERAL ASSEMBLY,",
         "STRENGTHENING DEMOCRACY"),
        (au, "Assembly/AU/Dec.850(XXXVI)", "IMO-A", "The Assembly,",
         "DECISION ON THE REPORT OF THE PEACE AND SECURITY COUNCIL"),
    ]:  # fmt: skip
        resolution = parse_file(path)
        assert (resolution.body, resolution.identifier) == ("unknown", identifier)
        assert (resolution.formula, resolution.title) == (formula, title)
        assert len(resolution.operative) == 2
        (warning,) = resolution.warnings
        assert repr(identifier) in warning and detected in warning and "`unknown`" in warning
        assert Iris().body(resolution.body) == Iris().base + "body/unknown"
    # the identifier of the body's own style keeps it
    un = tmp_path / "un.md"
    un.write_text(oas.read_text("utf-8").replace("AG/RES. 2976 (LII-O/22)", "A/RES/80/1"))
    assert (parse_file(un).body, parse_file(un).warnings) == ("UN-GA", ())


def test_another_bodys_resolution_without_a_given_identifier_says_what_was_assumed(
    tmp_path: Path,
) -> None:
    """The OAS's "THE GENERAL ASSEMBLY," reads as the UN General Assembly's: without a
    given identifier the error says the body was only recognised, and what a given one
    does; with the body forced, that it was asked for."""
    fixture = FIXTURES.parent / "layout" / "resolves-chapeau.en.constructed.md"
    path = tmp_path / "oas.txt"
    path.write_text(fixture.read_text("utf-8").split("---", 2)[2], "utf-8")
    with pytest.raises(ParseError, match=r"no UN-GA .* recognised from the text.*`unknown`"):
        parse_file(path)
    with pytest.raises(ParseError) as forced:
        parse_file(path, body="UN-GA")
    assert "recognised" not in str(forced.value) and "identifier:" in str(forced.value)


def test_body_can_still_be_forced() -> None:
    resolution = parse_file(FIXTURES / "unknown.md", body="UN-HRC")
    assert resolution.body == "UN-HRC" and resolution.warnings == ()


def test_ilo_instruments_and_fao_resolutions_have_iris_under_their_body() -> None:
    """ILO Conventions and Recommendations are numbered in one series each (NORMLEX codes
    C187, R197), so their Work IRIs are keyed by the number alone; ILC and FAO Conference
    resolutions by session and year. A citation and the cited text meet."""
    iris = Iris()
    ilo = parse_file(FIXTURES / "ilo-ilc.en.txt")
    assert iris.work(ilo.identifier) == iris.base + "resolution/ilo-ilc/111/4"
    kinds = {c.identifier: (c.kind, iris.work(c.identifier)) for c in ilo.citations}
    assert kinds["C187"] == ("convention", iris.base + "convention/ilo-ilc/187")
    assert kinds["R197"] == ("recommendation", iris.base + "recommendation/ilo-ilc/197")
    assert kinds["ILC.110/Resolution I"][1] == iris.base + "resolution/ilo-ilc/110/1"
    fao = parse_file(FIXTURES / "fao-c.en.txt")
    assert iris.work(fao.identifier) == iris.base + "resolution/fao-c/2023/4"
    assert [iris.work(c.identifier) for c in fao.citations if c.kind == "resolution"] == [
        iris.base + "resolution/fao-c/2019/3"
    ]
