"""Readable Turtle (respub.rdf.turtle): prefixes, reading order, escaping, determinism.

Every file is read back by rdflib and, where installed, by raptor's `rapper` (an
independent parser), and compared with the triples it was written from.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from respub.model import Resolution
from respub.process import canonical_ntriples
from respub.publish.terms import sorted_triples
from respub.rdf.mapping import to_triples
from respub.rdf.serialize import prefixes, serialize
from respub.rdf.standard import ELI
from respub.rdf.turtle import document_body, ntriples_body, prefix_header, turtle

RAPPER = shutil.which("rapper")
NEEDS_RAPPER = pytest.mark.skipif(
    RAPPER is None,
    reason="needs rapper: install Debian's raptor2-utils (apt-get install raptor2-utils)",
)
PREFIXES = prefixes()
XSD = "http://www.w3.org/2001/XMLSchema#"
SUBJECT = re.compile(r"^(\S+) ", re.MULTILINE)


def ntriples_graph(triples: Sequence[Triple]) -> Graph:
    data = b"".join(f"{t.subject} {t.predicate} {t.object} .\n".encode() for t in triples) or b"\n"
    return Graph().parse(data=data, format="nt")


def rapper_ntriples(data: bytes, tmp_path: Path) -> Graph:
    """The graph raptor reads from Turtle `data` (it fails on any syntax error)."""
    path = tmp_path / "data.ttl"
    path.write_bytes(data)
    done = subprocess.run(
        [str(RAPPER), "-q", "-i", "turtle", "-o", "ntriples", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return Graph().parse(data=done.stdout or b"\n", format="nt")


def expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local


def subjects_of(body: str) -> list[str]:
    """The subjects of a body as written (each statement starts at a line's first column)."""
    return [expand(s) if not s.startswith("<") else s[1:-1] for s in SUBJECT.findall(body)]


def test_rdflib_reads_back_the_same_graph(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    data = serialize(triples, "turtle")
    assert isomorphic(Graph().parse(data=data, format="turtle"), ntriples_graph(triples))


@NEEDS_RAPPER
def test_rapper_reads_back_the_same_graph(sample: tuple[str, Resolution], tmp_path: Path) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    graph = rapper_ntriples(serialize(triples, "turtle"), tmp_path)
    assert isomorphic(graph, ntriples_graph(triples))


def test_every_namespace_has_a_prefix(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    text = serialize(to_triples(resolution), "turtle").decode()
    header, body = text.split("\n\n", 1)
    assert header == prefix_header(PREFIXES).strip()
    assert not re.search(r"\bns\d+:", text)
    for iri in set(PREFIXES.values()) - {PREFIXES["body"]}:  # bodies: "un-ga" is a name
        assert f"<{iri}" not in body, iri  # every term under a namespace: a prefixed name
    for used in set(re.findall(r"(?<![\w<\"])([a-z][\w-]*):[A-Za-z_]", text)) - {"http", "https"}:
        assert f"@prefix {used}: " in text, used
    assert "document-type:resolution" in text and "language:" in text


def test_reading_order(interpol_es: Resolution) -> None:
    triples = to_triples(interpol_es)
    order = subjects_of(document_body(reversed(triples), PREFIXES))
    work = order[0]
    assert work == "https://data.respub.org/resolution/interpol-ga/2021/9"
    expression = f"{work}/es"
    assert order[1] == expression
    clauses = [s for s in order if "#preamble" in s or "#operative" in s]
    preamble = [s for s in clauses if s.startswith(f"{expression}#preamble-")]
    operative = [s for s in clauses if s.startswith(f"{expression}#operative-")]
    assert preamble and operative
    assert order.index(preamble[-1]) < order.index(operative[0])
    assert [int(s.rsplit("-", 1)[1]) for s in preamble] == list(range(1, len(preamble) + 1))
    citations = [s for s in order if "#citation-" in s]
    assert citations and max(order.index(c) for c in clauses) < order.index(citations[0])
    numbers = [int(c.rsplit("-", 1)[1]) for c in citations]
    assert numbers == sorted(numbers)
    rest = order[order.index(citations[-1]) + 1 :]
    assert f"{expression}.ttl" in rest  # files come after the citations
    for subdivision in (s for s in order if s.startswith(f"{work}#operative-")):
        assert order[order.index(subdivision) + 1] == subdivision.replace(work, expression)


def test_subparagraphs_follow_their_paragraph(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    written = subjects_of(document_body(triples, PREFIXES))
    # a work's subdivision comes just before the clause of this version realizing it
    for at, subject in enumerate(written):
        if re.search(r"/\d+#operative-", subject):
            realized = {
                str(o) for o in ntriples_graph(triples).objects(URIRef(subject), ELI.is_realized_by)
            }
            assert written[at + 1] in realized, subject
    order = [s for s in written if not re.search(r"/\d+#", s)]
    for clause in (s for s in order if re.search(r"/[a-z]{2}#operative-\d+$", s)):
        below = [s for s in order if s.startswith(f"{clause}-")]
        at = order.index(clause)
        assert order[at + 1 : at + 1 + len(below)] == below


def test_body_and_header_concatenate(interpol_es: Resolution, un_en: Resolution) -> None:
    """Bodies under one header: valid Turtle, the union of the graphs."""
    first, second = to_triples(interpol_es), to_triples(un_en)
    data = prefix_header(PREFIXES) + document_body(first, PREFIXES)
    data += document_body(second, PREFIXES) + document_body(first, PREFIXES)
    graph = Graph().parse(data=data, format="turtle")
    assert isomorphic(graph, ntriples_graph([*first, *second]))


def test_order_of_the_input_does_not_matter(sample: tuple[str, Resolution]) -> None:
    _, resolution = sample
    triples = to_triples(resolution)
    shuffled = list(triples)
    random.Random(7).shuffle(shuffled)
    assert turtle(shuffled, PREFIXES) == turtle(triples, PREFIXES)


DETERMINISM = """
import sys
from pathlib import Path
from respub.rdf.mapping import to_triples
from respub.rdf.serialize import serialize
from support import load_helper
samples = load_helper(Path(sys.argv[1]))
for name in sorted(samples.SAMPLES):
    sys.stdout.buffer.write(serialize(to_triples(samples.SAMPLES[name]()), "turtle"))
"""


@pytest.mark.slow
def test_bytes_do_not_depend_on_the_hash_seed() -> None:
    tests = Path(__file__).resolve().parents[1]
    outputs = []
    for seed in ("1", "2024"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(tests)}
        done = subprocess.run(
            [sys.executable, "-c", DETERMINISM, str(tests / "rdf" / "rdf_samples.py")],
            capture_output=True,
            env=env,
            timeout=120,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1]


# Tricky literal values: quotes, backslashes, line breaks, control characters, Arabic, RTL
# marks, combining accents, astral characters, triple quotes, Turtle-looking text.
TRICKY = st.text(
    st.one_of(
        st.sampled_from(list("\"'\\\n\r\t\x00\x08\x0c\x1f\x7f\u200f\u2028\u00e9\u0301")),
        st.sampled_from(list("قرار الجمعية العامة ١٢٣")),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=40,
)
LANGUAGES = st.sampled_from(["en", "fr", "es", "ar", "en-GB", "zh-Hant-TW", "x-private"])
DATATYPES = st.sampled_from(
    [f"{XSD}string", f"{XSD}integer", f"{XSD}date", "https://ex.org/type#t"]
)


@st.composite
def literals(draw: st.DrawFn) -> Literal:
    value = draw(TRICKY)
    kind = draw(st.sampled_from(["plain", "language", "datatype", "integer", "boolean"]))
    if kind == "language":
        return Literal(value, language=draw(LANGUAGES))
    if kind == "datatype":
        return Literal(value, datatype=NamedNode(draw(DATATYPES)))
    if kind == "integer":
        number = draw(st.sampled_from(["0", "-12", "007", "+3", "12345678901234567890"]))
        return Literal(number, datatype=NamedNode(f"{XSD}integer"))
    if kind == "boolean":
        value = draw(st.sampled_from(["true", "false", "1"]))
        return Literal(value, datatype=NamedNode(f"{XSD}boolean"))
    return Literal(value)


def _triples(objects: list[Literal]) -> list[Triple]:
    subject = NamedNode("https://data.respub.org/resolution/un-ga/80/1/en")
    text = NamedNode("https://respub.org/ontology#text")
    return [Triple(subject, text, o) for o in objects]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(literals(), min_size=1, max_size=6))
def test_tricky_literals_round_trip(objects: list[Literal]) -> None:
    triples = _triples(objects)
    data = turtle(triples, PREFIXES)
    read = {q.triple for q in parse(data, format=RdfFormat.TURTLE)}
    assert read == set(triples)  # pyoxigraph: exact terms, no normalisation
    assert isomorphic(Graph().parse(data=data, format="turtle"), ntriples_graph(triples))


@NEEDS_RAPPER
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(objects=st.lists(literals(), min_size=1, max_size=8))
def test_rapper_reads_tricky_literals(tmp_path: Path, objects: list[Literal]) -> None:
    # raptor (C strings) ends a literal at U+0000 even when escaped, and drops U+FFFE/U+FFFF
    assume(not any(set(o.value) & {"\x00", "\ufffe", "\uffff"} for o in objects))
    triples = _triples(objects)
    graph = rapper_ntriples(turtle(triples, PREFIXES), tmp_path)
    assert isomorphic(graph, ntriples_graph(triples))


def test_bad_prefix_names_are_refused() -> None:
    with pytest.raises(ValueError, match="not a Turtle prefix name"):
        prefix_header({"1bad": "https://ex.org/"})


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\x85", "\x1c"])
def test_line_breaks_inside_literals_stay_inside(mark: str) -> None:
    """pyoxigraph leaves U+2028, U+2029 and U+0085 unescaped in N-Triples: a line split
    with str.splitlines() cut such a literal in two (canonical N-Triples, sorted triples)."""
    triples = _triples([Literal(f"before{mark}after", language="en"), Literal("x")])
    canonical = canonical_ntriples(triples)
    assert {q.triple for q in parse(canonical.encode(), format=RdfFormat.N_TRIPLES)} == set(triples)
    assert set(sorted_triples(triples)) == set(triples)
    data = prefix_header(PREFIXES) + ntriples_body(canonical, PREFIXES)
    assert {q.triple for q in parse(data.encode(), format=RdfFormat.TURTLE)} == set(triples)
