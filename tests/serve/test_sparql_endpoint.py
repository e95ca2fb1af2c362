"""A SPARQL client we did not write (SPARQLWrapper) gets from /sparql what `respub query`
gives; updates, SERVICE and a runaway query are refused, and the server answers on."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from pyoxigraph import RdfFormat, parse
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from respub.store import query as run_query
from respub.store import read_query

from .conftest import TIMEOUT, Server

REPO = Path(__file__).resolve().parents[2]
QUERIES = sorted((REPO / "queries").glob("*.rq"))
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def rows(data: dict[str, Any]) -> set[tuple[tuple[str, str], ...]]:
    return {
        tuple(sorted((k, v["value"]) for k, v in binding.items()))
        for binding in data["results"]["bindings"]
    }


def cli_query(server: Server, path: Path) -> dict[str, Any]:
    """What `respub query PATH --format json` prints (its library call, in this process:
    tests/store/test_query_cli runs the command itself)."""
    answer = run_query(server.output / "store", read_query(path), "json")
    printed: dict[str, Any] = json.loads(answer)
    return printed


def still_answers(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery("ASK { ?s a ?t }")
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert isinstance(answer, dict) and answer["boolean"] is True


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_shipped_queries_give_what_respub_query_gives(server: Server, path: Path) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(path.read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert isinstance(answer, dict)  # JSON results, decoded
    expected = cli_query(server, path)
    assert answer["head"]["vars"] == expected["head"]["vars"]
    assert rows(answer) == rows(expected) and rows(answer)


def test_post_forms_and_answer_formats(server: Server) -> None:
    select = "SELECT ?e ?l WHERE { ?e <https://respub.org/ontology#languageCode> ?l } ORDER BY ?e"
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setMethod("POST")
    client.setQuery(select)
    for fmt, check in ((XML, b"<sparql"), (CSV, b"e,l"), (TSV, b"?e\t?l")):
        client.setReturnFormat(fmt)
        body = client.query().response.read()
        assert check in body[:200], fmt
    direct = requests.post(
        f"{server.url}/sparql",
        data=select.encode(),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
        timeout=30,
    )
    assert direct.status_code == 200 and direct.json()["results"]["bindings"]
    construct = "CONSTRUCT { ?e a ?t } WHERE { SELECT DISTINCT ?e ?t { ?e a ?t } LIMIT 5 }"
    client.setQuery(construct)
    client.setReturnFormat(TURTLE)
    graph = client.query().response.read()
    assert len(list(parse(graph, format=RdfFormat.TURTLE))) == 5
    for accept, rdf_format in (
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", RdfFormat.N_TRIPLES),
    ):
        got = server.get("/sparql", params={"query": construct}, headers={"Accept": accept})
        assert got.headers["content-type"].startswith(accept)
        assert len(list(parse(got.content, format=rdf_format))) == 5
    described = server.get(
        "/sparql",
        params={"query": "DESCRIBE <https://data.respub.org/body/un-ga>"},
        headers={"Accept": "text/turtle"},
    )
    assert described.status_code == 200
    cors = server.get("/sparql", params={"query": "ASK {}"})
    assert cors.headers["Access-Control-Allow-Origin"] == "*"
    page = server.get("/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and all(p.stem.encode() in page.content for p in QUERIES)


@pytest.mark.parametrize(
    ("how", "text"),
    [
        ("query", "INSERT DATA { <http://e/s> <http://e/p> 1 }"),
        ("update", "DROP ALL"),
        ("update", "INSERT DATA { <http://e/s> <http://e/p> 1 }"),
    ],
)
def test_updates_are_refused(server: Server, how: str, text: str) -> None:
    answer = requests.post(f"{server.url}/sparql", data={how: text}, timeout=30)
    assert answer.status_code == 403 and "updates are not accepted" in answer.text
    typed = requests.post(
        f"{server.url}/sparql",
        data=text.encode(),
        timeout=30,
        headers={"Content-Type": "application/sparql-update"},
    )
    assert typed.status_code == 403
    client = SPARQLWrapper(f"{server.url}/sparql", updateEndpoint=f"{server.url}/sparql")
    client.setMethod("POST")
    client.setQuery(text)
    with pytest.raises((SPARQLWrapperException, Exception)) as refused:
        client.query()
    assert "403" in str(refused.value) or "not accepted" in str(refused.value)
    still_answers(server)


def test_service_is_refused(server: Server) -> None:
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    answer = server.get("/sparql", params={"query": federated})
    assert answer.status_code == 403 and "SERVICE" in answer.text
    still_answers(server)


@pytest.mark.slow
def test_a_runaway_query_is_stopped_and_the_server_answers_on(server: Server) -> None:
    started = time.monotonic()
    answer = server.get("/sparql", params={"query": RUNAWAY})
    assert answer.status_code == 503 and "time limit" in answer.text
    assert time.monotonic() - started < TIMEOUT + 15
    still_answers(server)
    too_big = server.get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"})
    assert too_big.status_code in (400, 503) and (
        "size limit" in too_big.text or "time limit" in too_big.text
    )
    still_answers(server)
