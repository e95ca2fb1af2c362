"""A manifest lists the sources to fetch: one entry per document, in YAML or CSV.

YAML is a list of mappings, or a mapping whose key ``sources`` holds that list;
CSV has a header row. Each entry has a ``url`` (http/https URL or a local path)
and, optionally, ``language`` (two-letter BCP 47), ``body`` and ``identifier``.

>>> entries = parse_yaml("- url: https://example.org/r1.pdf\\n  language: EN\\n", "m.yaml")
>>> entries[0]
ManifestEntry(url='https://example.org/r1.pdf', language='en', body=None, identifier=None)
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from respub.packaged import read_yaml_text

FIELDS = ("url", "language", "body", "identifier")
_LANGUAGE = re.compile(r"[A-Za-z]{2}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class ManifestEntry:
    """One source to fetch; `url` is an http(s) URL or a local path as written."""

    url: str
    language: str | None = None
    body: str | None = None
    identifier: str | None = None

    @property
    def is_remote(self) -> bool:
        """True when `url` is an http or https URL, False for a local path."""
        return urlsplit(self.url).scheme.lower() in ("http", "https")


def read_manifest(path: Path) -> tuple[ManifestEntry, ...]:
    """Read a ``.yaml``/``.yml`` or ``.csv`` manifest; raise `ValueError` on a bad one."""
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read manifest: {error}") from error
    if suffix in (".yaml", ".yml"):
        return parse_yaml(text, str(path))
    if suffix == ".csv":
        return parse_csv(text, str(path))
    raise ValueError(f"{path}: unknown manifest format {suffix!r} (expected .yaml, .yml or .csv)")


def parse_yaml(text: str, where: str) -> tuple[ManifestEntry, ...]:
    """Parse a YAML manifest; `where` names it in errors.

    >>> parse_yaml("sources:\\n  - {url: a.pdf, body: WHO}\\n", "m.yaml")[0].body
    'WHO'
    """
    try:  # YAML 1.2's booleans: `language: no` is a word
        document = read_yaml_text(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{where}: not valid YAML: {error}") from error
    if isinstance(document, Mapping):
        extra = sorted(str(key) for key in document if key != "sources")
        if extra:
            raise ValueError(f"{where}: unknown top-level key(s) {extra} (expected 'sources')")
        document = document.get("sources")
    if not isinstance(document, list) or not document:
        raise ValueError(f"{where}: expected a non-empty list of sources (or 'sources:' with one)")
    entries: list[tuple[str, ManifestEntry]] = []
    for number, item in enumerate(document, start=1):
        place = f"{where}: entry {number}"
        if not isinstance(item, Mapping):
            raise ValueError(f"{place}: expected a mapping, got {type(item).__name__}")
        entries.append((place, _entry(item, place)))
    return _checked(entries)


def parse_csv(text: str, where: str) -> tuple[ManifestEntry, ...]:
    """Parse a CSV manifest with a header row; errors name the line.

    >>> parse_csv("url,language\\nhttps://example.org/a.html,fr\\n", "m.csv")[0].language
    'fr'
    """
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise ValueError(f"{where}: empty manifest (expected a header row with 'url')")
    names = [name.strip().lower() for name in header]
    unknown = [name for name in names if name not in FIELDS]
    if unknown or "url" not in names or len(set(names)) != len(names):
        raise ValueError(
            f"{where}: line 1: bad header {header} (columns: url, and optionally "
            f"{', '.join(FIELDS[1:])}; each once)"
        )
    entries: list[tuple[str, ManifestEntry]] = []
    for row in reader:
        place = f"{where}: line {reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            raise ValueError(f"{place}: expected {len(names)} fields, got {len(row)}")
        entries.append((place, _entry(dict(zip(names, row, strict=True)), place)))
    if not entries:
        raise ValueError(f"{where}: no sources listed")
    return _checked(entries)


def _entry(item: Mapping[Any, Any], place: str) -> ManifestEntry:
    unknown = sorted(str(key) for key in item if key not in FIELDS)
    if unknown:
        raise ValueError(f"{place}: unknown field(s) {unknown} (allowed: {', '.join(FIELDS)})")
    values = {name: _text(item.get(name), name, place) for name in FIELDS}
    url = values["url"]
    if url is None:
        raise ValueError(f"{place}: missing 'url'")
    scheme = urlsplit(url).scheme.lower()
    if _SCHEME.match(url) and len(scheme) > 1 and scheme not in ("http", "https"):
        raise ValueError(f"{place}: url {url!r} is neither an http(s) URL nor a local path")
    if scheme in ("http", "https") and not urlsplit(url).netloc:
        raise ValueError(f"{place}: url {url!r} has no host")
    language = values["language"]
    if language is not None:
        if not _LANGUAGE.fullmatch(language):
            raise ValueError(f"{place}: language {language!r} is not a two-letter code")
        language = language.lower()
    return ManifestEntry(url, language, values["body"], values["identifier"])


def _text(value: object, name: str, place: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and name == "identifier":
        value = str(value)
    if not isinstance(value, str):
        hint = " (quote it in YAML)" if isinstance(value, bool) else ""
        raise ValueError(f"{place}: {name} must be text, got {value!r}{hint}")
    return value.strip() or None


def _checked(entries: list[tuple[str, ManifestEntry]]) -> tuple[ManifestEntry, ...]:
    first: dict[str, str] = {}
    for place, entry in entries:
        if entry.url in first:
            raise ValueError(f"{place}: url {entry.url!r} already listed ({first[entry.url]})")
        first[entry.url] = place.rsplit(": ", 1)[-1]
    return tuple(entry for _, entry in entries)
