"""Bad input gets one clear `ParseError` naming the file — never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from respub.errors import ParseError
from respub.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus/interpol/GA-2021-89-RES-09.es.txt"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \n", "the file is empty"),
        ("garbage.txt", os.urandom(4096).replace(b"\n", b"\x00"), "not a text file"),
        ("nonsense.txt", b"Lorem ipsum dolor sit amet, consectetur.\n", "language"),
        (
            "prose.txt",
            b"The weather in the city was fine and the people of the town went to the market.\n",
            "no known deliberative body",
        ),
        (
            "headless.txt",
            "La Asamblea General de la OIPC-INTERPOL se reunió y el resultado de la reunión "
            "fue que no hubo nada de particular.\n".encode(),
            "no preambular or operative clauses",
        ),
        ("unknown.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(ParseError, match=message) as caught:
        parse_file(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read"):
        parse_file(tmp_path / "absent.txt")


def test_unknown_body_forced(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="unknown body 'XX'"):
        parse_file(SEED, body="XX")


def test_no_identifier_names_the_line(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8").replace("GA-2021-89-RES-09", "")
    path = _write(tmp_path, "noid.txt", text.encode())
    with pytest.raises(ParseError, match=r"noid.txt:\d+: no INTERPOL-GA resolution identifier"):
        parse_file(path)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "cp1252", "crlf"],
)
def test_encodings_give_the_same_resolution(tmp_path: Path, encode: object) -> None:
    assert callable(encode)
    text = SEED.read_text("utf-8")
    path = _write(tmp_path, "seed.txt", encode(text))
    parsed = parse_file(path)
    expected = parse_file(SEED)
    assert parsed.preamble == expected.preamble
    assert parsed.operative == expected.operative
    assert parsed.title == expected.title


def test_malformed_front_matter_names_the_line(tmp_path: Path) -> None:
    text = "---\nsymbol: [unclosed\n---\n\nThe General Assembly,\n"
    path = _write(tmp_path, "bad.md", text.encode())
    with pytest.raises(ParseError, match=r"bad.md:\d+: malformed YAML front matter"):
        parse_file(path)
