"""Task runners by name; the report's artifacts."""

from __future__ import annotations

import pytest
from prefect.task_runners import ThreadPoolTaskRunner
from prefect_dask.task_runners import DaskTaskRunner

from respub.orchestrate.report import (
    DocumentRow,
    PublishReport,
    identifier_mismatches,
    release_markdown,
    rows,
    validation_table,
)
from respub.orchestrate.runners import batch_runner, task_runner
from respub.orchestrate.staging import SourceReport
from respub.problems import problem
from respub.publish.manifest import Quarantine
from respub.results import DocumentResult
from respub.validate.report import Severity, Violation


def test_task_runners() -> None:
    assert isinstance(task_runner("threads"), ThreadPoolTaskRunner)
    remote = task_runner("dask", dask_address="tcp://127.0.0.1:8786")
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://127.0.0.1:8786"
    local = task_runner("dask", dask_workers=3)
    assert isinstance(local, DaskTaskRunner) and local.address is None
    assert local.cluster_kwargs["n_workers"] == 3 and local.cluster_kwargs["processes"]
    with pytest.raises(ValueError, match="unknown runner"):
        task_runner("ray")
    with pytest.raises(ValueError, match="dask"):
        task_runner("threads", dask_address="tcp://127.0.0.1:8786")


def _report(**changes: object) -> PublishReport:
    values: dict[str, object] = {
        "release_id": "2026-11-29T030000Z-3f2a9c1b",
        "release_dir": "output/releases/2026-11-29T030000Z-3f2a9c1b",
        "previous": None,
        "unchanged": False,
        "documents": 3,
        "parsed": 1,
        "reused": 2,
        "published": 2,
        "expressions": 2,
        "triples": 200,
        "added": 2,
        "changed": 0,
        "removed": 0,
        "rows": (
            DocumentRow("a.md", "A/RES/1", "en", "reused", "published", 0, 0),
            DocumentRow("b.md", None, None, "parsed", "error", 0, 0, "b.md: no text"),
            DocumentRow("c.md", "A/RES/3", "en", "reused", "published", 0, 1, None),
        ),
    }
    values.update(changes)
    return PublishReport(**values)  # type: ignore[arg-type]


def test_validation_table_puts_problems_first() -> None:
    table = validation_table(_report())
    assert [row["source"] for row in table] == ["b.md", "c.md", "a.md"]
    assert validation_table(_report(), limit=1) == table[:1]


def test_release_markdown() -> None:
    text = release_markdown(
        _report(
            quarantined=(
                Quarantine(
                    "b.md",
                    "",
                    None,
                    None,
                    (problem("parse-error", message="no text", file="b.md"),),
                ),
            ),
            sources=(SourceReport("http://x/b.md", "kept", "http://x/b.md: HTTP 404; kept"),),
        )
    )
    assert text.startswith("# Release 2026-11-29T030000Z-3f2a9c1b")
    assert "2 added, 0 changed, 0 removed" in text
    assert "`b.md` (unparsed): b.md: no text." in text
    assert "http://x/b.md: HTTP 404; kept" in text
    assert "Nothing changed" in release_markdown(_report(unchanged=True))


def test_one_batch_does_not_start_a_cluster() -> None:
    assert isinstance(batch_runner("dask", 1), ThreadPoolTaskRunner)
    assert isinstance(batch_runner("dask", 2), DaskTaskRunner)
    assert isinstance(batch_runner("dask", 1, dask_address="tcp://h:8786"), DaskTaskRunner)


def test_identifier_mismatches_are_reported() -> None:
    rows = (
        DocumentRow("http://x/a.md", "A/RES/80/1", "en", "parsed", "published", 0, 0),
        DocumentRow("http://x/b.md", "A/RES/80/2", "en", "parsed", "published", 0, 0),
    )
    sources = (
        SourceReport("http://x/a.md", "fetched", identifier="A/RES/80/1"),
        SourceReport("http://x/b.md", "fetched", identifier="A/RES/80/9"),
    )
    report = _report(rows=rows, sources=sources)
    assert identifier_mismatches(report) == [("http://x/b.md", "A/RES/80/9", "A/RES/80/2")]
    assert "the manifest says A/RES/80/9, the text A/RES/80/2" in release_markdown(report)


def test_a_later_part_that_fails_has_its_own_row() -> None:
    """A resolution adopted in parts (A/RES/80/2A, 2B) is one source with one result per
    part; when part B is quarantined, its row names part B, and part A's stays published."""
    base = "https://data.respub.org/resolution/un-ga/80"
    violation = Violation(
        f"{base}/2b/en", None, None, Severity.VIOLATION, "no operative clause", "shape"
    )
    part_b = DocumentResult(
        "A_RES_80_2.md", "00", "text/markdown", "A/RES/80/2B", language="en",
        expression_iri=f"{base}/2b/en", issues=(violation,),
    )  # fmt: skip
    result = DocumentResult(
        "A_RES_80_2.md", "00", "text/markdown", "A/RES/80/2A", language="en",
        expression_iri=f"{base}/2a/en", parts=(part_b,),
    )  # fmt: skip
    found = rows([result], {"A_RES_80_2.md": "parsed"}, [("A_RES_80_2.md", f"{base}/2b/en")])
    assert [(r.identifier, r.status, r.violations) for r in found] == [
        ("A/RES/80/2A", "published", 0),
        ("A/RES/80/2B", "quarantined", 1),
    ]
    sources = (SourceReport("A_RES_80_2.md", "fetched", identifier="A/RES/80/2A"),)
    assert identifier_mismatches(_report(rows=found, sources=sources)) == []
