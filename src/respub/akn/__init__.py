"""Akoma Ntoso 3.0 (OASIS LegalDocML) for resolutions, following AKN4UN.

`to_akn(resolution) -> bytes` writes one language version; `validate(xml)` checks it
against the OASIS schema shipped in ``xsd/``; `text_of(xml) == model_text(resolution)`
is the writer's promise that the XML carries the model's printed text, no more, no less.
The /akn/ names per body are data (``data/akn.yaml``).
"""

from respub.akn.names import AknNames
from respub.akn.schema import SchemaIssue, assert_valid, validate
from respub.akn.slots import model_text, place_citations, slots
from respub.akn.text import text_of
from respub.akn.write import EXTENSION, MEDIA_TYPE, to_akn, to_element

__all__ = [
    "EXTENSION",
    "MEDIA_TYPE",
    "AknNames",
    "SchemaIssue",
    "assert_valid",
    "model_text",
    "place_citations",
    "slots",
    "text_of",
    "to_akn",
    "to_element",
    "validate",
]
