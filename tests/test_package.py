"""respub as an installed package, from scratch: the wheel carries the ontology, shapes,
context and queries; installed into a fresh venv (nothing borrowed from this environment,
every dependency resolved from the package index) it publishes a folder from outside the
checkout, and no published file names an absolute local path."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGED = (
    "respub/ontology/respub.ttl",
    "respub/ontology/concepts.ttl",
    "respub/ontology/context.jsonld",
    "respub/shapes/respub.shapes.ttl",
    "respub/shapes/respub.dataset.shapes.ttl",
    "respub/queries/eli-citations.rq",
    "respub/data/known-bodies.yaml",
)


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, check=False, cwd=cwd, env=env
    )


def published_bytes(root: Path) -> dict[str, bytes]:
    """Every file of a release (gzip and ZIP members opened), by relative path."""
    found: dict[str, bytes] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    found[f"{name}!{member}"] = archive.read(member)
        found[name] = data
    return found


def index_reachable(python: Path, scratch: Path) -> tuple[bool, str]:
    """Whether pip reaches the package index (one small download, no install)."""
    probe = run(
        [str(python), "-m", "pip", "download", "--no-deps", "--dest", str(scratch), "PyYAML"],
        cwd=scratch,
        timeout=300,
    )
    return probe.returncode == 0, probe.stderr[-500:]


@pytest.mark.slow
@pytest.mark.huge  # 1-4 minutes (a venv, every dependency installed): .ci/run runs it
def test_the_wheel_installs_from_scratch_and_publishes_outside_the_checkout(
    tmp_path: Path,
) -> None:
    wheels = tmp_path / "wheels"
    build = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(REPO)],
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("respub-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for packaged in PACKAGED:
        assert packaged in names, packaged

    # A venv of the base interpreter, without this environment's packages.
    venv = tmp_path / "venv"
    made = run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    paths = run([str(python), "-c", "import json, sys; print(json.dumps(sys.path))"], cwd=tmp_path)
    borrowed = [p for p in json.loads(paths.stdout) if p.startswith(str(REPO))]
    assert borrowed == [], borrowed

    # Every dependency from the package index (pip's cache makes a second run quick).
    install = run([str(python), "-m", "pip", "install", str(wheel)], cwd=tmp_path)
    if install.returncode != 0:
        reachable, why = index_reachable(python, tmp_path / "probe")
        if not reachable:
            pytest.skip(f"the package index is unreachable, dependencies cannot install: {why}")
    assert install.returncode == 0, install.stderr[-3000:]
    where = run([str(python), "-c", "import respub; print(respub.__file__)"], cwd=tmp_path)
    (site,) = venv.glob("lib/python*/site-packages")
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    listed = run([str(python), "-m", "pip", "list", "--format=json"], cwd=tmp_path)
    installed = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert {"respub", "rdflib", "pyoxigraph", "prefect", "typer", "rich"} <= installed

    # Publish a copy of a corpus folder, from a directory outside the checkout.
    folder = tmp_path / "elsewhere" / "interpol"
    shutil.copytree(REPO / "corpus" / "interpol", folder)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PREFECT_API"))
    }
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    }
    out = tmp_path / "out"
    respub = str(venv / "bin" / "respub")
    done = run([respub, "publish", str(folder), "--out", str(out)], cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    release = (out / "latest").resolve()
    published = sorted(p.name for p in (release / "resolution").rglob("*.ttl"))
    assert published == ["ar.ttl", "en.ttl", "es.ttl", "fr.ttl"]
    assert (release / "shapes" / "respub.shapes.ttl").is_file()
    assert (release / "ontology" / "concepts.ttl").is_file()

    files = published_bytes(release)
    assert len(files) > 20
    for local in (str(tmp_path), str(REPO), str(venv), f"{Path.home()}/"):
        leaks = sorted(name for name, data in files.items() if local.encode() in data)
        assert leaks == [], f"{local} appears in {leaks[:5]}"
