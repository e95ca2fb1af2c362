"""What a cached result depends on: the pipeline version and the relevant settings."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from respub.orchestrate.fingerprint import (
    _CODE_EXCLUDED,
    PACKAGE,
    PipelineVersion,
    pipeline_version,
    settings_sha256,
)
from respub.rdf import files
from respub.settings import Settings


@pytest.fixture
def trees(tmp_path: Path) -> dict[str, Path]:
    """Copies of the package, ontology and shapes folders, to edit."""
    copies = {
        "package": shutil.copytree(
            PACKAGE, tmp_path / "respub", ignore=shutil.ignore_patterns("__pycache__")
        ),
        "ontology": shutil.copytree(files.ONTOLOGY_DIR, tmp_path / "ontology"),
        "shapes": shutil.copytree(files.SHAPES.parent, tmp_path / "shapes"),
    }
    return {k: Path(v) for k, v in copies.items()}


def _version(trees: dict[str, Path], version: str = "1.0") -> PipelineVersion:
    return pipeline_version(
        package=trees["package"],
        ontology=trees["ontology"],
        shapes=trees["shapes"],
        version=version,
    )


@pytest.mark.parametrize(
    ("edit", "component"),
    [
        ("shapes/respub.shapes.ttl", "shapes"),
        ("ontology/respub.ttl", "ontology"),
        ("package/data/lexicons/fr.yaml", "data"),
        ("package/parse/clauses.py", "code"),
    ],
)
def test_each_input_changes_its_component(
    trees: dict[str, Path], edit: str, component: str
) -> None:
    before = _version(trees)
    path = trees[edit.split("/", 1)[0]] / edit.split("/", 1)[1]
    path.write_bytes(path.read_bytes() + b"\n# edited\n")
    after = _version(trees)
    assert after.digest != before.digest
    assert after.changed(dict(before.components)) == (component,)


def test_version_is_a_component(trees: dict[str, Path]) -> None:
    assert _version(trees, "1.0").changed(dict(_version(trees, "1.1").components)) == ("version",)


def test_cli_orchestration_and_release_code_do_not_count(trees: dict[str, Path]) -> None:
    before = _version(trees)
    for name in ("cli.py", "orchestrate/flow.py", "publish/release.py", "site/build.py"):
        path = trees["package"] / name
        path.write_text(path.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert _version(trees) == before


def test_what_does_not_count_is_never_used_to_make_a_result() -> None:
    """Processing a document imports none of the code the version leaves out."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, respub.process; print(*sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    used = {m.removeprefix("respub.").replace(".", "/") for m in loaded if m.startswith("respub.")}
    excluded = [
        m
        for m in used
        for prefix in _CODE_EXCLUDED
        if (m + ".py").startswith(prefix) or (m + "/").startswith(prefix)
    ]
    assert excluded == []


def test_version_is_stable(trees: dict[str, Path]) -> None:
    assert _version(trees) == _version(trees)


def test_settings_hash_ignores_release_time_and_output() -> None:
    base = Settings()
    moved = replace(
        base, output_dir=Path("elsewhere"), release_time=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert settings_sha256(moved) == settings_sha256(base)
    assert settings_sha256(Settings(base_iri="https://example.org/")) != settings_sha256(base)
