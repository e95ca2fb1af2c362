"""The typer parameters of `respub publish` and `respub schedule`, derived from the one
declaration of the publish options (`respub.orchestrate.settings.PublishOptions`).

A command written as ``def publish(**values: Any)`` gets, through `with_publish_options`,
a signature typer reads like a hand-written one: an argument for the sources and an option
per field (its flag, help and default from the declaration), so an option added there
appears on both commands and in the README's command table.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar, get_type_hints

import typer

from respub.orchestrate.settings import PublishOptions, option_fields

__all__ = ["publish_parameters", "with_publish_options"]

F = TypeVar("F", bound=Callable[..., Any])


def publish_parameters() -> list[inspect.Parameter]:
    """One keyword parameter per publish option the command line offers."""
    hints = get_type_hints(PublishOptions)
    found = []
    for name, default, info in option_fields():
        if not info.cli:
            continue
        kind = hints[name]
        if getattr(kind, "__origin__", None) is tuple:  # a repeatable value: a list or None
            kind, default = list[str] | None, None
        declared: Any = (
            typer.Argument(help=info.help)
            if info.argument
            else typer.Option(
                info.flag or "--" + name.replace("_", "-"), help=info.help, metavar=info.metavar
            )
        )
        annotation = Annotated[kind, declared]  # type: ignore[valid-type]
        found.append(
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
        )
    return found


def with_publish_options(
    before: Sequence[inspect.Parameter] = (),
) -> Callable[[F], F]:
    """Give a ``**values`` command the publish options (after `before`) as its signature."""

    def decorate(command: F) -> F:
        parameters = [*before, *publish_parameters()]
        command.__signature__ = inspect.Signature(parameters, return_annotation=None)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": None}
        return command

    return decorate
