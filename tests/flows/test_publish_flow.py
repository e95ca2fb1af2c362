"""The publish flow, incrementally: cold run, no-op rerun, one changed document, artifacts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from prefect.artifacts import Artifact
from prefect.client.schemas.objects import Artifact as ArtifactResponse

from respub.orchestrate import flow as flow_module
from respub.orchestrate import noop as noop_module
from respub.orchestrate.commands import publish
from respub.orchestrate.fingerprint import PipelineVersion
from respub.orchestrate.report import PublishReport, QuarantineError


def test_cold_noop_and_one_change(
    corpus: Path,
    tmp_path: Path,
    compare: Callable[[Path, Path], list[str]],
    snapshot: Callable[[Path], dict[str, bytes]],
) -> None:
    out = tmp_path / "out"
    cold = publish([corpus], out=out, batch_size=2)
    assert (cold.documents, cold.parsed, cold.reused) == (6, 6, 0)
    assert (cold.published, cold.added, cold.quarantined) == (6, 6, ())
    release = Path(cold.release_dir)
    before = snapshot(release)
    assert (out / "latest").resolve() == release.resolve()
    assert cold.store_dir is not None and Path(cold.store_dir).exists()

    again = publish([corpus], out=out, batch_size=2)
    assert (again.parsed, again.reused) == (0, 6), "a rerun without change re-parses nothing"
    assert again.unchanged and again.release_id == again.previous == cold.release_id
    assert (again.added, again.changed, again.published) == (0, 0, 6)
    assert snapshot(release) == before, "the release is left byte for byte as it was"

    changed = corpus / "A_RES_80_2.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDone in New York.\n", "utf-8")
    third = publish([corpus], out=out, batch_size=2)
    assert (third.parsed, third.reused) == (1, 5), "only the changed document is reprocessed"
    assert (third.changed, third.added, third.removed) == (1, 0, 0)
    assert third.previous == cold.release_id != third.release_id
    parsed = [row.source for row in third.rows if row.action == "parsed"]
    assert parsed == [f"{corpus.name}/{changed.name}"]  # named below the folder given

    fresh = publish([corpus], out=tmp_path / "fresh", batch_size=4)
    assert fresh.parsed == 6
    assert fresh.release_id == third.release_id
    assert compare(Path(third.release_dir), Path(fresh.release_dir)) == []

    table = Artifact.get(flow_module.VALIDATION_ARTIFACT)
    summary = Artifact.get(flow_module.RELEASE_ARTIFACT)
    assert isinstance(table, ArtifactResponse) and isinstance(summary, ArtifactResponse)
    rows = json.loads(str(table.data))
    assert len(rows) == 6 and {r["status"] for r in rows} == {"published"}
    assert fresh.release_id in str(summary.data)


def test_pipeline_or_settings_change_reprocesses_everything(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pinned_pipeline: PipelineVersion
) -> None:
    out = tmp_path / "out"
    publish([corpus], out=out)
    new_shapes = dict(pinned_pipeline.components) | {"shapes": "0" * 64}
    changed = PipelineVersion(tuple(sorted(new_shapes.items())))
    monkeypatch.setattr(flow_module, "pipeline_version", lambda: changed)
    monkeypatch.setattr(noop_module, "pipeline_version", lambda: changed)
    report = publish([corpus], out=out)
    assert (report.parsed, report.reused) == (6, 0)
    assert not report.unchanged
    moved = publish([corpus], out=out, base_iri="https://example.org/respub/")
    assert (moved.parsed, moved.reused) == (6, 0)


def test_missing_latest_is_published_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = publish([corpus], out=out)
    (out / "latest").unlink()
    again = publish([corpus], out=out)
    assert (again.parsed, again.unchanged) == (0, False)
    assert again.release_id == first.release_id
    assert (out / "latest").resolve() == Path(first.release_dir).resolve()


def test_quarantine_fails_the_run_unless_allowed(corpus: Path, tmp_path: Path) -> None:
    (corpus / "notes.txt").write_text("Nothing to see here, only a shopping list.\n", "utf-8")
    out = tmp_path / "out"
    with pytest.raises(QuarantineError) as raised:
        publish([corpus], out=out)
    report = raised.value.report
    assert isinstance(report, PublishReport)
    assert [q.source_path for q in report.quarantined] == [f"{corpus.name}/notes.txt"]
    assert report.quarantined[0].reasons[0].type == "parse-error"
    assert report.published == 6 and (out / "latest").exists(), "the release is written anyway"
    summary = Artifact.get(flow_module.RELEASE_ARTIFACT)
    assert isinstance(summary, ArtifactResponse) and "notes.txt" in str(summary.data)

    allowed = publish([corpus], out=out, allow_quarantine=True)
    assert len(allowed.quarantined) == 1 and allowed.unchanged
    assert allowed.parsed == 0, "a parse error is cached like any result"


def test_bad_options_fail_before_the_flow(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="runner"):
        publish(["corpus"], out=tmp_path, runner="ray")
    with pytest.raises(ValueError, match="batch"):
        publish(["corpus"], out=tmp_path, batch_size=0)
    with pytest.raises(ValueError, match="dask"):
        publish(["corpus"], out=tmp_path, dask_address="tcp://127.0.0.1:1")


def test_report_round_trips_through_json(corpus: Path, tmp_path: Path) -> None:
    report = publish([corpus], out=tmp_path / "out")
    assert PublishReport.from_json(json.loads(json.dumps(report.to_json()))) == report
    assert replace(report, rows=()).counters()["documents"] == 6
