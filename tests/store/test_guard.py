"""Guarded SPARQL: a runaway query is killed, updates and SERVICE are refused, answers are capped,
and the runner keeps answering afterwards."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from respub.store import (
    QueryError,
    QueryLimits,
    QueryRefused,
    QueryRunner,
    QueryTimeout,
    ResultTooLarge,
    load_release,
    query,
)
from respub.store.guard import check

from .conftest import Published

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def runner(published: Published) -> Iterator[QueryRunner]:
    with QueryRunner(published.store, QueryLimits(timeout=2.0), workers=2) as pool:
        yield pool


def count(runner: QueryRunner) -> int:
    data = json.loads(runner.run(COUNT).body)
    return int(data["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_a_runaway_query_is_stopped_and_the_next_query_works(runner: QueryRunner) -> None:
    before = count(runner)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"longer than the time limit \(2 s\) and was stopped"):
        runner.run(RUNAWAY)
    assert time.monotonic() - started < 2.0 + 10  # stopped, not run to the end
    assert count(runner) == before > 1000
    # Both workers can be killed in turn; the pool still answers.
    for _ in range(2):
        with pytest.raises(QueryTimeout):
            runner.run(RUNAWAY)
    assert count(runner) == before


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://e/s> <http://e/p> 1 }",
        "PREFIX ex: <http://e/#>\n# comment\ndelete where { ?s ex:p ?o }",
        "DROP ALL",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(runner: QueryRunner, update: str) -> None:
    with pytest.raises(QueryRefused, match="updates are not accepted"):
        runner.run(update)
    assert count(runner) > 0


def test_service_is_refused_unless_allowed(runner: QueryRunner) -> None:
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryRefused, match="SERVICE"):
        runner.run(federated)
    with pytest.raises(QueryRefused, match="SERVICE"):
        runner.run("select * { service silent <http://x/> { ?s ?p ?o } }")
    assert check(federated, QueryLimits(allow_service=True)) == "SELECT"
    # The word in a string, an IRI, a variable or a prefixed name is not a SERVICE clause.
    harmless = (
        "PREFIX service: <http://e/service#> SELECT ?service WHERE "
        "{ ?service <http://e/SERVICE> 'SERVICE' . OPTIONAL { ?service service:x ?y } } LIMIT 1"
    )
    assert runner.run(harmless, result_format="csv").body.startswith(b"service")


def test_a_large_answer_is_stopped_at_the_size_limit(published: Published) -> None:
    limits = QueryLimits(timeout=20.0, max_bytes=10_000)
    with QueryRunner(published.store, limits, workers=1) as small:
        with pytest.raises(ResultTooLarge, match=r"result size limit \(10,000 bytes\)"):
            small.run("SELECT * WHERE { ?s ?p ?o }")
        with pytest.raises(ResultTooLarge):
            small.run("CONSTRUCT WHERE { ?s ?p ?o }", graph_format="ntriples")
        with pytest.raises(ResultTooLarge):
            small.run("SELECT * WHERE { ?s ?p ?o }", result_format="table")
        assert small.run("ASK { ?s ?p ?o }").body.startswith(b"{")
    with pytest.raises(ResultTooLarge):
        query(published.store, "SELECT * WHERE { ?s ?p ?o }", "tsv", limits=limits)


def test_formats_of_each_query_form(runner: QueryRunner) -> None:
    select = "SELECT ?s WHERE { ?s a ?t } LIMIT 2"
    assert runner.run(select, result_format="xml").body.startswith(b"<?xml")
    assert runner.run(select, result_format="xml").media_type == "application/sparql-results+xml"
    graph = runner.run("DESCRIBE ?s WHERE { ?s a ?t } LIMIT 1", graph_format="jsonld")
    assert graph.form == "graph" and graph.media_type == "application/ld+json"
    assert json.loads(graph.body)
    ask = runner.run("ASK { ?s ?p ?o }", result_format="tsv")
    assert ask.form == "boolean"
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        runner.run("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError, match="unknown results format"):
        runner.run(select, result_format="yaml")


def test_workers_follow_a_reloaded_store(published: Published, tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_release(published.summary.release_dir, store)
    with QueryRunner(store, QueryLimits(timeout=30.0), workers=1) as pool:
        before = count(pool)
        load_release(published.summary.release_dir, store)  # the old store folder is deleted
        assert count(pool) == before


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="time limit"):
        QueryLimits(timeout=0)
    with pytest.raises(ValueError, match="size limit"):
        QueryLimits(max_bytes=0)
