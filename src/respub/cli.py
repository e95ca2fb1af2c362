"""The `respub` command line: a thin group of subcommands over the library."""

from __future__ import annotations

import inspect
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from respub.cli_options import with_publish_options
from respub.errors import RespubError
from respub.orchestrate.settings import DEFAULT_CRON

if TYPE_CHECKING:
    from respub.model import Resolution
    from respub.orchestrate.report import QuarantineError
    from respub.rdf.iri import Iris

DEFAULT_CORPUS = Path("corpus")
CRON = inspect.Parameter(
    "cron",
    inspect.Parameter.KEYWORD_ONLY,
    default=DEFAULT_CRON,
    annotation=Annotated[str, typer.Option("--cron", help="When to republish (cron syntax).")],
)

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False
)
_DEBUG = {"on": False}  # --debug: show tracebacks (and Prefect's own error logs)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="Force the language (en, fr, es, ar).")
]
BodyOption = Annotated[
    str | None, typer.Option("--body", help="Force the body (INTERPOL-GA, UN-GA, WHO-WHA).")
]


@app.callback()
def _group(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show Python tracebacks of unexpected errors.")
    ] = False,
) -> None:
    """respub: publish the resolutions of deliberative bodies as linked data."""
    _DEBUG["on"] = debug


def _fail(error: Exception) -> None:
    from respub.errors import problem_of

    typer.echo(f"respub: error: {problem_of(error).line()}", err=True)
    raise typer.Exit(2)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A .txt, .md, .pdf or .html resolution.")],
    lang: LangOption = None,
    body: BodyOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Parse one resolution and print its structure."""
    from respub.parse import parse_file
    from respub.present import outline, resolution_to_json

    try:
        resolution = parse_file(file, language=lang, body=body)
    except RespubError as error:
        _fail(error)
        return
    if as_json:
        typer.echo(json.dumps(resolution_to_json(resolution), ensure_ascii=False, indent=2))
    else:
        typer.echo(outline(resolution))


RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld", ".rdf": "xml"}
BaseOption = Annotated[
    str | None, typer.Option("--base-iri", help="Base IRI of the published data.")
]


def _iris(base_iri: str | None) -> Iris:
    from respub.rdf.iri import Iris

    return Iris(base_iri) if base_iri else Iris()


CONVERT_FORMATS = ("turtle", "jsonld", "ntriples", "nquads", "akn")


@app.command()
def convert(
    file: Annotated[Path, typer.Argument(help="A resolution source file.")],
    to: Annotated[
        str,
        typer.Option("--to", help="turtle, jsonld, ntriples, nquads, or akn (Akoma Ntoso XML)."),
    ] = "turtle",
    lang: LangOption = None,
    body: BodyOption = None,
    base_iri: BaseOption = None,
) -> None:
    """Print one resolution as RDF, or as Akoma Ntoso 3.0 XML (`--to akn`)."""
    from respub.parse import parse_file

    if to not in CONVERT_FORMATS:
        _fail(ValueError(f"unknown format {to!r} (use {', '.join(CONVERT_FORMATS)})"))
    try:
        resolution = parse_file(file, language=lang, body=body)
        data = _converted(resolution, to, _iris(base_iri))
    except (RespubError, ValueError) as error:
        _fail(error)
        return
    typer.echo(data.decode("utf-8"), nl=False)


def _converted(resolution: Resolution, to: str, iris: Iris) -> bytes:
    if to == "akn":
        from respub.akn import assert_valid, to_akn

        document = to_akn(resolution, iris)
        assert_valid(document, resolution.source.path)
        return document
    from respub.rdf.mapping import to_triples
    from respub.rdf.serialize import serialize

    return serialize(to_triples(resolution, iris), to)


@app.command()
def validate(
    file: Annotated[
        Path, typer.Argument(help="A resolution source, or an RDF file (.ttl, .nt, .jsonld).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    lang: LangOption = None,
    body: BodyOption = None,
    base_iri: BaseOption = None,
) -> None:
    """Validate one document against the SHACL shapes; exit status 1 when it does not conform."""
    import rdflib

    from respub.validate import validate as run_validation

    try:
        if file.suffix.lower() in RDF_FORMATS:
            graph = rdflib.Graph()
            try:
                graph.parse(file, format=RDF_FORMATS[file.suffix.lower()])
            except Exception as error:  # rdflib raises many types for bad syntax
                raise ValueError(f"{file}: not valid RDF: {error}".splitlines()[0]) from error
        else:
            from respub.parse import parse_file
            from respub.rdf.mapping import to_graph

            graph = to_graph(parse_file(file, language=lang, body=body), _iris(base_iri))
        report = run_validation(graph)
    except (RespubError, ValueError, OSError) as error:
        _fail(error)
        return
    if as_json:
        typer.echo(report.to_json())
    else:
        verdict = "conforms" if report.conforms else "does NOT conform"
        counts = ", ".join(f"{n} {k}" for k, n in report.counts.items() if n)
        typer.echo(f"{file}: {verdict}" + (f" ({counts})" if counts else ""))
        for v in report.violations:
            typer.echo(
                f"  [{v.severity.value}] {v.focus} {v.path or ''}: {v.message}  <{v.source_shape}>"
            )
    raise typer.Exit(int(not report.conforms))


@app.command()
def docs(
    out: Annotated[Path, typer.Option("--out", help="Folder for the HTML pages.")] = Path(
        "output/docs"
    ),
) -> None:
    """Build the ontology's documentation (HTML, one page per language) with pyLODE."""
    from respub.rdf.docs import build_docs

    typer.echo(str(build_docs(out)))


