"""The workers render each version's Turtle, JSON-LD and Akoma Ntoso and keep them by
content hash; the release writer only links them, and the release is byte for byte the
one a writer rendering everything itself makes."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from respub.akn import EXTENSION as AKN
from respub.errors import PublishError
from respub.orchestrate.batching import plan, run_batch
from respub.orchestrate.cache import ResultCache
from respub.orchestrate.fingerprint import pipeline_version
from respub.orchestrate.index import gather
from respub.orchestrate.state import StateDirs
from respub.process import Source
from respub.publish import release
from respub.publish.layout import expression_path
from respub.publish.parts import PARTS
from respub.publish.release import write_release
from respub.publish.rendered import RenderedCache
from respub.results import DocumentResult
from respub.settings import Settings

T0 = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
BASE = Settings().base_iri


def _settings(out: Path, hours: int = 0) -> Settings:
    return Settings(output_dir=out, release_time=T0 + timedelta(hours=hours), load_store=False)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _refuse(*args: object) -> dict[str, bytes]:
    raise AssertionError("the writer rendered a version a worker had kept")


def test_the_writer_links_what_the_workers_rendered(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path / "out")
    state = StateDirs.of(settings.output_dir)
    cache = ResultCache(state.results)
    sources = [Source(str(p), str(p)) for p in sorted(corpus.iterdir())]
    work = plan(sources, settings, pipeline_version(), cache)
    outcomes = run_batch(work.todo, settings, state.results, settings.output_dir / PARTS)
    gathered = gather(work, outcomes, settings, cache, state.index)
    versions = [gathered.load(v) for r in gathered.results for v in r.versions]
    kept = RenderedCache(settings.output_dir, settings.base_iri)
    for version in versions:
        for suffix in ("ttl", "jsonld", AKN):
            assert kept.path(version.content_sha256, suffix).is_file(), suffix
        assert kept.path(version.content_sha256, AKN).read_text("utf-8") == version.akn

    with monkeypatch.context() as patched:
        patched.setattr(release, "render_version", _refuse)
        linked = write_release(gathered.results, settings, load=gathered.load).release_dir
    for version in versions:
        stem = expression_path(version.expression_iri or "", BASE)
        for suffix in ("ttl", "jsonld", AKN):
            mine = os.stat(linked / f"{stem}.{suffix}")
            theirs = os.stat(kept.path(version.content_sha256, suffix))
            assert (mine.st_ino, mine.st_dev) == (theirs.st_ino, theirs.st_dev)

    full: list[DocumentResult] = [gathered.load(r) for r in gathered.results]
    rendered = write_release(full, _settings(tmp_path / "cold")).release_dir
    assert linked.name == rendered.name
    assert _tree(linked) == _tree(rendered)


def test_a_kept_file_is_replaced_never_written_through(tmp_path: Path) -> None:
    kept = RenderedCache(tmp_path / "out", BASE)
    content = "ab" * 32
    assert kept.store(content, {"ttl": b"turtle", "jsonld": b"{}", AKN: b"<akn/>"})
    first = tmp_path / "release-1" / "resolution" / "x" / "en"
    assert kept.link(content, first)
    assert first.with_name("en.ttl").read_bytes() == b"turtle"

    kept.store(content, {AKN: b"<akn>new</akn>"})  # a newer pipeline's XML for the same triples
    second = tmp_path / "release-2" / "resolution" / "x" / "en"
    second.parent.mkdir(parents=True)
    second.with_name(f"en.{AKN}").write_bytes(b"left over")
    assert kept.link(content, second)
    assert first.with_name(f"en.{AKN}").read_bytes() == b"<akn/>"  # the release keeps its bytes
    assert second.with_name(f"en.{AKN}").read_bytes() == b"<akn>new</akn>"


def test_a_version_not_wholly_kept_links_nothing(tmp_path: Path) -> None:
    kept = RenderedCache(tmp_path / "out", BASE)
    content = "cd" * 32
    kept.store(content, {"ttl": b"turtle", "jsonld": b"{}"})  # no Akoma Ntoso
    stem = tmp_path / "release" / "en"
    assert not kept.link(content, stem)
    assert not stem.parent.exists() or list(stem.parent.iterdir()) == []
    assert kept.link(content, stem, ("ttl", "jsonld"))


def test_another_base_iri_or_code_keeps_apart_and_prune_drops_the_rest(tmp_path: Path) -> None:
    ours, theirs = RenderedCache(tmp_path, BASE), RenderedCache(tmp_path, "https://example.org/")
    assert ours.root != theirs.root
    theirs.store("ef" * 32, {"ttl": b"x"})
    for content in ("01" * 32, "02" * 32):
        ours.store(content, {"ttl": b"t", "jsonld": b"{}"})
    assert ours.prune(["01" * 32]) == 2
    assert not theirs.root.exists()
    assert sorted(p.name for p in ours.root.rglob("*.*")) == [
        f"{'01' * 32}.jsonld",
        f"{'01' * 32}.ttl",
    ]


def test_a_version_that_does_not_render_is_refused_naming_its_file() -> None:
    from respub.publish.rendered import render_version

    twice = "<https://x.org/a> <https://x.org/b> <https://x.org/c> .\n" * 2
    with pytest.raises(PublishError, match=r"en\.ttl has 1 triples, its N-Triples 2"):
        render_version(f"{BASE}x/en", twice, BASE)
    with pytest.raises(PublishError, match="cannot render"):
        render_version(f"{BASE}x/en", "<a> <b> <c> .\n", BASE)
