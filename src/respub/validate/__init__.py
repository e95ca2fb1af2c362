"""Validate respub data with SHACL: typed, sorted reports; raising is a separate step."""

from respub.validate.dataset import validate_dataset
from respub.validate.engine import assert_validates, validate
from respub.validate.report import Report, Severity, ValidationFailed, Violation
from respub.validate.shapes import Shapes, load_shapes

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
