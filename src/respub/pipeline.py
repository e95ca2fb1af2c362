"""One document through the pipeline: parse → map to RDF → validate → a `DocumentResult`.

`process(source, settings)` is the one entry point every runner uses (the flow's threads,
process pool and Dask workers, the benchmarks and the tests).

A `DocumentResult` is small, frozen and JSON-serialisable, so batch tasks (Prefect) can pass
it around by value and persist it; the release is written from results, never from graphs.
Configuration enters once, as a frozen `Settings`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, Triple, serialize

from respub.akn import assert_valid, to_akn
from respub.errors import RespubError, problem_of
from respub.model import Resolution
from respub.parse import parse_file, parse_source
from respub.present import resolution_to_json
from respub.problems import Problem, problem
from respub.rdf.iri import DEFAULT_BASE, Iris
from respub.rdf.mapping import to_triples
from respub.sources.load import MEDIA_TYPES, read_source
from respub.validate.report import Severity, Violation
from respub.validate.rudof import validate_ntriples

__all__ = [
    "CC_BY_4_0",
    "ClauseSummary",
    "DocumentResult",
    "Settings",
    "Source",
    "canonical_ntriples",
    "process",
    "process_document",
    "process_resolution",
    "release_time_from_environ",
    "release_time_from_sources",
    "summarise_clauses",
]

CC_BY_4_0 = "https://creativecommons.org/licenses/by/4.0/"
VIOLATION = "Violation"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Everything a release depends on besides its inputs; same settings, same bytes.

    - `output_dir`: holds `releases/`, `latest` and `store`;
    - `base_iri`: below which every IRI is minted (default `https://data.respub.org/`);
    - `licence` (an IRI, required; default CC BY 4.0), `publisher` (name) and
      `publisher_iri` (default `{base}publisher`), `title`, `description`: the dataset
      description;
    - `keep`: how many releases to keep (the live one is never deleted);
    - `release_time`: the one clock of a release (its id, `dcterms:modified`, provenance).
      Left `None`, the publish flow pins it to `release_time_from_sources` (the latest
      source mtime); the CLI pins it from `SOURCE_DATE_EPOCH` when that is set;
    - `sparql_endpoint`: announced as `void:sparqlEndpoint` when the release is served;
    - `load_store`: load the release into `output_dir/store` after publishing.
    """

    output_dir: Path = Path("output")
    base_iri: str = DEFAULT_BASE
    licence: str = CC_BY_4_0
    publisher: str = "respub"
    publisher_iri: str | None = None
    title: str = "Resolutions of international deliberative bodies"
    description: str = (
        "Resolutions of the INTERPOL General Assembly, the UN General Assembly and the "
        "World Health Assembly, parsed into clauses and published as linked data."
    )
    keep: int = 5
    release_time: datetime | None = None
    sparql_endpoint: str | None = None
    load_store: bool = True

    def __post_init__(self) -> None:
        if not self.licence.startswith(("http://", "https://")):
            raise ValueError(f"licence must be an IRI, not {self.licence!r}")
        if self.keep < 1:
            raise ValueError("keep must be at least 1")
        Iris(self.base_iri)
        if self.release_time is not None:
            if self.release_time.tzinfo is None:
                raise ValueError("release_time must be timezone-aware")
            utc = self.release_time.astimezone(UTC).replace(microsecond=0)
            object.__setattr__(self, "release_time", utc)

    @property
    def publisher_node(self) -> str:
        """The publisher's IRI (`{base}publisher` unless given)."""
        return self.publisher_iri or f"{self.base_iri}publisher"

    def metadata(self) -> dict[str, Any]:
        """The settings that shape a release's content, as JSON (no output folder)."""
        return {
            "base_iri": self.base_iri,
            "licence": self.licence,
            "publisher": self.publisher,
            "publisher_iri": self.publisher_node,
            "title": self.title,
            "description": self.description,
            "release_time": _iso(self.release_time),
            "sparql_endpoint": self.sparql_endpoint,
        }


