"""The command line, run as a user runs it: a real subprocess of `respub`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import run_respub

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus/interpol/GA-2021-89-RES-09.es.txt"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_respub(*args, env=env)


HEAVY = ("prefect", "rdflib", "pyshacl", "pyoxigraph", "pyrudof", "lxml", "requests")


def noop_imports(*args: str) -> str:
    """Run `respub ARGS` (a no-op) in a Python that prints which HEAVY modules it loaded."""
    probe = (
        "import atexit, sys\n"
        f"heavy = {HEAVY!r}\n"
        "atexit.register(lambda: print('loaded:', [m for m in heavy if m in sys.modules],"
        " file=sys.stderr))\n"
        f"sys.argv = ['respub', *{list(args)!r}]\n"
        "from respub.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # no Prefect there
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0 and "(0 parsed, " in done.stderr, done.stderr[-2000:]
    return done.stderr


def test_parse_json_has_the_documented_keys() -> None:
    done = run("parse", str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {
        "identifier",
        "body",
        "language",
        "title",
        "adopted",
        "session",
        "formula",
        "preamble",
        "operative",
        "citations",
        "footnotes",
        "status",
        "source",
    }
    assert data["identifier"] == "GA-2021-89-RES-09"
    assert data["language"] == "es"
    assert data["adopted"] is None
    assert data["session"] == {
        "number": 89,
        "place": "Estambul",
        "country": "Turquía",
        "start": "2021-11-23",
        "end": "2021-11-25",
    }
    assert [c["keyword"] for c in data["operative"]] == ["HACE UN LLAMAMIENTO", "INSTA"]
    assert data["operative"][0]["number"] is None
    assert {
        "identifier": "AGN/65/RES/9",
        "text": "AGN/65/RES/9",
        "kind": "resolution",
        "clause": "preamble-2",
    } in data["citations"]
    assert data["source"]["path"].endswith("GA-2021-89-RES-09.es.txt")
    assert len(data["source"]["sha256"]) == 64


def test_parse_outline() -> None:
    done = run("parse", str(SEED))
    assert done.returncode == 0
    assert "GA-2021-89-RES-09" in done.stdout
    assert "PROFUNDAMENTE PREOCUPADA" in done.stdout


def test_parse_forced_options() -> None:
    done = run("parse", str(SEED), "--lang", "es", "--body", "INTERPOL-GA", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["body"] == "INTERPOL-GA"


def test_unreadable_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = run("parse", str(empty), "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(empty) in lines[0] and "empty" in lines[0]
    assert "Traceback" not in done.stderr


def test_unknown_language_is_a_clear_error() -> None:
    done = run("parse", str(SEED), "--lang", "xx")
    assert done.returncode != 0
    assert "unknown language 'xx'" in done.stderr


def test_convert_turtle_parses_and_validate_conforms(tmp_path: Path) -> None:
    import rdflib

    done = run("convert", str(SEED), "--to", "turtle")
    assert done.returncode == 0, done.stderr
    ttl = tmp_path / "seed.ttl"
    ttl.write_text(done.stdout, encoding="utf-8")
    graph = rdflib.Graph().parse(ttl, format="turtle")
    assert len(graph) > 100
    checked = run("validate", str(ttl), "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["conforms"] is True


def test_convert_jsonld_and_ntriples_give_the_same_graph() -> None:
    import rdflib
    from rdflib.compare import isomorphic

    jsonld = run("convert", str(SEED), "--to", "jsonld")
    nt = run("convert", str(SEED), "--to", "ntriples")
    assert jsonld.returncode == nt.returncode == 0
    a = rdflib.Graph().parse(data=jsonld.stdout, format="json-ld")
    b = rdflib.Graph().parse(data=nt.stdout, format="nt")
    assert isomorphic(a, b)


def test_validate_fails_with_exit_1_on_a_violation(tmp_path: Path) -> None:
    done = run("convert", str(SEED), "--to", "ntriples")
    # drop the identifier of the work: a Violation (exactly one identifier is required)
    broken = "\n".join(
        line for line in done.stdout.splitlines() if "ontology#identifier>" not in line
    )
    path = tmp_path / "broken.nt"
    path.write_text(broken + "\n", encoding="utf-8")
    checked = run("validate", str(path), "--json")
    assert checked.returncode == 1
    report = json.loads(checked.stdout)
    assert report["conforms"] is False
    assert any(v["severity"] == "Violation" for v in report["violations"])


def test_validate_bad_rdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("this is <not turtle", encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 2
    assert str(path) in done.stderr and "not valid RDF" in done.stderr


def test_publish_then_query_then_a_noop_rerun(tmp_path: Path) -> None:
    """The README's main job, end to end, on a small folder (starts a temporary Prefect server)."""
    out = tmp_path / "out"
    first = run("publish", "corpus/interpol", "--out", str(out))
    assert first.returncode == 0, first.stderr[-2000:]
    assert "4 parsed, 0 reused" in first.stderr
    assert (out / "latest" / "SHA256SUMS").is_file()
    answer = run(
        "query", "queries/clause-counts.rq", "--store", str(out / "store"), "--format", "json"
    )
    assert answer.returncode == 0, answer.stderr
    assert "GA-2021-89-RES-09" in answer.stdout
    bad = run("query", "SELECT * WHERE { ?s ?p }", "--store", str(out / "store"))
    assert bad.returncode == 2 and "SPARQL" in bad.stderr
    # The no-op rerun starts no Prefect at all: an unreachable Prefect API does not matter.
    nowhere = {"PREFECT_API_URL": "http://127.0.0.1:9/api"}
    again = run("publish", "corpus/interpol", "--out", str(out), env=nowhere)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "0 parsed, 4 reused" in again.stderr
    # ... nor any heavy library (each costs seconds to import)
    loaded = noop_imports("publish", "corpus/interpol", "--out", str(out))
    assert "loaded: []" in loaded, loaded[-500:]
    # A run with work to do needs Prefect: the same unreachable API fails it, at once and
    # in one line (it was an "internal error" after Prefect's client retried for ~20 s).
    (out / "state" / "last-run.json").unlink()
    failed = run("publish", "corpus/interpol", "--out", str(out), env=nowhere)
    assert failed.returncode == 2, failed.stderr[-2000:]
    assert failed.stderr.strip().splitlines()[-1] == (
        "respub: error: the Prefect API at http://127.0.0.1:9/api (PREFECT_API_URL) cannot be "
        "reached: start it, or unset PREFECT_API_URL to let respub start a temporary server"
    )


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
def test_a_noop_rerun_with_allowed_roots_starts_no_prefect(tmp_path: Path) -> None:
    """A manifest entry outside the manifest's folder, let in by --allow-root: the no-op
    check reads the sources with the same roots as the flow (it once refused that entry,
    saw another set of documents and started Prefect every time)."""
    folder, outside = tmp_path / "sources", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    (folder / "seed.es.txt").write_bytes(SEED.read_bytes())
    (outside / "A_RES_80_1.md").write_bytes((ROOT / "corpus/un-ga/md/A_RES_80_1.md").read_bytes())
    manifest = folder / "manifest.yaml"
    manifest.write_text(
        f"sources:\n  - url: seed.es.txt\n  - url: {outside / 'A_RES_80_1.md'}\n", "utf-8"
    )
    args = ("publish", str(manifest), "--out", str(tmp_path / "out"), "--allow-root", str(outside))
    first = run(*args)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "2 parsed, 0 reused" in first.stderr
    nowhere = {"PREFECT_API_URL": "http://127.0.0.1:9/api"}  # no Prefect there
    again = run(*args, env=nowhere)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "0 parsed, 2 reused" in again.stderr
    # The no-op loads no Prefect, no RDF or SHACL engine (each costs seconds to import).
    assert "loaded: []" in noop_imports(*args), "the no-op imported a heavy library"
    # Touched, same bytes: its stat differs, so it is read again, and nothing changed (an
    # older mtime: the release time, the newest mtime of the sources, stays the same).
    seed = folder / "seed.es.txt"
    os.utime(seed, ns=(1_600_000_000_000_000_000,) * 2)
    touched = run(*args, env=nowhere)
    assert touched.returncode == 0 and "0 parsed, 2 reused" in touched.stderr, touched.stderr
    # Changed bytes of the same size, its mtime put back: a run is needed (it needs Prefect,
    # unreachable here, so it fails instead of passing for a no-op).
    changed = seed.read_bytes().replace(b"INSTA", b"INSTO")
    assert len(changed) == seed.stat().st_size and changed != seed.read_bytes()
    seed.write_bytes(changed)
    os.utime(seed, ns=(1_600_000_000_000_000_000,) * 2)
    assert run(*args, env=nowhere).returncode != 0


def test_publish_of_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    done = run("publish", str(tmp_path / "absent"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "absent" in done.stderr
    assert not (tmp_path / "out" / "latest").exists()
