"""Canonical identifiers of resolutions and decisions, whatever style printed them.

The styles are the one table of `data/identifiers.yaml` (see `respub.knowledge.identifiers`).

>>> canonical("AGN/65/RES/9"), canonical("GA-2021-89-RES-9"), canonical("A/RES/2625 (XXV)")
('AGN/65/RES/9', 'GA-2021-89-RES-09', 'A/RES/2625(XXV)')
>>> canonical("S/RES/2623 (2022)"), canonical("WHA 62.1"), canonical("A/RES/377 A (V)")
('S/RES/2623(2022)', 'WHA62.1', 'A/RES/377A(V)')
>>> canonical("WHA72(9)"), canonical("EB142.R3"), canonical("GC(65)/RES/11")
('WHA72(9)', 'EB142.R3', 'GC(65)/RES/11')
"""

from __future__ import annotations

from respub.knowledge.identifiers import identify


def canonical(identifier: str) -> str:
    """The canonical form of a resolution or decision identifier; `ValueError` if unknown."""
    found = identify(identifier)
    if found is None:
        raise ValueError(f"not a resolution identifier: {identifier!r}")
    return found.canonical


def is_identifier(text: str) -> bool:
    """True when `text` is an identifier `canonical` understands."""
    return identify(text) is not None
