"""Present a parsed resolution: the JSON object of `respub parse --json`, or an outline."""

from __future__ import annotations

from typing import Any

from respub.model import FootnoteMark, Resolution, SubParagraph


def resolution_to_json(resolution: Resolution) -> dict[str, Any]:
    """The JSON object of one resolution (keys as documented in the README)."""
    session = resolution.session
    return {
        "identifier": resolution.identifier,
        "body": resolution.body,
        "language": resolution.language,
        "number": resolution.number,
        "title": resolution.title,
        "adopted": resolution.adopted.isoformat() if resolution.adopted else None,
        "session": None
        if session is None
        else {
            "number": session.number,
            "place": session.place,
            "country": session.country,
            "start": session.start.isoformat() if session.start else None,
            "end": session.end.isoformat() if session.end else None,
        },
        "formula": resolution.formula,
        "preamble": [
            {
                "number": c.number,
                "keyword": c.keyword,
                "concept": c.concept,
                "text": c.text,
                "marks": _marks(c.marks),
            }
            for c in resolution.preamble
        ],
        "operative": [
            {
                "number": c.number,
                "heading": c.heading,
                "keyword": c.keyword,
                "concept": c.concept,
                "addressees": list(c.addressees),
                "self_acting": c.self_acting,
                "thanked": list(c.thanked),
                "text": c.text,
                "marks": _marks(c.marks),
                "subparagraphs": [_sub(s) for s in c.subparagraphs],
            }
            for c in resolution.operative
        ],
        "citations": [
            {"identifier": c.identifier, "text": c.text, "kind": c.kind, "clause": c.clause}
            for c in resolution.citations
        ],
        "footnotes": [{"label": n.label, "text": n.text} for n in resolution.footnotes],
        "annexes": [
            {
                "title": a.title,
                "paragraphs": list(a.paragraphs),
                "marks": [_marks(m) for m in a.marks],
            }
            for a in resolution.annexes
        ],
        "status": resolution.status,
        "source": {
            "path": resolution.source.path,
            "sha256": resolution.source.sha256,
            "media_type": resolution.source.media_type,
        },
    }


def _sub(sub: SubParagraph) -> dict[str, Any]:
    return {
        "label": sub.label,
        "text": sub.text,
        "marks": _marks(sub.marks),
        "addressees": list(sub.addressees),
        "subparagraphs": [_sub(s) for s in sub.subparagraphs],
    }


def _marks(marks: tuple[FootnoteMark, ...]) -> list[dict[str, Any]]:
    return [{"label": m.label, "offset": m.offset} for m in marks]


def outline(resolution: Resolution, width: int = 100) -> str:
    """A readable outline: header facts, then one line per clause."""
    session = resolution.session
    lines = [
        f"{resolution.identifier}  [{resolution.body}, {resolution.language}]",
        f"  title:    {resolution.title or '-'}",
        f"  session:  {_session(resolution)}" if session else "  session:  -",
        f"  adopted:  {resolution.adopted or '-'}   status: {resolution.status or '-'}",
        f"  preamble ({len(resolution.preamble)}):",
        *(
            f"    {i:>2}. {_cut(c.keyword + ' | ' + c.text, width)}"
            for i, c in enumerate(resolution.preamble, 1)
        ),
        f"  operative ({len(resolution.operative)}):",
    ]
    for clause in resolution.operative:
        if clause.heading is not None:
            lines.append(f"    [{_cut(clause.heading, width)}]")
        mark = f"{clause.number}." if clause.number is not None else "-"
        lines.append(f"    {mark:>3} {_cut(clause.keyword + ' | ' + clause.text, width)}")
        lines.extend(_subs(clause.subparagraphs, 8, width))
    if resolution.citations:
        lines.append(f"  citations ({len(resolution.citations)}):")
        lines.extend(f"    {c.identifier}  ({c.kind}, {c.clause})" for c in resolution.citations)
    if resolution.footnotes:
        lines.append(f"  footnotes ({len(resolution.footnotes)})")
    if resolution.annexes:
        lines.append(f"  annexes ({len(resolution.annexes)})")
    return "\n".join(lines)


def _session(resolution: Resolution) -> str:
    s = resolution.session
    assert s is not None
    parts = [f"{s.number}" if s.number else "?"]
    if s.place:
        parts.append(f"in {s.place}" + (f" ({s.country})" if s.country else ""))
    if s.start:
        parts.append(f"{s.start} to {s.end}")
    return " ".join(parts)


def _subs(subs: tuple[SubParagraph, ...], indent: int, width: int) -> list[str]:
    lines = []
    for sub in subs:
        lines.append(" " * indent + f"({sub.label}) " + _cut(sub.text, width - indent))
        lines.extend(_subs(sub.subparagraphs, indent + 4, width))
    return lines


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
