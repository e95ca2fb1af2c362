"""The change log compares entries clause by clause."""

from __future__ import annotations

import json

from respub.publish.changes import changes, clause_changes
from respub.publish.manifest import Entry, Manifest
from respub.results import ClauseSummary


def entry(
    iri: str,
    content: str,
    *,
    preamble: tuple[str, ...] = ("p1", "p2"),
    operative: tuple[str, ...] = ("o1", "o2", "o3"),
    header: str = "h",
) -> Entry:
    return Entry(
        expression_iri=iri,
        work_iri=iri.rsplit("/", 1)[0],
        identifier=iri[-6:],
        language="en",
        body="UN-GA",
        title=None,
        source_path=f"{iri[-6:]}.md",
        source_sha256="0" * 64,
        media_type="text/markdown",
        content_sha256=content,
        triples=1,
        clauses=ClauseSummary(header, preamble, operative),
        generated_in="r1",
    )


def manifest(*entries: Entry) -> Manifest:
    return Manifest("r1", "2026-01-01T00:00:00Z", None, "0", {}, 0, entries, ())


def test_added_changed_removed_and_unchanged() -> None:
    before = manifest(
        entry("https://d/x/1/en", "a"),
        entry("https://d/x/2/en", "b"),
        entry("https://d/x/3/en", "c"),
    )
    now = [
        entry("https://d/x/1/en", "a"),
        entry("https://d/x/2/en", "B", operative=("o1", "O2", "o3")),
        entry("https://d/x/4/en", "d"),
    ]
    found = changes("r2", before, now)
    assert [(c.kind, c.expression_iri) for c in found.changes] == [
        ("added", "https://d/x/4/en"),
        ("changed", "https://d/x/2/en"),
        ("removed", "https://d/x/3/en"),
    ]
    assert found.unchanged == 1
    assert found.of_kind("changed")[0].details == ("operative clause 2 changed",)
    data = json.loads(found.to_json())
    assert data["previous"] == "r1" and len(data["added"]) == 1
    assert "## Changed" in found.to_markdown().decode()


def test_an_inserted_recital_is_one_insertion() -> None:
    old = entry("https://d/x/1/en", "a", preamble=("p1", "p2", "p3"))
    new = entry("https://d/x/1/en", "b", preamble=("p1", "new", "p2", "p3"), header="h2")
    assert clause_changes(old, new) == (
        "header changed (title, dates, session, status, citations or notes)",
        "preamble clause 2 added",
    )
    fewer = entry("https://d/x/1/en", "c", preamble=("p1", "p2", "p3"), operative=("o1",))
    assert clause_changes(old, fewer) == ("operative clauses 2–3 removed (old numbering)",)


def test_the_first_release_adds_everything() -> None:
    found = changes("r1", None, [entry("https://d/x/1/en", "a")])
    assert found.previous is None and [c.kind for c in found.changes] == ["added"]
    assert "first release" in found.to_markdown().decode()
