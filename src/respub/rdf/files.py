"""Where the ontology, concept schemes, JSON-LD context, SHACL shapes and queries live.

They ship inside the package (``respub/ontology``, ``respub/shapes``, ``respub/queries``),
so an installed respub finds them; the top-level ``ontology/``, ``shapes/`` and
``queries/`` of a checkout are links to these folders (one copy of each file).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parents[1]  # the checkout (corpus/, tests/), when running from one
ONTOLOGY_DIR = PACKAGE / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "respub.ttl"
CONCEPTS = ONTOLOGY_DIR / "concepts.ttl"
CONTEXT = ONTOLOGY_DIR / "context.jsonld"
SHAPES_DIR = PACKAGE / "shapes"
SHAPES = SHAPES_DIR / "respub.shapes.ttl"
DATASET_SHAPES = SHAPES_DIR / "respub.dataset.shapes.ttl"
QUERIES_DIR = PACKAGE / "queries"
