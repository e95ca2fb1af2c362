"""Dataset-level validation of every release: `shapes/respub.dataset.shapes.ttl` (and the
SPARQL constraints of the document shapes) over all the documents merged.

A producer of the release writer: it adds the results to `validation.json` (key
`dataset`) and an unresolved-citations table to the release's `README.md` (citations of
resolutions the dataset does not hold).

The document shapes run per work (`respub.validate.dataset.validate_work`); their results
are kept in ``state/dataset-check.json`` under the hash of the work's versions, so a
release re-checks only the works whose versions changed. The dataset shapes and the
unresolved-citations query run on the facts they mention, taken from every version and
kept per version (`respub.publish.facts`), so only new versions are parsed for them.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from respub import __version__
from respub.atomic import read_kept, write_atomic
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.facts import FACTS, FactsCache
from respub.publish.plan import ReleasePlan
from respub.rdf.files import DATASET_SHAPES, SHAPES
from respub.validate import Report, Violation
from respub.validate.dataset import named_terms, validate_across, validate_work
from respub.validate.report import Severity
from respub.validate.shapes import SparqlConstraint, load_shapes

__all__ = ["UNRESOLVED_SHAPE", "dataset_check_files", "unresolved_citations"]


UNRESOLVED_SHAPE = "https://respub.org/shapes#CitedResolutionInDataset"
CACHE = Path("state") / "dataset-check.json"
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
_IDENTIFIER_TERMS = SparqlConstraint(
    "", (), _IDENTIFIERS, (("respub", "https://respub.org/ontology#"),), "", Severity.INFO
)


def dataset_check_files(plan: ReleasePlan, root: Path) -> dict[str, bytes]:
    """`validation.json` with the dataset's results added, and `README.md` with the
    unresolved citations; both as written under `root` before."""
    text = _texts(plan, root)
    cache_path = plan.settings.output_dir / CACHE
    cached = _read_cache(cache_path)
    kept: dict[str, list[dict[str, Any]]] = {}
    violations: list[Violation] = []
    for key, iris in _works(plan):
        found = cached.get(key)
        if found is None:
            found = list(validate_work([text(iri) for iri in iris]))
        kept[key] = [_to_json(v) for v in found]
        violations += found
    _write_cache(cache_path, kept)
    terms = named_terms([*load_shapes(DATASET_SHAPES).sparql, _IDENTIFIER_TERMS])
    kept_facts = FactsCache(plan.settings.output_dir / FACTS, terms)
    facts = ox.Store()
    with tempfile.TemporaryFile() as stream:  # every version's facts, never all in memory
        kept_facts.write_all(
            stream, ((e.content_sha256, partial(text, e.expression_iri)) for e in plan.entries)
        )
        stream.seek(0)
        facts.bulk_load(stream, ox.RdfFormat.N_TRIPLES)
    kept_facts.prune(e.content_sha256 for e in plan.entries)  # only a cache: any time
    report = Report((*violations, *validate_across(facts)))
    validation = json.loads((root / _VALIDATION).read_bytes())
    validation["dataset"] = report.to_dict()
    data = json.dumps(validation, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    readme = (root / _README).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    readme += readme_section(report, unresolved_citations(report, facts))
    return {_VALIDATION: data.encode(), _README: readme.encode()}


def _texts(plan: ReleasePlan, root: Path) -> Callable[[str], str]:
    """Expression IRI → N-Triples of a version of the release, read when asked: a new
    one's from its dump part (`ReleasePlan.text`), the carried ones from the N-Quads dump
    written before (all at the first ask: they are few)."""
    published = {r.expression_iri: r for r in plan.selection.published}
    carried = {e.expression_iri for e in plan.selection.carried}
    read: dict[str, str] = {}

    def text(iri: str) -> str:
        result = published.get(iri)
        if result is not None:
            return plan.text(result)
        if not read:
            read.update(read_graphs(root / NQUADS, carried))
        return read[iri]

    return text


def _works(plan: ReleasePlan) -> list[tuple[str, list[str]]]:
    """(cache key, expression IRIs of its versions) of each work: the key hashes the
    software, the shapes and the versions' content."""
    versions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in plan.entries:
        versions[entry.work_iri].append((entry.expression_iri, entry.content_sha256))
    shapes = hashlib.sha256(SHAPES.read_bytes()).hexdigest()
    found = []
    for work, members in sorted(versions.items()):
        members.sort()
        digest = hashlib.sha256(f"{__version__}\0{shapes}\0{work}".encode())
        for iri, content in members:
            digest.update(f"\0{iri}\0{content}".encode())
        found.append((digest.hexdigest(), [iri for iri, _ in members]))
    return found


def _to_json(violation: Violation) -> dict[str, Any]:
    return {**violation.__dict__, "severity": violation.severity.value}


def _from_json(data: Mapping[str, Any]) -> Violation:
    return Violation(**{**data, "severity": Severity(data["severity"])})


def _read_cache(path: Path) -> dict[str, list[Violation]]:
    """The cached violations per work key (empty when missing, unreadable or of another
    software version: only saves work)."""
    return read_kept(path, "dataset validation cache", _works_kept, software=__version__) or {}


def _works_kept(data: dict[str, Any]) -> dict[str, list[Violation]]:
    works = data["works"]
    if not isinstance(works, dict):
        raise TypeError("works are not an object")
    return {str(key): [_from_json(v) for v in found] for key, found in works.items()}


def _write_cache(path: Path, works: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Replace the cache (through a temporary file: a reader sees the old or the new one)."""
    data = {"software": __version__, "works": works}
    write_atomic(path, json.dumps(data, sort_keys=True, separators=(",", ":")).encode())


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
