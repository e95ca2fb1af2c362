"""Fixtures of the RDF tests: hand-built resolutions and the snapshot switch.

Tests run with ``--import-mode=importlib``, so the helper module ``rdf_samples.py``
is loaded here by path and reaches the tests through fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import load_helper

from respub.model import Resolution
from respub.rdf.iri import Iris

samples = load_helper(Path(__file__).with_name("rdf_samples.py"))


@pytest.fixture
def regenerate() -> bool:
    """True when ``RESPUB_REGENERATE_SNAPSHOTS=1``: snapshot tests rewrite their files."""
    return os.environ.get("RESPUB_REGENERATE_SNAPSHOTS") == "1"


@pytest.fixture
def iris() -> Iris:
    """IRIs below the default base."""
    return Iris()


@pytest.fixture(params=sorted(samples.SAMPLES))
def sample(request: pytest.FixtureRequest) -> tuple[str, Resolution]:
    """Each hand-built resolution, with its name."""
    name: str = request.param
    resolution: Resolution = samples.SAMPLES[name]()
    return name, resolution


@pytest.fixture
def interpol_es() -> Resolution:
    """INTERPOL GA-2021-89-RES-09 in Spanish."""
    resolution: Resolution = samples.interpol_es()
    return resolution


@pytest.fixture
def interpol_ar() -> Resolution:
    """The same work in Arabic."""
    resolution: Resolution = samples.interpol_ar()
    return resolution


@pytest.fixture
def un_en() -> Resolution:
    """UN A/RES/76/300 in English (numbered clauses, sub-paragraphs, footnotes, annex)."""
    resolution: Resolution = samples.un_en()
    return resolution
