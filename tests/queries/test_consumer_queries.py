"""The consumer queries in queries/eli-*.rq: ELI and Dublin Core terms only, no inference,
and the rows they give on the sample release.

The expected rows are read off the sample's sources (corpus/interpol/*.txt,
corpus/un-ga/md/A_RES_80_1.md): titles as printed, the works each one cites.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from respub.store.query import query

QUERIES = Path(__file__).resolve().parents[2] / "queries"
CONSUMER = sorted(QUERIES.glob("eli-*.rq"))
ALLOWED = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
}
LANG = "http://publications.europa.eu/resource/authority/language/"
DATA = "https://data.respub.org/"
IANA = "https://www.iana.org/assignments/media-types/"
INTERPOL_TITLES = {
    "ARA": "حماية الأطفال من الاستغلال الجنسي على الإنترنت",
    "ENG": "Protecting children from online sexual exploitation",
    "FRA": "Protéger les enfants contre l'exploitation sexuelle en ligne",
    "SPA": "Proteger a los menores frente a la explotación sexual en línea",
}

pytestmark = pytest.mark.slow  # the sample release is built once (about 20 s)


def rows(store: Path, name: str, **bindings: str) -> list[dict[str, str]]:
    text = (QUERIES / name).read_text(encoding="utf-8")
    answer = json.loads(query(store, text, "json", bindings=bindings))
    return [
        {k: v["value"] for k, v in binding.items()} for binding in answer["results"]["bindings"]
    ]


def _code(text: str) -> str:
    """The query without comments and string literals."""
    text = re.sub(r"(?m)(^|\s)#[^\n]*", r"\1", text)
    return re.sub(r'"[^"\n]*"', '""', text)


def test_there_are_three_consumer_queries() -> None:
    assert [p.name for p in CONSUMER] == [
        "eli-citations.rq",
        "eli-language-versions.rq",
        "eli-resolutions-by-language.rq",
    ]


@pytest.mark.parametrize("path", CONSUMER, ids=lambda p: p.name)
def test_consumer_queries_use_only_eli_and_dublin_core(path: Path) -> None:
    code = _code(path.read_text(encoding="utf-8"))
    declared = dict(re.findall(r"PREFIX\s+(\w*):\s*<([^>]+)>", code, flags=re.I))
    assert declared and all(ALLOWED.get(p) == iri for p, iri in declared.items()), declared
    body = re.sub(r"PREFIX\s+\w*:\s*<[^>]+>", "", code, flags=re.I)
    assert not re.search(r"<[a-z]+:[^>]*>", body), "no IRIs written out in full"
    used = set(re.findall(r"\b([A-Za-z][\w-]*):[A-Za-z_]", body))
    assert used <= set(ALLOWED), used


def test_resolutions_with_title_and_date_per_language(sample_release: object) -> None:
    found = rows(sample_release.store, "eli-resolutions-by-language.rq")  # type: ignore[attr-defined]
    assert len(found) == sample_release.summary.expressions == 40  # type: ignore[attr-defined]
    interpol = {
        r["language"].removeprefix(LANG): r["title"]
        for r in found
        if r["identifier"] == "GA-2021-89-RES-09"
    }
    assert interpol == INTERPOL_TITLES
    assert {
        "identifier": "A/RES/80/1",
        "language": LANG + "ENG",
        "title": "Participation by the State of Palestine during the eightieth session",
        "date": "2025-09-19",
    } in found
    udhr = sorted(r["language"].removeprefix(LANG) for r in found if "217" in r["identifier"])
    assert udhr == ["ENG", "FRA", "SPA"]
    assert all(r["title"] for r in found)


def test_what_a_resolution_cites(sample_release: object) -> None:
    found = rows(sample_release.store, "eli-citations.rq", identifier="GA-2021-89-RES-09")  # type: ignore[attr-defined]
    assert sorted(r["cited"].removeprefix(DATA) for r in found) == [
        "document/convention-on-the-rights-of-the-child",
        "document/crc-general-comment-25",
        "document/interpol-constitution",
        "document/interpol-constitution-article-2-1",
        "document/universal-declaration-of-human-rights",
        "resolution/interpol-ga/1996/10",  # AGN/65/RES/10
        "resolution/interpol-ga/1996/9",  # AGN/65/RES/9
        "resolution/interpol-ga/2005/9",  # AG-2005-RES-09
        "resolution/interpol-ga/2011/5",  # AG-2011-RES-05
    ]
    un = rows(sample_release.store, "eli-citations.rq", identifier="A/RES/80/1")  # type: ignore[attr-defined]
    assert sorted(r["cited"].removeprefix(DATA) for r in un) == [
        "document/headquarters-agreement-un-usa",
        "resolution/un-ga/2/169",  # footnote 1: "See resolution 169 (II)."
    ]


def test_all_language_versions_of_a_work(sample_release: object) -> None:
    found = rows(sample_release.store, "eli-language-versions.rq", identifier="GA-2021-89-RES-09")  # type: ignore[attr-defined]
    work = DATA + "resolution/interpol-ga/2021/9/"
    by_version: dict[str, set[str]] = {}
    for r in found:
        assert r["expression"] == work + r["file"].removeprefix(work).split(".")[0]
        assert r["title"] == INTERPOL_TITLES[r["language"].removeprefix(LANG)]
        by_version.setdefault(r["expression"].removeprefix(work), set()).add(
            r["format"].removeprefix(IANA)
        )
    formats = {"text/plain", "text/turtle", "application/ld+json", "application/akn+xml"}
    assert by_version == {lang: formats for lang in ("ar", "en", "es", "fr")}
