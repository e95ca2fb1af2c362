"""Every publish runs the dataset shapes over the whole release: the results are in
`validation.json` (key `dataset`) and the README lists the unresolved citations."""

from __future__ import annotations

import json

from respub.publish.manifest import read_manifest
from respub.publish.release import ReleaseSummary


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
    table = dict(tuple(cell.strip() for cell in row.strip("|").split("|")) for row in rows[1:])
    # printed in corpus/interpol/GA-2021-89-RES-09.*.txt, not in the release
    assert table["AGN/65/RES/9"] == "GA-2021-89-RES-09"
    assert table["AG-2005-RES-09"] == "GA-2021-89-RES-09"
    published = {e.identifier for e in read_manifest(release.release_dir).entries}
    assert published and not published & set(table)
