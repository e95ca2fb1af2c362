"""The session a resolution was adopted at: its IRI key and its triples."""

from __future__ import annotations

from pyoxigraph import NamedNode

from respub.knowledge.identifiers import identify, style
from respub.model import Resolution, Session
from respub.rdf.builder import TripleBuilder
from respub.rdf.vocab import RESPUB

__all__ = ["session_key", "session_triples"]


def session_key(resolution: Resolution) -> str | None:
    """The key of a resolution's session IRI: the session its identifier prints (89, es-11),
    else the session number printed, else the session of its year (the body's session table),
    else the first day of the session; None when nothing is known.

    >>> from respub.model import Source
    >>> session_key(Resolution("AG-2005-RES-09", "INTERPOL-GA", "en", Source("", "", "")))
    '74'
    >>> session_key(Resolution("S/RES/7(1946)", "UN-SC", "en", Source("", "", ""))) is None
    True
    """
    named = identify(resolution.identifier)
    if named is not None and named.session is not None and style(named.style).prints_session:
        return named.session.lower()
    session = resolution.session
    if session is not None and session.number is not None:
        return str(session.number)
    if named is not None and named.session is not None:  # from the body's session table
        return named.session.lower()
    if session is not None and session.start is not None:
        return session.start.isoformat()
    return None


def session_triples(
    out: TripleBuilder, session: Session, node: NamedNode, body: NamedNode, key: str
) -> None:
    out.a(node, RESPUB.Session)
    out.add(node, RESPUB.heldBy, body)
    number = session.number if session.number is not None else (int(key) if key.isdigit() else None)
    out.integer(node, RESPUB.sessionNumber, number)
    out.text(node, RESPUB.place, session.place)
    out.text(node, RESPUB.country, session.country)
    out.date(node, RESPUB.startDate, session.start)
    out.date(node, RESPUB.endDate, session.end)
