"""The selective queries a consumer binds (issue #11 item 9): one resolution's clauses, the
operative clauses with a concept in a year. Their rows are read off the parsed resolutions
the release was made from. One case of each goes through `respub.store.query` (a guarded
worker process per call); the others ask the store as that worker does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pyoxigraph import QuerySolutions, Store

from respub.store.execute import ask as ask_store

from .conftest import REPO, Published
from .test_store import rows

CLAUSES = "resolution-clauses.rq"
OPERATIVE = "operative-clauses.rq"


@pytest.fixture(scope="module")
def store(published: Published) -> Iterator[Store]:
    yield Store.read_only(str(published.store))


def ask(store: Store, name: str, **bindings: str) -> list[dict[str, str]]:
    """The rows, as `respub query --bind` gives them (`respub.store.execute.ask`)."""
    answer = ask_store(store, (REPO / "queries" / name).read_text("utf-8"), bindings)
    assert isinstance(answer, QuerySolutions)
    names = [v.value for v in answer.variables]
    return [
        {n: t.value for n, t in zip(names, row, strict=True) if t is not None} for row in answer
    ]


def test_the_clauses_of_one_resolution(published: Published, store: Store) -> None:
    for resolution in published.resolutions:
        found = ask(store, CLAUSES, identifier=resolution.identifier)
        mine = [r for r in found if r["language"] == resolution.language]
        expected = [
            ("preambular", n, c.keyword, c.text) for n, c in enumerate(resolution.preamble, 1)
        ]
        expected += [
            ("operative", n, c.keyword, c.text) for n, c in enumerate(resolution.operative, 1)
        ]
        got = [(r["kind"], int(r["position"]), r.get("keyword"), r["text"]) for r in mine]
        assert got == expected, resolution.identifier
        assert {r["identifier"] for r in found} == {resolution.identifier}
    assert ask(store, CLAUSES, identifier="A/RES/0/0") == []
    one = published.resolutions[0]
    assert rows(published.store, CLAUSES, identifier=one.identifier) == ask(
        store, CLAUSES, identifier=one.identifier
    )


def test_operative_clauses_with_a_concept_in_a_year(published: Published, store: Store) -> None:
    pairs = {
        (c.concept, str(r.adopted.year))
        for r in published.resolutions
        if r.adopted
        for c in r.operative
        if c.concept
    }
    assert len(pairs) > 5
    for concept, year in sorted(pairs | {("urges", "1901"), ("no-such-verb", "2025")}):
        found = ask(store, OPERATIVE, concept=concept, year=year)
        expected = {
            (r.identifier, r.language, n, c.text)
            for r in published.resolutions
            if r.adopted and str(r.adopted.year) == year
            for n, c in enumerate(r.operative, 1)
            if c.concept == concept
        }
        got = [(r["identifier"], r["language"], int(r["position"]), r["text"]) for r in found]
        assert sorted(got) == sorted(expected), (concept, year)
        assert {(r["concept"], r["year"]) for r in found} <= {(concept, year)}
    concept, year = sorted(pairs)[0]
    assert rows(published.store, OPERATIVE, concept=concept, year=year) == ask(
        store, OPERATIVE, concept=concept, year=year
    )
