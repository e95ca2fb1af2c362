"""Parse a resolution's text into the model: `parse_file(path)` or `parse_source(text)`.

Stages: read the source → split into blocks → find the enacting formula → read the
header → segment the clauses → find the closing status → collect citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from respub.errors import ParseError
from respub.knowledge.headings import annex_heading, annex_word_set, annex_words
from respub.knowledge.identifiers import identify
from respub.knowledge.language import detect_language
from respub.knowledge.lexicon import LANGUAGES, Lexicon, lexicon
from respub.knowledge.profiles import (
    BodyProfile,
    detect_body,
    line_matcher,
    profile,
    unknown_body,
)
from respub.model import (
    Annex,
    Citation,
    Footnote,
    OperativeClause,
    PreambularClause,
    Resolution,
    SubParagraph,
)
from respub.parse.anchors import anchor_annexes, marks_owner
from respub.parse.blocks import Block, split_blocks
from respub.parse.citations import cite_places
from respub.parse.clauses import clause_style, segment
from respub.parse.cleanup import clean_text
from respub.parse.dates import first_date, parse_date
from respub.parse.header import complete_title, numbered_session, read_header
from respub.parse.parts import part_identifier, split_attachment, split_parts, split_recitals
from respub.parse.reading_order import laid_out_heading
from respub.sources.load import SourceText, read_source

__all__ = ["parse_file", "parse_source"]

_LAID_OUT = ("application/pdf", "text/html")
_UNKNOWN_BODY = (
    "no known deliberative body recognised: parsed as body `unknown` (force one with --body)"
)


def parse_file(
    path: str | Path, language: str | None = None, body: str | None = None
) -> Resolution:
    """Read and parse one source file; `ParseError` names the file and place."""
    return parse_source(read_source(path, language=language), language=language, body=body)


def parse_source(
    doc: SourceText,
    language: str | None = None,
    body: str | None = None,
    identifier: str | None = None,
) -> Resolution:
    """Parse a source's text into a `Resolution`; `identifier` (a manifest's) names a
    document that prints none (a printed identifier, or the front matter's, comes first)."""
    if identifier is not None and not doc.metadata.get("identifier"):
        doc = replace(doc, metadata={**doc.metadata, "identifier": identifier})
    path = doc.source.path
    lang = _language(doc.text, language, path)
    lex = lexicon(lang)
    prof, warnings = _body(doc.text, body, path, lang, doc.metadata.get("identifier"))
    # PDF and HTML readers rebuild paragraphs and footnotes from the layout already
    if doc.source.media_type in _LAID_OUT:
        text = laid_out_heading(doc.text, prof, lang)
    else:
        text = clean_text(doc.text, prof, lang)
    blocks, footnotes = split_blocks(text, cleaned=doc.source.media_type not in _LAID_OUT)
    if not blocks:
        raise ParseError(path, "no text found")
    at = _formula_at(blocks, prof, lang)
    start = at[0] if at is not None else None
    formula = blocks[start] if start is not None else None
    head = blocks[: start if start is not None else 0]
    rest = blocks[start + 1 :] if start is not None else blocks
    head, recitals, lead = split_recitals(head, lex)
    if formula is not None and at is not None:
        formula, first = _split_formula(formula, at[1], prof, lang)
        if first is not None:
            rest = [first, *rest]
    try:
        header = read_header(
            head + ([formula] if formula else []), formula, prof, lex, doc.metadata
        )
    except ValueError as error:  # an identifier from the metadata that is none
        raise ParseError(path, str(error)) from None
    if formula is not None and lead:  # "Now, therefore," / "The General Assembly"
        formula = Block(" ".join([*(b.text for b in lead), formula.text]), lead[0].line)
    body_blocks, closing, annex_blocks = _split_closing(rest, prof, lex)
    if any(b.text == "A" for b in head):  # "A" above the formula: adopted in parts
        closing, later = split_parts(closing)
    else:
        later = []
    body_blocks, attached = split_attachment(body_blocks, lex, header.title)
    style = clause_style(body_blocks) if prof.clause_style == "auto" else prof.clause_style
    own = marks_owner(blocks, {note.label for note in footnotes})  # marks given at construction
    preamble, operative = segment(recitals + body_blocks, lex, style, own)
    if not preamble and not operative:
        raise ParseError(path, "no preambular or operative clauses found", line=_line(rest))
    if header.identifier is None and (printed := _printed_identifier(doc.text, prof, lang)):
        header = replace(header, identifier=printed)
    if header.session is None and header.identifier is not None:
        header = replace(header, session=numbered_session(header.identifier, prof))
    if header.identifier is None:
        raise ParseError(path, _no_identifier(prof, body is not None), line=blocks[0].line)
    status, adopted = _status(closing, lex, prof)
    # a heading "Resolution adopted on ..." says so where no closing line does
    status = status or prof.numbered_status or ("adopted" if header.adopted else None)
    annexes = anchor_annexes((*([attached] if attached else []), *_annexes(annex_blocks)), own)
    resolution = Resolution(
        identifier=header.identifier,
        body=prof.code,
        language=lang,
        source=doc.source,
        number=header.number,
        title=complete_title(header.title, (b.text for b in blocks), doc.metadata, lang),
        session=header.session,
        adopted=header.adopted or adopted or _given_date(doc.metadata, path),
        status=status,
        formula=formula.text if formula else None,
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        annexes=annexes,
        citations=_citations(header.identifier, prof, preamble, operative, footnotes, annexes),
        metadata=doc.metadata,
        warnings=warnings,
    )
    return _with_parts(resolution, later, prof, lex) if later else resolution


def _with_parts(
    first: Resolution, later: list[list[Block]], prof: BodyProfile, lex: Lexicon
) -> Resolution:
    """The first part of a resolution adopted in parts, holding the later ones: each part
    is a resolution of its own (A/RES/80/2A, A/RES/80/2B), with its own clauses."""
    identifier = part_identifier(first.identifier, "A")
    if identifier is None:  # a style without part letters: the parts cannot be named
        warning = f"{len(later)} later part(s) not published: {first.identifier} has no parts"
        return replace(first, warnings=(*first.warnings, warning))
    parts = [_part(blocks, first, prof, lex) for blocks in later]
    return replace(first, identifier=identifier, parts=tuple(p for p in parts if p))


def _part(
    blocks: list[Block], first: Resolution, prof: BodyProfile, lex: Lexicon
) -> Resolution | None:
    """One later part ("B", its title, its formula, its clauses and closing line)."""
    label, lang = blocks[0].text, first.language
    identifier = part_identifier(first.identifier, label)
    at = _formula_at(blocks, prof, lang)
    if identifier is None or at is None:
        return None
    start = at[0]
    formula, opening = _split_formula(blocks[start], at[1], prof, lang)
    rest = [*([opening] if opening else []), *blocks[start + 1 :]]
    body_blocks, closing, annex_blocks = _split_closing(rest, prof, lex)
    style = clause_style(body_blocks) if prof.clause_style == "auto" else prof.clause_style
    preamble, operative = segment(body_blocks, lex, style)
    status, adopted = _status(closing, lex, prof)
    return replace(
        first,
        identifier=identifier,
        title=" ".join(b.text for b in blocks[1:start]) or first.title,
        adopted=adopted or first.adopted,
        status=status or first.status,
        formula=formula.text,
        preamble=preamble,
        operative=operative,
        footnotes=(),
        annexes=_annexes(annex_blocks),
        citations=_citations(identifier, prof, preamble, operative, ()),
        parts=(),
        warnings=(),
    )


def _given_date(metadata: dict[str, str], path: str) -> date | None:
    """The adoption date the front matter gives (`date: 2023-06-01`), for a text that
    prints none."""
    given = metadata.get("date")
    if not given:
        return None
    try:
        return date.fromisoformat(given.strip())
    except ValueError:
        raise ParseError(path, f"front matter date {given!r} is not a date (YYYY-MM-DD)") from None


def _language(text: str, forced: str | None, path: str) -> str:
    if forced is not None:
        if forced not in LANGUAGES:
            raise ParseError(path, f"unknown language {forced!r} (known: {', '.join(LANGUAGES)})")
        return forced
    found = detect_language(text)
    if found is None:
        raise ParseError(path, "cannot tell the language of the text; force it with --lang")
    return found


def _body(
    text: str, forced: str | None, path: str, language: str, given: str | None = None
) -> tuple[BodyProfile, tuple[str, ...]]:
    """The profile forced, else the body detected; the `given` identifier (front matter,
    manifest) overrules a body none of whose styles it fits: "THE GENERAL ASSEMBLY," over
    "AG/RES. 2976 (LII-O/22)" is the OAS's, not the United Nations' (body `unknown`)."""
    if forced is not None:
        try:
            return profile(forced), ()
        except ValueError as error:
            raise ParseError(path, str(error)) from error
    found = detect_body(text, language)
    if found is None:
        return unknown_body(), (_UNKNOWN_BODY,)
    if given and found.identifier_styles and not identify(given, found.identifier_styles):
        return unknown_body(), (
            f"the identifier {given!r} is none of the {found.code} styles: parsed as body "
            "`unknown` (force one with --body)",
        )
    return found, ()


def _printed_identifier(text: str, prof: BodyProfile, language: str) -> str | None:
    """The body's identifier as printed above the enacting formula of the source, before
    any cleaning took it for a running header ("GC(67)/RES/9" alone on its line)."""
    formula = prof.pattern("formula", language)
    found = formula.search(text, 0, 3000) if formula else None
    if not prof.identifier_styles or found is None:
        return None
    symbol = prof.identifier.search(text, 0, found.start())
    named = identify(symbol.group(), prof.identifier_styles) if symbol else None
    return named.canonical if named else None


def _no_identifier(prof: BodyProfile, forced: bool) -> str:
    how = "give it as `identifier:` in the front matter or in the manifest entry"
    if prof.origin == "generic":
        return (
            "no known deliberative body recognised and no resolution identifier found; "
            f"{how}, and force the body with --body"
        )
    if forced:
        return f"no {prof.code} resolution identifier found; {how}"
    return (  # the body was told from the text: the OAS's "THE GENERAL ASSEMBLY," is not the UN's
        f"no {prof.code} resolution identifier found (the body was recognised from the text); "
        f"{how}: one in none of {prof.code}'s styles makes the body `unknown`"
    )


def _formula_at(blocks: list[Block], prof: BodyProfile, lang: str) -> tuple[int, int] | None:
    """(the index of the first block holding the enacting formula on a line, where the
    formula ends in its text), or None."""
    pattern = prof.pattern("formula", lang)
    if pattern is None:
        return None
    match = line_matcher(pattern)
    for index, block in enumerate(blocks):
        if found := match(block.text):
            return index, found.end()
    return None


def _split_formula(
    formula: Block, end: int, prof: BodyProfile, lang: str
) -> tuple[Block, Block | None]:
    """Cut a first clause printed on the formula's line ("The Assembly, Recalling ..."),
    after the formula (ending at `end` of its text)."""
    if prof.pattern("session", lang) is not None:
        return formula, None
    tail = formula.text[end:].strip()
    if not tail:
        return formula, None
    head = Block(formula.text[:end].strip(), formula.line)
    return head, Block(tail, formula.line)


def _split_closing(
    blocks: list[Block], prof: BodyProfile, lex: Lexicon
) -> tuple[list[Block], list[Block], list[Block]]:
    """(clauses, closing lines, annex) — the closing is the status or meeting line."""
    status_of = lex.status_of
    closing = line_matcher(prof.closing) if prof.closing is not None else None
    for index, block in enumerate(blocks):
        text = block.text
        if status_of(text) is not None or (closing is not None and closing(text)):
            annex = next(
                (i for i in range(index + 1, len(blocks)) if _is_annex(blocks[i].text)),
                len(blocks),
            )
            return blocks[:index], blocks[index:annex], blocks[annex:]
        if index > 0 and _is_annex(text):
            return blocks[:index], [], blocks[index:]
    return blocks, [], []


def _is_annex(text: str) -> bool:
    """Whether `text` opens with an annex word ("Annex", "ANNEXE:"), in any language.

    Looked at in steps, each cheaper than the next and telling most blocks apart: the
    first letter of an annex word, then one match of `annex_heading`, then the first word
    split off and folded.
    """
    return (
        _opens_like_annex(text[:1])
        and annex_heading().match(text) is not None
        and text.split(" ", 1)[0].casefold().rstrip(".:") in annex_word_set()
    )


@cache
def _opens_like_annex(first: str) -> bool:
    """Whether `first`, a text's first character, is the first letter of an annex word in
    some case, as `annex_heading` compares them (a text holding none opens with none)."""
    letters = "".join(sorted({word[0] for word in annex_words()}))
    return re.match(f"(?i)[{re.escape(letters)}]", first) is not None


def _status(
    closing: list[Block], lex: Lexicon, prof: BodyProfile
) -> tuple[str | None, date | None]:
    for index, block in enumerate(closing):
        status = lex.status_of(block.text)
        if status:
            return status, None
        if prof.closing is not None and (found := prof.closing.search(block.text)):
            # the date follows the meeting ("18th plenary meeting / 10 October 2018"): the
            # meeting's number is no day of it
            if date_text := found.groupdict().get("date"):
                return "adopted", parse_date(date_text, lex)
            # the first line after it that prints a date: not the numbers of what follows
            # ("Tenth meeting, 6 February 2023 / EB152/SR/10")
            after = [block.text[found.end() :], *(b.text for b in closing[index + 1 :])]
            return "adopted", next(filter(None, (first_date(t, lex) for t in after)), None)
    return None, None


def _annexes(blocks: list[Block]) -> tuple[Annex, ...]:
    annexes: list[Annex] = []
    for block in blocks:
        if not annexes or _is_annex(block.text):
            annexes.append(Annex(title=block.text, paragraphs=()))
        else:
            last = annexes[-1]
            annexes[-1] = Annex(last.title, (*last.paragraphs, block.text))
    return tuple(annexes)


def _citations(
    identifier: str,
    prof: BodyProfile,
    preamble: Sequence[PreambularClause],
    operative: Sequence[OperativeClause],
    footnotes: Sequence[Footnote],
    annexes: Sequence[Annex] = (),
) -> tuple[Citation, ...]:
    """The citations in a resolution's clauses, footnotes and annexes (an attached
    declaration or draft: `prof`: the citing body's profile), but of the resolution itself
    (`identifier`)."""
    found: list[Citation] = []
    places = [
        *((f"preamble-{i}", c.text) for i, c in enumerate(preamble, start=1)),
        *((f"operative-{i}", _operative_text(c)) for i, c in enumerate(operative, 1)),
        *((f"footnote-{n.label}", n.text) for n in footnotes),
        *((f"annex-{i}", p) for i, a in enumerate(annexes, 1) for p in a.paragraphs),
    ]
    seen: set[tuple[str, str, str]] = set()  # an annex is one place of many paragraphs
    for cited in cite_places(places, _own_style(prof)):
        for c in cited:
            if c.identifier != identifier and (not c.clause.startswith("annex") or _first(c, seen)):
                found.append(c)
    return tuple(found)


def _first(citation: Citation, seen: set[tuple[str, str, str]]) -> bool:
    """Whether `citation` is the first of its identifier and kind in its place (`seen`:
    those met before, which it joins)."""
    key = (citation.clause, citation.identifier, citation.kind)
    if key in seen:
        return False
    seen.add(key)
    return True


def _own_style(prof: BodyProfile) -> str | None:
    """The identifier style of the citing body's own resolutions, if known."""
    return prof.identifier_styles[0] if prof.identifier_styles else None


def _operative_text(clause: OperativeClause) -> str:
    """The clause's text with the text of its sub-paragraphs, at every depth."""
    return f"{clause.text} {_flat(clause.subparagraphs)}"


def _flat(subs: tuple[SubParagraph, ...]) -> str:
    """The texts of `subs`, each followed by a space and its own sub-paragraphs' texts."""
    return " ".join([f"{s.text} {_flat(s.subparagraphs)}" for s in subs]) if subs else ""


def _line(blocks: list[Block]) -> int | None:
    return blocks[0].line if blocks else None
