"""`respub query` abused as a hostile user would (issue #13, finding 8): each abuse is one
clear `respub: error:` line, never a traceback; the query runs on the guarded runner."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from respub.store.bindings import parse_bindings
from respub.store.guard import QueryError

ROOT = Path(__file__).resolve().parents[2]
RESPUB = Path(sys.executable).parent / "respub"
COUNTS = "queries/clause-counts.rq"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _query(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RESPUB), "query", *args, "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def _error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("respub: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((COUNTS, "--bind", "expression=x"), "does not contain variable ?expression in its SELECT"),
        ((COUNTS, "--bind", "nowhere=x"), "--bind 'nowhere=x': the query has no variable ?nowhere"),
        ((COUNTS, "--bind", "idonly"), "--bind 'idonly': expected NAME=VALUE"),
        ((COUNTS, "--bind", "identifier=https://a<b"), "?identifier='https://a<b': not a valid"),
        (("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",), "SERVICE"),
        (("INSERT DATA { <http://a> <http://b> <http://c> }",), "updates are not accepted"),
        (("DELETE WHERE { ?s ?p ?o }",), "updates are not accepted"),
        (("SELECT * WHERE { ?s ?p }",), "SPARQL syntax error"),
        (("missing.rq",), "missing.rq: cannot read the query"),
    ],
)
def test_query_abuse_is_one_clear_line(
    published: object, args: tuple[str, ...], message: str
) -> None:
    store = published.store  # type: ignore[attr-defined]
    assert message in _error(_query(store, *args))


def test_a_runaway_query_is_stopped_at_the_timeout(published: object) -> None:
    store = published.store  # type: ignore[attr-defined]
    began = time.monotonic()
    line = _error(_query(store, CARTESIAN, "--timeout", "1"))
    assert "time limit (1 s)" in line
    assert time.monotonic() - began < 60


def test_a_bound_query_answers(published: object) -> None:
    store = published.store  # type: ignore[attr-defined]
    done = _query(store, COUNTS, "--bind", "identifier=GA-2021-89-RES-09", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("GA-2021-89-RES-09,")


def test_bindings_are_checked_before_running() -> None:
    assert parse_bindings(["?language=fr"], "SELECT ?language {}") == {"language": "fr"}
    with pytest.raises(QueryError, match="expected NAME=VALUE"):
        parse_bindings(["=x"], "SELECT ?x {}")
