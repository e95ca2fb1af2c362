"""A manifest's local entries stay inside its folder unless allowed (issue #13, finding
10): `../../secret/x.md` and a link that leads out are refused, reported, not read."""

from __future__ import annotations

import shutil
from pathlib import Path

from respub.orchestrate.staging import resolve_sources

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "corpus" / "un-ga" / "md" / "A_RES_80_1.md"


def _layout(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "public" / "sources"
    secret = tmp_path / "secret"
    sources.mkdir(parents=True)
    secret.mkdir()
    shutil.copy(DOC, sources / "inside.md")
    shutil.copy(DOC, secret / "x.md")
    (sources / "link.md").symlink_to(secret / "x.md")
    manifest = sources / "manifest.yaml"
    manifest.write_text(
        "sources:\n  - url: inside.md\n  - url: ../../secret/x.md\n  - url: link.md\n"
        f"  - url: {secret / 'x.md'}\n",
        "utf-8",
    )
    return manifest, secret


def test_entries_outside_the_manifest_folder_are_refused(tmp_path: Path) -> None:
    manifest, secret = _layout(tmp_path)
    spec = resolve_sources([manifest])
    read = [s.source.path for s in spec.local if s.source is not None]
    assert read == [str(manifest.parent / "inside.md")]
    refused = {s.report.name: s.report.message for s in spec.local if s.source is None}
    assert set(refused) == {"../../secret/x.md", "link.md", str(secret / "x.md")}
    for message in refused.values():
        assert message is not None and "is outside" in message and "--allow-root" in message


def test_allowed_roots_let_them_in(tmp_path: Path) -> None:
    manifest, secret = _layout(tmp_path)
    spec = resolve_sources([manifest], allowed_roots=[secret])
    assert all(s.source is not None for s in spec.local) and len(spec.local) == 4
