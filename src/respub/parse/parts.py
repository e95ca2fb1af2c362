"""Parts of a resolution around its clauses: recitals printed before the enacting
formula, and an instrument printed after the operative part.

A declaration proclaimed by a body may put its recitals first ("Whereas ...", "Now,
therefore, The General Assembly proclaims ..."); and the text a resolution adopts may
follow its operative paragraph inline ("Adopts the following declaration: Title ...")
or as articles ("Article 1 ..."). Following AKN4UN, the attached text is an annex.
"""

from __future__ import annotations

import re

from respub.knowledge.headings import article_heading
from respub.knowledge.lexicon import Lexicon
from respub.model import Annex
from respub.parse.blocks import Block

_LABEL = re.compile(r"^(?:\d{1,3}\.|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\))\s")
_NUMBER = re.compile(r"^\d{1,3}\.\s+")
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
    in a colon ("Adopts the following declaration:" / "Political declaration ...").

    >>> from respub.knowledge.lexicon import lexicon
    >>> blocks = [Block(t, i) for i, t in enumerate(
    ...     ["Adopts the following declaration:", "Declaration on X", "1. We commit"])]
    >>> clauses, annex = split_attachment(blocks, lexicon("en"), None)
    >>> [b.text for b in clauses]
    ['Adopts the following declaration:']
    >>> annex
    Annex(title='Declaration on X', paragraphs=('1. We commit',))
    """
    for index, block in enumerate(blocks):
        if index == 0:
            continue
        if article_heading().match(block.text):
            paragraphs = tuple(b.text for b in blocks[index:])
            return blocks[:index], Annex(title=title or block.text, paragraphs=paragraphs)
        before = _NUMBER.sub("", blocks[index - 1].text)  # "5. Adopts ...:" or "Adopts ...:"
        if (
            index + 1 < len(blocks)
            and before.rstrip().endswith(":")
            and not _LABEL.match(before)
            and lexicon.match_opener(before, "operative")
            and _is_title(block.text, lexicon)
        ):
            paragraphs = tuple(b.text for b in blocks[index + 1 :])
            return blocks[:index], Annex(title=block.text, paragraphs=paragraphs)
    return blocks, None


def _is_title(text: str, lexicon: Lexicon) -> bool:
    """A heading line: capitalised, unpunctuated at the end, opening no clause."""
    return (
        text[:1].isupper()
        and not re.search(r"[.,;:]$", text)
        and not _LABEL.match(text)
        and len(text.split()) <= 30
        and lexicon.match_opener(text, "preambular") is None
        and lexicon.match_opener(text, "operative") is None
    )
