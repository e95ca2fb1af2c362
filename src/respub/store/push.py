"""Push a release to a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per language version, plus the metadata and vocabulary graphs) is
replaced with `PUT <gsp>?graph=<iri>` as N-Triples; graphs the release removed are deleted.
For Oxigraph the Graph Store endpoint is `{server}/store`; any other server's GSP URL can
be given. A push has a total deadline (300 s by default; each request's timeout is capped
by what is left of it); when it fails, `PushError.replaced` lists exactly the graphs
already replaced. `dry_run` sends nothing and lists what would be sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests
from pyoxigraph import RdfFormat, parse, serialize
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from respub.errors import RespubError
from respub.publish.dumps import NQUADS, read_graphs
from respub.publish.manifest import read_manifest
from respub.rdf.serialize import ntriples_lines
from respub.sources.guard import Deadline
from respub.store.load import METADATA_FILES, metadata_graph, vocabulary_files, vocabulary_graph

__all__ = ["PushError", "PushSummary", "graph_store_url", "push"]

_NTRIPLES = "application/n-triples"
_RETRIES = 3


class PushError(RespubError):
    """The server refused a graph, could not be reached after retries, or the deadline
    passed; `replaced` lists the graphs replaced before that (in order)."""

    kind = "push-error"

    def __init__(self, message: str, replaced: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.replaced = replaced


@dataclass(frozen=True)
class PushSummary:
    """What was pushed: graphs replaced, triples sent, graphs deleted."""

    endpoint: str
    graphs: int
    triples: int
    deleted: int
    planned: tuple[tuple[str, str, int], ...] = ()  # (PUT|DELETE, graph, triples): dry run


def graph_store_url(endpoint_url: str) -> str:
    """Oxigraph's Graph Store endpoint for a server URL.

    >>> graph_store_url("http://localhost:7878/")
    'http://localhost:7878/store'
    """
    return endpoint_url.rstrip("/") + "/store"


def push(
    release_dir: Path,
    endpoint_url: str,
    *,
    gsp_url: str | None = None,
    session: requests.Session | None = None,
    timeout: float = 60.0,
    deadline: float = 300.0,
    dry_run: bool = False,
) -> PushSummary:
    """PUT every graph of `release_dir` to the server; `gsp_url` overrides `{endpoint}/store`.

    `timeout` bounds one request, `deadline` the whole push; `dry_run` only lists them.
    """
    if not (release_dir / "manifest.json").is_file():
        raise PushError(f"{release_dir}: no release here (give --release, or publish first)")
    target = gsp_url or graph_store_url(endpoint_url)
    if dry_run:
        return _plan(release_dir, target)
    http = session or _session()
    clock = Deadline(deadline)
    replaced: list[str] = []
    triples = 0
    deleted = 0
    try:
        for graph, ntriples in release_graphs(release_dir):
            _send(http, "PUT", target, graph, ntriples.encode("utf-8"), _cap(clock, timeout))
            replaced.append(graph)
            triples += ntriples.count("\n")
        for graph in _removed(release_dir):
            deleted += _send(http, "DELETE", target, graph, None, _cap(clock, timeout))
    except PushError as error:
        raise PushError(f"{error}{_so_far(replaced)}", tuple(replaced)) from error
    return PushSummary(endpoint=target, graphs=len(replaced), triples=triples, deleted=deleted)


def _plan(release_dir: Path, target: str) -> PushSummary:
    planned = [("PUT", g, n.count("\n")) for g, n in release_graphs(release_dir)]
    planned += [("DELETE", g, 0) for g in _removed(release_dir)]
    triples = sum(n for _, _, n in planned)
    return PushSummary(target, 0, triples, 0, tuple(planned))


def _cap(clock: Deadline, timeout: float) -> float:
    """A request's timeout: `timeout`, or what is left of the deadline over its tries."""
    if clock.passed:
        raise PushError(f"the push took longer than its deadline of {clock.seconds:g} s")
    return max(0.001, min(timeout, clock.remaining / (_RETRIES + 1)))


def _so_far(replaced: list[str]) -> str:
    if not replaced:
        return "; no graph was replaced"
    return f"; {len(replaced)} graph(s) were replaced before this (PushError.replaced lists them)"


def release_graphs(release_dir: Path) -> Iterator[tuple[str, str]]:
    """(graph IRI, N-Triples) of every graph a release publishes, sorted."""
    base = str(read_manifest(release_dir).settings["base_iri"])
    yield from sorted(read_graphs(release_dir / NQUADS).items())
    meta = [release_dir / name for name in METADATA_FILES]
    yield metadata_graph(base), _ntriples(meta)
    yield vocabulary_graph(base), _ntriples(vocabulary_files(release_dir))


def _ntriples(paths: list[Path]) -> str:
    lines: set[str] = set()
    for path in paths:
        triples = [q.triple for q in parse(path=path, format=RdfFormat.TURTLE)]
        data = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        lines.update(ntriples_lines(data.decode()))
    return "".join(line + "\n" for line in sorted(lines))


def _removed(release_dir: Path) -> list[str]:
    try:
        data = json.loads((release_dir / "CHANGES.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(c["expression_iri"]) for c in data.get("removed", [])]


def _send(
    http: requests.Session,
    method: str,
    target: str,
    graph: str,
    body: bytes | None,
    timeout: float,
) -> int:
    headers = {"Content-Type": _NTRIPLES} if body is not None else {}
    try:
        response = http.request(
            method, target, params={"graph": graph}, data=body, headers=headers, timeout=timeout
        )
    except requests.RequestException as error:
        raise PushError(f"{method} {target} graph {graph}: {error}") from error
    if method == "DELETE" and response.status_code == 404:
        return 0
    if response.status_code not in (200, 201, 204):
        detail = " ".join(response.text.split())[:300]
        raise PushError(f"{method} {target} graph {graph}: HTTP {response.status_code} {detail}")
    return 1


def _session() -> requests.Session:
    """A session that retries connection errors and 502/503/504 with back-off."""
    retry = Retry(
        total=_RETRIES,
        backoff_factor=0.5,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset({"PUT", "DELETE"}),
    )
    http = requests.Session()
    http.mount("http://", HTTPAdapter(max_retries=retry))
    http.mount("https://", HTTPAdapter(max_retries=retry))
    return http
