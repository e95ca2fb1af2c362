"""Validation against the OASIS Akoma Ntoso 3.0 schema shipped in ``akn/xsd/``.

`validate` returns the schema's complaints (an empty list when the file is valid);
`assert_valid` raises them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

__all__ = ["SchemaIssue", "assert_valid", "schema", "validate"]


@dataclass(frozen=True)
class SchemaIssue:
    """One complaint of the schema: the line in the XML and the message."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@cache
def schema() -> etree.XMLSchema:
    """The Akoma Ntoso 3.0 schema (parsed once; it imports ``xml.xsd`` beside it)."""
    with resources.as_file(resources.files("respub.akn").joinpath("xsd")) as folder:
        return etree.XMLSchema(etree.parse(str(folder / "akomantoso30.xsd")))


def validate(document: bytes) -> list[SchemaIssue]:
    """The schema's complaints about an XML document, in order; [] when it is valid."""
    try:
        tree = etree.fromstring(document)
    except etree.XMLSyntaxError as error:
        return [SchemaIssue(error.lineno or 0, f"not well-formed XML: {error.msg}")]
    checker = schema()
    if checker.validate(tree):
        return []
    entries: list[Any] = list(checker.error_log)  # type: ignore[call-overload]  # stubs lack it
    return [SchemaIssue(int(e.line), str(e.message)) for e in entries]


def assert_valid(document: bytes, where: str = "Akoma Ntoso") -> None:
    """Raise `ValueError` naming `where` and the first complaints unless the document is valid."""
    issues = validate(document)
    if issues:
        shown = "; ".join(str(i) for i in issues[:3])
        raise ValueError(f"{where}: not valid Akoma Ntoso 3.0 ({len(issues)} issues): {shown}")
