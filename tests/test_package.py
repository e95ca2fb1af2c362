"""respub as an installed package: the wheel carries the ontology, shapes, context and
queries, and publishes a folder from outside the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_installs_and_publishes_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps",
         "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("respub-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for packaged in (
        "respub/ontology/respub.ttl",
        "respub/ontology/concepts.ttl",
        "respub/ontology/context.jsonld",
        "respub/shapes/respub.shapes.ttl",
        "respub/shapes/respub.dataset.shapes.ttl",
        "respub/queries/eli-citations.rq",
    ):
        assert packaged in names, packaged
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # The dependencies come from this environment's site-packages (a plain path entry: its
    # .pth files, such as the checkout's editable install, are not read); respub itself
    # only from the wheel.
    (site,) = venv.glob("lib/python*/site-packages")
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", str(wheel)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-2000:]
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import respub; print(respub.__file__)"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    assert where.stdout.startswith(str(site)), where.stdout
    folder = tmp_path / "elsewhere" / "interpol"
    shutil.copytree(REPO / "corpus" / "interpol", folder)
    done = subprocess.run(
        [str(venv / "bin" / "respub"), "publish", str(folder), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    release = (tmp_path / "out" / "latest").resolve()
    published = sorted(p.name for p in (release / "resolution").rglob("*.ttl"))
    assert published == ["ar.ttl", "en.ttl", "es.ttl", "fr.ttl"]
    assert (release / "shapes" / "respub.shapes.ttl").is_file()
