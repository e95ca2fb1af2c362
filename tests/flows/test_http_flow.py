"""A manifest of URLs, fetched from a real server on 127.0.0.1: 200, 304, 500-then-200, 404."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from prefect.artifacts import Artifact
from prefect.client.schemas.objects import Artifact as ArtifactResponse

from respub.orchestrate import flow as flow_module
from respub.orchestrate.commands import publish

NAMES = ("A_RES_80_1.md", "A_RES_80_2.md", "A_RES_80_3.md")


def test_manifest_sources(corpus_server: Any, corpus: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "sources.yaml"
    entries = [
        {"url": corpus_server.url(name), "language": "en", "body": "UN-GA"}
        for name in (*NAMES, "never-there.md")
    ]
    manifest.write_text(yaml.safe_dump({"sources": entries}), "utf-8")
    out = tmp_path / "out"

    first = publish([manifest], out=out, allow_quarantine=True, allow_private_network=True)
    status = {s.name.rsplit("/", 1)[-1]: s.status for s in first.sources}
    assert status == {**dict.fromkeys(NAMES, "fetched"), "never-there.md": "failed"}
    assert (first.documents, first.parsed, first.published) == (3, 3, 3)
    release = json.loads((Path(first.release_dir) / "manifest.json").read_text("utf-8"))
    provenance = sorted(e["source_path"] for e in release["entries"])
    assert provenance == [corpus_server.url(n) for n in NAMES], "the URL is the provenance"
    staged = sorted(p.suffix for p in (out / "state" / "sources").rglob("*") if p.is_file())
    assert staged == [".md"] * 3

    one, two, three = NAMES
    corpus_server.script(two, 500, 200)
    corpus_server.script(three, 404)
    (corpus / two).write_text((corpus / two).read_text("utf-8") + "\nRevised.\n", "utf-8")
    second = publish([manifest], out=out, allow_quarantine=True, allow_private_network=True)
    reports = {s.name.rsplit("/", 1)[-1]: s for s in second.sources}
    assert reports[one].status == "not-modified" and corpus_server.answered(one) == [200, 304]
    assert (reports[two].status, reports[two].attempts) == ("fetched", 2)
    assert corpus_server.answered(two) == [200, 500, 200]
    assert reports[three].status == "kept"
    assert "HTTP 404" in str(reports[three].message)
    assert "last good version kept" in str(reports[three].message)
    assert reports["never-there.md"].status == "failed"
    assert (second.parsed, second.reused) == (1, 2), "only the revised document is parsed"
    assert (second.published, second.changed, second.removed) == (3, 1, 0)
    summary = Artifact.get(flow_module.RELEASE_ARTIFACT)
    assert isinstance(summary, ArtifactResponse) and corpus_server.url(three) in str(summary.data)


def test_local_manifest_entries_use_hints(corpus: Path, tmp_path: Path) -> None:
    manifest = corpus / "local.csv"
    manifest.write_text("url,language,body\nA_RES_80_5.md,en,UN-GA\nmissing.md,en,\n", "utf-8")
    report = publish(
        [manifest], out=tmp_path / "out", allow_quarantine=True, allow_private_network=True
    )
    assert report.documents == 1 and report.published == 1
    assert [s.status for s in report.sources] == ["local", "failed"]
