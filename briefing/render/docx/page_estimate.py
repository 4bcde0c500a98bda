"""A first guess at the page each part of the pack starts on, for the contents page's cached numbers.

The contents page and the agenda give page numbers through PAGEREF fields (see
:func:`briefing.render.docx.fields.page_reference`): LibreOffice computes them when it lays the pack out and
Word when it updates fields, so the numbers a reader sees come from the layout. A field also carries the
result it shows until then (a reader that lays nothing out, a preview); that result is this estimate, made
from the length of the texts: every agenda item and annex starts a new page, and a page holds about
:data:`LINES_PER_PAGE` lines of :data:`CHARACTERS_PER_LINE` characters.
"""

from __future__ import annotations

import math

from briefing.assemble.outline import Outline, Passage

LINES_PER_PAGE = 44
"""Lines of body text on an A4 page between the header and the footer."""

CHARACTERS_PER_LINE = 88
"""Characters of 11-point body text on a line of the full text width."""

_HEADING_LINES = 3.0
_PARAGRAPH_LINES = 0.5
"""The space after a paragraph, in lines."""


def _lines(text: str, width: int) -> float:
    return max(1, math.ceil(len(text) / width)) + _PARAGRAPH_LINES


def _passage_lines(passage: Passage | None, bilingual: bool) -> float:
    """Lines taken by a passage: side by side in the interpreter's copy, the longer column counts."""
    if passage is None:
        return 0.0
    width = CHARACTERS_PER_LINE // 2 - 4 if bilingual else CHARACTERS_PER_LINE - 4
    return max((_lines(text.text, width) for text in passage if text.text), default=0.0)


def _pages(lines: float) -> int:
    return max(1, math.ceil(lines / LINES_PER_PAGE))


def estimated_pages(outline: Outline, *, contents_lines: int) -> dict[str, int]:
    """The estimated first page of each part, by the anchor of its heading (cover = page 1)."""
    bilingual = len(outline.languages) > 1
    pages: dict[str, int] = {}
    page = 2  # the contents page follows the cover
    page += _pages(contents_lines + _HEADING_LINES)
    lines = 0.0
    if outline.objectives:
        pages["objectives"] = page
        lines = _HEADING_LINES + sum(_passage_lines(o, bilingual) for o in outline.objectives)
    if lines + _HEADING_LINES + 2 > LINES_PER_PAGE:
        page += _pages(lines)
        lines = 0.0
    page += int(lines // LINES_PER_PAGE)
    pages["agenda"] = page
    lines = (lines % LINES_PER_PAGE) + _HEADING_LINES + 1.5 * len(outline.agenda)
    page += _pages(lines)
    for section in outline.sections:
        pages[section.anchor] = page
        lines = _HEADING_LINES + len(section.topics)
        for slot in section.slots:
            lines += 2.0
            for entry in slot.entries:
                for passage in (entry.body, entry.question, entry.answer):
                    lines += _passage_lines(passage, bilingual)
        if section.actions:
            lines += 2.0
        page += _pages(lines)
    annex_lines = {
        "participants": sum(_passage_lines(p.bio, False) + 1 for p in outline.participants),
        "actions": sum(_passage_lines(a.text, True) for a in outline.actions),
        "sources": 1.5 * len(outline.sources),
    }
    for line in outline.contents:
        if line.anchor not in pages:
            pages[line.anchor] = page
            page += _pages(_HEADING_LINES + 2 + annex_lines.get(line.anchor, 0.0))
    return pages