@dataclass(frozen=True)
class ClauseSummary:
    """A short hash of the header and of every clause, in document order, for change logs."""

    header: str
    preamble: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline made of one source; JSON-serialisable with `to_json`/`from_json`.

    `ntriples` is canonical N-Triples, one triple per line, sorted: per-document Turtle and
    JSON-LD are rebuilt from it deterministically; `akn` is the Akoma Ntoso XML of the
    version (valid against the OASIS schema), published beside them. `problem` is set when
    the source did not parse (or map); `issues` hold the SHACL results (`Violation`s) when
    it did.
    """

    source_path: str
    sha256: str
    media_type: str
    identifier: str | None = None
    body: str | None = None
    language: str | None = None
    title: str | None = None
    work_iri: str | None = None
    expression_iri: str | None = None
    ntriples: str = ""
    triples: int = 0
    conforms: bool | None = None
    issues: tuple[Violation, ...] = ()
    problem: Problem | None = None
    clauses: ClauseSummary | None = None
    content_sha256: str = ""
    akn: str = ""

    @property
    def error(self) -> str | None:
        """The problem as one line, when there is one."""
        return self.problem.line() if self.problem is not None else None

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The issues of severity `sh:Violation`."""
        return tuple(i for i in self.issues if i.severity == VIOLATION)

    @property
    def publishable(self) -> bool:
        """True when the document parsed and has no `sh:Violation`."""
        return self.error is None and self.expression_iri is not None and not self.violations

    def reasons(self) -> tuple[Problem, ...]:
        """Why the document cannot be published (empty when it can)."""
        if self.problem is not None:
            return (self.problem,)
        return tuple(
            problem("shacl-violation", focus=i.focus, message=i.message, file=self.source_path)
            for i in self.violations
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON object (dicts, lists, strings, numbers) of the result."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentResult:
        """The result back from `to_json`."""
        values = dict(data)
        values["issues"] = tuple(
            Violation(**{**i, "severity": Severity(i["severity"])})
            for i in values.get("issues", ())
        )
        if values.get("problem") is not None:
            values["problem"] = Problem.from_json(values["problem"])
        clauses = values.get("clauses")
        if clauses is not None:
            values["clauses"] = ClauseSummary(
                header=clauses["header"],
                preamble=tuple(clauses["preamble"]),
                operative=tuple(clauses["operative"]),
            )
        return cls(**values)


@dataclass(frozen=True)
class Source:
    """A document to process: the file to read, the name it is published under (its
    path, or the URL it was fetched from) and the parser hints from a manifest."""

    path: str
    name: str
    language: str | None = None
    body: str | None = None
    identifier: str | None = None  # for a document that prints none (manifest `identifier`)

    @classmethod
    def of(cls, path: str | Path) -> Source:
        """A plain file, published under its own path, without hints."""
        return cls(str(path), str(path))

    @property
    def hinted(self) -> bool:
        """True when the document is read under another name or with parser hints."""
        hints = (self.language, self.body, self.identifier)
        return any(h is not None for h in hints) or self.name != self.path


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
    """Map and validate a parsed resolution into a `DocumentResult`."""
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
    lines = sorted(set(data.splitlines()))
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


def release_time_from_environ(environ: Mapping[str, str]) -> datetime | None:
    """The release time from `SOURCE_DATE_EPOCH` (reproducible builds), or None."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except ValueError as error:
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds, not {value!r}") from error


def release_time_from_sources(paths: Sequence[str | Path]) -> datetime:
    """The latest modification time of the sources, in UTC whole seconds (epoch if none)."""
    latest = max((_mtime(p) for p in paths), default=0)
    return datetime.fromtimestamp(latest, tz=UTC)


def _mtime(path: str | Path) -> int:
    """A file's modification time (0 when it vanished: it is quarantined, not dated)."""
    try:
        return int(os.stat(path).st_mtime)
    except OSError:
        return 0


def encodable_name(name: str) -> bool:
    """Whether a file name can be written as UTF-8 (not so when it holds undecodable bytes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short_hash(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None


def _read_bytes(path: str | Path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _media_type(path: str | Path) -> str:
    return MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")
