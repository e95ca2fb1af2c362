"""The embedded store answers every shipped query, correctly; it is swapped in atomically."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from respub.model import Resolution
from respub.store import QueryError, load_release, query, read_query

from .conftest import REPO, Published

QUERIES = sorted((REPO / "queries").glob("*.rq"))
# Queries whose parameters are required: the values they are asked with here.
REQUIRED = {"operative-clauses.rq": {"concept": "urges", "year": "2025"}}


def rows(store: Path, name: str, **bindings: str) -> list[dict[str, str]]:
    text = query(store, read_query(REPO / "queries" / name), "json", bindings=bindings)
    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


@pytest.mark.parametrize("path", QUERIES, ids=[p.name for p in QUERIES])
def test_every_shipped_query_answers(published: Published, path: Path) -> None:
    bindings = REQUIRED.get(path.name, {})
    answer = json.loads(query(published.store, read_query(path), "json", bindings=bindings))
    assert answer["results"]["bindings"], f"{path.name} found nothing"


def test_clause_counts(published: Published) -> None:
    found = {
        (r["identifier"], r["language"]): (int(r["preambular"]), int(r["operative"]))
        for r in rows(published.store, "clause-counts.rq")
    }
    expected = {
        (r.identifier, r.language): (len(r.preamble), len(r.operative))
        for r in published.resolutions
    }
    assert found == expected


@pytest.mark.parametrize(
    "name", ["resolutions-per-body-and-year.rq", "resolutions-per-body-and-year-scan.rq"]
)
def test_resolutions_per_body_and_year(published: Published, name: str) -> None:
    """The counts the VoID description states equal the parsed resolutions', and the
    scan's: the same rows in the same order."""
    found = {(r["body"], r.get("year")): int(r["resolutions"]) for r in rows(published.store, name)}

    def year(r: Resolution) -> str | None:
        known = r.adopted or (r.session.start if r.session else None)
        return str(known.year) if known else None

    expected = Counter(
        (r.body, year(r)) for r in {r.identifier: r for r in published.resolutions}.values()
    )
    assert found == dict(expected)
    assert len(expected) > 1
    assert rows(published.store, name) == rows(
        published.store, "resolutions-per-body-and-year-scan.rq"
    )


def test_who_cites_a_resolution(published: Published) -> None:
    cited = Counter(
        c.identifier for r in published.resolutions for c in r.citations if c.kind == "resolution"
    )
    target, _ = cited.most_common(1)[0]
    found = rows(published.store, "who-cites.rq", cited=target)
    expected = {
        (r.identifier, r.language, c.clause)
        for r in published.resolutions
        for c in r.citations
        if c.identifier == target
    }
    assert {(r["citing"], r["language"], r["clause"]) for r in found} == expected
    assert {r["cited"] for r in found} == {target}


def test_operative_clauses_that_urge(published: Published) -> None:
    found = rows(published.store, "operative-urges.rq")
    expected = {
        (r.identifier, r.language, n)
        for r in published.resolutions
        for n, c in enumerate(r.operative, start=1)
        if c.concept == "urges"
    }
    assert expected
    assert {(r["identifier"], r["language"], int(r["position"])) for r in found} == expected


def test_void_classes_counts_what_a_scan_counts(published: Published) -> None:
    """queries/void-classes.rq reads the counts the release's VoID description states; they
    equal a scan of every language version's graph (the slow way it replaces)."""
    stated = {r["class"]: int(r["entities"]) for r in rows(published.store, "void-classes.rq")}
    scan = """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?expression a <https://respub.org/ontology#Expression> .
          GRAPH ?expression { ?s a ?class }
        } GROUP BY ?class"""
    scanned = {r["class"]: int(r["n"]) for r in _rows(query(published.store, scan, "json"))}
    assert stated == scanned
    resolutions = stated["https://respub.org/ontology#Resolution"]
    assert resolutions == len({r.identifier for r in published.resolutions})
    assert stated["https://respub.org/ontology#Expression"] == len(published.resolutions)
    assert stated["https://respub.org/ontology#OperativeClause"] >= resolutions


def _rows(text: str) -> list[dict[str, str]]:
    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_formats(published: Published) -> None:
    sparql = read_query(REPO / "queries" / "clause-counts.rq")
    table = query(published.store, sparql, "table")
    assert table.splitlines()[0].split(" | ")[0].strip() == "identifier"
    assert table.rstrip().endswith(f"({len(published.resolutions)} rows)")
    records = list(csv.DictReader(io.StringIO(query(published.store, sparql, "csv"))))
    assert len(records) == len(published.resolutions)
    tsv = query(published.store, sparql, "tsv").splitlines()
    assert tsv[0].split("\t")[0] == "?identifier" and len(tsv) == len(records) + 1
    assert query(published.store, "ASK { ?s ?p ?o }") == "true\n"
    construct = "CONSTRUCT { ?s a ?t } WHERE { SELECT DISTINCT ?s ?t { ?s a ?t } LIMIT 3 }"
    assert len(list(parse(query(published.store, construct).encode(), RdfFormat.N_TRIPLES))) == 3


def test_a_bad_query_says_what_the_parser_said(published: Published) -> None:
    with pytest.raises(QueryError, match=r"SPARQL syntax error: error at 1:"):
        query(published.store, "SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError, match="unknown format"):
        query(published.store, "ASK {}", "yaml")
    with pytest.raises(QueryError, match="no store"):
        query(published.store.parent / "nowhere", "ASK {}")


def test_graphs_and_metadata(published: Published) -> None:
    graphs = rows_of(published.store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    # one per language version, the metadata, the vocabulary, the cross-language alignment
    assert len(graphs) == published.summary.expressions + 3
    triples = rows_of(
        published.store,
        "PREFIX void: <http://rdfs.org/ns/void#> "
        "SELECT ?n WHERE { ?d a void:Dataset ; void:triples ?n }",
    )
    assert [int(r["n"]) for r in triples] == [published.summary.triples]


def test_a_failed_load_keeps_the_old_store(published: Published, tmp_path: Path) -> None:
    broken = tmp_path / "release"
    shutil.copytree(published.summary.release_dir, broken)
    with gzip.open(broken / "resolutions.nq.gz", "wb") as handle:
        handle.write(b"<not a quad\n")
    before = query(published.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "csv")
    with pytest.raises(SyntaxError):
        load_release(broken, published.store)
    assert query(published.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "csv") == before
    assert len(list(published.store.parent.glob(".store-*"))) == 1


def test_reloading_swaps_the_store(published: Published, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = load_release(published.summary.release_dir, store)
    old_target = store.resolve()
    second = load_release(published.summary.release_dir, store)
    assert store.resolve() != old_target and not old_target.exists()
    assert first.quads == second.quads and second.graphs == published.summary.expressions + 3


def rows_of(store: Path, sparql: str) -> list[dict[str, str]]:
    data = json.loads(query(store, sparql, "json"))
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
