"""Declarations printed on their own: the resolution a title stands for, from data.

>>> declaration_identifier("Universal Declaration of Human Rights", "UN-GA")
'A/RES/217A(III)'
>>> declaration_identifier("Déclaration universelle des droits de l'homme", "UN-GA")
'A/RES/217A(III)'
>>> declaration_identifier("Universal Declaration of Human Rights", "WHO-WHA") is None
True
"""

from __future__ import annotations

from functools import cache

from respub.knowledge.lexicon import fold
from respub.packaged import read_data


@cache
def _titles() -> dict[tuple[str, str], str]:
    """(body, folded title) -> identifier, for every title in `declarations.yaml`."""
    found: dict[tuple[str, str], str] = {}
    for entry in read_data("declarations.yaml") or []:
        for titles in entry["titles"].values():
            for title in titles:
                found[(str(entry["body"]), _key(str(title)))] = str(entry["identifier"])
    return found


def declaration_identifier(title: str, body: str) -> str | None:
    """The identifier of the resolution of `body` printed under `title`, if known."""
    return _titles().get((body, _key(title)))


def _key(title: str) -> str:
    return " ".join(fold(title).split())