@app.command()
def survey(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files, folders or globs.")] = None,
) -> None:
    """Parse every source and print one line per document (and every error)."""
    from rich.console import Console
    from rich.table import Table

    from respub.parse import parse_file
    from respub.sources.discover import discover

    console = Console()
    table = Table("source", "identifier", "body", "lang", "pre", "op", "cit", "status")
    failures = 0
    for path in discover(paths or [DEFAULT_CORPUS]):
        try:
            r = parse_file(path)
        except RespubError as error:
            failures += 1
            table.add_row(str(path), f"[red]{error}[/red]", "", "", "", "", "", "")
            continue
        table.add_row(
            str(path),
            r.identifier,
            r.body,
            r.language,
            str(len(r.preamble)),
            str(len(r.operative)),
            str(len(r.citations)),
            r.status or "-",
        )
    console.print(table)
    if failures:
        raise typer.Exit(1)


@app.command()
@with_publish_options()
def publish(**values: Any) -> None:
    """Parse, map, validate and publish a release (runs the Prefect flow), then load the store."""
    from respub.orchestrate.commands import QuarantineError, run_flow, run_if_changed
    from respub.orchestrate.logs import server_output_to
    from respub.orchestrate.settings import PublishOptions
    from respub.orchestrate.state import StateDirs
    from respub.release_time import release_time_from_environ

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no calls home
    started = time.monotonic()
    try:  # before any Prefect server starts: a mistake is one line, at once
        options = PublishOptions.of(**values)
        when = release_time_from_environ(os.environ)
        # the checks, then: nothing changed? Then say so without Prefect (nor the pipeline)
        report = run_if_changed(options, release_time=when)
    except QuarantineError as error:
        _quarantined(error, started)
    except (RespubError, ValueError, OSError) as error:
        _fail(error)
    try:
        if report is None:  # work to do: Prefect and requests are loaded from here on
            if not _DEBUG["on"]:  # its own tracebacks would break the one-line errors
                server_output_to(StateDirs.of(Path(options.out)).server_log)
            with _progress_bar(), _quiet_prefect(_DEBUG["on"]):
                report = run_flow(options, release_time=when)
    except QuarantineError as error:
        _quarantined(error, started)
    except (RespubError, ValueError, FileNotFoundError) as error:
        _fail(error)
    if report is not None:
        _summary(report, time.monotonic() - started)


