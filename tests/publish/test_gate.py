"""The publication gate: violations and parse errors are quarantined, old versions carried."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from support import publish_files as publish

from respub.errors import PublishError
from respub.process import process_document
from respub.publish.gate import select
from respub.publish.layout import expression_path
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult
from respub.settings import Settings
from respub.sources.discover import discover
from respub.validate.report import Severity, Violation

from .conftest import T0

Publish = Callable[..., ReleaseSummary]
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")

# A/RES/80/1 with recitals but no operative clause: it parses, and violates the shape
# "A language version has operative clauses, at least one".
NO_OPERATIVE = """United Nations

General Assembly

Resolution adopted by the General Assembly on 9 September 2025

80/1. Scale of assessments, recitals only

The General Assembly,

Recalling its resolution 70/1 of 25 September 2015,

Recognizing the importance of testing the publication gate,
"""


def violation(result: DocumentResult) -> DocumentResult:
    issue = Violation(
        result.expression_iri or "", None, None, Severity.VIOLATION, "injected", "urn:test:shape"
    )
    return replace(result, issues=(*result.issues, issue), conforms=False)


def test_a_real_violation_and_a_parse_error_are_quarantined_and_the_old_version_carried(
    tmp_path: Path, corpus_copy: Callable[[], Path]
) -> None:
    corpus = corpus_copy()
    output = tmp_path / "out"
    settings = Settings(output_dir=output, release_time=T0)
    first = publish([corpus], settings)
    assert first.quarantined == ()
    target = corpus / "un-ga" / "md" / "A_RES_80_1.md"
    if not target.exists():
        pytest.skip("A/RES/80/1 is not in the sample corpus")
    old = process_document(target, settings)
    assert old.publishable and old.expression_iri is not None
    target.write_text(NO_OPERATIVE, encoding="utf-8")
    bad = process_document(target, settings)
    assert bad.expression_iri == old.expression_iri and not bad.publishable
    assert any("operative" in i.message for i in bad.violations)
    broken = corpus / "un-ga" / "md" / "broken.md"
    broken.write_text("Nothing here is a resolution.\n", encoding="utf-8")

    second = publish([corpus], replace(settings, release_time=T0.replace(hour=4)))

    reasons = {q.source_path: q for q in second.quarantined}
    assert set(reasons) == {str(target), str(broken)}
    assert reasons[str(target)].carried_forward_from == first.release_id
    assert reasons[str(broken)].carried_forward_from is None
    assert second.carried_forward == (old.expression_iri,)
    assert second.expressions == first.expressions
    root, before = second.release_dir, first.release_dir
    stem = expression_path(old.expression_iri, settings.base_iri)
    for suffix in (".ttl", ".jsonld"):
        assert (root / f"{stem}{suffix}").read_bytes() == (before / f"{stem}{suffix}").read_bytes()
    entry = read_manifest(root).entry(old.expression_iri)
    assert entry is not None and entry.generated_in == first.release_id
    report = json.loads((root / "validation.json").read_bytes())
    assert report["conforms"] is False
    assert {q["source_path"] for q in report["quarantined"]} == set(reasons)
    readme = (root / "README.md").read_text()
    assert "## Quarantined" in readme and str(broken) in readme
    assert f"from release {first.release_id}) is carried forward" in readme
    changes = json.loads((root / "CHANGES.json").read_bytes())
    assert changes["changed"] == changes["removed"] == []
    provenance = rdflib.Graph().parse(root / "provenance.ttl")
    made_by = provenance.value(rdflib.URIRef(old.expression_iri), PROV.wasGeneratedBy)
    assert str(made_by).endswith(f"/dataset/{first.release_id}/activity")


def test_quarantine_without_a_previous_version_publishes_the_rest(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    found = [violation(results[0]), *results[1:]]
    summary = publish_results(found, tmp_path / "out")
    assert [q.source_path for q in summary.quarantined] == [results[0].source_path]
    assert summary.quarantined[0].reasons[0].message.endswith("injected")
    assert summary.quarantined[0].reasons[0].type == "shacl-violation"
    assert summary.carried_forward == ()
    assert summary.expressions == len(results) - 1
    assert summary.exit_code() == 1 and summary.exit_code(allow_quarantine=True) == 0
    report = json.loads((summary.release_dir / "validation.json").read_bytes())
    assert report["counts"]["Violation"] == 1


def test_a_second_source_of_the_same_expression_is_quarantined(
    results: list[DocumentResult],
) -> None:
    twin = replace(results[0], source_path=results[0].source_path + ".copy")
    selection = select([twin, *results], None)
    assert len(selection.published) == len(results)
    (quarantined,) = selection.quarantined
    assert quarantined.source_path == twin.source_path
    assert quarantined.reasons[0].type == "duplicate-expression"
    assert quarantined.reasons[0].message.startswith("duplicate:")


def test_warnings_do_not_block(results: list[DocumentResult]) -> None:
    warned = replace(
        results[0],
        issues=(Violation("urn:x", None, None, Severity.WARNING, "just a warning", "urn:shape"),),
    )
    assert select([warned], None).published == (warned,)


def test_nothing_to_publish_is_an_error(
    results: list[DocumentResult], tmp_path: Path, publish_results: Publish
) -> None:
    with pytest.raises(PublishError, match="nothing to publish"):
        publish_results([violation(r) for r in results[:2]], tmp_path / "out")
    assert not (tmp_path / "out" / "latest").exists()


def test_the_whole_job_on_a_folder(tmp_path: Path, corpus: Path) -> None:
    paths = discover([corpus])[:3]
    summary = publish(paths, Settings(output_dir=tmp_path / "out"))
    assert summary.quarantined == () and summary.expressions == 3
    assert (tmp_path / "out" / "store").is_dir()
    latest = max(int(Path(p).stat().st_mtime) for p in paths)
    assert summary.release_id.startswith(T0.fromtimestamp(latest, T0.tzinfo).strftime("%Y-%m-%d"))
