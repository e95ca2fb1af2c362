"""The validation report of a release: RDF (SHACL vocabulary), JSON, and a Markdown summary.

`README.md` is what a person reads first: what the release holds, what was quarantined and
why, what was carried forward, and how to verify the files.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from pyoxigraph import Literal, NamedNode, Triple

from respub.publish.changes import Changes
from respub.publish.describe import ReleaseIris
from respub.publish.manifest import Entry, Quarantine
from respub.publish.terms import DCTERMS, RDF, SH
from respub.results import DocumentResult
from respub.validate.report import Severity, Violation

__all__ = ["ValidationSummary", "readme", "validation_graph", "validation_json"]

_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class ValidationSummary:
    """What the gate saw: documents processed, published, carried forward, quarantined."""

    release: str
    documents: int
    published: int
    carried_forward: tuple[str, ...]
    quarantined: tuple[Quarantine, ...]
    counts: dict[str, int]

    @property
    def conforms(self) -> bool:
        """True when every document parsed and none had an `sh:Violation`."""
        return not self.quarantined and self.counts.get("Violation", 0) == 0


def summarise(
    release: str,
    results: Sequence[DocumentResult],
    published: Sequence[DocumentResult],
    carried: Sequence[Entry],
    quarantined: Sequence[Quarantine],
) -> ValidationSummary:
    """Count the issues of every processed document by severity."""
    counts = Counter(i.severity.value for r in results for i in r.issues)
    counts["ParseError"] = sum(1 for r in results if r.error is not None)
    return ValidationSummary(
        release=release,
        documents=len(results),
        published=len(published),
        carried_forward=tuple(e.expression_iri for e in carried),
        quarantined=tuple(quarantined),
        counts={k: counts.get(k, 0) for k in (*_SEVERITIES, "ParseError")},
    )


def validation_json(summary: ValidationSummary, results: Sequence[DocumentResult]) -> bytes:
    """`validation.json`: the summary and every issue, sorted by source then issue."""
    issues = [
        {"source_path": r.source_path, "expression_iri": r.expression_iri, **asdict(i)}
        for r in sorted(results, key=lambda r: r.source_path)
        for i in sorted(r.issues, key=_issue_key)
    ]
    errors = [
        {"source_path": r.source_path, "error": r.error, "problem": r.problem.to_json()}
        for r in sorted(results, key=lambda r: r.source_path)
        if r.problem is not None
    ]
    data = {
        "release": summary.release,
        "conforms": summary.conforms,
        "documents": summary.documents,
        "published": summary.published,
        "counts": summary.counts,
        "carried_forward": list(summary.carried_forward),
        "quarantined": [asdict(q) for q in summary.quarantined],
        "errors": errors,
        "issues": issues,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def validation_graph(
    iris: ReleaseIris, summary: ValidationSummary, results: Sequence[DocumentResult]
) -> list[Triple]:
    """`validation.ttl`: one `sh:ValidationReport` with a numbered `sh:result` per issue.

    A parse error is a result of severity `sh:Violation` whose focus is the source.
    """
    report = NamedNode(iris.validation)
    out = [
        Triple(report, RDF.type, SH.ValidationReport),
        Triple(report, SH.conforms, Literal(str(summary.conforms).lower(), datatype=_BOOLEAN)),
        Triple(report, DCTERMS.isPartOf, NamedNode(iris.version)),
    ]
    number = 0
    for result in sorted(results, key=lambda r: r.source_path):
        found: list[Violation] = sorted(result.issues, key=_issue_key)
        if result.error is not None:
            found.insert(
                0,
                Violation(
                    focus=iris.source(result.sha256),
                    path=None,
                    value=None,
                    severity=Severity.VIOLATION,
                    message=result.error,
                    source_shape="",
                ),
            )
        for issue in found:
            number += 1
            node = NamedNode(f"{iris.validation}#result-{number}")
            out += [
                Triple(report, SH.result, node),
                Triple(node, RDF.type, SH.ValidationResult),
                Triple(node, SH.resultSeverity, SH[issue.severity.value]),
                Triple(node, SH.focusNode, _term(issue.focus)),
                Triple(node, SH.resultMessage, Literal(issue.message)),
                Triple(node, DCTERMS.source, Literal(result.source_path)),
            ]
            if issue.path:
                out.append(Triple(node, SH.resultPath, _term(issue.path)))
            if issue.source_shape:
                out.append(Triple(node, SH.sourceShape, _term(issue.source_shape)))
            if issue.component:
                out.append(Triple(node, SH.sourceConstraintComponent, _term(issue.component)))
    return out


def readme(
    summary: ValidationSummary,
    changes: Changes,
    title: str,
    release_time: str,
    triples: int,
    expressions: int,
) -> bytes:
    """`README.md`: the summary a person reads first."""
    verdict = "all sources passed" if summary.conforms else "some sources were quarantined"
    lines = [
        f"# {title} — release {summary.release}",
        "",
        f"Released {release_time}: {expressions} language versions, {triples} triples; "
        f"{summary.documents} sources processed, {summary.published} published; {verdict}.",
        "",
        "| severity | count |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in summary.counts.items()),
        "",
    ]
    if summary.quarantined:
        lines += [
            "## Quarantined",
            "",
            "These sources did not enter the release:",
            "",
        ]
        for q in summary.quarantined:
            name = q.identifier or "(unparsed)"
            carried = (
                f" The previous version (from release {q.carried_forward_from}) is carried forward."
                if q.carried_forward_from
                else " No previous version exists."
            )
            reasons = "; ".join(_one_line(r.line()) for r in q.reasons[:5])
            more = f" (+{len(q.reasons) - 5} more)" if len(q.reasons) > 5 else ""
            lines.append(f"- `{q.source_path}` — {name}: {reasons}{more}.{carried}")
        lines.append("")
    lines += [
        "## Changes",
        "",
        ", ".join(f"{len(changes.of_kind(k))} {k}" for k in ("added", "changed", "removed"))
        + f", {changes.unchanged} unchanged (see `CHANGES.md`).",
        "",
        "## Files",
        "",
        "- `resolutions.ttl`, `resolutions.jsonld`, `resolutions.nt.gz`: every triple;",
        "  `resolutions.nq.gz`: one named graph per language version.",
        "- `resolution/…/{lang}.ttl` and `.jsonld`: each language version on its own;",
        "  `.akn`: its Akoma Ntoso 3.0 XML.",
        "- `alignment.ttl` and `alignment.json`: each clause linked to its counterparts in",
        "  the other language versions of its resolution, and the clauses left unaligned.",
        "- `dataset.ttl` (VoID + DCAT), `provenance.ttl` (PROV-O), `validation.ttl` and",
        "  `validation.json` (SHACL results), `manifest.json`, `CHANGES.json`.",
        "- `ontology/` and `shapes/`: the vocabulary and shapes this release was checked with.",
        "",
        "Verify with `sha256sum -c SHA256SUMS`.",
        "",
    ]
    return "\n".join(lines).encode()


_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _term(value: str) -> NamedNode | Literal:
    if _IRI.fullmatch(value):
        try:
            return NamedNode(value)
        except ValueError:
            pass
    return Literal(value)


def _issue_key(issue: Violation) -> tuple[str, str, str, str]:
    return (issue.focus, issue.path or "", issue.source_shape, issue.message)


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
