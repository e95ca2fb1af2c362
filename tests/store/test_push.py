"""Push round-trips through a real Oxigraph server (SPARQL 1.1 Graph Store HTTP Protocol)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from support import publish_files as publish

from respub.publish.dumps import read_graphs
from respub.publish.manifest import read_manifest
from respub.settings import Settings
from respub.sources.discover import discover
from respub.store import PushError, metadata_graph, push, vocabulary_graph

from .conftest import SUBSET, Published

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
T0 = datetime(2026, 11, 29, 3, tzinfo=UTC)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    tool = OXIGRAPH if OXIGRAPH.exists() else shutil.which("oxigraph")
    if tool is None:
        pytest.skip("no oxigraph server binary")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [str(tool), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def select(url: str, sparql: str) -> list[dict[str, str]]:
    response = requests.post(
        f"{url}/query",
        data=sparql.encode(),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
        timeout=30,
    )
    response.raise_for_status()
    bindings = json.loads(response.text)["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def test_push_round_trips(published: Published, server: str) -> None:
    release = published.summary.release_dir
    summary = push(release, server)
    counts = {r["g"]: int(r["n"]) for r in select(server, COUNTS)}
    expected = {
        g: text.count("\n") for g, text in read_graphs(release / "resolutions.nq.gz").items()
    }
    assert summary.graphs == len(counts) == len(expected) + 2
    assert {g: counts[g] for g in expected} == expected
    for entry in read_manifest(release).entries:
        assert counts[entry.expression_iri] == entry.triples
    assert sum(counts.values()) == summary.triples
    # Pushing again replaces each graph: the same counts, no duplicates.
    push(release, server)
    assert {r["g"]: int(r["n"]) for r in select(server, COUNTS)} == counts


def test_push_to_a_generic_graph_store_url(published: Published, server: str) -> None:
    summary = push(
        published.summary.release_dir, "http://unused.invalid", gsp_url=f"{server}/store"
    )
    total = select(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(total[0]["n"]) == summary.triples


def test_an_unreachable_server_is_a_push_error(published: Published) -> None:
    with pytest.raises(PushError, match="graph"):
        push(
            published.summary.release_dir,
            f"http://127.0.0.1:{free_port()}",
            session=requests.Session(),
            timeout=2,
        )


def test_graphs_a_release_removed_are_deleted(server: str, tmp_path: Path) -> None:
    sources = discover(SUBSET)
    settings = Settings(output_dir=tmp_path / "out", release_time=T0, load_store=False)
    first = publish(sources, settings)
    push(first.release_dir, server)
    second = publish(sources[1:], replace(settings, release_time=T0 + timedelta(hours=1)))
    assert second.removed == 1
    summary = push(second.release_dir, server)
    assert summary.deleted == 1
    graphs = {r["g"] for r in select(server, COUNTS)}
    assert graphs == {e.expression_iri for e in read_manifest(second.release_dir).entries} | {
        metadata_graph(settings.base_iri),
        vocabulary_graph(settings.base_iri),
    }
