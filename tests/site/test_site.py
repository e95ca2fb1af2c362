"""The static site inside a release: every clause has its anchor, links resolve, text is
escaped, Arabic is right-to-left, the data is embedded, the feed and sitemap are valid."""

from __future__ import annotations

import gzip
import json
import posixpath
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest
import rdflib
from lxml import etree, html
from served import (
    HEADED_IDENTIFIER,
    HEADING,
    HOSTILE,
    HOSTILE_IDENTIFIER,
    SECOND,
    change_one,
    publish_sample,
    sample_sources,
)

from respub.publish.checksums import read_sums
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.publish.verify import verify_release
from respub.site import SITE
from respub.site.build import build_site
from respub.site.catalogue import page_path
from respub.site.release import site_source


def site(release: ReleaseSummary) -> Path:
    return release.release_dir / SITE


def page(release: ReleaseSummary, iri: str) -> html.HtmlElement:
    base = str(read_manifest(release.release_dir).settings["base_iri"])
    path = page_path(iri, base)
    assert path is not None
    return html.parse(str(site(release) / path)).getroot()


def subjects_by_graph(release: ReleaseSummary) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    with gzip.open(release.release_dir / "resolutions.nq.gz", "rt", encoding="utf-8") as dump:
        for line in dump:
            subject, rest = line.split(" ", 1)
            graph = rest.rsplit(" ", 2)[-2]
            found[graph[1:-1]].add(subject[1:-1])
    return found


def test_every_fragment_iri_lands_on_an_anchor(release: ReleaseSummary) -> None:
    checked = 0
    for expression, subjects in subjects_by_graph(release).items():
        root = page(release, expression)
        ids = set(root.xpath("//@id"))
        fragments = {s.partition("#")[2] for s in subjects if s.startswith(expression + "#")}
        assert fragments and fragments <= ids, (expression, sorted(fragments - ids))
        checked += len(fragments)
    assert checked > 500


def test_clauses_show_their_keyword_and_text(release: ReleaseSummary) -> None:
    entry = next(e for e in read_manifest(release.release_dir).entries if e.language == "fr")
    root = page(release, entry.expression_iri)
    clause = root.get_element_by_id("operative-1")
    keyword = clause.find_class("keyword")[0].text_content()
    assert keyword and clause.text_content().startswith(keyword)
    assert root.get("lang") == "fr" and root.get("dir") == "ltr"


def test_a_section_heading_stands_above_its_clause_which_keeps_its_number(
    release: ReleaseSummary,
) -> None:
    entry = next(
        e for e in read_manifest(release.release_dir).entries if e.identifier == HEADED_IDENTIFIER
    )
    root = page(release, entry.expression_iri)
    (heading,) = root.find_class("section-heading")
    assert heading.tag == "h3" and heading.text_content() == HEADING
    after = heading.getnext()
    assert after is not None and after.tag == "ol"
    first = after[0]
    assert (first.get("id"), first.get("value")) == ("operative-3", "3")
    before = heading.getprevious()  # paragraphs 1 and 2, in a list of their own
    assert before is not None and [li.get("value") for li in before] == ["1", "2"]


def test_arabic_pages_are_right_to_left(release: ReleaseSummary) -> None:
    entry = next(e for e in read_manifest(release.release_dir).entries if e.language == "ar")
    root = page(release, entry.expression_iri)
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    switcher = root.xpath("//nav[@class='languages']//a/@hreflang")
    assert sorted(switcher) == ["en", "es", "fr"]


def test_a_script_in_a_clause_is_shown_as_text(release: ReleaseSummary) -> None:
    entry = next(
        e for e in read_manifest(release.release_dir).entries if e.identifier == HOSTILE_IDENTIFIER
    )
    path = site(release) / (page_path(entry.expression_iri, "https://data.respub.org/") or "")
    raw = path.read_text(encoding="utf-8")
    assert HOSTILE not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    root: html.HtmlElement = html.fromstring(raw)
    assert all("alert" not in (s.text or "") for s in root.iter("script"))
    assert any(HOSTILE in p.text_content() for p in root.find_class("preambular"))


def test_every_relative_link_resolves_and_citations_link_when_known(
    release: ReleaseSummary,
) -> None:
    folder = site(release)
    pages = sorted(folder.rglob("*.html"))
    linked = unresolved = 0
    for path in pages:
        root = html.parse(str(path)).getroot()
        here = path.relative_to(folder).as_posix()
        for ref in root.xpath("//a/@href | //link/@href | //script/@src"):
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
            assert (folder / target).is_file(), f"{here}: broken link {ref}"
            if parts.fragment:
                ids = html.parse(str(folder / target)).getroot().xpath("//@id")
                assert parts.fragment in ids, f"{here}: no anchor {ref}"
        linked += len(root.xpath("//a[@class='citation']"))
        unresolved += len(root.xpath("//span[@class='citation unresolved']"))
    assert linked > 0 and unresolved > 0


