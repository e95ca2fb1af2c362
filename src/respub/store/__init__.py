"""The release as a SPARQL store: load it on disk, query it (guarded), push it to a server."""

from respub.store.execute import Answer
from respub.store.guard import (
    QueryError,
    QueryLimits,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
)
from respub.store.load import StoreSummary, load_release, metadata_graph, vocabulary_graph
from respub.store.push import PushError, PushSummary, push
from respub.store.query import FORMATS, query, read_query
from respub.store.runner import QueryRunner

__all__ = [
    "FORMATS",
    "Answer",
    "PushError",
    "PushSummary",
    "QueryError",
    "QueryLimits",
    "QueryRefused",
    "QueryRunner",
    "QueryTimeout",
    "ResultTooLarge",
    "StoreSummary",
    "load_release",
    "metadata_graph",
    "push",
    "query",
    "read_query",
    "vocabulary_graph",
]
