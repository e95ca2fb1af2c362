"""Where the ontology, concept schemes, JSON-LD context and SHACL shapes live.

They are kept at the top of the repository (``ontology/``, ``shapes/``), beside ``src/``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "respub.ttl"
CONCEPTS = ONTOLOGY_DIR / "concepts.ttl"
CONTEXT = ONTOLOGY_DIR / "context.jsonld"
SHAPES = ROOT / "shapes" / "respub.shapes.ttl"
DATASET_SHAPES = ROOT / "shapes" / "respub.dataset.shapes.ttl"
