"""UN General Assembly: the annotated sample in its three extractions, and constructed texts.

The sample (corpus/un-ga/) holds the same resolutions extracted three ways: Markdown
(md/), and two noisier plain-text extractions (txt-v1.0/: line-wrapped, running headers
and footnotes inside paragraphs; txt-v1.1/: footnotes and headers glued into
paragraphs). Each must give the annotated facts (annotations/un-ga.yaml), and the
extractions of one resolution must give the same structure and the same clause texts.
The constructed texts at the end are not from the sample: they show the family's
conventions work beyond it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from respub.model import OperativeClause, Resolution, Source, SubParagraph
from respub.parse import parse_file, parse_source
from respub.parse.citations import find_citations
from respub.sources.load import SourceText

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus/un-ga"
VARIANTS = ("md", "txt-v1.0", "txt-v1.1")
ANNOTATIONS: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "annotations/un-ga.yaml").read_text(encoding="utf-8")
)["resolutions"]
SOURCES = sorted(
    p.relative_to(SAMPLE).as_posix()
    for variant in VARIANTS
    for p in (SAMPLE / variant).iterdir()
    if p.suffix in (".md", ".txt")
)


def _parse(relative: str) -> Resolution:
    return parse_file(SAMPLE / relative)


def _name(relative: str) -> str:
    return Path(relative).stem


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _labels(subs: tuple[SubParagraph, ...]) -> list[Any]:
    return [(s.label, _labels(s.subparagraphs)) for s in subs]


def _texts(subs: tuple[SubParagraph, ...]) -> list[str]:
    return [t for s in subs for t in (_normal(s.text), *_texts(s.subparagraphs))]


def test_every_sample_file_is_annotated() -> None:
    assert len(SOURCES) == 15 + 7 + 11
    assert {_name(s) for s in SOURCES} == set(ANNOTATIONS)


@pytest.mark.parametrize("relative", SOURCES)
def test_sample_parses_as_annotated(relative: str) -> None:
    expected = ANNOTATIONS[_name(relative)]
    r = _parse(relative)
    assert r.identifier == expected["identifier"]
    assert r.body == "UN-GA"
    assert r.language == "en"
    assert r.title == expected["title"]
    assert r.adopted == expected["adopted"]
    assert r.session is not None and r.session.number == 80
    assert r.status == "adopted"
    assert r.formula is not None and r.formula.startswith("The General Assembly")
    assert len(r.preamble) == expected["preamble"]
    assert len(r.operative) == expected["operative"]
    assert r.operative[0].keyword == expected["first"]
    assert r.operative[-1].keyword == expected["last"]
    assert all(c.keyword and c.text.startswith(c.keyword) for c in r.preamble)
    numbers = [c.number for c in r.operative]
    assert numbers == ([None] if len(numbers) == 1 else list(range(1, len(numbers) + 1)))
    for number, labels in expected.get("subparagraphs", {}).items():
        assert [s.label for s in r.operative[number - 1].subparagraphs] == labels
    assert len(r.annexes) == expected.get("annexes", 0)
    assert set(expected["citations"]) <= {c.identifier for c in r.citations}


@pytest.mark.parametrize("relative", SOURCES)
def test_sample_clauses_are_clean(relative: str) -> None:
    """No running header, job or page number, footnote mark or definition in clause text."""
    r = _parse(relative)
    symbol = r.identifier
    texts = [c.text for c in r.preamble] + [
        t for c in r.operative for t in (c.text, *_texts(c.subparagraphs))
    ]
    for text in texts:
        assert symbol + " " not in text and not text.endswith(symbol)
        assert not re.search(r"\b\d{2}-\d{5}\b|\b\d{1,2}/\d{1,2}\s*$|\[\^|_{3}|-{3}", text)
        assert not re.search(r"[a-z][,;]?\d{1,2}\s", text), text  # "Nations1 are", "2003,2 in"
    assert all(n.label.isdigit() for n in r.footnotes)
    assert [int(n.label) for n in r.footnotes] == list(range(1, len(r.footnotes) + 1))


RESOLUTIONS = sorted(
    {_name(s) for s in SOURCES if sum(_name(t) == _name(s) for t in SOURCES) > 1},
    key=lambda n: int(n.rsplit("_", 1)[1]),
)


@pytest.mark.parametrize("name", RESOLUTIONS)
def test_extractions_agree(name: str) -> None:
    """md, txt-v1.0 and txt-v1.1 of one resolution: same structure, same clause texts."""
    parsed = [
        _parse(f"{variant}/{name}{'.md' if variant == 'md' else '.txt'}")
        for variant in VARIANTS
        if (SAMPLE / variant / f"{name}{'.md' if variant == 'md' else '.txt'}").exists()
    ]
    first, *others = parsed
    for other in others:
        assert (other.identifier, other.title, other.adopted) == (
            first.identifier,
            first.title,
            first.adopted,
        )
        assert [c.keyword for c in other.preamble] == [c.keyword for c in first.preamble]
        assert [(c.number, c.keyword) for c in other.operative] == [
            (c.number, c.keyword) for c in first.operative
        ]
        assert [_labels(c.subparagraphs) for c in other.operative] == [
            _labels(c.subparagraphs) for c in first.operative
        ]
        # the texts are equal, not merely similar: each extraction's noise is taken out
        assert [_normal(c.text) for c in other.preamble] == [
            _normal(c.text) for c in first.preamble
        ]
        assert [_normal(c.text) for c in other.operative] == [
            _normal(c.text) for c in first.operative
        ]
        assert [_texts(c.subparagraphs) for c in other.operative] == [
            _texts(c.subparagraphs) for c in first.operative
        ]
        assert [(n.label, _normal(n.text)) for n in other.footnotes] == [
            (n.label, _normal(n.text)) for n in first.footnotes
        ]
        assert len(other.annexes) == len(first.annexes)


def test_running_header_inside_a_subparagraph_is_taken_out() -> None:
    for variant in ("md/A_RES_80_1.md", "txt-v1.0/A_RES_80_1.txt", "txt-v1.1/A_RES_80_1.txt"):
        r = _parse(variant)
        first = r.operative[0].subparagraphs[0]
        assert first.text == (
            "The State of Palestine may submit a pre-recorded statement of its President, "
            "which will be played in the General Assembly Hall during the general debate of "
            "the Assembly at its eightieth session after introduction by its representative "
            "who is physically present in the Assembly Hall;"
        )
        assert r.footnotes[0].text == "See resolution 169 (II)."
        assert "Headquarters of the United Nations are prevented" in r.preamble[0].text


def test_lost_clause_number_is_restored() -> None:
    r = _parse("md/A_RES_80_3.md")
    second = r.operative[1]
    assert (second.number, second.concept) == (2, "welcomes")
    assert second.text.startswith("Expresses its profound gratitude to the Government")
    assert r.annexes[0].title == "Annex"
    assert r.annexes[0].paragraphs[0].startswith("1. We, the Heads of State and Government")


def test_front_matter_title_is_metadata_only() -> None:
    r = _parse("md/A_RES_80_52.md")
    assert r.metadata["title"].startswith("Treaty on the South-East Asia")
    assert r.title == "Implementation of the Convention on Cluster Munitions"


def test_keywords_and_concepts_of_sentence_case_openers() -> None:
    r = _parse("md/A_RES_80_33.md")
    assert [(c.keyword, c.concept) for c in r.preamble[17:19]] == [
        ("Recalling also", "recalling"),
        ("Recalling further", "recalling"),
    ]
    assert (r.preamble[11].keyword, r.preamble[11].concept) == (
        "Recognizing with satisfaction",
        "recognizing",
    )
    assert (r.operative[1].keyword, r.operative[1].concept) == (
        "Calls once again upon",
        "calls-upon",
    )
    pending = _parse("md/A_RES_80_23.md").operative[1]
    assert pending.text.startswith("Pending the total elimination of nuclear weapons, urges")
    assert (pending.keyword, pending.concept) == ("urges", "urges")


# Constructed texts, not from the sample: one resolution laid out as each extraction
# (see tests/fixtures/un-ga/README.md).
FIXTURES = ROOT / "tests/fixtures/un-ga"
CONSTRUCTED = {
    "md": "A_RES_81_7.constructed.md",
    "txt-v1.0": "A_RES_81_7.constructed-v1.0.txt",
    "txt-v1.1": "A_RES_81_7.constructed-v1.1.txt",
}
MARKDOWN = (FIXTURES / CONSTRUCTED["md"]).read_text(encoding="utf-8")


def _constructed(text: str) -> Resolution:
    source = Source(path="constructed.md", sha256="0" * 64, media_type="text/markdown")
    return parse_source(SourceText(source, text))


def _structure(r: Resolution) -> list[Any]:
    return [
        [(c.keyword, c.concept, _normal(c.text)) for c in r.preamble],
        [
            (
                c.number,
                c.keyword,
                c.concept,
                _normal(c.text),
                _labels(c.subparagraphs),
                _texts(c.subparagraphs),
            )
            for c in r.operative
        ],
        [(n.label, n.text) for n in r.footnotes],
    ]


@pytest.mark.parametrize("variant", CONSTRUCTED)
def test_constructed_resolution(variant: str) -> None:
    r = parse_file(FIXTURES / CONSTRUCTED[variant])
    assert (r.identifier, r.number, r.adopted, r.status) == (
        "A/RES/81/7",
        "7",
        date(2026, 12, 10),
        "adopted",
    )
    assert r.title == "Safety of journalists and the issue of impunity"
    assert r.session is not None and r.session.number == 81
    assert [(c.keyword, c.concept) for c in r.preamble] == [
        ("Guided by", "bearing-in-mind"),
        ("Recalling", "recalling"),
        ("Recalling further", "recalling"),
        ("Noting with deep concern", "deeply-concerned"),
    ]
    assert [(c.number, c.keyword, c.concept) for c in r.operative] == [
        (1, "Strongly condemns", "condemns"),
        (2, "Calls upon", "calls-upon"),
        (3, "Requests", "requests"),
        (4, "Decides", "decides"),
    ]
    calls = r.operative[1]
    assert _labels(calls.subparagraphs) == [("a", [("i", []), ("ii", [])]), ("b", [])]
    assert calls.subparagraphs[0].text == (
        "To respect their obligations under international law, including:"
    )
    assert r.preamble[1].text.endswith("of 31 March 2022,")
    assert [(n.label, n.text) for n in r.footnotes] == [("1", "See A/HRC/49/2, chap. I.")]
    assert r.annexes[0].title.startswith("Annex")
    assert r.annexes[0].paragraphs[-1] == "1. States should protect journalists."
    cited = {c.identifier: c.kind for c in r.citations}
    assert {
        "A/RES/53/199": "resolution",
        "A/RES/2625(XXV)": "resolution",
        "S/RES/2222(2015)": "resolution",
        "A/HRC/RES/49/1": "resolution",
        "A/RES/377A(V)": "resolution",
        "E/RES/1980/67": "resolution",
        "A/DEC/77/512": "decision",
    }.items() <= cited.items()


def test_constructed_extractions_agree() -> None:
    md, wrapped, glued = (parse_file(FIXTURES / name) for name in CONSTRUCTED.values())
    assert _structure(md) == _structure(wrapped) == _structure(glued)


def test_unnumbered_single_operative_paragraph() -> None:
    text = MARKDOWN.split("The General Assembly,")[0] + (
        "The General Assembly\n\nAdopts the Declaration on the Safety of Journalists, "
        "annexed to the present resolution.\n\n54th plenary meeting 10 December 2026\n\n"
        "Annex\n\nDeclaration on the Safety of Journalists\n\n1. We, the Heads of State.\n"
    )
    r = _constructed(text)
    assert r.formula == "The General Assembly"
    assert r.preamble == ()
    assert [(c.number, c.keyword, c.concept) for c in r.operative] == [(None, "Adopts", "endorses")]
    assert len(r.annexes) == 1


def test_heading_and_lost_number_between_operative_paragraphs() -> None:
    text = MARKDOWN.split("1. Strongly condemns")[0] + (
        "I\n\nSafety of journalists\n\n"
        "1. Strongly condemns all attacks against journalists;\n\n"
        "Urges all States to release arbitrarily detained journalists;\n\n"
        "II\n\nFollow-up\n\n"
        "3. Pending the adoption of guidelines, requests the Secretary-General to report.\n\n"
        "54th plenary meeting 10 December 2026\n"
    )
    r = _constructed(text)
    # the heading "I" over paragraph 1 is no recital
    assert [c.keyword for c in r.preamble][-1] == "Noting with deep concern"
    assert [(c.number, c.keyword) for c in r.operative] == [
        (1, "Strongly condemns"),
        (2, "Urges"),
        (3, "requests"),
    ]
    assert r.operative[0].text == "Strongly condemns all attacks against journalists;"
    assert r.operative[1].text == "Urges all States to release arbitrarily detained journalists;"


def test_paragraph_split_by_a_page_without_header() -> None:
    text = MARKDOWN.replace(
        "the number of journalists killed in the course of their work,",
        "the number of journalists killed in the course of their\n\nwork, and of Media",
    ).replace("of Media", "of Media\n\nWorkers detained,")
    r = _constructed(text)
    assert len(r.preamble) == 4
    assert r.preamble[3].text.endswith("of their work, and of Media Workers detained,")


def test_operative_text_helper_reaches_nested_items() -> None:
    r = _constructed(MARKDOWN)
    clause = r.operative[1]
    assert isinstance(clause, OperativeClause)
    assert clause.subparagraphs[0].subparagraphs[1].text == "The obligation to investigate attacks;"


def test_citations_of_the_family() -> None:
    found = find_citations(
        "Recalling its resolutions 63/71 of 2 December 2008 on the Convention on Cluster "
        "Munitions and 70/54 of 7 December 2015, 48/75 J of 16 December 1993, resolution "
        "54/237 C and decision 79/512, Human Rights Council decision 2/102, the decision "
        "15/4 of the Conference of the Parties, and the report for 2024/25",
        "preamble-1",
    )
    assert [(c.identifier, c.kind) for c in found] == [
        ("A/RES/63/71", "resolution"),
        ("A/RES/70/54", "resolution"),
        ("A/RES/48/75J", "resolution"),
        ("A/RES/54/237C", "resolution"),
        ("A/DEC/79/512", "decision"),
    ]


def test_french_labels_and_formula() -> None:
    text = (
        "Résolution adoptée par l’Assemblée générale le 19 septembre 2025\n\n"
        "80/1. Participation de l’État de Palestine\n\nL’Assemblée générale,\n\n"
        "Rappelant ses résolutions pertinentes et l’Accord de Siège1,\n\n"
        "Rappelant également l’Accord de Siège,\n\n1. Décide que :\n\n"
        "a) L’État de Palestine peut présenter une déclaration ;\n\n"
        "b) Il peut participer aux réunions ;\n\n"
        "2. Décide également que ces procédures s’appliquent pendant la session.\n\n"
        "3e séance plénière\n19 septembre 2025\n\n---\n\n[^1]: Voir la résolution 169 (II).\n"
    )
    r = _constructed(text)
    assert (r.identifier, r.language, r.adopted) == ("A/RES/80/1", "fr", date(2025, 9, 19))
    assert [c.keyword for c in r.preamble] == ["Rappelant", "Rappelant également"]
    assert r.preamble[0].text == "Rappelant ses résolutions pertinentes et l’Accord de Siège,"
    assert [s.label for s in r.operative[0].subparagraphs] == ["a", "b"]
    assert [c.keyword for c in r.operative] == ["Décide", "Décide également"]


def test_twenty_thousand_citations_in_one_clause() -> None:
    """The overlap check of bare references against symbols is a binary search, not a scan
    per reference: a clause citing 20,000 resolutions is parsed, every one found once."""
    symbols = ", ".join(f"A/RES/{70 + n % 10}/{n % 900 + 1}" for n in range(10_000))
    bare = ", ".join(f"{50 + n % 20}/{n % 900 + 1}" for n in range(10_000))
    text = f"Recalling its resolutions {symbols} and resolutions {bare}"
    found = find_citations(text, "preamble-1")
    expected = {f"A/RES/{70 + n % 10}/{n % 900 + 1}" for n in range(10_000)}
    expected |= {f"A/RES/{50 + n % 20}/{n % 900 + 1}" for n in range(10_000)}
    assert {c.identifier for c in found} == expected


@pytest.mark.parametrize(
    ("language", "title", "preamble", "operative", "cited"),
    [
        ("es", "Declaración política de la reunión de alto nivel sobre la cobertura sanitaria "
         "universal", ["recalling", "reaffirming"], ["endorses", "decides"],
         {"A/RES/74/2", "A/RES/72/139", "agenda-2030"}),
        ("ar", "الإعلان السياسي للاجتماع الرفيع المستوى المتعلق بالتغطية الصحية الشاملة",
         ["recalling", "reaffirming"], ["endorses", "decides"], {"A/RES/74/2", "agenda-2030"}),
    ],
)  # fmt: skip
def test_spanish_and_arabic_layouts(
    language: str, title: str, preamble: list[str], operative: list[str], cited: set[str]
) -> None:
    """Constructed (tests/fixtures/bodies/README.md): the Spanish text wrapped and indented as
    a PDF text layer gives it, the Arabic with "وإذ تعيد تأكيد" and the 2030 Agenda."""
    r = parse_file(ROOT / f"tests/fixtures/bodies/un-ga.{language}.txt")
    assert (r.identifier, r.language, r.title) == ("A/RES/78/3", language, title)
    assert r.session is not None and r.session.number == 78
    assert (r.status, r.adopted) == ("adopted", date(2023, 10, 18))
    assert [c.concept for c in r.preamble] == preamble
    assert [(c.number, c.concept) for c in r.operative] == list(enumerate(operative, 1))
    assert {c.identifier for c in r.citations} == cited


@pytest.mark.parametrize("ordinal", ["3a", "3ª", "3.ª"])
def test_spanish_closing_with_an_ordinal_indicator(ordinal: str) -> None:
    """The Spanish meeting line prints its ordinal with "ª" ("3ª sesión plenaria"): the
    closing it is gives the adoption date where no heading does, and is no clause text."""
    text = (
        "80/1. Participación del Estado de Palestina\n\nLa Asamblea General,\n\n"
        "Recordando sus resoluciones pertinentes,\n\n1. Decide que el Estado de Palestina "
        "puede participar en las sesiones;\n\n2. Decide también examinar la cuestión.\n\n"
        f"{ordinal} sesión plenaria\n19 de septiembre de 2025\n"
    )
    r = _constructed(text)
    assert (r.identifier, r.language, r.adopted) == ("A/RES/80/1", "es", date(2025, 9, 19))
    assert r.operative[-1].text == "Decide también examinar la cuestión."
