"""The shapes' pattern of a canonical identifier, derived from the one table of identifier
styles (``data/identifiers.yaml``), so that every body of the table can be published.

Run ``python -m respub.validate.identifier_shape`` after editing the table; a test fails
while ``rsh:Resolution-identifier`` in ``shapes/respub.shapes.ttl`` is stale. The pattern
uses plain groups only (no named or non-capturing ones), which the regular expressions of
SPARQL, XML Schema, Python, Java and Rust all read alike.

>>> re.fullmatch(canonical_pattern(), "GA-2021-89-RES-09") is not None
True
>>> re.fullmatch(canonical_pattern(), "WHA 62.1") is None  # printed, not canonical
True
"""

from __future__ import annotations

import re
import sys
from string import Formatter

from respub.knowledge.identifiers import styles
from respub.rdf.files import SHAPES

# what `Style.build` writes for each field of a canonical template; a session (in figures
# or in Roman numerals) with the special-session prefixes its style reads ("ES-11", "S-1")
_FIELDS = {
    "number": "[0-9]{1,4}",
    "suffix": "[A-Z]?",
    "session": "[0-9]{1,3}",
    "year": "[0-9]{4}",
    "numeral": "[IVXLC]+",
    "roman": "[IVXLC]+",
}
_PREFIXES = (("(?:ES-|S-)?", "((ES|S)-)?"), ("(?:S-)?", "(S-)?"))
_SPECIAL = re.compile(r"([.()\[\]{}+*?^$|\\])")
_LINE = re.compile(r'(rsh:Resolution-identifier\n(?:    .*\n)*?    sh:pattern )"[^\n]*" ;')


def canonical_form(template: str, reads: str = "") -> str:
    """The pattern of the identifiers a canonical template writes; `reads`, the style's
    own pattern, tells whether its sessions may be special ones.

    >>> canonical_form("WHA{session}.{number}")
    'WHA[0-9]{1,3}\\\\.[0-9]{1,4}'
    >>> canonical_form("A/HRC/RES/{session}/{number}", "A/HRC/RES/(?P<session>(?:S-)?...")
    'A/HRC/RES/(S-)?[0-9]{1,3}/[0-9]{1,4}'
    """
    prefix = next((plain for python, plain in _PREFIXES if python in reads), "")
    parts = []
    for literal, field, _, _ in Formatter().parse(template):
        parts.append(_SPECIAL.sub(r"\\\1", literal))
        if field is not None:
            parts.append((prefix if field in ("session", "roman") else "") + _FIELDS[field])
    return "".join(parts)


def canonical_pattern() -> str:
    """One anchored alternation of every style's canonical form, in table order."""
    forms = dict.fromkeys(canonical_form(s.canonical, s.pattern.pattern) for s in styles())
    return "^(" + "|".join(forms) + ")$"


def render(shapes: str) -> str:
    """`shapes` (Turtle) with the identifier pattern of `canonical_pattern`."""
    escaped = canonical_pattern().replace("\\", "\\\\")
    rendered, count = _LINE.subn(lambda m: f'{m.group(1)}"{escaped}" ;', shapes)
    if count != 1:
        raise ValueError("shapes: no sh:pattern line in rsh:Resolution-identifier")
    return rendered


def main() -> None:
    """Rewrite the identifier pattern of ``shapes/respub.shapes.ttl``."""
    SHAPES.write_text(render(SHAPES.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"wrote {SHAPES}\n")


if __name__ == "__main__":
    main()
