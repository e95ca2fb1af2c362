"""Legacy encodings parse exactly like their UTF-8 originals; an undecidable text is refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from respub.errors import ParseError
from respub.model import Resolution
from respub.parse import parse_file
from respub.sources.decode import decode

ROOT = Path(__file__).resolve().parents[2]
INTERPOL = ROOT / "corpus" / "interpol"


def _same(a: Resolution, b: Resolution) -> bool:
    return replace(a, source=b.source) == b


@pytest.mark.parametrize(
    ("name", "encoding", "language"),
    [
        ("GA-2021-89-RES-09.ar.txt", "cp1256", None),
        ("GA-2021-89-RES-09.ar.txt", "cp1256", "ar"),
        ("GA-2021-89-RES-09.fr.txt", "cp1252", None),
        ("GA-2021-89-RES-09.fr.txt", "latin-1", None),
        ("GA-2021-89-RES-09.fr.txt", "mac_roman", None),
        ("GA-2021-89-RES-09.es.txt", "cp1252", None),
        ("GA-2021-89-RES-09.es.txt", "mac_roman", "es"),
        # UTF-16 without BOM: Arabic has no NUL byte in every other place, as Latin text has
        ("GA-2021-89-RES-09.ar.txt", "utf-16-le", None),
        ("GA-2021-89-RES-09.ar.txt", "utf-16-be", None),
        ("GA-2021-89-RES-09.fr.txt", "utf-16-le", None),
        ("GA-2021-89-RES-09.es.txt", "utf-16-be", None),
    ],
)
def test_a_legacy_encoding_parses_like_utf8(
    tmp_path: Path, name: str, encoding: str, language: str | None
) -> None:
    original = INTERPOL / name
    copy = tmp_path / name
    copy.write_bytes(original.read_text("utf-8").encode(encoding))
    assert copy.read_bytes() != original.read_bytes()
    parsed = parse_file(copy, language=language)
    assert _same(parsed, parse_file(original, language=language))
    assert parsed.citations == parse_file(original).citations


def test_an_undecidable_text_is_refused_not_mojibake() -> None:
    data = "Texte \x8e\x8f\x9a\x9f \x81\x8d lisible".encode("latin-1")
    with pytest.raises(ParseError, match="cannot tell the text encoding"):
        decode(data, "x.txt")


def test_binary_content_with_nul_bytes_is_refused() -> None:
    data = bytes(range(256)) * 8  # NUL bytes, an even length: it decodes as UTF-16
    with pytest.raises(ParseError, match="not a text file"):
        decode(data, "x.txt")
    with pytest.raises(ParseError, match="not a text file"):
        decode("Résolution".encode("utf-16-le")[:-1], "x.txt")  # an odd length


def test_utf8_is_untouched() -> None:
    assert decode("Résolution ’".encode(), "x.txt") == "Résolution ’"
