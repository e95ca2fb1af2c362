"""A release's site renders only the pages whose inputs changed; the others are hard links
to the previous release's files, and the whole is byte-identical to a cold build."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html
from served import SECOND, change_one, publish_sample, sample_sources

from respub.publish.checksums import describe_files, release_files
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.publish.verify import verify_release
from respub.rdf.iri import Iris
from respub.search.index import SEARCH, build_index, index_rows
from respub.search.index import shards as shards_of
from respub.search.query import search
from respub.site import SITE
from respub.site.build import build_site
from respub.site.catalogue import page_path
from respub.site.light import LIGHT, LightIndex
from respub.site.read import read_expression
from respub.site.release import site_source
from respub.site.views import VIEWS, Version, ViewCache, read_version

CHANGED = "A/RES/80/1"  # cited by A/RES/80/6 in the sample sources
CITING = "A/RES/80/6"


def site_files(release: ReleaseSummary) -> dict[str, Path]:
    folder = release.release_dir / SITE
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def rendered(first: ReleaseSummary, second: ReleaseSummary) -> set[str]:
    """The site files of `second` that are not the very files (inodes) of `first`."""
    before = site_files(first)
    found = set()
    for path, file in site_files(second).items():
        old = before.get(path)
        if old is None or not old.samefile(file):
            found.add(path)
    return found


def cold_site(release: ReleaseSummary, previous: ReleaseSummary) -> dict[str, bytes]:
    """The site of `release` built from scratch from the same inputs (the previous
    release's history included, its page digests left out)."""
    root = release.release_dir
    paths = [p for p in release_files(root) if not p.startswith(f"{SITE}/")]
    infos = describe_files(root, [p for p in paths if p != "dataset.ttl"])
    source = site_source(root, infos, previous.release_dir)
    assert source.previous_inputs, "the previous release lists its page digests"
    site = build_site(replace(source, previous_inputs=None))
    assert not site.kept
    return site.files


def page(iri: str) -> str:
    path = page_path(iri, Iris().base)
    assert path is not None
    return path


def title_change(sources: Path) -> str:
    """Change the title of A/RES/80/1 (A/RES/80/6's page lists it by title)."""
    path = sources / "un-ga" / "A_RES_80_1.md"
    text = path.read_text(encoding="utf-8")
    old = "80/1. Participation by the State of Palestine"
    changed = text.replace(old, "80/1. Revised participation by the State of Palestine", 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return "Revised participation"  # the title is the line after the symbol


@pytest.mark.slow
def test_one_changed_document_renders_only_its_pages_and_the_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    views = list((tmp_path / "out" / VIEWS).glob("*/*.pickle"))
    assert len(views) == len(read_manifest(first.release_dir).entries)
    change_one(sources)
    read: list[str] = []

    def counted(iri: str, ntriples: str) -> Version:
        read.append(iri)
        return read_version(iri, ntriples)

    monkeypatch.setattr("respub.site.views.read_version", counted)
    second = publish_sample(sources, tmp_path / "out", SECOND)
    assert second.changed == 1
    assert len(read) == 1, read  # the other versions' views are kept from the first release
    assert len(list((tmp_path / "out" / VIEWS).glob("*/*.pickle"))) == len(views)  # pruned
    made = rendered(first, second)
    pages = {p for p in made if p.endswith(".html")}
    entries = read_manifest(second.release_dir).entries
    changed = [e for e in entries if e.identifier == CHANGED]
    citing = next(e for e in entries if e.identifier == CITING)
    expected = {"index.html", "resolutions.html"}
    expected |= {page(e.work_iri) for e in changed} | {page(e.expression_iri) for e in changed}
    expected.add(page(citing.work_iri))  # its "Cites" names the changed work
    lists = {p for p in pages if p.startswith(("body/", "session/"))}
    assert pages - lists == expected, sorted(pages ^ lists ^ expected)
    assert lists == {"body/un-ga.html", "session/un-ga/80.html"}  # those listing it only
    total = sum(1 for p in site_files(second) if p.endswith(".html"))
    assert total - len(pages) > 25  # every other page is a link to the previous release
    assert page(citing.expression_iri) not in made  # its text and links did not change
    assert verify_release(second.release_dir) == []


@pytest.mark.slow
def test_an_incremental_site_is_byte_identical_to_a_cold_build(tmp_path: Path) -> None:
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    new_title = title_change(sources)
    second = publish_sample(sources, tmp_path / "out", SECOND)
    assert second.changed == 1
    kept = set(site_files(second)) - rendered(first, second)
    assert len(kept) > 20, "pages of unchanged documents are links to the previous release"
    cold = cold_site(second, first)
    incremental = {p: f.read_bytes() for p, f in site_files(second).items()}
    assert sorted(cold) == sorted(incremental)
    differ = [p for p in cold if cold[p] != incremental[p]]
    assert differ == []
    # the page citing the changed work shows its new title: it was rendered again
    citing = next(e for e in read_manifest(second.release_dir).entries if e.identifier == CITING)
    root: html.HtmlElement = html.fromstring(incremental[page(citing.work_iri)])
    assert new_title in root.text_content()
    assert page(citing.work_iri) not in kept
    # a cold publish of the same sources elsewhere (no history): the same files but those
    other = publish_sample(sources, tmp_path / "other", SECOND)
    history = {"index.html", "history.json", "feed.atom"}
    others = {p: f.read_bytes() for p, f in site_files(other).items() if p not in history}
    assert others == {p: d for p, d in incremental.items() if p not in history}


@pytest.mark.slow
def test_one_changed_work_rebuilds_only_its_search_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With shards of about 4 works, one changed document rebuilds the shard that holds its
    work; the other shards are links to the previous release's; every shard is
    byte-identical to a cold build's, and the shards together find what one index finds."""
    monkeypatch.setattr("respub.search.index.SHARD", 4)
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    change_one(sources)
    second = publish_sample(sources, tmp_path / "out", SECOND)
    assert second.changed == 1
    files = site_files(second)
    shards = sorted(p for p in files if p.startswith(f"{SEARCH}/"))
    assert len(shards) >= 4
    made = {p for p in rendered(first, second) if p.startswith(f"{SEARCH}/")}
    entries = read_manifest(second.release_dir).entries
    work = next(e.work_iri for e in entries if e.identifier == CHANGED)
    members = shards_of(sorted({e.work_iri for e in entries}), 4)
    holding = next(name for name, works in members.items() if work in works)
    assert made == {f"{SEARCH}/{holding}"}
    cold = cold_site(second, first)
    assert {p: cold[p] for p in shards} == {p: files[p].read_bytes() for p in shards}
    # one index of every row finds the same hits, the changed clause among them
    whole = tmp_path / "whole.sqlite"
    graphs = read_graphs(second.release_dir / NQUADS)
    views = [read_expression(iri, text) for iri, text in graphs.items()]
    identifiers = {e.expression_iri: e.identifier for e in entries}
    whole.write_bytes(build_index(index_rows((identifiers[v.iri], v) for v in views)))
    for query in ("decides firmly", "encryption children", "palestine"):
        total, hits = search(second.release_dir / SITE / SEARCH, query, limit=100)
        expected, found = search(whole, query, limit=100)
        assert (total, {h.iri for h in hits}) == (expected, {h.iri for h in found})
        assert total > 0, query


@pytest.mark.slow
def test_one_changed_document_reads_the_full_views_of_its_work_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The light index (state/site/light.pickle) stands for every version the pages do not
    show in full: after every kept full view is damaged, a release in which one document
    changed (the English version of a resolution in four languages) reads again, and so
    keeps again, the full views of that work's versions only (its pages are rendered
    again), and its site equals a cold build's. One search shard a work, so the changed
    work's shard is the only one rebuilt (a shard is built from its versions' full views)."""
    monkeypatch.setattr("respub.search.index.SHARD", 1)
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    views = tmp_path / "out" / VIEWS
    assert (views.parent / LIGHT).is_file()
    damaged = b"damaged: not a pickle"
    kept = list(views.glob("*/*.pickle"))
    assert len(kept) == len(read_manifest(first.release_dir).entries) > 10
    for path in kept:
        path.write_bytes(damaged)
    english = sources / "interpol" / "GA-2021-89-RES-09.en.txt"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("RECALLING", "RECALLING ALSO", 1), encoding="utf-8")
    second = publish_sample(sources, tmp_path / "out", SECOND)
    assert second.changed == 1
    read_again = {p.stem for p in views.glob("*/*.pickle") if p.read_bytes() != damaged}
    entries = read_manifest(second.release_dir).entries
    work = next(
        e.work_iri for e in entries if e.expression_iri.endswith("/en") and "2021" in e.work_iri
    )
    versions = [e for e in entries if e.work_iri == work]
    assert len(versions) == 4
    assert read_again == {ViewCache.key(e.expression_iri, e.content_sha256) for e in versions}
    # every other version's view was neither read (it is still damaged) nor pruned
    assert len(list(views.glob("*/*.pickle"))) == len(entries)
    cold = cold_site(second, first)
    assert {p: f.read_bytes() for p, f in site_files(second).items()} == cold


@pytest.mark.slow
def test_a_damaged_light_index_reads_every_view_again(tmp_path: Path) -> None:
    """The light index only saves work: unreadable, every version's record is made again
    from its full view, the site is the same as a cold build's, and the index is kept anew."""
    sources = sample_sources(tmp_path / "sources")
    first = publish_sample(sources, tmp_path / "out")
    light = tmp_path / "out" / VIEWS / ".." / LIGHT
    light.write_bytes(b"damaged")
    change_one(sources)
    second = publish_sample(sources, tmp_path / "out", SECOND)
    cold = cold_site(second, first)
    assert {p: f.read_bytes() for p, f in site_files(second).items()} == cold
    records = LightIndex(light).records
    assert {r.summary.iri for r in records.values()} == {
        e.expression_iri for e in read_manifest(second.release_dir).entries
    }
