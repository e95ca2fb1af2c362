"""Every IRI of a release dereferences: content negotiation, suffixes, the Work's 303,
helpful 404 and 406, validators and caching headers, downloads and the VoID endpoint."""

from __future__ import annotations

import gzip
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
import requests
from lxml import html
from pyoxigraph import NamedNode, RdfFormat, parse

from respub.publish.manifest import read_manifest

from .conftest import Server

BASE = "https://data.respub.org/"
FORMATS = {
    "text/html": ".html",
    "text/turtle": ".ttl",
    "application/ld+json": ".jsonld",
    "application/n-triples": ".nt",
}
RDF = {
    "text/turtle": RdfFormat.TURTLE,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/n-triples": RdfFormat.N_TRIPLES,
}


def local(iri: str) -> str:
    assert iri.startswith(BASE)
    return "/" + iri[len(BASE) :]


def media(response: requests.Response) -> str:
    return response.headers["content-type"].split(";")[0]


def subjects(response: requests.Response) -> set[str]:
    found = parse(response.content, format=RDF[media(response)], base_iri=BASE)
    return {q.subject.value for q in found if isinstance(q.subject, NamedNode)}


def entry(server: Server, language: str):  # type: ignore[no-untyped-def]
    return next(
        e for e in read_manifest(server.release.release_dir).entries if e.language == language
    )


