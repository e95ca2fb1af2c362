"""Turn the bytes of a text file into a string, whatever its encoding.

Text that is not UTF-8 (nor UTF-16/32) is decoded by charset-normalizer among the legacy
encodings of `data/encodings.yaml`, the language (when known) narrowing the choice; a
decoding is kept only when its non-ASCII characters are letters of the language, else the
file is refused with a clear error: never mojibake.

>>> decode("Resolución aprobada por la Asamblea".encode("cp1252"), "x.txt")
'Resolución aprobada por la Asamblea'
>>> decode("Résolution adoptée à l’unanimité".encode("mac_roman"), "x.txt", "fr")
'Résolution adoptée à l’unanimité'
>>> decode("\\ufeffAprobada\\r\\n".encode("utf-8"), "x.txt")
'Aprobada\\n'
>>> decode("إن الجمعية العامة،\\n".encode("utf-16-le"), "x.txt")  # no BOM
'إن الجمعية العامة،\\n'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache

import charset_normalizer

from respub.errors import ParseError
from respub.packaged import read_data

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str, language: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32, or a legacy encoding of the language
    (Windows-1256 Arabic, Windows-1252/Latin-1/Mac Roman French and Spanish); LF newlines.

    Raises `ParseError` for empty input, bytes that are not text, and text whose legacy
    encoding cannot be told.
    """
    if not data.strip():
        raise ParseError(path, "the file is empty")
    text = _decode(data)
    if text is None and not data.count(0):
        text = _legacy(data, path, language)
    if text is None or _looks_binary(text):
        raise ParseError(path, "not a text file (binary content or unknown encoding)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    if 0 in data:  # UTF-8 text holds no NUL byte: UTF-16 without BOM, or no text
        return _utf16(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes) -> str | None:
    """UTF-16 without BOM in the byte order that reads as text: the one with spaces and line
    ends (in the other, U+0020 reads U+2000). Arabic or Chinese text has no NUL byte in
    every other place, as Latin text has; binary content reads with next to no spaces."""
    read = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        read.append((text.count(" ") + text.count("\n"), text))
    if not read:
        return None
    spaces, text = max(read)
    return text if spaces * 50 >= len(text) else None


@dataclass(frozen=True)
class _Language:
    encodings: tuple[str, ...]
    letters: frozenset[str]


@cache
def _table() -> tuple[dict[str, _Language], frozenset[str], frozenset[str]]:
    data = read_data("encodings.yaml")
    languages = {
        code: _Language(tuple(entry["encodings"]), frozenset(entry["letters"]))
        for code, entry in data["languages"].items()
    }
    return languages, frozenset(data["typographic"]), frozenset(data["inside_word"])


def _legacy(data: bytes, path: str, language: str | None) -> str:
    """The decoding, among the legacy encodings of the language (or of every language
    known), whose non-ASCII characters read best as letters of the language."""
    languages, _, _ = _table()
    chosen = [language] if language in languages else list(languages)
    encodings = list(dict.fromkeys(e for code in chosen for e in languages[code].encodings))
    matches = charset_normalizer.from_bytes(data, cp_isolation=encodings, threshold=0.5)
    scored = sorted(
        ((max(_plausible(str(m), languages[c]) for c in chosen), -m.chaos, str(m), m.encoding)
         for m in matches),
        reverse=True,
    )  # fmt: skip
    if not scored or scored[0][0] < 0.95:
        tried = ", ".join(encodings)
        raise ParseError(
            path, f"cannot tell the text encoding (not UTF-8; tried {tried}); save it as UTF-8"
        )
    best = scored[0]
    rivals = [s for s in scored[1:] if s[2] != best[2] and s[0] >= best[0] - 0.01]
    if rivals and rivals[0][1] == best[1]:
        names = f"{best[3]} or {rivals[0][3]}"
        raise ParseError(path, f"cannot tell the text encoding ({names}); save it as UTF-8")
    return best[2]


def _plausible(text: str, language: _Language) -> float:
    """The share of non-ASCII characters that are letters of `language` where a letter may
    stand, or typographic signs between words: 1.0 for a right decoding."""
    _, typographic, inside = _table()
    good = bad = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in language.letters:
            ok = not (char.isupper() and before.isalpha() and before.islower())
        elif char in typographic:
            ok = char in inside or not (before.isalpha() and after.isalpha())
        else:
            ok = False
        good, bad = (good + 1, bad) if ok else (good, bad + 1)
    return good / (good + bad) if good + bad else 1.0


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
