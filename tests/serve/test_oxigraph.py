"""At scale: a release loaded into `oxigraph serve-read-only` (PyPI `oxigraph`), and
`respub serve --sparql-endpoint` sending queries there while pages and IRIs keep working.
The commands are the ones the README gives."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from respub.store.load import (
    ALIGNMENT_FILE,
    METADATA_FILES,
    alignment_graph,
    metadata_graph,
    vocabulary_files,
    vocabulary_graph,
)

from .conftest import Server, free_port, start_server, stop
from .test_sparql_endpoint import QUERIES, cli_query, rows

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)
pytestmark = [
    pytest.mark.skipif(OXIGRAPH is None, reason="needs the oxigraph CLI: pip install oxigraph"),
    pytest.mark.slow,
]
BASE = "https://data.respub.org/"
VOCABULARY = vocabulary_graph(BASE)
METADATA = metadata_graph(BASE)
ALIGNMENT = alignment_graph(BASE)


def load(release: Path, location: Path) -> None:
    """`oxigraph load` the dump (a graph per version), the vocabulary, the release's
    description and the alignment, in the graphs respub's store puts them in, as documented."""
    with gzip.open(release / "resolutions.nq.gz", "rb") as dump:
        subprocess.run(
            [str(OXIGRAPH), "load", "--location", str(location), "--format", "nq"],
            input=dump.read(),
            check=True,
            timeout=300,
            capture_output=True,
        )
    files = [(turtle, VOCABULARY) for turtle in vocabulary_files(release)]
    files += [(release / name, METADATA) for name in METADATA_FILES]
    files.append((release / ALIGNMENT_FILE, ALIGNMENT))
    for turtle, graph in files:
        command = [str(OXIGRAPH), "load", "--location", str(location), "--file", str(turtle)]
        subprocess.run(
            [*command, "--graph", graph],
            check=True,
            timeout=300,
            capture_output=True,
        )


@pytest.mark.huge  # a minute or more on 2 cores: make test-huge and CI run it
def test_respub_serve_in_front_of_oxigraph_serve_read_only(server: Server, tmp_path: Path) -> None:
    location = tmp_path / "oxigraph"
    load(server.release.release_dir, location)
    port = free_port()
    oxigraph = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}/query"
    front = None
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(endpoint, params={"query": "ASK {}"}, timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "oxigraph did not start"
                time.sleep(0.2)
        url, front = start_server(server.output, "--sparql-endpoint", endpoint)
        client = SPARQLWrapper(f"{url}/sparql")
        client.setReturnFormat(JSON)
        for path in QUERIES:
            client.setQuery(path.read_text(encoding="utf-8"))
            answer = client.query().convert()
            assert isinstance(answer, dict), path.name  # JSON results, decoded
            assert rows(answer) == rows(cli_query(server, path)), path.name
        refused = requests.post(f"{url}/sparql", data={"update": "DROP ALL"}, timeout=30)
        assert refused.status_code == 403
        service = requests.get(
            f"{url}/sparql",
            timeout=30,
            params={"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"},
        )
        assert service.status_code == 403
        page = requests.get(
            f"{url}/resolution/un-ga/80/1/en", headers={"Accept": "text/turtle"}, timeout=30
        )
        assert page.status_code == 200
    finally:
        if front is not None:
            stop(front)
        stop(oxigraph)
