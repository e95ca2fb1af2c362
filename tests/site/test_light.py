"""The light index: a small record per version (no clause text), kept in one file, read
back instead of the versions themselves."""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from respub.publish.checksums import describe_files, release_files
from respub.publish.release import ReleaseSummary
from respub.site.light import LightIndex, load_versions
from respub.site.release import site_source
from respub.site.views import ViewCache, read_version


def _source_texts(
    release: ReleaseSummary,
) -> tuple[list[tuple[str, str]], dict[str, Callable[[], str]]]:
    root = release.release_dir
    paths = [p for p in release_files(root) if not p.startswith("site/") and p != "dataset.ttl"]
    source = site_source(root, describe_files(root, paths), None)
    return list(source.versions), dict(source.texts)


def test_a_light_record_holds_no_text_and_shares_its_session_lines(
    release: ReleaseSummary, tmp_path: Path
) -> None:
    hashes, texts = _source_texts(release)
    found = load_versions(hashes, texts, ViewCache(None), LightIndex(None))
    assert list(found.light) == [iri for iri, _ in hashes]
    for iri, record in found.light.items():
        full = read_version(iri, texts[iri]())
        assert record.summary.operative_count == len(full.view.operative)
        assert record.summary.preamble_count == len(full.view.preamble)
        assert full.view.work.iri not in record.about  # its work's lines: by digest only
        light, heavy = len(pickle.dumps(record)), len(pickle.dumps(full))
        assert light * 5 < heavy, (iri, light, heavy)
    # equal lines about a session (versions in one language, or stating no place) are
    # one tuple: the index holds each once, not once a version
    shared: dict[tuple[str, ...], set[int]] = {}
    for record in found.light.values():
        session = record.summary.work.session
        if session is not None and session.iri in record.about:
            lines = record.about[session.iri]
            shared.setdefault(lines, set()).add(id(lines))
    assert all(len(ids) == 1 for ids in shared.values())
    counts = Counter(
        r.about[r.summary.work.session.iri]
        for r in found.light.values()
        if r.summary.work.session is not None and r.summary.work.session.iri in r.about
    )
    assert max(counts.values()) > 10  # the UN-GA session's, stated by each of its versions


def test_a_kept_index_stands_for_every_version(release: ReleaseSummary, tmp_path: Path) -> None:
    """Saved, then loaded again with no view kept: the same records, and no version's
    N-Triples asked for; a version asked for in full is read then, and only it."""
    hashes, texts = _source_texts(release)
    index = LightIndex(tmp_path / "light.pickle")
    first = load_versions(hashes, texts, ViewCache(None), index)
    index.save()
    asked: list[str] = []

    def recorded(iri: str) -> Callable[[], str]:
        def text() -> str:
            asked.append(iri)
            return texts[iri]()

        return text

    again = load_versions(
        hashes,
        {iri: recorded(iri) for iri in texts},
        ViewCache(tmp_path / "views"),
        LightIndex(tmp_path / "light.pickle"),
    )
    assert again.light == first.light
    assert asked == []
    iri = hashes[0][0]
    assert again.view(iri) == first.view(iri)
    assert asked == [iri]
