"""Every publish runs the dataset shapes over the whole release: the results are in
`validation.json` (key `dataset`) and the README lists the unresolved citations."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest

from respub import __version__
from respub.publish import dataset_check, facts
from respub.publish.dumps import NTRIPLES
from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary
from respub.results import DocumentResult
from respub.validate import Violation, validate_dataset
from respub.validate.dataset import facts_of, validate_work

from .test_incremental import _edited

Publish = Callable[..., ReleaseSummary]


def test_the_dataset_results_are_in_the_validation_report(release: ReleaseSummary) -> None:
    report = json.loads((release.release_dir / "validation.json").read_bytes())["dataset"]
    unresolved = [
        v
        for v in report["violations"]
        if v["source_shape"] == "https://respub.org/shapes#CitedResolutionInDataset"
    ]
    assert unresolved and report["counts"]["Warning"] >= len(unresolved)
    assert report["conforms"] is True  # warnings only
    cited = {v["value"] for v in unresolved}
    works = {e.work_iri for e in read_manifest(release.release_dir).entries}
    assert cited and not cited & works, "a published resolution is never unresolved"


def test_the_readme_lists_the_unresolved_citations(release: ReleaseSummary) -> None:
    readme = (release.release_dir / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dataset validation", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]
    table = {key: value for key, value in cells}
    # printed in corpus/interpol/GA-2021-89-RES-09.*.txt, not in the release
    assert table["AGN/65/RES/9"] == "GA-2021-89-RES-09"
    assert table["AG-2005-RES-09"] == "GA-2021-89-RES-09"
    published = {e.identifier for e in read_manifest(release.release_dir).entries}
    assert published and not published & set(table)


def test_the_dataset_results_equal_one_check_of_the_whole_dump(release: ReleaseSummary) -> None:
    """Checked per work and over the facts, as a release does: the same results as all the
    constraints over one store of the merged N-Triples dump."""
    store = ox.Store()
    dump = gzip.decompress((release.release_dir / NTRIPLES).read_bytes())
    store.bulk_load(dump, ox.RdfFormat.N_TRIPLES)
    whole = validate_dataset(store).to_dict()
    report = json.loads((release.release_dir / "validation.json").read_bytes())["dataset"]
    assert report == json.loads(json.dumps(whole))


def test_a_second_release_checks_only_the_changed_work(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[int] = []

    def counting(versions: Sequence[str]) -> list[Violation]:
        checked.append(len(versions))
        return validate_work(versions)

    monkeypatch.setattr(dataset_check, "validate_work", counting)
    first = publish_results(results, tmp_path / "out")
    works = len({r.work_iri for r in results})
    assert len(checked) == works
    checked.clear()
    second = publish_results([_edited(results[0]), *results[1:]], tmp_path / "out", hours=1)
    assert len(checked) == 1, "only the changed document's work is checked again"
    before = json.loads((first.release_dir / "validation.json").read_bytes())["dataset"]
    after = json.loads((second.release_dir / "validation.json").read_bytes())["dataset"]
    assert before == after  # one triple less in one clause changes no dataset result


def _violation_damaged(kept: bytes) -> bytes:
    data = json.loads(kept)
    key = sorted(data["works"])[0]
    data["works"][key] = [{"severity": "bad"}]
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("damage", "level"),
    [
        pytest.param(lambda kept: None, None, id="missing"),
        pytest.param(lambda kept: kept.replace(b"works", b"Works"), logging.WARNING, id="key"),
        pytest.param(lambda kept: kept[: len(kept) // 2], logging.WARNING, id="torn"),
        pytest.param(
            lambda kept: kept.replace(__version__.encode(), b"0.0.0"), logging.INFO, id="version"
        ),
        pytest.param(
            lambda kept: kept.replace(b'"works":{', b'"works":[{', 1)[:-1] + b"]}",
            logging.WARNING,
            id="works not an object",
        ),
        pytest.param(_violation_damaged, logging.WARNING, id="a violation damaged"),
    ],
)
def test_an_unusable_cache_checks_every_work_again(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes | None],
    level: int | None,
) -> None:
    """The kept results of the dataset check missing, of another version or damaged: every
    work is checked again (one log line naming the file, at most), the same results."""
    first = publish_results(results, tmp_path / "out")
    cache = tmp_path / "out" / dataset_check.CACHE
    damaged = damage(cache.read_bytes())
    if damaged is None:
        cache.unlink()
    else:
        cache.write_bytes(damaged)
    checked: list[int] = []

    def counting(versions: Sequence[str]) -> list[Violation]:
        checked.append(len(versions))
        return validate_work(versions)

    monkeypatch.setattr(dataset_check, "validate_work", counting)
    with caplog.at_level(logging.INFO, logger="respub.atomic"):
        second = publish_results(results, tmp_path / "out", hours=1)
    assert len(checked) == len({r.work_iri for r in results})
    said = [(r.levelno, r.getMessage().split(": ")[0]) for r in caplog.records]
    assert said == ([] if level is None else [(level, str(cache))])
    before = json.loads((first.release_dir / "validation.json").read_bytes())["dataset"]
    after = json.loads((second.release_dir / "validation.json").read_bytes())["dataset"]
    assert before == after
    assert json.loads(cache.read_bytes())["software"] == __version__  # kept again


def test_a_second_release_takes_the_facts_of_only_the_changed_version_from_its_triples(
    results: list[DocumentResult],
    tmp_path: Path,
    publish_results: Publish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The facts the dataset shapes read are kept per version: a release after one edit
    reads the N-Triples of that version only, and its dataset results equal a cold run's."""
    read: list[int] = []

    def counting(text: str, terms: frozenset[str]) -> str:
        read.append(len(text))
        return facts_of(text, terms)

    monkeypatch.setattr(facts, "facts_of", counting)
    publish_results(results, tmp_path / "out")
    assert len(read) == len(results)
    read.clear()
    inputs = [_edited(results[0]), *results[1:]]
    second = publish_results(inputs, tmp_path / "out", hours=1)
    assert len(read) == 1
    cold = publish_results(inputs, tmp_path / "cold", hours=1)

    def dataset(summary: ReleaseSummary) -> object:
        return json.loads((summary.release_dir / "validation.json").read_bytes())["dataset"]

    assert dataset(second) == dataset(cold)
    readme = (second.release_dir / "README.md").read_bytes()
    assert (
        readme.split(b"## Dataset validation")[1]
        == ((cold.release_dir / "README.md").read_bytes().split(b"## Dataset validation")[1])
    )
