"""Normalise extracted text before it is split into blocks."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")


def clean_text(text: str) -> str:
    """Unify spaces and drop trailing blanks on each line; keep the words as printed."""
    lines = (_SPACES.sub(" ", line).rstrip() for line in text.split("\n"))
    return "\n".join(lines)
