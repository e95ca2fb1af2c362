"""Turn the bytes of a text file into a string, whatever its encoding.

>>> decode("Resolución".encode("cp1252"), "x.txt")
'Resolución'
>>> decode("\\ufeffAprobada\\r\\n".encode("utf-8"), "x.txt")
'Aprobada\\n'
"""

from __future__ import annotations

import codecs

from respub.errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32, or Windows-1252/Latin-1; LF newlines.

    Raises `ParseError` for empty input and for bytes that are not text.
    """
    if not data.strip():
        raise ParseError(path, "the file is empty")
    text = _decode(data)
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
    if len(data) >= 4 and data.count(0) > len(data) // 4:
        # UTF-16 without BOM: every other byte of Latin text is zero
        encoding = "utf-16-le" if data[1] == 0 else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
