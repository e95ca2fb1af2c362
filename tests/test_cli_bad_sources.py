"""`respub publish` over a folder with bad files: each is quarantined with its problem and
the rest is published (issue #13, finding 6). Runs the real command in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESPUB = Path(sys.executable).parent / "respub"
UN = ROOT / "corpus" / "un-ga" / "md"


def _without_root_override() -> list[str]:
    """A command prefix under which a mode-000 file is unreadable, even for root (which
    otherwise reads anything): drop the capabilities that bypass file permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
@pytest.mark.slow
def test_unreadable_and_undecodable_files_are_quarantined(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("A_RES_80_1.md", "A_RES_80_2.md"):
        shutil.copy(UN / name, folder / name)
    secret = folder / "secret.md"
    shutil.copy(UN / "A_RES_80_3.md", secret)
    secret.chmod(0)
    shutil.copy(UN / "A_RES_80_5.md", folder / os.fsdecode(b"bad\xff.md"))
    out = tmp_path / "out"
    done = subprocess.run(
        [*_without_root_override(), str(RESPUB), "publish", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-3000:]  # quarantined, not allowed
    assert "Traceback" not in done.stderr + done.stdout
    assert "2 source(s) quarantined" in done.stderr
    lines = done.stderr.splitlines()
    # sources are named below the folder given, never by an absolute path
    assert "quarantined: sources/secret.md: cannot read: Permission denied" in lines
    odd = "sources/bad\\xff.md"
    assert f"quarantined: {odd}: the file name is not valid UTF-8; rename the file" in lines
    release = (out / "latest").resolve()
    assert (release / "SHA256SUMS").is_file()
    published = sorted(p.parent.name for p in (release / "resolution").rglob("*.ttl"))
    assert published == ["1", "2"]
    provenance = (release / "provenance.ttl").read_text("utf-8")
    assert "A_RES_80_1.md" in provenance and "secret.md" not in provenance
