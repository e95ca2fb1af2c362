"""INTERPOL General Assembly: the Spanish seed and the constructed en/fr/ar fixtures."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from respub.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus/interpol/GA-2021-89-RES-09.es.txt"
# The English, French and Arabic versions constructed from the seed (corpus/PROVENANCE.md).
CONSTRUCTED = [
    ROOT / f"corpus/interpol/GA-2021-89-RES-09.{lang}.txt" for lang in ("ar", "en", "fr")
]
CONCEPTS_PRE = [
    "recognizing",
    "recalling",
    "bearing-in-mind",
    "recognizing",
    "deeply-concerned",
    "concerned",
    "noting",
    "emphasizing",
]
CONCEPTS_OP = ["calls-upon", "urges"]
CITED = {
    "AG-2005-RES-09",
    "AGN/65/RES/9",
    "AGN/65/RES/10",
    "AG-2011-RES-05",
    "interpol-constitution",
    "interpol-constitution/article-2-1",
    "universal-declaration-of-human-rights",
    "convention-on-the-rights-of-the-child",
    "crc-general-comment-25",
}


def test_seed_parses_as_annotated() -> None:
    r = parse_file(SEED)
    assert r.identifier == "GA-2021-89-RES-09"
    assert r.body == "INTERPOL-GA"
    assert r.language == "es"
    assert r.number == "9"
    assert r.title == "Proteger a los menores frente a la explotación sexual en línea"
    assert r.session is not None
    assert (r.session.number, r.session.place, r.session.country) == (89, "Estambul", "Turquía")
    assert (r.session.start, r.session.end) == (date(2021, 11, 23), date(2021, 11, 25))
    assert len(r.preamble) == 8
    assert r.preamble[0].keyword == "RECONOCIENDO"
    assert r.preamble[4].keyword == "PROFUNDAMENTE PREOCUPADA"
    assert [c.keyword for c in r.operative] == ["HACE UN LLAMAMIENTO", "INSTA"]
    assert [c.number for c in r.operative] == [None, None]
    assert r.status == "adopted"
    assert r.adopted is None  # the seed prints no adoption date
    assert r.formula is not None and r.formula.startswith("La Asamblea General de la OIPC-INTERPOL")
    assert {"AG-2005-RES-09", "AGN/65/RES/9", "AGN/65/RES/10", "AG-2011-RES-05"} <= {
        c.identifier for c in r.citations
    }
    assert r.source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_seed_text_is_kept_verbatim() -> None:
    r = parse_file(SEED)
    third = r.preamble[2].text
    assert "Observación general nº 25 (2001)" in third
    assert third.startswith("HABIDA CUENTA de la Convención de las Naciones Unidas")
    assert r.operative[1].text.endswith("con estos fines.")
    article = next(c for c in r.citations if c.kind == "article")
    assert article.text == "artículo 2 (1) del Estatuto de INTERPOL"
    assert article.clause == "preamble-1"


@pytest.mark.parametrize("path", [SEED, *CONSTRUCTED], ids=lambda p: p.name)
def test_every_language_has_the_seed_structure(path: Path) -> None:
    r = parse_file(path)
    assert r.identifier == "GA-2021-89-RES-09"
    assert r.language == path.suffixes[-2].lstrip(".")
    assert r.number == "9"
    assert r.session is not None and r.session.number == 89
    assert (r.session.start, r.session.end) == (date(2021, 11, 23), date(2021, 11, 25))
    assert [c.concept for c in r.preamble] == CONCEPTS_PRE
    assert [c.concept for c in r.operative] == CONCEPTS_OP
    assert {c.identifier for c in r.citations} == CITED
    assert r.status == "adopted"


def test_same_verb_in_four_languages_is_one_concept() -> None:
    keywords = {
        parse_file(p).operative[0].keyword: parse_file(p).operative[0].concept
        for p in [SEED, *CONSTRUCTED]
    }
    assert set(keywords) == {"HACE UN LLAMAMIENTO", "CALLS UPON", "LANCE UN APPEL", "تناشد"}
    assert set(keywords.values()) == {"calls-upon"}


def test_language_can_be_forced_and_is_checked() -> None:
    assert parse_file(SEED, language="es").language == "es"
    with pytest.raises(Exception, match="unknown language 'xx'"):
        parse_file(SEED, language="xx")


@pytest.mark.parametrize(
    ("name", "identifier", "session", "place", "dates", "operative", "cited"),
    [
        ("interpol-ga-1996.en.txt", "AGN/65/RES/9", 65, "Antalya",
         (date(1996, 10, 23), date(1996, 10, 29)), ["RECOMMENDS"],
         {"convention-on-the-rights-of-the-child"}),
        ("interpol-ga-2005.en.txt", "AG-2005-RES-09", 74, "Berlin",
         (date(2005, 9, 19), date(2005, 9, 22)), ["RECOMMENDS", "URGES"], {"AGN/65/RES/9"}),
        ("interpol-ga-2005.es.txt", "AG-2005-RES-09", 74, "Berlín",
         (date(2005, 9, 19), date(2005, 9, 22)), ["INSTA"], {"AGN/65/RES/9"}),
        ("interpol-ga-2023.fr.txt", "GA-2023-91-RES-05", 91, "Vienne",
         (date(2023, 11, 28), date(2023, 12, 1)), ["INVITE", "CHARGE"], {"GA-2021-89-RES-09"}),
    ],
)  # fmt: skip
def test_older_and_newer_resolutions(
    name: str,
    identifier: str,
    session: int,
    place: str,
    dates: tuple[date, date],
    operative: list[str],
    cited: set[str],
) -> None:
    """Resolutions beyond the seed, constructed in the styles INTERPOL printed them in
    (tests/fixtures/bodies/README.md): "ICPO-Interpol", "O.I.P.C.-INTERPOL", the Spanish
    session after its dates, a session sentence without country."""
    r = parse_file(ROOT / "tests/fixtures/bodies" / name)
    assert (r.identifier, r.body) == (identifier, "INTERPOL-GA")
    assert r.session is not None and (r.session.number, r.session.place) == (session, place)
    assert (r.session.start, r.session.end) == dates
    assert r.title and r.formula and r.preamble and r.warnings == ()
    assert [c.keyword for c in r.operative] == operative
    assert {c.identifier for c in r.citations} == cited
