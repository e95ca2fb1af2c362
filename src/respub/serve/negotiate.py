"""Content and language negotiation: pick what to send from `Accept` and `Accept-Language`.

>>> choose_media("text/turtle;q=0.9, application/ld+json", RDF_PAGES)
'application/ld+json'
>>> choose_media("text/html,application/xhtml+xml,*/*;q=0.8", RDF_PAGES)
'text/html'
>>> choose_media("image/png", RDF_PAGES) is None
True
>>> choose_language("fr-CH, fr;q=0.9, en;q=0.8", ["ar", "en", "es", "fr"])
'fr'
>>> choose_language("", ["ar", "es"], default="en")
'ar'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AKN",
    "GRAPH_MEDIA",
    "OFFERS",
    "RDF_PAGES",
    "RESULTS_MEDIA",
    "SUFFIXES",
    "choose_language",
    "choose_media",
    "parse_header",
]

# What a resource is offered as, in the server's order of preference.
RDF_PAGES = ("text/html", "text/turtle", "application/ld+json", "application/n-triples")
AKN = "application/akn+xml"  # a language version's Akoma Ntoso file, when the release has it
OFFERS = (*RDF_PAGES, AKN)
SUFFIXES = {
    ".html": "text/html",
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".akn": AKN,
}
# SPARQL answers: SELECT/ASK results, CONSTRUCT/DESCRIBE graphs (media type → format name).
RESULTS_MEDIA = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
_ALIASES = {"application/xhtml+xml": "text/html"}


def parse_header(value: str | None) -> list[tuple[str, float]]:
    """The items of an `Accept`-style header with their q-values, best first (stable).

    >>> parse_header("text/html;q=0.5, text/turtle")
    [('text/turtle', 1.0), ('text/html', 0.5)]
    """
    items: list[tuple[str, float, int]] = []
    for index, part in enumerate((value or "").split(",")):
        name, *params = (p.strip() for p in part.split(";"))
        if not name:
            continue
        quality = 1.0
        for param in params:
            key, _, number = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(number)))
                except ValueError:
                    quality = 0.0
        items.append((name.lower(), quality, index))
    items.sort(key=lambda item: (-item[1], item[2]))
    return [(name, quality) for name, quality, _ in items]


def choose_media(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers most; None when it accepts none of them.

    Each offered type takes the q-value of the most specific range that matches it
    (RFC 9110); ties go to the server's order. No `Accept` header means anything.
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = [(_ALIASES.get(name, name), quality) for name, quality in parse_header(accept)]
    best: tuple[float, str] | None = None
    for media in offered:
        quality = _quality(media, ranges)
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, media)
    return best[1] if best else None


def _quality(media: str, ranges: Sequence[tuple[str, float]]) -> float:
    found: tuple[int, float] | None = None
    for name, quality in ranges:
        if name == media:
            specificity = 2
        elif name.endswith("/*") and media.startswith(name[:-1]):
            specificity = 1
        elif name == "*/*":
            specificity = 0
        else:
            continue
        if found is None or specificity > found[0]:
            found = (specificity, quality)
    return found[1] if found else 0.0


def choose_language(accept: str | None, available: Sequence[str], default: str = "en") -> str:
    """The available language the client prefers; else `default` if available, else the first."""
    for name, quality in parse_header(accept):
        if quality <= 0:
            continue
        if name == "*":
            break
        for language in available:
            if language.lower() == name or name.split("-")[0] == language.lower():
                return language
    return default if default in available else available[0]
