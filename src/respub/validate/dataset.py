"""Checks over the whole dataset (all documents merged), run on the publishing store.

Per-document validation cannot know whether a cited resolution is published too; these
SHACL-SPARQL constraints (``shapes/respub.dataset.shapes.ttl``, plus the SPARQL
constraints of the document shapes) run on a pyoxigraph store.

At scale the check is split (`validate_work` and `validate_across`, which together give
`validate_dataset`'s report; a test compares them on the corpus):

- the document shapes' constraints only follow links inside one work and its language
  versions, so they run on each work's versions merged (small stores, cacheable by the
  versions' content hashes: a release with one changed document re-checks one work);
- the dataset shapes run once per constraint over the *facts* they mention (the triples
  whose predicate, or ``rdf:type`` object, the queries name), every focus node at once
  (`respub.validate.sparql.evaluate_all`), not one query per focus node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from respub.rdf.files import DATASET_SHAPES
from respub.rdf.serialize import ntriples_lines
from respub.validate.report import Report, Violation
from respub.validate.shapes import Shapes, SparqlConstraint, load_shapes
from respub.validate.sparql import evaluate, evaluate_all, to_store

__all__ = ["facts_of", "named_terms", "validate_across", "validate_dataset", "validate_work"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_IRI = re.compile(r"<([^<>\s]+)>")
_NAME = re.compile(r"(?<![\w<])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)")


def validate_dataset(
    data: Graph | ox.Store, shapes: Shapes | None = None, dataset_shapes: Path = DATASET_SHAPES
) -> Report:
    """The SPARQL constraints of the document and dataset shapes over all the data.

    Reports, for instance, a citation of a resolution that is not in the dataset
    (`rsh:CitedResolutionInDataset`, a warning) or two versions of a work in one language.
    """
    store = data if isinstance(data, ox.Store) else to_store(data)
    constraints = (*(shapes or load_shapes()).sparql, *load_shapes(dataset_shapes).sparql)
    return Report(tuple(evaluate(constraints, store)))


def validate_work(versions: Sequence[str], shapes: Shapes | None = None) -> list[Violation]:
    """The document shapes' SPARQL constraints over one work's language versions merged
    (each given as N-Triples)."""
    store = ox.Store()
    for text in versions:
        store.bulk_load(text.encode(), ox.RdfFormat.N_TRIPLES)
    return evaluate_all((shapes or load_shapes()).sparql, store)


def named_terms(constraints: Iterable[SparqlConstraint]) -> frozenset[str]:
    """Every IRI the constraints' queries name (full or prefixed) and their target classes."""
    found: set[str] = set()
    for constraint in constraints:
        prefixes = dict(constraint.prefixes)
        found.update(constraint.target_classes)
        found.update(_IRI.findall(constraint.query))
        found.update(
            prefixes[prefix] + local
            for prefix, local in _NAME.findall(constraint.query)
            if prefix in prefixes
        )
    return frozenset(found)


def facts_of(ntriples: str, terms: frozenset[str]) -> str:
    """The lines of canonical N-Triples whose predicate is in `terms`, or that type a node
    with a class in `terms` (what a query naming only `terms` can match)."""
    kept = []
    for line in ntriples_lines(ntriples):
        _, _, rest = line.partition("> <")
        predicate, _, value = rest.partition("> ")
        if predicate in terms or (
            predicate == _RDF_TYPE and value.startswith("<") and value[1:].split(">", 1)[0] in terms
        ):
            kept.append(line + "\n")
    return "".join(kept)


def validate_across(facts: ox.Store, dataset_shapes: Path = DATASET_SHAPES) -> list[Violation]:
    """The dataset shapes over `facts` (a store of `facts_of` every version), every focus
    node of a constraint in one query."""
    return evaluate_all(load_shapes(dataset_shapes).sparql, facts)
