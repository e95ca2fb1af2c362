"""Dataset-level validation of every release: `shapes/respub.dataset.shapes.ttl` (and the
SPARQL constraints of the document shapes) over all the documents merged.

A producer of the release writer: it reads the N-Triples dump written before it, adds the
results to `validation.json` (key `dataset`) and an unresolved-citations table to the
release's `README.md` (citations of resolutions the dataset does not hold).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from respub.publish.dumps import NTRIPLES
from respub.publish.plan import ReleasePlan
from respub.validate import Report, validate_dataset

__all__ = ["UNRESOLVED_SHAPE", "dataset_check_files", "unresolved_citations"]

UNRESOLVED_SHAPE = "https://respub.org/shapes#CitedResolutionInDataset"
_README = "README.md"
_VALIDATION = "validation.json"
_IDENTIFIERS = """
PREFIX respub: <https://respub.org/ontology#>
SELECT ?citation ?cited ?citing WHERE {
    ?citation respub:citedIdentifier ?cited .
    ?expression respub:hasCitation ?citation .
    ?work respub:realizedBy ?expression ; respub:identifier ?citing .
}
"""


def dataset_check_files(plan: ReleasePlan, root: Path) -> dict[str, bytes]:
    """`validation.json` with the dataset's results added, and `README.md` with the
    unresolved citations; both as written under `root` before."""
    store = ox.Store()
    store.bulk_load(gzip.decompress((root / NTRIPLES).read_bytes()), ox.RdfFormat.N_TRIPLES)
    report = validate_dataset(store)
    validation = json.loads((root / _VALIDATION).read_bytes())
    validation["dataset"] = report.to_dict()
    text = json.dumps(validation, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    readme = (root / _README).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    readme += readme_section(report, unresolved_citations(report, store))
    return {_VALIDATION: text.encode(), _README: readme.encode()}


def unresolved_citations(report: Report, store: ox.Store) -> dict[str, list[str]]:
    """Cited identifier → the identifiers of the resolutions citing it, for every citation
    of a resolution the dataset does not hold (sorted)."""
    focus = {v.focus for v in report.violations if v.source_shape == UNRESOLVED_SHAPE}
    found: dict[str, set[str]] = defaultdict(set)
    answer = store.query(_IDENTIFIERS)
    assert isinstance(answer, ox.QuerySolutions)
    for row in answer:
        citation, cited, citing = row["citation"], row["cited"], row["citing"]
        if getattr(citation, "value", None) in focus:
            found[getattr(cited, "value", "")].add(getattr(citing, "value", ""))
    return {cited: sorted(citing) for cited, citing in sorted(found.items())}


def readme_section(report: Report, unresolved: dict[str, list[str]]) -> str:
    """The README's dataset-validation section and unresolved-citations table."""
    counts = ", ".join(f"{n} {severity}" for severity, n in sorted(report.counts.items()))
    lines = [
        "## Dataset validation",
        "",
        f"`shapes/respub.dataset.shapes.ttl` over the whole release: {counts or 'no results'}"
        " (details in `validation.json`, key `dataset`).",
        "",
    ]
    if not unresolved:
        return "\n".join([*lines, "Every cited resolution is in the dataset.", ""])
    lines += [
        f"### Unresolved citations ({len(unresolved)} resolutions cited but not published)",
        "",
        "| cited resolution | cited by |",
        "|---|---|",
    ]
    lines += [f"| {cited} | {', '.join(citing)} |" for cited, citing in unresolved.items()]
    return "\n".join([*lines, ""])
