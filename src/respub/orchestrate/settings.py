"""The options of a publish run, declared once, and the frozen `Settings` built from them.

`PublishOptions` is the one declaration of what `respub publish`, `respub schedule`, the
`publish_resolutions` flow and its deployments accept: each field carries its default and
its help text. The CLI derives its typer options from it (`respub.cli_options`), the
schedule passes `PublishOptions.parameters()` as the deployment's parameters, and the flow,
whose signature Prefect reads from its source, takes its defaults from `DEFAULTS`;
tests/orchestrate/test_options.py fails when any of them drifts from this declaration.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from respub.settings import Settings

__all__ = [
    "DEFAULTS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_CRON",
    "DEFAULT_OUTPUT",
    "DEFAULT_RUNNER",
    "DEFAULT_SOURCES",
    "RUNNERS",
    "OptionInfo",
    "PublishOptions",
    "make_settings",
    "option_fields",
]

DEFAULT_SOURCES = "corpus/sample.yaml"  # as `respub publish` (one source per expression)
DEFAULT_OUTPUT = "output"
DEFAULT_BATCH_SIZE = 100
DEFAULT_RUNNER = "processes"
DEFAULT_CRON = "0 3 * * *"  # `respub schedule`: every night at 03:00

Runner = Literal["processes", "threads", "dask"]
RUNNERS: tuple[str, ...] = get_args(Runner)
"""The task runners of the document batches (`respub.orchestrate.runners`)."""


@dataclass(frozen=True)
class OptionInfo:
    """How an option is offered: its help, its flag (default ``--field-name``) and value's
    name, whether it is the command's positional argument, whether the command line offers
    it at all."""

    help: str
    flag: str | None = None
    metavar: str | None = None
    argument: bool = False
    cli: bool = True


def _option(default: Any, help: str, **how: Any) -> Any:
    return field(default=default, metadata={"option": OptionInfo(help, **how)})


@dataclass(frozen=True)
class PublishOptions:
    """The options of a publish run (sequences are tuples of strings: JSON-able, hashable).

    >>> PublishOptions.of(["corpus"], out=Path("out"), batch_size=2).parameters()["out"]
    'out'
    >>> PublishOptions(batch_size=0).check()
    Traceback (most recent call last):
    ...
    ValueError: --batch-size must be at least 1, not 0
    """

    sources: tuple[str, ...] = _option(
        (DEFAULT_SOURCES,),
        f"Folders, globs or manifests (.yaml/.csv). Default: {DEFAULT_SOURCES}.",
        argument=True,
    )
    out: str = _option(DEFAULT_OUTPUT, "Output folder.")
    base_iri: str | None = _option(
        None, "Base IRI of the published data (default https://data.respub.org/)."
    )
    batch_size: int = _option(DEFAULT_BATCH_SIZE, "Documents per task.")
    runner: str = _option(DEFAULT_RUNNER, "processes (both cores), threads or dask.")
    dask_address: str | None = _option(None, "tcp://host:8786 (default: a LocalCluster).")
    dask_workers: int | None = _option(
        None, "Workers of the local Dask cluster (default: one per core).", cli=False
    )
    allow_quarantine: bool = _option(False, "Exit 0 even when documents were quarantined.")
    allow_private_network: bool = _option(
        False, "Let HTTP sources reach private, loopback and link-local addresses."
    )
    rehash: bool = _option(
        False,
        "Hash every source's bytes again, trusting no recorded size, times and inode.",
    )
    allowed_roots: tuple[str, ...] = _option(
        (),
        "A folder manifest entries may name besides their own.",
        flag="--allow-root",
        metavar="FOLDER",
    )

    @classmethod
    def of(cls, sources: Sequence[str | Path] | None = None, **values: Any) -> PublishOptions:
        """Options from loose values: paths and lists become strings and tuples; None (or
        an empty list of sources) keeps the default; an unknown name is a `TypeError`."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise TypeError(f"unknown publish options: {', '.join(unknown)}")
        given = {"sources": sources, **values}
        chosen = {k: _plain(v) for k, v in given.items() if v is not None and v != []}
        return cls(**chosen)

    def check(self) -> None:
        """`ValueError` on options that cannot work together (before anything starts)."""
        if self.batch_size < 1:
            raise ValueError(f"--batch-size must be at least 1, not {self.batch_size}")
        if self.runner not in RUNNERS:
            raise ValueError(f"--runner must be one of {', '.join(RUNNERS)}, not {self.runner!r}")
        if self.dask_address is not None and self.runner != "dask":
            raise ValueError("--dask-address needs --runner dask")

    def parameters(self) -> dict[str, Any]:
        """The flow's parameters (JSON: lists, not tuples)."""
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
            for f in fields(self)
        }


DEFAULTS = PublishOptions()


def option_fields() -> Iterator[tuple[str, Any, OptionInfo]]:
    """Each option: its name, default and `OptionInfo`, in declaration order."""
    for found in fields(PublishOptions):
        yield found.name, found.default, found.metadata["option"]


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return value


def make_settings(
    *,
    out: str | Path = DEFAULT_OUTPUT,
    base_iri: str | None = None,
    release_time: datetime | None = None,
) -> Settings:
    """`Settings` for a run; `ValueError` on a bad base IRI or a naive release time.

    Unset options keep `Settings`' defaults; an unset release time is pinned later to the
    latest source modification time (by the publish flow).
    """
    if base_iri is None:
        return Settings(output_dir=Path(out), release_time=release_time)
    return Settings(output_dir=Path(out), base_iri=base_iri, release_time=release_time)
