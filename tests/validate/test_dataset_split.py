"""The dataset check at scale gives the whole-store check's results: every constraint run
once with its targets joined in (`evaluate_all`) equals one query per focus node
(`evaluate`), and the split (per work + the dataset shapes over their facts) equals
`validate_dataset` on the fixtures, each of which trips one shape."""

from __future__ import annotations

from types import ModuleType

import pyoxigraph as ox
from rdflib import Graph

from respub.rdf.files import DATASET_SHAPES
from respub.validate import Report, validate_dataset
from respub.validate.dataset import facts_of, named_terms, validate_across, validate_work
from respub.validate.shapes import load_shapes
from respub.validate.sparql import evaluate, evaluate_all, to_store


def _ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt").splitlines()
    return "".join(sorted(f"{line}\n" for line in lines if line.strip()))


def test_joined_targets_give_the_per_focus_results(cases: ModuleType, case: str) -> None:
    store = to_store(Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle"))
    constraints = (*load_shapes().sparql, *load_shapes(DATASET_SHAPES).sparql)
    for constraint in constraints:
        assert Report(tuple(evaluate_all([constraint], store))) == Report(
            tuple(evaluate([constraint], store))
        ), constraint.shape


def test_the_split_check_equals_the_whole_store_check(cases: ModuleType, case: str) -> None:
    graph = Graph().parse(cases.FIXTURES / f"{case}.ttl", format="turtle")
    text = _ntriples(graph)
    facts = ox.Store()
    facts.bulk_load(
        facts_of(text, named_terms(load_shapes(DATASET_SHAPES).sparql)).encode(),
        ox.RdfFormat.N_TRIPLES,
    )
    split = Report((*validate_work([text]), *validate_across(facts)))
    assert split == validate_dataset(graph)


def test_the_facts_are_the_lines_the_dataset_shapes_can_match() -> None:
    terms = named_terms(load_shapes(DATASET_SHAPES).sparql)
    assert "https://respub.org/ontology#citedWork" in terms
    assert "https://respub.org/ontology#Resolution" in terms
    text = (
        '<https://x/c> <https://respub.org/ontology#citationKind> "resolution" .\n'
        "<https://x/w> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://respub.org/ontology#Resolution> .\n"
        "<https://x/w> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://x/Other> .\n"
        '<https://x/w> <https://respub.org/ontology#title> "t" .\n'
    )
    assert facts_of(text, terms).splitlines() == text.splitlines()[:2]