def test_pages_embed_their_data_and_name_their_alternates(release: ReleaseSummary) -> None:
    entry = read_manifest(release.release_dir).entries[0]
    for iri in (entry.work_iri, entry.expression_iri):
        root = page(release, iri)
        (script,) = root.xpath("//script[@type='application/ld+json']")
        data = json.loads(script.text)
        assert data["@id"] == iri and "Legislation" in data["@type"]
        graph = rdflib.Graph().parse(data=script.text, format="json-ld")
        assert (rdflib.URIRef(iri), None, None) in graph
        alternates = dict(
            zip(
                root.xpath("//link[@rel='alternate']/@type"),
                root.xpath("//link[@rel='alternate']/@href"),
                strict=True,
            )
        )
        assert alternates["text/turtle"] == f"{iri}.ttl"
        assert alternates["application/ld+json"] == f"{iri}.jsonld"


def test_home_lists_downloads_with_size_and_checksum(release: ReleaseSummary) -> None:
    root = html.parse(str(site(release) / "index.html")).getroot()
    text = root.text_content()
    sums = read_sums(release.release_dir)
    assert sums["resolutions.nq.gz"] in text and "resolutions.nt.gz" in text
    assert release.release_id in text and "sparql" in text


def test_the_site_is_covered_by_the_checksums(release: ReleaseSummary) -> None:
    sums = read_sums(release.release_dir)
    files = {
        p.relative_to(release.release_dir).as_posix()
        for p in site(release).rglob("*")
        if p.is_file()
    }
    assert files and files <= set(sums)
    assert verify_release(release.release_dir) == []


def test_the_site_is_a_pure_function_of_the_release(release: ReleaseSummary) -> None:
    from respub.publish.checksums import describe_files, release_files

    root = release.release_dir
    infos = describe_files(
        root, [p for p in release_files(root) if not p.startswith("site/") and p != "dataset.ttl"]
    )
    first = build_site(site_source(root, infos, None)).files
    assert first == build_site(site_source(root, infos, None)).files
    assert all(first[p] == (root / SITE / p).read_bytes() for p in first), "differs from release"


def test_list_rows_are_kept_and_give_the_same_pages(
    release: ReleaseSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list page is its works' rows: kept by content, a second build renders no row and
    makes the same bytes; every row of every list is kept."""
    from respub.publish.checksums import describe_files, release_files
    from respub.site import lists
    from respub.site.render import environment  # what the list pages call

    root = release.release_dir
    infos = describe_files(
        root, [p for p in release_files(root) if not p.startswith("site/") and p != "dataset.ttl"]
    )
    source = site_source(root, infos, None)
    kept = lists.RowCache(tmp_path / lists.ROWS)
    first = build_site(source, rows=kept).files
    kept.save()
    listed = [p for p in first if p == "resolutions.html" or p.startswith(("body/", "session/"))]
    shown = sum(first[p].count(b"<tr data-body=") for p in listed)
    assert len(listed) >= 3 and len(kept.used) == shown
    rendered: list[str] = []

    def counted() -> Any:
        rendered.append("macros")
        return environment()

    monkeypatch.setattr(lists, "environment", counted)
    again = lists.RowCache(tmp_path / lists.ROWS)
    assert build_site(source, rows=again).files == first
    assert rendered == [] and again.used == kept.used
    assert build_site(source).files == first  # and with no rows kept: rendered, the same
    assert len(rendered) == shown


def test_the_feed_is_atom_and_the_sitemap_lists_every_page(release: ReleaseSummary) -> None:
    data = (site(release) / "feed.atom").read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and len(feed.entries) == 1
    assert release.release_id in feed.entries[0].title
    assert HOSTILE_IDENTIFIER in feed.entries[0].content[0].value
    sitemap = etree.parse(str(site(release) / "sitemap.xml"))
    locs = sitemap.xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    assert isinstance(locs, list)
    pages = list(site(release).rglob("*.html"))
    assert len(locs) == len(pages)


@pytest.mark.slow
def test_a_second_release_adds_a_feed_entry_naming_the_change(tmp_path: Path) -> None:
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    changed = change_one(sources)
    second = publish_sample(sources, tmp_path / "out", SECOND)
    assert second.changed == 1 and second.previous == first.release_id
    feed = feedparser.parse((second.release_dir / SITE / "feed.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) == 2
    newest, oldest = feed.entries
    assert second.release_id in newest.title and first.release_id in oldest.title
    assert f"Changed {changed} (en)" in newest.content[0].value
    assert "1 changed" in newest.summary and "0 added" in newest.summary
    home = html.parse(str(second.release_dir / SITE / "index.html")).getroot()
    history = [li.text_content() for li in home.xpath("//ol[@class='history']/li")]
    assert [first.release_id in h for h in history] == [False, True]


def test_each_clause_offers_its_versions_in_the_other_languages(release: ReleaseSummary) -> None:
    from respub.rdf.iri import Iris

    expression = Iris().expression(Iris().work("GA-2021-89-RES-09"), "en")
    root = page(release, expression)
    clauses = root.xpath('//*[contains(@class, "clause")][@id]')
    assert len(clauses) == 10
    for clause in clauses:
        links = clause.xpath('./span[@class="versions"]/a')
        assert [a.get("hreflang") for a in links] == ["ar", "es", "fr"]
        assert all(a.get("href").endswith(f".html#{clause.get('id')}") for a in links)
    target = site(release) / posixpath.dirname(page_path(expression, Iris().base) or "")
    href = clauses[0].xpath('./span[@class="versions"]/a')[0].get("href")
    assert (target / href.partition("#")[0]).is_file()
