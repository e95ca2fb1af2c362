"""The ontology's documentation, rendered by a real browser (Debian's chromium, headless)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from respub.rdf.docs import build_docs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="needs a browser: install Debian's chromium (apt-get install chromium); .ci/run does",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _dom(page: Path, profile: Path) -> str:
    done = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    build_docs(out)
    return out


def test_the_english_page_renders_every_main_class(docs: Path, tmp_path: Path) -> None:
    dom = _dom(docs / "index.html", tmp_path / "profile")
    for term in ("Resolution", "Expression", "OperativeClause", "PreambularClause", "Citation"):
        assert term in dom, term


def test_the_arabic_page_renders_right_to_left(docs: Path, tmp_path: Path) -> None:
    page = docs / "index.ar.html"
    assert page.is_file()
    dom = _dom(page, tmp_path / "profile")
    assert 'dir="rtl"' in dom
    assert "قرار" in dom
