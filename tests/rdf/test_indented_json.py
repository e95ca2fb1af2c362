"""`indented_json`: json.dumps(indent=2) with a prefix per line, fast, and safe for every
character a literal may hold."""

from __future__ import annotations

import json
import textwrap

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from respub.publish.dumps import Document, expression_files_of
from respub.rdf.iri import DEFAULT_BASE
from respub.rdf.jsonld import indented_json

VALUES = [
    {},
    [],
    "plain",
    {"id": "x", "type": ["A", "B"], "n": [1, -2, 3.5, True, False, None], "e": {}, "l": []},
    {"title": {"en": 'a "quoted"\ttab\\', "ar": "قرار"}, "deep": [[{"k": [{}]}]]},
]


def test_the_same_text_as_json_dumps_indented() -> None:
    for value in VALUES:
        expected = json.dumps(value, ensure_ascii=False, indent=2)
        assert indented_json(value) == expected
        assert indented_json(value, "    ") == textwrap.indent(expected, "    ")


def test_a_line_separator_in_a_literal_stays_in_the_jsonld_file() -> None:
    """textwrap.indent took U+2028 and U+0085 for line ends and put four spaces into the
    literal of a version's JSON-LD file (its Turtle kept the text)."""
    text = "first\u2028second\x85third"
    subject = f"{DEFAULT_BASE}/resolution/un-ga/80/1/en"
    triple = Triple(
        NamedNode(subject),
        NamedNode("https://respub.org/ontology#title"),
        Literal(text, language="en"),
    )
    document = Document(subject, f"{triple} .\n", "")
    files = expression_files_of(DEFAULT_BASE, document)
    (jsonld,) = [data for name, data in files.items() if name.endswith(".jsonld")]
    found = [q.object for q in parse(jsonld, format=RdfFormat.JSON_LD)]
    assert found == [Literal(text, language="en")]
