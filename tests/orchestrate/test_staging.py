"""Sources from folders, globs and manifests; staging fetched bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from respub.orchestrate import staging
from respub.orchestrate.staging import is_manifest, prune_staged, resolve_sources, stage
from respub.sources.http import HttpSettings, ValidatorCache
from respub.sources.manifest import ManifestEntry, read_manifest


def test_resolve_folders_globs_and_manifests(corpus: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "- url: corpus/A_RES_80_1.md\n  language: en\n- url: https://example.org/r.pdf\n",
        "utf-8",
    )
    spec = resolve_sources([str(corpus / "*_2.md"), manifest])
    assert spec.files == (corpus / "A_RES_80_2.md",)
    [local] = spec.local
    assert local.source is not None and local.source.path == str(corpus / "A_RES_80_1.md")
    assert local.source.language == "en" and local.report.status == "local"
    assert [e.url for e in spec.remote] == ["https://example.org/r.pdf"]
    assert is_manifest("x.CSV") and not is_manifest("x.md")
    with pytest.raises(FileNotFoundError):
        resolve_sources([tmp_path / "nowhere"])


def test_a_failure_without_a_copy_is_reported(tmp_path: Path) -> None:
    entry = ManifestEntry("ftp://example.org/r.md")
    validators = ValidatorCache(tmp_path / "validators.json")
    with requests.Session() as session:
        staged = stage(entry, session, HttpSettings(), validators, tmp_path / "sources")
    assert staged.source is None and staged.report.status == "failed"
    assert "unsupported URL scheme" in str(staged.report.message)


def test_a_failure_stages_the_last_good_copy(tmp_path: Path) -> None:
    url = "ftp://example.org/r.md"
    validators = ValidatorCache(tmp_path / "validators.json")
    validators.remember(url, b"kept text", content_type="text/markdown")
    with requests.Session() as session:
        staged = stage(ManifestEntry(url, "en"), session, HttpSettings(), validators, tmp_path)
    assert staged.report.status == "kept" and staged.source is not None
    assert Path(staged.source.path).read_bytes() == b"kept text"
    assert Path(staged.source.path).suffix == ".md" and staged.source.name == url
    assert prune_staged(tmp_path, [Path(staged.source.path)]) == 0
    assert prune_staged(tmp_path, []) == 1


def test_a_manifest_is_parsed_once_until_it_changes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run resolves its sources up to three times (no-op check, the flow, its task)."""
    parsed: list[Path] = []

    def counting(path: Path) -> tuple[ManifestEntry, ...]:
        parsed.append(path)
        return read_manifest(path)

    monkeypatch.setattr(staging, "read_manifest", counting)
    manifest = tmp_path / "m.yaml"
    manifest.write_text("- url: corpus/A_RES_80_1.md\n", "utf-8")
    first = resolve_sources([manifest])
    assert resolve_sources([manifest]) == first
    assert len(parsed) == 1
    manifest.write_text("- url: corpus/A_RES_80_1.md\n- url: corpus/A_RES_80_2.md\n", "utf-8")
    assert len(resolve_sources([manifest]).local) == 2
    assert len(parsed) == 2
