"""Parts of a resolution around its clauses: recitals printed before the enacting
formula, an instrument printed after the operative part, and the later parts of a
resolution adopted in parts ("A", its clauses and closing line, then "B" ...).

A declaration proclaimed by a body may put its recitals first ("Whereas ...", "Now,
therefore, The General Assembly proclaims ..."); and the text a resolution adopts may
follow its operative paragraph inline ("Adopts the following declaration: Title ...")
or as articles ("Article 1 ..."). Following AKN4UN, the attached text is an annex.
"""

from __future__ import annotations

import itertools
import re

from respub.knowledge.headings import article_heading
from respub.knowledge.identifiers import identify, style
from respub.knowledge.layout import MARKS
from respub.knowledge.lexicon import Lexicon
from respub.knowledge.profiles import unknown_body
from respub.model import Annex
from respub.parse.blocks import Block

_CONNECTOR_WORDS = 6  # "Now, therefore," — a short phrase leading into the formula


def split_recitals(
    head: list[Block], lexicon: Lexicon
) -> tuple[list[Block], list[Block], list[Block]]:
    """(header, recitals, lead-in) of the blocks before the formula.

    Recitals start at the first block opened by a preambular phrase; short blocks
    after the last recital that open no clause ("Now, therefore,") lead into the formula.

    >>> from respub.knowledge.lexicon import lexicon
    >>> blocks = [Block(t, i) for i, t in enumerate(["Title", "Whereas a,", "Now, therefore,"])]
    >>> [[b.text for b in part] for part in split_recitals(blocks, lexicon("en"))]
    [['Title'], ['Whereas a,'], ['Now, therefore,']]
    """
    first = next(
        (i for i, b in enumerate(head) if lexicon.match_opener(b.text, "preambular")), None
    )
    if first is None:
        return head, [], []
    end = len(head)
    while (
        end > first + 1
        and len(head[end - 1].text.split()) <= _CONNECTOR_WORDS
        and not lexicon.match_opener(head[end - 1].text, "preambular")
    ):
        end -= 1
    return head[:first], head[first:end], head[end:]


def split_attachment(
    blocks: list[Block], lexicon: Lexicon, title: str | None
) -> tuple[list[Block], Annex | None]:
    """(clause blocks, the attached instrument as an annex) of the body's blocks.

    The instrument starts at an article heading after the first clause (the annex takes
    the resolution's `title`), or at a title line after an operative paragraph ending
    in a colon ("Adopts the following declaration:" / "Political declaration ..."), or at
    an enacting formula after one: the draft another body is to adopt ("Recommends to the
    Seventy-sixth World Health Assembly the adoption of the following resolution:" / "The
    Seventy-sixth World Health Assembly,"), titled by the body it names.

    >>> from respub.knowledge.lexicon import lexicon
    >>> blocks = [Block(t, i) for i, t in enumerate(
    ...     ["Adopts the following declaration:", "Declaration on X", "1. We commit"])]
    >>> clauses, annex = split_attachment(blocks, lexicon("en"), None)
    >>> [b.text for b in clauses]
    ['Adopts the following declaration:']
    >>> annex
    Annex(title='Declaration on X', paragraphs=('1. We commit',), marks=())
    """
    heading = article_heading()
    for index, block in enumerate(blocks):
        if index == 0:
            continue
        if heading.match(block.text):
            paragraphs = tuple(b.text for b in blocks[index:])
            return blocks[:index], Annex(title=title or block.text, paragraphs=paragraphs)
        above = blocks[index - 1].text  # "5. Adopts ...:" or "Adopts ...:"
        if index + 1 == len(blocks) or not above.rstrip().endswith(":"):
            continue  # (taking the number off leaves the end as it is)
        before = MARKS.number_prefix.sub("", above)
        if MARKS.clause_label.match(before) or not lexicon.match_opener(before, "operative"):
            continue
        if _is_title(block.text, lexicon):
            paragraphs = tuple(b.text for b in blocks[index + 1 :])
            return blocks[:index], Annex(title=block.text, paragraphs=paragraphs)
        if formula := _formula(block.text, lexicon):  # a draft another body is to adopt
            paragraphs = tuple(b.text for b in blocks[index:])
            return blocks[:index], Annex(title=formula, paragraphs=paragraphs)
    return blocks, None


def _formula(text: str, lexicon: Lexicon) -> str | None:
    """The body an enacting formula names ("The Seventy-sixth World Health Assembly,"
    gives "The Seventy-sixth World Health Assembly"), as any body prints one; else None."""
    pattern = unknown_body().pattern("formula", lexicon.language)
    found = pattern.match(text) if pattern is not None else None
    return found.group().strip().rstrip(",،").strip() if found else None


def _is_title(text: str, lexicon: Lexicon) -> bool:
    """A heading line: capitalised, unpunctuated at the end, opening no clause."""
    return (
        text[:1].isupper()
        and not re.search(r"[.,;:]$", text)
        and not MARKS.clause_label.match(text)
        and len(text.split()) <= 30
        and lexicon.match_opener(text, "preambular") is None
        and lexicon.match_opener(text, "operative") is None
    )


_PART_LABEL = re.compile(r"^[A-Z]$")


def split_parts(blocks: list[Block], first: str = "A") -> tuple[list[Block], list[list[Block]]]:
    """(closing lines, later parts) of the blocks after the first part's closing line.

    A later part opens with its letter alone ("B", then "C" ...) and holds its own
    enacting formula; the blocks of each part start with its letter.

    >>> closing, parts = split_parts([Block("3rd plenary meeting", 9), Block("B", 10),
    ...     Block("The Assembly,", 11), Block("1. Decides;", 12)], "A")
    >>> [b.text for b in closing], [[b.text for b in p] for p in parts]
    (['3rd plenary meeting'], [['B', 'The Assembly,', '1. Decides;']])
    """
    starts: list[int] = []
    expected = chr(ord(first) + 1)
    for index, block in enumerate(blocks):
        if block.text == expected and _PART_LABEL.match(block.text):
            starts.append(index)
            expected = chr(ord(expected) + 1)
    if not starts:
        return blocks, []
    bounds = [*starts, len(blocks)]
    return blocks[: starts[0]], [blocks[a:b] for a, b in itertools.pairwise(bounds)]


def part_identifier(identifier: str, label: str) -> str | None:
    """The identifier of part `label` of a resolution, in its own style; None when the
    style prints no part letter or the identifier already has one.

    >>> part_identifier("A/RES/80/2", "B"), part_identifier("A/RES/217(III)", "A")
    ('A/RES/80/2B', 'A/RES/217A(III)')
    >>> part_identifier("WHA66.4", "B") is None
    True
    """
    named = identify(identifier)
    if named is None or named.suffix:
        return None
    fields = {"session": named.session, "year": named.year, "number": named.number}
    built = style(named.style).build({**fields, "suffix": label})
    return built.canonical if built and built.canonical != identifier else None