def test_content_negotiation_and_suffixes(server: Server) -> None:
    iri = entry(server, "fr").expression_iri
    for wanted, suffix in FORMATS.items():
        negotiated = server.get(local(iri), headers={"Accept": wanted})
        assert negotiated.status_code == 200 and media(negotiated) == wanted
        assert negotiated.headers["Vary"] == "Accept"
        assert negotiated.headers["Content-Location"] == local(iri) + suffix
        # The suffix wins over Accept, and needs no Vary.
        fixed = server.get(local(iri) + suffix, headers={"Accept": "text/html"})
        assert fixed.status_code == 200 and media(fixed) == wanted
        assert fixed.content == negotiated.content and "Vary" not in fixed.headers
        if wanted in RDF:
            assert iri in subjects(fixed) and f"{iri}#operative-1" in subjects(fixed)
        else:
            page: html.HtmlElement = html.fromstring(fixed.content)
            assert page.get("lang") == "fr" and page.get_element_by_id("operative-1") is not None
    browser = server.get(
        local(iri), headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert media(browser) == "text/html"
    rdf_client = server.get(
        local(iri), headers={"Accept": "application/ld+json;q=0.9, text/turtle"}
    )
    assert media(rdf_client) == "text/turtle"
    assert media(server.get(local(iri))) == "text/html"  # no Accept: the page


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.5", "fr"),
        ("ar", "ar"),
        ("es;q=0.4, de", "es"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_a_work_answers_303_to_the_best_language(
    server: Server, accept_language: str, expected: str
) -> None:
    work = entry(server, "ar").work_iri
    answer = server.get(
        local(work), headers={"Accept-Language": accept_language}, allow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == local(work) + "/" + expected
    assert "Accept-Language" in answer.headers["Vary"]
    followed = server.get(
        local(work), headers={"Accept-Language": accept_language, "Accept": "text/turtle"}
    )
    assert followed.status_code == 200 and media(followed) == "text/turtle"
    assert f"{work}/{expected}" in subjects(followed)
    page = server.get(local(work) + ".html")
    assert page.status_code == 200 and b"Language versions" in page.content


def test_akoma_ntoso_is_offered_where_the_release_has_it(server: Server) -> None:
    iri = entry(server, "ar").expression_iri
    file = server.release.release_dir / (local(iri)[1:] + ".akn")
    if not file.is_file():
        pytest.skip("this release has no Akoma Ntoso files")
    for answer in (
        server.get(local(iri), headers={"Accept": "application/akn+xml"}),
        server.get(local(iri) + ".akn"),
    ):
        assert answer.status_code == 200 and media(answer) == "application/akn+xml"
        assert answer.content == file.read_bytes() and b"akomaNtoso" in answer.content[:500]
    assert local(iri) + ".akn" in server.get(local(iri)).headers["Link"]


def test_unknown_iris_and_formats_get_helpful_answers(server: Server) -> None:
    missing = server.get("/resolution/un-ga/80/9999", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and media(missing) == "text/html"
    assert b"resolutions" in missing.content and b"sparql" in missing.content
    plain = server.get("/resolution/un-ga/80/1/xx")
    assert plain.status_code == 404 and "/resolution/un-ga/80/1" in plain.text  # nearest
    iri = entry(server, "en").expression_iri
    refused = server.get(local(iri), headers={"Accept": "application/pdf"})
    assert refused.status_code == 406
    for suffix in FORMATS.values():
        assert local(iri) + suffix in refused.text  # says what is offered
    assert server.get(local(iri) + ".nt", headers={"Accept": "application/pdf"}).status_code == 200
    assert server.get("/body/un-ga.jsonld").status_code == 200
    assert server.get("/body/nobody.ttl").status_code == 404


def test_validators_and_caching(server: Server) -> None:
    iri = local(entry(server, "en").expression_iri)
    first = server.get(iri, headers={"Accept": "text/turtle"})
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('"') and "max-age" in first.headers["Cache-Control"]
    assert modified.endswith("GMT")
    again = server.get(iri, headers={"Accept": "text/turtle", "If-None-Match": etag})
    assert again.status_code == 304 and not again.content and again.headers["ETag"] == etag
    since = server.get(iri, headers={"Accept": "text/turtle", "If-Modified-Since": modified})
    assert since.status_code == 304
    stale = server.get(iri, headers={"Accept": "text/turtle", "If-None-Match": '"other"'})
    assert stale.status_code == 200
    other = server.get(iri, headers={"Accept": "application/n-triples"})
    assert other.headers["ETag"] != etag
    assert server.get(iri, headers={"Accept": "text/html"}).headers["ETag"] not in (
        etag,
        other.headers["ETag"],
    )


def dump_subjects(server: Server) -> set[str]:
    with gzip.open(
        server.release.release_dir / "resolutions.nt.gz", "rt", encoding="utf-8"
    ) as dump:
        return {line.split(" ", 1)[0][1:-1] for line in dump}


@pytest.mark.slow
def test_every_subject_iri_in_the_dumps_resolves_in_html_and_turtle(server: Server) -> None:
    by_document: dict[str, set[str]] = defaultdict(set)
    for iri in dump_subjects(server):
        document, _, fragment = iri.partition("#")
        by_document[document].add(fragment)
    assert len(by_document) > 50
    session = requests.Session()
    for document, fragments in sorted(by_document.items()):
        for accept in ("text/html", "text/turtle"):
            answer = session.get(
                server.url + local(document), headers={"Accept": accept}, timeout=30
            )
            assert answer.status_code == 200, (document, accept, answer.status_code)
            path = urlsplit(answer.url).path
            if path.endswith((".ttl", ".jsonld", ".akn")):
                continue  # a published file's own IRI: the file, whatever Accept says
            assert media(answer) == accept, (document, accept)
            wanted = {f for f in fragments if f}
            if accept == "text/html":
                root: html.HtmlElement = html.fromstring(answer.content)
                ids = set(root.xpath("//@id"))
                assert wanted <= ids, (document, sorted(wanted - ids))
            else:
                found = subjects(answer)
                assert {f"{document}#{f}" for f in wanted} <= found, document
                if not answer.history:
                    assert document in found


def test_downloads_and_the_dataset_description(server: Server) -> None:
    folder = server.release.release_dir
    for name in ("SHA256SUMS", "resolutions.nt.gz", "site/feed.atom"):
        got = server.get(f"/download/{name}")
        assert got.status_code == 200 and got.content == (folder / name).read_bytes()
    pinned = server.get(f"/releases/{server.release.release_id}/dataset.ttl")
    assert pinned.status_code == 200 and "immutable" in pinned.headers["Cache-Control"]
    assert server.get("/download/../manifest.json").status_code == 404
    assert server.get("/download/nothing.ttl").status_code == 404
    void = server.get("/dataset", headers={"Accept": "text/turtle"})
    assert void.status_code == 200
    endpoints = [
        q.object.value
        for q in parse(void.content, format=RdfFormat.TURTLE)
        if q.predicate.value == "http://rdfs.org/ns/void#sparqlEndpoint"
    ]
    assert endpoints == [f"{server.url}/sparql"]
    feed = server.get("/feed.atom")
    assert feed.status_code == 200 and media(feed) == "application/atom+xml"
    assert server.get("/").status_code == 200 and server.get("/resolutions").status_code == 200
