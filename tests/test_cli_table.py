"""The README's command table is generated from the CLI: it fails when stale."""

from __future__ import annotations

from pathlib import Path

from respub.cli_table import BEGIN, command_table, render_readme

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_command_table_is_generated_from_the_cli() -> None:
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "README.md is stale: run python -m respub.cli_table"


def test_every_option_of_every_command_is_in_the_table() -> None:
    import typer

    from respub.cli import app

    table = command_table()
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"`respub {name}" in table
        for param in command.params:
            if getattr(param, "param_type_name", "") == "option" and param.name != "help":
                assert max(param.opts, key=len) in table, (name, param.opts)
    assert BEGIN in README.read_text(encoding="utf-8")
