"""The release history, its Atom feed (RFC 4287) and the sitemap.

The history is carried from release to release (`site/history.json`), so the feed keeps
entries for releases that have since been pruned.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["HISTORY", "atom_feed", "history", "history_bytes", "read_history", "sitemap"]

HISTORY = "history.json"
ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_KINDS = ("added", "changed", "removed")


def read_history(data: bytes | None) -> list[dict[str, Any]]:
    """The history a previous release carried (newest first); empty when unreadable."""
    if not data:
        return []
    try:
        found = json.loads(data)
    except ValueError:
        return []
    return (
        [r for r in found if isinstance(r, dict) and "release" in r]
        if isinstance(found, list)
        else []
    )


def history(
    previous: Sequence[Mapping[str, Any]],
    release: str,
    time: str,
    changes: Mapping[str, Any],
    titles: Mapping[str, str],
) -> list[dict[str, Any]]:
    """This release's record (from its `CHANGES.json`) followed by the earlier ones."""
    record: dict[str, Any] = {"release": release, "time": time, "previous": changes.get("previous")}
    for kind in _KINDS:
        record[kind] = [
            {
                "identifier": c.get("identifier", ""),
                "language": c.get("language", ""),
                "expression_iri": c.get("expression_iri", ""),
                "title": titles.get(str(c.get("expression_iri")), ""),
                "details": list(c.get("details", [])),
            }
            for c in changes.get(kind, [])
        ]
    earlier = [dict(r) for r in previous if r.get("release") != release]
    return [record, *earlier]


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom_feed(records: Sequence[Mapping[str, Any]], base: str, title: str, publisher: str) -> bytes:
    """The Atom feed of releases: one entry per release, naming what it added, changed, removed."""
    ET.register_namespace("", ATOM)
    a = f"{{{ATOM}}}"
    feed = ET.Element(f"{a}feed")
    _text(feed, f"{a}id", f"{base}feed.atom")
    _text(feed, f"{a}title", f"{title}: releases")
    _text(feed, f"{a}updated", records[0]["time"] if records else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{a}author")
    _text(author, f"{a}name", publisher)
    ET.SubElement(feed, f"{a}link", {"rel": "self", "href": f"{base}feed.atom"})
    ET.SubElement(feed, f"{a}link", {"rel": "alternate", "href": base, "type": "text/html"})
    for record in records:
        entry = ET.SubElement(feed, f"{a}entry")
        release = str(record["release"])
        _text(entry, f"{a}id", f"{base}dataset/{release}")
        _text(entry, f"{a}title", f"Release {release}")
        _text(entry, f"{a}updated", str(record["time"]))
        ET.SubElement(
            entry,
            f"{a}link",
            {
                "rel": "alternate",
                "href": f"{base}releases/{release}/CHANGES.md",
                "type": "text/markdown",
            },
        )
        counts = ", ".join(f"{len(record.get(k, []))} {k}" for k in _KINDS)
        _text(entry, f"{a}summary", f"{counts}.")
        _text(entry, f"{a}content", _changes_text(record), type="text")
    return _document(feed)


def _changes_text(record: Mapping[str, Any]) -> str:
    lines = []
    for kind in _KINDS:
        for change in record.get(kind, []):
            title = f": {change['title']}" if change.get("title") else ""
            lines.append(
                f"{kind.capitalize()} {change['identifier']} ({change['language']}){title}"
                f" <{change['expression_iri']}>"
            )
    return "\n".join(lines) or "No resolution changed."


def sitemap(iris: Iterable[str], lastmod: str) -> bytes:
    """`sitemap.xml` of the pages' IRIs."""
    ET.register_namespace("", _SITEMAP)
    s = f"{{{_SITEMAP}}}"
    urlset = ET.Element(f"{s}urlset")
    for iri in sorted(set(iris)):
        url = ET.SubElement(urlset, f"{s}url")
        _text(url, f"{s}loc", iri)
        _text(url, f"{s}lastmod", lastmod[:10])
    return _document(urlset)


def _document(root: ET.Element) -> bytes:
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def history_bytes(records: Sequence[Mapping[str, Any]]) -> bytes:
    """`history.json`."""
    return (json.dumps(list(records), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
