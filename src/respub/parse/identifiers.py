"""Canonical identifiers of resolutions and decisions, whatever style printed them.

>>> canonical("AGN/65/RES/9"), canonical("GA-2021-89-RES-9"), canonical("A/RES/2625 (XXV)")
('AGN/65/RES/9', 'GA-2021-89-RES-09', 'A/RES/2625(XXV)')
>>> canonical("S/RES/2623 (2022)"), canonical("WHA 62.1"), canonical("A/RES/377 A (V)")
('S/RES/2623(2022)', 'WHA62.1', 'A/RES/377A(V)')
"""

from __future__ import annotations

import re

_ROMAN = r"(?:[IVXLC]+|ES-[IVXLC\d]+|S-[IVXLC\d]+)"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^GA-(\d{4})-(\d{1,3})-RES-(\d{1,3})$"), "interpol-ga"),
    (re.compile(r"^AG-(\d{4})-RES-(\d{1,3})$"), "interpol-ag"),
    (re.compile(r"^AGN/(\d{1,3})/RES/(\d{1,3})$"), "interpol-agn"),
    (re.compile(rf"^A/RES/(\d{{1,4}})\s?([A-Z])?\s?\(({_ROMAN})\)$"), "un-ga-roman"),
    (re.compile(r"^A/RES/((?:ES-|S-)?\d{1,3})/(\d{1,4})([A-Z])?$"), "un-ga"),
    (re.compile(r"^S/RES/(\d{1,4})\s?\((\d{4})\)$"), "un-sc"),
    (re.compile(r"^E/RES/(\d{4})/(\d{1,3})([A-Z])?$"), "un-ecosoc"),
    (re.compile(r"^A/HRC/RES/((?:S-)?\d{1,2})/(\d{1,3})$"), "un-hrc"),
    (re.compile(r"^A/DEC/((?:ES-)?\d{1,3})/(\d{1,4})([A-Z])?$"), "un-ga-decision"),
    (re.compile(r"^WHA\s?(\d{1,2})\.(\d{1,3})$"), "who-wha"),
    (re.compile(r"^EB\s?(\d{1,3})\.R(\d{1,3})$"), "who-eb"),
)


def canonical(identifier: str) -> str:
    """The canonical form of a resolution or decision identifier; `ValueError` if unknown."""
    text = re.sub(r"\s+", " ", identifier.strip())
    for pattern, style in _RULES:
        found = pattern.match(text)
        if found:
            return _render(style, found.groups())
    raise ValueError(f"not a resolution identifier: {identifier!r}")


def is_identifier(text: str) -> bool:
    """True when `text` is an identifier `canonical` understands."""
    try:
        canonical(text)
    except ValueError:
        return False
    return True


def _render(style: str, g: tuple[str | None, ...]) -> str:
    suffix = g[-1] or "" if style in ("un-ga", "un-ecosoc", "un-ga-decision") else ""
    match style:
        case "interpol-ga":
            return f"GA-{g[0]}-{int(g[1] or 0)}-RES-{int(g[2] or 0):02d}"
        case "interpol-ag":
            return f"AG-{g[0]}-RES-{int(g[1] or 0):02d}"
        case "interpol-agn":
            return f"AGN/{int(g[0] or 0)}/RES/{int(g[1] or 0)}"
        case "un-ga-roman":
            return f"A/RES/{int(g[0] or 0)}{g[1] or ''}({g[2]})"
        case "un-ga":
            return f"A/RES/{g[0]}/{int(g[1] or 0)}{suffix}"
        case "un-sc":
            return f"S/RES/{int(g[0] or 0)}({g[1]})"
        case "un-ecosoc":
            return f"E/RES/{g[0]}/{int(g[1] or 0)}{suffix}"
        case "un-hrc":
            return f"A/HRC/RES/{g[0]}/{int(g[1] or 0)}"
        case "un-ga-decision":
            return f"A/DEC/{g[0]}/{int(g[1] or 0)}{suffix}"
        case "who-wha":
            return f"WHA{int(g[0] or 0)}.{int(g[1] or 0)}"
        case _:
            return f"EB{int(g[0] or 0)}.R{int(g[1] or 0)}"
