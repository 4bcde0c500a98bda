"""The seeds written one paragraph per line with Markdown-like marks (000, 002, 003, 004), as paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefing.interchange.demo.seeds.cleanup import (
    Block,
    BlockKind,
    normalise_spaces,
    rejoin_page_breaks,
    strip_emphasis,
    strip_links,
)

_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def _markdown_line_blocks(lines: Iterable[str]) -> Iterator[tuple[BlockKind, list[str]]]:
    """Group lines into blocks: blank lines end a block, list markers and headings start a new one."""
    kind: BlockKind = "text"
    current: list[str] = []
    for line in lines:
        if not line.strip() or _MD_RULE.match(line):
            if current:
                yield kind, current
            kind, current = "text", []
        elif _MD_HEADING.match(line):
            if current:
                yield kind, current
            yield "heading", [_MD_HEADING.sub("", line)]
            kind, current = "text", []
        elif _MD_BULLET.match(line) or _MD_NUMBERED.match(line):
            if current:
                yield kind, current
            kind, current = "item", [_MD_BULLET.sub("", line)]
        else:
            current.append(line)
    if current:
        yield kind, current


def _markdown_blocks(raw: str) -> list[Block]:
    """The paragraphs of Markdown-like ``raw`` text as blocks, cleaned, with page-break splits joined."""
    blocks = []
    for kind, lines in _markdown_line_blocks(raw.splitlines()):
        text = clean_markdown_line(" ".join(line.strip() for line in lines))
        if text:
            blocks.append(Block(text, kind))
    return rejoin_page_breaks(blocks)


def clean_markdown_line(text: str) -> str:
    """One paragraph of Markdown-like text without links, emphasis or extra spaces."""
    return normalise_spaces(strip_emphasis(strip_links(text)))


def clean_markdownish_text(raw: str) -> list[str]:
    """The paragraphs of an English seed written one paragraph per line with Markdown-like marks.

    Consecutive non-blank lines make one paragraph (the programme's bold title spans three lines), except
    that each list item (``- i. …``, ``- To …``, ``1. …``) is a paragraph of its own. The ``-`` bullet mark
    is dropped, a written enumerator such as ``i.`` or ``1.`` is kept. Emphasis, links, heading marks and
    horizontal rules are removed, and paragraphs cut by a page break are joined again.
    """
    return [block.text for block in _markdown_blocks(raw)]
