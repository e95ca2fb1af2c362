"""The `respub` command line: a thin group of subcommands over the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from respub.errors import RespubError

DEFAULT_CORPUS = Path("corpus")

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

LangOption = Annotated[str | None, typer.Option("--lang", help="Force the language (en, fr, es, ar).")]
BodyOption = Annotated[
    str | None, typer.Option("--body", help="Force the body (INTERPOL-GA, UN-GA, WHO-WHA).")
]


@app.callback()
def _group() -> None:
    """respub: publish the resolutions of deliberative bodies as linked data."""


def _fail(error: Exception) -> None:
    typer.echo(f"respub: error: {error}", err=True)
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
            str(path), r.identifier, r.body, r.language, str(len(r.preamble)),
            str(len(r.operative)), str(len(r.citations)), r.status or "-",
        )
    console.print(table)
    if failures:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the `respub` script."""
    app()
