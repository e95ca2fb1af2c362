"""No published file holds an absolute path of the machine that made it: a folder given
by its absolute path, outside the working directory, is named relative to its parent."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import rdflib

from respub.orchestrate.staging import resolve_sources
from respub.process import process
from respub.publish.checksums import read_sums
from respub.publish.release import write_release
from respub.settings import Settings

REPO = Path(__file__).resolve().parents[2]
RESPUB = rdflib.Namespace("https://respub.org/ontology#")


def texts(root: Path) -> dict[str, bytes]:
    """Every published file's bytes, gzip and ZIP members opened."""
    found: dict[str, bytes] = {}
    for path in read_sums(root):
        data = (root / path).read_bytes()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        if path.endswith(".zip"):
            with zipfile.ZipFile(root / path) as archive:
                for name in archive.namelist():
                    found[f"{path}!{name}"] = archive.read(name)
        found[path] = data
    found["SHA256SUMS"] = (root / "SHA256SUMS").read_bytes()
    return found


def test_a_release_of_an_absolute_folder_names_no_absolute_path(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "interpol"
    shutil.copytree(REPO / "corpus" / "interpol", folder)
    output = tmp_path / "out"
    settings = Settings(output_dir=output, release_time=datetime(2026, 11, 29, 3, tzinfo=UTC))
    spec = resolve_sources([str(folder)])
    summary = write_release([process(s, settings) for s in spec.file_sources()], settings)
    assert summary.expressions == 4
    files = texts(summary.release_dir)
    assert len(files) > 20
    for local in (str(tmp_path), str(REPO), str(Path.home())):
        leaks = sorted(p for p, data in files.items() if local.encode() in data)
        assert leaks == [], f"{local} appears in {leaks[:5]}"
    data = rdflib.Graph().parse(summary.release_dir / "resolutions.ttl")
    locations = sorted(str(o) for o in data.objects(None, RESPUB.location))
    assert locations == [
        f"interpol/GA-2021-89-RES-09.{lang}.txt" for lang in ("ar", "en", "es", "fr")
    ]