def _quarantined(error: QuarantineError, started: float) -> NoReturn:
    """The summary of a run that quarantined sources, its one line, exit status 1."""
    _summary(error.report, time.monotonic() - started)
    typer.echo(f"respub: {error}", err=True)
    raise typer.Exit(1) from None


@contextmanager
def _progress_bar() -> Iterator[None]:
    """A rich progress bar fed by the flow's `respub_progress` log records."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = ("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), transient=False) as progress:
        task = progress.add_task("documents", total=None)

        class _Feed(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                done = getattr(record, "respub_progress", None)
                if done is not None:
                    progress.update(task, completed=done[0], total=done[1])

        feed = _Feed()
        flow_log = logging.getLogger("respub.orchestrate.flow")
        level = flow_log.level
        flow_log.addHandler(feed)
        flow_log.setLevel(logging.INFO)
        try:
            yield
        finally:
            flow_log.removeHandler(feed)
            flow_log.setLevel(level)


@contextmanager
def _quiet_prefect(debug: bool) -> Iterator[None]:
    """Keep Prefect's own logs of a failure (its tracebacks) from the terminal: respub
    prints the error once, as one line. With `--debug` everything is shown."""
    from respub.orchestrate.logs import quiet_prefect_errors

    if debug:
        yield
        return
    with quiet_prefect_errors():
        yield


def _summary(report: object, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    from respub.orchestrate.report import PublishReport

    assert isinstance(report, PublishReport)
    table = Table(title=f"release {report.release_id}", show_header=False)
    rows = [
        ("release folder", report.release_dir),
        ("documents", f"{report.documents} ({report.parsed} parsed, {report.reused} reused)"),
        ("published", f"{report.published} documents, {report.expressions} expressions"),
        ("triples", f"{report.triples:,}"),
        ("changes", f"{report.added} added, {report.changed} changed, {report.removed} removed"),
        ("quarantined", str(len(report.quarantined))),
        ("failed sources", str(len(report.failed_sources))),
        ("store", report.store_dir or "-"),
        ("time", f"{seconds:.1f} s"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    console = Console(stderr=True)
    console.print(table)
    for item in report.quarantined:  # one plain line per problem, never wrapped
        for reason in item.reasons:
            line = reason.line()
            if not line.startswith(item.source_path):
                line = f"{item.source_path}: {line}"
            typer.echo(f"quarantined: {line}", err=True)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv or tsv.")] = "table",
    store: Annotated[Path, typer.Option("--store", help="The store folder.")] = Path(
        "output/store"
    ),
    bind: Annotated[
        list[str] | None, typer.Option("--bind", help="NAME=VALUE, bound before running.")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds the query may run (then it is stopped).")
    ] = 10.0,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Allow SERVICE (federated queries).")
    ] = False,
) -> None:
    """Run a SPARQL query on the embedded store of the latest release (read-only, stopped
    after --timeout seconds, no SERVICE unless --allow-service)."""
    from respub.store import query as run_query
    from respub.store import read_query
    from respub.store.bindings import parse_bindings
    from respub.store.guard import QueryLimits

    logging.getLogger("respub.store").setLevel(logging.ERROR)  # the error line says it
    try:
        text = read_query(Path(sparql)) if sparql.endswith(".rq") else sparql
        bindings = parse_bindings(bind or [], text)
        limits = QueryLimits(timeout=timeout, allow_service=allow_service)
        typer.echo(run_query(store, text, fmt, bindings=bindings or None, limits=limits))
    except (RespubError, ValueError) as error:
        _fail(error)


@app.command()
def serve(
    out: Annotated[Path, typer.Option("--out", help="Output folder (serves its latest).")] = Path(
        "output"
    ),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    sparql_endpoint: Annotated[
        str | None,
        typer.Option("--sparql-endpoint", help="Send queries to this SPARQL server instead."),
    ] = None,
    query_timeout: Annotated[
        float, typer.Option("--query-timeout", help="Seconds a query may run.")
    ] = 10.0,
    max_result_bytes: Annotated[
        int, typer.Option("--max-result-bytes", help="Largest answer a query may give.")
    ] = 16 * 1024 * 1024,
    workers: Annotated[int, typer.Option("--workers", help="Query worker processes.")] = 2,
) -> None:
    """Serve the latest release: pages and data at every IRI, /sparql, /search, /download/."""
    from respub.serve.app import ServeSettings
    from respub.serve.app import serve as run_server
    from respub.store.guard import QueryLimits

    try:
        limits = QueryLimits(timeout=query_timeout, max_bytes=max_result_bytes)
        settings = ServeSettings(
            output=out, sparql_endpoint=sparql_endpoint, limits=limits, workers=workers
        )
    except ValueError as error:
        _fail(error)
        return
    if not (out / "latest").exists():
        _fail(ValueError(f"{out}/latest: no release to serve; run respub publish first"))
        return
    typer.echo(f"serving {out / 'latest'} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_server(settings, host=host, port=port)


@app.command()
def push(
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="The server, e.g. http://127.0.0.1:7878.")
    ],
    release: Annotated[Path, typer.Option("--release", help="Release folder.")] = Path(
        "output/latest"
    ),
    gsp_url: Annotated[
        str | None, typer.Option("--gsp-url", help="Graph Store endpoint, if not {endpoint}/store.")
    ] = None,
    deadline: Annotated[
        float, typer.Option("--deadline", help="Seconds the whole push may take.")
    ] = 300.0,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List the graphs that would be sent; send none.")
    ] = False,
) -> None:
    """Send each named graph of a release to a SPARQL server (Graph Store HTTP Protocol)."""
    from respub.store import PushError
    from respub.store import push as run_push

    try:
        summary = run_push(release, endpoint, gsp_url=gsp_url, deadline=deadline, dry_run=dry_run)
    except PushError as error:
        for graph in error.replaced:  # exactly what the server now holds of this release
            typer.echo(f"replaced: {graph}", err=True)
        _fail(error)
        return
    except RespubError as error:
        _fail(error)
        return
    if dry_run:
        for method, graph, triples in summary.planned:
            typer.echo(f"{method} {graph} ({triples:,} triples)")
        typer.echo(f"dry run: nothing sent to {summary.endpoint}")
        return
    typer.echo(
        f"pushed {summary.graphs} graphs ({summary.triples:,} triples) to {summary.endpoint}"
    )


@app.command()
@with_publish_options([CRON])
def schedule(**values: Any) -> None:
    """Serve the scheduled publish deployment (Prefect) until interrupted.

    Every publish option is a parameter of each scheduled run.
    """
    from respub.orchestrate.commands import schedule as run_schedule
    from respub.orchestrate.settings import PublishOptions

    cron = values.pop("cron")
    try:
        options = PublishOptions.of(**values)
        run_schedule(cron, options)
    except (RespubError, ValueError) as error:
        _fail(error)


def main() -> None:
    """Entry point of the `respub` script: every failure is one `respub: error:` line
    (exit status 2, 3 for an internal error), a traceback only with `--debug`."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("respub: interrupted", err=True)
        sys.exit(130)
    except Exception as error:
        if _DEBUG["on"]:
            raise
        from respub.errors import problem_of

        found = problem_of(error)
        hint = " (run with --debug for the traceback)" if found.type == "internal-error" else ""
        typer.echo(f"respub: error: {found.line()}{hint}", err=True)
        sys.exit(3 if found.type == "internal-error" else 2)
