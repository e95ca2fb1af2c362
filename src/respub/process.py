"""One document through the pipeline: parse → map to RDF → validate → a `DocumentResult`.

`process(source, settings)` is the one entry point every runner uses (the flow's threads,
process pool and Dask workers, the benchmarks and the tests).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pyoxigraph import RdfFormat, Triple, serialize

from respub.akn import assert_valid, to_akn
from respub.errors import RespubError, problem_of
from respub.model import Resolution
from respub.parse import parse_file, parse_source
from respub.present import resolution_to_json
from respub.problems import problem
from respub.rdf.iri import Iris
from respub.rdf.mapping import to_triples
from respub.rdf.serialize import ntriples_lines
from respub.results import VIOLATION, ClauseSummary, DocumentResult
from respub.settings import Settings
from respub.source import Source, encodable_name
from respub.sources.load import MEDIA_TYPES, read_source
from respub.validate.rudof import validate_ntriples

__all__ = [
    "Source",
    "canonical_ntriples",
    "encodable_name",
    "process",
    "process_document",
    "process_resolution",
    "summarise_clauses",
]

logger = logging.getLogger(__name__)


def process(source: Source, settings: Settings) -> DocumentResult:
    """Parse, map and validate one source; parse errors become the result's `error`.

    A manifest entry is read under its name (the URL, recorded as provenance) and parsed
    with its hints; a parser bug quarantines the document instead of stopping the run.
    """
    path = Path(source.path)
    if not encodable_name(source.path):
        return DocumentResult(
            source_path=source.name,
            sha256="",
            media_type=_media_type(path),
            problem=problem("source-name", file=source.name),
        )
    if not source.hinted:
        return _process_file(source.path, settings)
    try:
        document = read_source(path, name=source.name, language=source.language)
        resolution = parse_source(
            document, language=source.language, body=source.body, identifier=source.identifier
        )
    except RespubError as error:
        data = _read_bytes(path)
        return DocumentResult(
            source_path=source.name,
            sha256=hashlib.sha256(data).hexdigest() if data is not None else "",
            media_type=_media_type(path),
            problem=error.problem,
        )
    return process_resolution(resolution, settings)


def process_document(path: str | Path, settings: Settings) -> DocumentResult:
    """`process` of a plain file (published under its path, no hints)."""
    return process(Source.of(path), settings)


def _process_file(path: str | Path, settings: Settings) -> DocumentResult:
    try:
        resolution = parse_file(path)
    except Exception as error:  # a parser bug must quarantine one document, not stop a run
        if not isinstance(error, RespubError):
            logger.exception("internal error while parsing %s", path)
        data = _read_bytes(path)
        return DocumentResult(
            source_path=str(path),
            sha256=hashlib.sha256(data).hexdigest() if data is not None else "",
            media_type=_media_type(path),
            problem=problem_of(error, file=str(path)),
        )
    return process_resolution(resolution, settings)


def process_resolution(resolution: Resolution, settings: Settings) -> DocumentResult:
    """Map and validate a parsed resolution into a `DocumentResult`; each later part of a
    resolution adopted in parts (a Work of its own) into one of the result's `parts`."""
    first = _process_part(replace(resolution, parts=()), settings)
    if not resolution.parts:
        return first
    return replace(first, parts=tuple(_process_part(p, settings) for p in resolution.parts))


def _process_part(resolution: Resolution, settings: Settings) -> DocumentResult:
    source = resolution.source
    base = DocumentResult(
        source_path=source.path,
        sha256=source.sha256,
        media_type=source.media_type,
        identifier=resolution.identifier,
        body=resolution.body,
        language=resolution.language,
        title=resolution.title,
        clauses=summarise_clauses(resolution),
    )
    try:
        iris = Iris(settings.base_iri)
        work = iris.work(resolution.identifier)
        expression = iris.expression(work, resolution.language)
        ntriples = canonical_ntriples(to_triples(resolution, iris))
    except (RespubError, ValueError) as error:
        found = problem("error", message=f"cannot map to RDF: {error}", file=source.path)
        return replace(base, problem=found)
    try:  # pyrudof on the N-Triples: the reports of pyshacl (tests/validate), ~5x cheaper
        report = validate_ntriples(ntriples)
    except ValueError as error:
        return replace(base, problem=problem("error", message=str(error), file=source.path))
    try:  # the Akoma Ntoso file of a publishable version, checked against the OASIS schema
        blocked = any(v.severity == VIOLATION for v in report.violations)
        akn = b"" if blocked else to_akn(resolution, iris)
        if akn:
            assert_valid(akn, source.path)
    except ValueError as error:
        message = f"cannot write Akoma Ntoso: {error}"
        return replace(base, problem=problem("error", message=message, file=source.path))
    issues = report.violations
    return replace(
        base,
        work_iri=work,
        expression_iri=expression,
        ntriples=ntriples,
        triples=ntriples.count("\n"),
        conforms=report.conforms,
        issues=issues,
        content_sha256=hashlib.sha256(ntriples.encode()).hexdigest(),
        akn=akn.decode("utf-8"),
    )


def canonical_ntriples(triples: Iterable[Triple]) -> str:
    """Canonical N-Triples: one triple per line, sorted, without duplicates."""
    data = (serialize(list(triples), format=RdfFormat.N_TRIPLES) or b"").decode()
    lines = sorted(set(ntriples_lines(data)))
    return "".join(line + "\n" for line in lines)


def summarise_clauses(resolution: Resolution) -> ClauseSummary:
    """Hash the header and each clause (keyword, concept, text, sub-paragraphs)."""
    data = resolution_to_json(resolution)
    preamble = data.pop("preamble")
    operative = data.pop("operative")
    data.pop("source")
    return ClauseSummary(
        header=_short_hash(data),
        preamble=tuple(_short_hash(c) for c in preamble),
        operative=tuple(_short_hash(c) for c in operative),
    )


def _short_hash(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _read_bytes(path: str | Path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _media_type(path: str | Path) -> str:
    return MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")
