"""The frozen `Settings` of a release: everything it depends on besides its inputs.

Configuration enters once (CLI options, flow parameters) as a `Settings`; nothing deeper
reads the environment. The release clock is `respub.release_time`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from respub.rdf.iri import DEFAULT_BASE, Iris

__all__ = ["CC_BY_4_0", "Settings"]

CC_BY_4_0 = "https://creativecommons.org/licenses/by/4.0/"


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


def _iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None
