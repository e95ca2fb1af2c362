"""The release as a SPARQL store: load it on disk, query it, push it to a server."""

from respub.store.load import StoreSummary, load_release, metadata_graph, vocabulary_graph
from respub.store.push import PushError, PushSummary, push
from respub.store.query import FORMATS, QueryError, query, read_query

__all__ = [
    "FORMATS",
    "PushError",
    "PushSummary",
    "QueryError",
    "StoreSummary",
    "load_release",
    "metadata_graph",
    "push",
    "query",
    "read_query",
    "vocabulary_graph",
]
