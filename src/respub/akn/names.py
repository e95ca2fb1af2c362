"""The /akn/ FRBR names of a resolution (the Akoma Ntoso naming convention), from data.

The conventions per body live in ``data/akn.yaml``; the number segment is the key of the
work's respub IRI, so an /akn/ name and a respub IRI name the same work.

>>> from datetime import date
>>> from respub.model import Resolution, Source
>>> r = Resolution("A/RES/80/2", "UN-GA", "en", Source("x", "0" * 64, "text/plain"),
...                adopted=date(2025, 10, 14))
>>> names = AknNames.of(r)
>>> names.work
'/akn/un/statement/deliberation/un-ga/2025-10-14/80-2'
>>> names.expression
'/akn/un/statement/deliberation/un-ga/2025-10-14/80-2/eng@'
>>> names.manifestation
'/akn/un/statement/deliberation/un-ga/2025-10-14/80-2/eng@/!main.akn'
>>> names.component("annex_1")
'/akn/un/statement/deliberation/un-ga/2025-10-14/80-2/eng@/!annex_1'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from respub.knowledge.profiles import profiles
from respub.model import Resolution
from respub.packaged import read_data
from respub.rdf.iri import WorkIri, body_segment

DOCUMENT_TYPE = "statement"
SUBTYPE = "deliberation"


@dataclass(frozen=True)
class BodyNaming:
    """How the /akn/ names of one body's resolutions are made."""

    jurisdiction: str
    name: str
    first_session_year: int | None = None


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data("akn.yaml")
    return data


def body_naming(code: str) -> BodyNaming:
    """The /akn/ conventions of a body, from ``data/akn.yaml``.

    A body the file lacks is named after its organisation, the first part of its IRI
    segment (``iaea-gc`` → ``iaea``), and its profile's English name:

    >>> body_naming("UN-GA").jurisdiction, body_naming("XYZ-GC").jurisdiction
    ('un', 'xyz')
    """
    found = _data()["bodies"].get(code)
    if found is None:
        segment = body_segment(code)
        profile = profiles().get(code)
        name = profile.names.get("en", code) if profile is not None else code
        return BodyNaming(jurisdiction=segment.partition("-")[0], name=name)
    first = found.get("first_session_year")
    return BodyNaming(
        jurisdiction=str(found["jurisdiction"]),
        name=str(found["name"]),
        first_session_year=int(first) if first is not None else None,
    )


def language_code(language: str) -> str:
    """The ISO 639-2 code of a language, as /akn/ expression names use it (``en`` → ``eng``)."""
    found = _data()["languages"].get(language)
    if found is None:
        raise ValueError(f"no ISO 639-2 code for language {language!r} (data/akn.yaml)")
    return str(found)


@dataclass(frozen=True)
class AknNames:
    """The FRBR work, expression and manifestation names of one language version."""

    work: str
    expression: str
    date: date
    date_name: str
    date_segment: str
    jurisdiction: str
    language: str

    @classmethod
    def of(cls, resolution: Resolution) -> AknNames:
        """The names of a resolution; `ValueError` when it has no resolution identifier."""
        naming = body_naming(resolution.body)
        parsed = WorkIri.parse(resolution.identifier)
        when, date_name = work_date(resolution, parsed, naming)
        segment = str(when.year) if date_name == "year" else when.isoformat()
        number = f"{parsed.period}-{parsed.number}" if parsed.period else parsed.number
        actor = body_segment(resolution.body)
        work = f"/akn/{naming.jurisdiction}/{DOCUMENT_TYPE}/{SUBTYPE}/{actor}/{segment}/{number}"
        language = language_code(resolution.language)
        return cls(
            work=work,
            expression=f"{work}/{language}@",
            date=when,
            date_name=date_name,
            date_segment=segment,
            jurisdiction=naming.jurisdiction,
            language=language,
        )

    @property
    def manifestation(self) -> str:
        """The name of the Akoma Ntoso XML file of the expression."""
        return f"{self.expression}/!main.akn"

    def component(self, name: str) -> str:
        """The name of a component of the expression: ``{expression}/!annex_1``."""
        return f"{self.expression}/!{name}"


def work_date(resolution: Resolution, parsed: WorkIri, naming: BodyNaming) -> tuple[date, str]:
    """The date of the work's name and what it is (the FRBRdate's name), by the rule of
    ``data/akn.yaml``: the adoption, the session's last day, its first day, the year of
    the identifier, the year of the session by the body's session table.

    >>> from respub.model import Source
    >>> r = Resolution("WHA66.10", "WHO-WHA", "en", Source("x", "", ""))
    >>> work_date(r, WorkIri.parse(r.identifier), body_naming("WHO-WHA"))
    (datetime.date(2013, 1, 1), 'year')
    """
    if resolution.adopted is not None:
        return resolution.adopted, "adoption"
    session = resolution.session
    if session is not None and session.end is not None:
        return session.end, "sessionEnd"
    if session is not None and session.start is not None:
        return session.start, "sessionStart"
    period = parsed.period or ""
    if len(period) == 4 and period.isdigit():
        return date(int(period), 1, 1), "year"
    if period.isdigit() and naming.first_session_year is not None:
        return date(naming.first_session_year + int(period) - 1, 1, 1), "year"
    raise ValueError(
        f"{resolution.source.path}: no date to name {resolution.identifier!r} in Akoma Ntoso"
        " (no adoption date, session dates or year printed, and no session table for"
        f" {resolution.body}): give `date:` in the front matter, or the body's"
        " `first_session_year` in data/akn.yaml if its sessions are annual"
    )
