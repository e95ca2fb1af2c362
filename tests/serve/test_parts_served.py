"""A resolution adopted in parts, published and served: every IRI of every part resolves.

The fixture (tests/fixtures/layout/A_RES_80_2.parts.constructed.md, real GA text) is one
source that parses as two Works, A/RES/80/2A and A/RES/80/2B. Before, `publish` wrote the
files and pages of the first part only: the second part's triples were in the dumps (in
the first part's graph), but its version, files and pages answered 404.
"""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from lxml import html
from pyoxigraph import NamedNode, RdfFormat, parse
from support import publish_files

from respub.akn import model_text, text_of
from respub.akn import validate as validate_akn
from respub.model import Resolution
from respub.parse import parse_file
from respub.process import process_document
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult
from respub.settings import Settings

from .conftest import start_server, stop

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests/fixtures/layout/A_RES_80_2.parts.constructed.md"
BASE = "https://data.respub.org/"
PARTS = {"A/RES/80/2A": "resolution/un-ga/80/2a", "A/RES/80/2B": "resolution/un-ga/80/2b"}
ACCEPT = {
    "text/html": "text/html",
    "text/turtle": "text/turtle",
    "application/ld+json": "application/ld+json",
    "application/n-triples": "application/n-triples",
    "application/akn+xml": "application/akn+xml",
}


@dataclass(frozen=True)
class Served:
    url: str
    release: ReleaseSummary

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, timeout=30, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    sources = tmp_path_factory.mktemp("parts-sources")
    shutil.copy(FIXTURE, sources / FIXTURE.name)
    output = tmp_path_factory.mktemp("parts-output")
    settings = Settings(output_dir=output, release_time=datetime(2026, 12, 2, 3, tzinfo=UTC))
    release = publish_files([sources], settings)
    assert not release.quarantined
    url, process = start_server(output)
    yield Served(url, release)
    stop(process)


@pytest.fixture(scope="module")
def parts() -> dict[str, Resolution]:
    first = parse_file(FIXTURE)
    return {p.identifier: p for p in (first, *first.parts)}


def local(iri: str) -> str:
    assert iri.startswith(BASE), iri
    return "/" + iri[len(BASE) :]


def test_each_part_is_a_version_of_its_own_in_the_release(served: Served) -> None:
    entries = read_manifest(served.release.release_dir).entries
    assert {e.identifier: e.work_iri for e in entries} == {
        identifier: BASE + path for identifier, path in PARTS.items()
    }
    (source,) = {e.source_path for e in entries}  # one source, two Works
    assert source.endswith(FIXTURE.name)
    with gzip.open(served.release.release_dir / "resolutions.nq.gz", "rt") as dump:
        graphs = {line.rsplit(" ", 2)[-2] for line in dump}
    assert graphs == {f"<{BASE}{path}/en>" for path in PARTS.values()}  # a graph per part


def test_every_file_of_every_part_is_checksummed_and_archived(served: Served) -> None:
    folder = served.release.release_dir
    sums = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()}
    with zipfile.ZipFile(folder / "documents.zip") as archive:
        archived = set(archive.namelist())
    for path in PARTS.values():
        for suffix in ("ttl", "jsonld", "akn"):
            assert f"{path}/en.{suffix}" in sums and f"{path}/en.{suffix}" in archived
        assert {f"site/{path}.html", f"site/{path}/en.html"} <= sums


@pytest.mark.parametrize("identifier", sorted(PARTS))
def test_each_part_s_akoma_ntoso_file_is_valid_and_holds_its_text(
    served: Served, parts: dict[str, Resolution], identifier: str
) -> None:
    answer = served.get(f"/{PARTS[identifier]}/en.akn")
    assert answer.status_code == 200
    assert validate_akn(answer.content) == []
    assert text_of(answer.content) == model_text(parts[identifier])
    assert answer.content.count(b"<paragraph") == len(parts[identifier].operative)


@pytest.mark.parametrize("identifier", sorted(PARTS))
def test_every_iri_of_each_part_resolves(served: Served, identifier: str) -> None:
    """Each subject IRI of the part's own Turtle (the Work, the version, its files, clauses
    and subdivisions, the session and body) answers, every fragment is an anchor of its
    page, and the version answers in every format it offers."""
    path = PARTS[identifier]
    turtle = served.get(f"/{path}/en.ttl")
    assert turtle.status_code == 200
    triples = list(parse(turtle.content, format=RdfFormat.TURTLE, base_iri=BASE))
    iris = {t.subject.value for t in triples if isinstance(t.subject, NamedNode)}
    own = {i for i in iris if i.startswith(BASE + path)}
    assert BASE + path in own and f"{BASE}{path}/en#operative-1" in own
    documents: dict[str, set[str]] = {}
    for iri in iris:
        document, _, fragment = iri.partition("#")
        documents.setdefault(document, set()).add(fragment)
    session = requests.Session()
    for document, fragments in sorted(documents.items()):
        answer = session.get(served.url + local(document), headers={"Accept": "text/html"})
        assert answer.status_code == 200, (document, answer.status_code)
        if urlsplit(answer.url).path.endswith((".ttl", ".jsonld", ".akn")):
            continue  # a published file's own IRI: the file
        root: html.HtmlElement = html.fromstring(answer.content)
        ids = set(root.xpath("//@id"))
        assert {f for f in fragments if f} <= ids, (document, sorted(fragments - ids))
    version = f"/{path}/en"
    for accept, media in ACCEPT.items():
        answer = session.get(served.url + version, headers={"Accept": accept})
        assert answer.status_code == 200, (version, accept)
        assert answer.headers["content-type"].split(";")[0] == media
    work = session.get(served.url + f"/{path}", allow_redirects=False)
    assert work.status_code == 303 and work.headers["Location"].endswith(version)
    rdf = session.get(served.url + version, headers={"Accept": "text/turtle"})
    served_triples = {
        (q.subject, q.predicate, q.object)
        for q in parse(rdf.content, format=RdfFormat.TURTLE, base_iri=BASE)
    }
    assert served_triples == {(t.subject, t.predicate, t.object) for t in triples}
    assert not any(
        isinstance(t.subject, NamedNode) and t.subject.value.startswith(BASE + other)
        for t in triples
        for other in PARTS.values()
        if other != path
    ), "a part's file holds only its own Work's triples"


def test_a_result_in_parts_survives_the_result_cache_s_json() -> None:
    result = process_document(FIXTURE, Settings())
    assert [v.identifier for v in result.versions] == sorted(PARTS)
    assert all(v.publishable and v.akn and not v.parts for v in result.versions)
    again = DocumentResult.from_json(json.loads(json.dumps(result.to_json())))
    assert again == result
