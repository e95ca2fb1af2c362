"""HTML documentation of the respub ontology, generated with pyLODE, one page per language.

pyLODE would run the labels of all languages together, so each page documents the
ontology with the literals of its language only: ``index.html`` (English) and
``index.fr.html``, ``index.es.html``, ``index.ar.html``.
"""

from __future__ import annotations

import importlib.metadata
import sys
import types
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal

from respub.rdf.files import ONTOLOGY

LANGUAGES = ("en", "fr", "es", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})


def _ontpub() -> Any:
    """pyLODE's `OntPub` class. pyLODE 3.4 reads its version from a pyproject.toml that its
    wheel does not ship, so its `version` module is provided from the installed metadata."""
    if "pylode.version" not in sys.modules:
        shim = types.ModuleType("pylode.version")
        shim.__dict__["__version__"] = importlib.metadata.version("pylode")
        sys.modules["pylode.version"] = shim
    from pylode import OntPub

    return OntPub


def in_language(ontology: Graph, language: str) -> Graph:
    """The ontology without the language-tagged literals of other languages."""
    graph = Graph()
    for prefix, namespace in ontology.namespaces():
        graph.bind(prefix, namespace)
    for s, p, o in ontology:
        if not (isinstance(o, Literal) and o.language and o.language != language):
            graph.add((s, p, o))
    return graph


def page_name(language: str) -> str:
    """``index.html`` for English, ``index.{language}.html`` for the others."""
    return "index.html" if language == "en" else f"index.{language}.html"


def build_docs(
    out_dir: Path, ontology: Path = ONTOLOGY, languages: tuple[str, ...] = LANGUAGES
) -> Path:
    """Write the documentation pages into `out_dir`; return the path of the first one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    source = Graph().parse(ontology, format="turtle")
    pages = []
    for language in languages:
        html = _ontpub()(ontology=in_language(source, language)).make_html()
        direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
        html = html.replace("<html>", f'<html lang="{language}" dir="{direction}">', 1)
        page = out_dir / page_name(language)
        page.write_text(html, encoding="utf-8")
        pages.append(page)
    return pages[0]
