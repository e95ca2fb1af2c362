"""A General Assembly resolution adopted in parts (issue #12 item 6): "A", its clauses and
closing line, then "B" with its own. Each part is a Work of its own (A/RES/80/2A,
A/RES/80/2B); before, everything after the first closing line was lost.

The fixture (tests/fixtures/layout/A_RES_80_2.parts.constructed.md) is constructed from
real text: the masthead and paragraphs 1-4 of A/RES/80/2 as part A, the clauses of
A/RES/80/1 as part B.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from respub.akn.schema import validate as validate_akn
from respub.akn.write import to_akn
from respub.knowledge.lexicon import lexicon
from respub.model import Resolution
from respub.parse import parse_file
from respub.parse.blocks import Block
from respub.parse.parts import split_attachment
from respub.rdf.iri import Iris
from respub.rdf.mapping import to_graph
from respub.rdf.vocab import RESPUB
from respub.validate import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/layout/A_RES_80_2.parts.constructed.md"


@pytest.fixture(scope="module")
def parsed() -> Resolution:
    return parse_file(FIXTURE)


def test_each_part_has_its_own_clauses(parsed: Resolution) -> None:
    (second,) = parsed.parts
    assert (parsed.identifier, second.identifier) == ("A/RES/80/2A", "A/RES/80/2B")
    assert [c.number for c in parsed.operative] == [1, 2, 3, 4]
    assert [c.keyword for c in parsed.preamble] == ["Having considered", "Reaffirming"]
    assert second.title == "Participation of the State of Palestine"
    assert second.formula == "The General Assembly,"
    assert [c.keyword for c in second.preamble][:2] == ["Expressing concern", "Regretting"]
    assert len(second.preamble) == 5
    assert [(c.number, c.keyword) for c in second.operative] == [
        (1, "Decides"),
        (2, "Also decides"),
        (3, "Further decides"),
    ]
    assert [s.label for s in second.operative[0].subparagraphs] == ["a", "b", "c"]
    assert second.adopted is not None and second.adopted.isoformat() == "2025-10-14"
    assert (second.status, second.session) == ("adopted", parsed.session)
    # the second part's clauses are not in the first part's closing or clauses
    assert not any("Palestine" in c.text for c in parsed.operative)


def test_each_part_is_a_work_that_conforms(parsed: Resolution) -> None:
    graph = to_graph(parsed)
    iris = Iris()
    for identifier, count in (("A/RES/80/2A", 4), ("A/RES/80/2B", 3)):
        work = URIRef(iris.work(identifier))
        expression = URIRef(iris.expression(str(work), "en"))
        assert (work, RESPUB.realizedBy, expression) in graph
        assert len(list(graph.objects(expression, RESPUB.hasOperativeClause))) == count
    assert str(iris.work("A/RES/80/2B")).endswith("/resolution/un-ga/80/2b")
    report = validate(graph)
    assert report.conforms, report


def test_each_part_has_a_valid_akoma_ntoso_document(parsed: Resolution) -> None:
    for part in (parsed, *parsed.parts):
        document = to_akn(part)
        assert validate_akn(document) == []
        assert document.count(b"<paragraph") == len(part.operative)


def test_a_resolution_without_part_letters_has_no_parts() -> None:
    root = Path(__file__).resolve().parents[2]
    resolution = parse_file(root / "corpus/un-ga/md/A_RES_80_1.md")
    assert resolution.identifier == "A/RES/80/1" and resolution.parts == ()


def test_a_draft_after_a_colon_is_attached_only_when_a_formula_opens_it() -> None:
    en = lexicon("en")
    blocks = [
        Block(t, i)
        for i, t in enumerate(
            [
                "Recalling its resolution 2021/11,",
                "Recommends to the General Assembly the adoption of the following draft "
                "resolution:",
                "The General Assembly,",
                "1. Decides to act.",
            ]
        )
    ]
    clauses, draft = split_attachment(blocks, en, None)
    assert [b.text for b in clauses] == [b.text for b in blocks[:2]]
    assert draft is not None and draft.title == "The General Assembly"
    assert draft.paragraphs == ("The General Assembly,", "1. Decides to act.")
    # what follows a colon but opens no formula stays a clause
    listed = [
        *blocks[:1],
        Block("Decides:", 1),
        Block("(a) To act;", 2),
        Block("(b) To report.", 3),
    ]
    assert split_attachment(listed, en, None) == (listed, None)
