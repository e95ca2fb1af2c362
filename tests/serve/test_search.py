"""Search finds known clauses in English, French, Spanish and Arabic, whatever the
diacritics, accents or inflection, ranked, each hit linking to its clause anchor."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html

from .conftest import Server

INTERPOL = "GA-2021-89-RES-09"


def hits(server: Server, q: str, lang: str | None = None) -> list[dict]:  # type: ignore[type-arg]
    params = {"q": q, "format": "json", **({"lang": lang} if lang else {})}
    answer = server.get("/search", params=params)
    assert answer.status_code == 200
    data = answer.json()
    assert data["total"] >= len(data["hits"])
    return data["hits"]  # type: ignore[no-any-return]


CASES = yaml.safe_load(
    (Path(__file__).parents[1] / "fixtures" / "search-cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("query", "lang", "printed"), [(c["query"], c["language"], c["printed"]) for c in CASES]
)
def test_known_clauses_are_found_first(server: Server, query: str, lang: str, printed: str) -> None:
    found = hits(server, query, lang)
    assert found, query
    best = found[0]
    assert best["identifier"] == INTERPOL and best["language"] == lang
    assert printed in best["text"], (query, best["text"][:120])
    assert best["anchor"].startswith(("preamble-", "operative-"))
    assert best["href"].endswith(f"/{lang}#{best['anchor']}")
    assert best["iri"] == f"{best['expression_iri']}#{best['anchor']}"


def test_hits_are_ranked_and_filtered_by_language(server: Server) -> None:
    found = hits(server, "encryption children")
    scores = [h["score"] for h in found]
    assert scores == sorted(scores) and len(found) >= 2
    assert {h["language"] for h in found} == {"en"}
    # FTS5 operators typed by a user are words, not syntax: no error, the words are sought.
    assert hits(server, 'encryption" NEAR( OR children') == hits(
        server, "encryption near or children"
    )
    assert hits(server, "") == []


def test_the_search_page_links_to_clause_anchors(server: Server) -> None:
    page = server.get(
        "/search", params={"q": "chiffrement", "lang": "fr"}, headers={"Accept": "text/html"}
    )
    assert page.status_code == 200
    hits: html.HtmlElement = html.fromstring(page.content)
    links = hits.xpath("//ol[@class='hits']//a/@href")
    assert links and all("/fr" in link for link in links)
    target = next(link for link in links if "#" in link)
    path, _, anchor = target.partition("#")
    clause_page: html.HtmlElement = html.fromstring(
        server.get(path, headers={"Accept": "text/html"}).content
    )
    assert clause_page.get_element_by_id(anchor) is not None
