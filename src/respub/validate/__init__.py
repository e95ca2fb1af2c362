"""Validate respub data with SHACL: typed, sorted reports; raising is a separate step.

The engines (pyshacl, rdflib) load on first use of a name that needs them, so that
importing `respub.validate.report` (as every result record does) costs no SHACL engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from respub.validate.report import Report, Severity, ValidationFailed, Violation

if TYPE_CHECKING:
    from respub.validate.dataset import validate_dataset
    from respub.validate.engine import assert_validates, validate
    from respub.validate.shapes import Shapes, load_shapes

_LAZY = {
    "validate_dataset": "respub.validate.dataset",
    "assert_validates": "respub.validate.engine",
    "validate": "respub.validate.engine",
    "Shapes": "respub.validate.shapes",
    "load_shapes": "respub.validate.shapes",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "Report",
    "Severity",
    "Shapes",
    "ValidationFailed",
    "Violation",
    "assert_validates",
    "load_shapes",
    "validate",
    "validate_dataset",
]
