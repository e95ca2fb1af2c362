"""Checks over the whole dataset (all documents merged), run on the publishing store.

Per-document validation cannot know whether a cited resolution is published too; these
SHACL-SPARQL constraints (``shapes/respub.dataset.shapes.ttl``, plus the SPARQL
constraints of the document shapes) run on a pyoxigraph store in milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from respub.rdf.files import DATASET_SHAPES
from respub.validate.report import Report
from respub.validate.shapes import Shapes, load_shapes
from respub.validate.sparql import evaluate, to_store


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
