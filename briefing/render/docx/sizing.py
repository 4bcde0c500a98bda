"""Sizes guessed from the length of texts: column widths that fit their content, rows that fit on a page.

A fixed table grid is chosen before any reader lays the pack out, so widths come from the texts: a column
of words that must not wrap (a date with no-break spaces, a status) gets the width of its longest text; the
columns of running text share the rest, the main one (the action's text) never less than half the table.

A table row is kept whole on a page (``w:cantSplit``) unless it may be taller than a page: then it has to
break, or LibreOffice cuts it off at the bottom of the page. Widths of text are estimates, so a row is only
kept whole up to :data:`LONGEST_WHOLE_ROW` lines, well short of a page; a longer row moved whole to the next
page would also leave the foot of the page before it empty.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

TWIPS_PER_CHARACTER = 110
"""Average width of a character of 10-point running text in a table, in twips."""

TWIPS_PER_UNBREAKABLE_CHARACTER = 140
"""Width of a character of a text that must not wrap (a date, a status, perhaps in bold), in twips: wide
enough for bold digits in the fonts LibreOffice falls back on (DejaVu Sans) when Calibri is missing."""

CELL_MARGINS = 170
"""Left and right cell margins of the house table style, in twips."""

LONGEST_WHOLE_ROW = 24
"""The most lines (estimated) of a row kept whole on a page: about half an A4 page of 10-point text."""


def text_twips(characters: int) -> int:
    """The width a cell needs to show ``characters`` characters that must not wrap on one line."""
    return characters * TWIPS_PER_UNBREAKABLE_CHARACTER + CELL_MARGINS


def unbreakable_width(texts: Iterable[str]) -> int:
    """The width a column needs so that none of ``texts`` wraps (no-break spaces hold words together)."""
    return text_twips(max((len(text) for text in texts), default=0))


def shared_widths(
    total: int, fixed: Sequence[int | None], shares: Sequence[int], first_at_least: float
) -> list[int]:
    """Widths of a table's columns: ``fixed`` ones as given, the others (``None``) sharing the rest.

    The rest is split in proportion to ``shares`` (one per ``None`` column); the first shared column gets at
    least ``first_at_least`` of ``total`` when the rest allows it.
    """
    rest = total - sum(width for width in fixed if width is not None)
    free = [index for index, width in enumerate(fixed) if width is None]
    whole = sum(shares)
    widths = [rest * share // whole for share in shares]
    minimum = min(int(total * first_at_least), rest)
    if widths and widths[0] < minimum:
        others = rest - minimum
        others_whole = sum(shares[1:]) or 1
        widths = [minimum] + [others * share // others_whole for share in shares[1:]]
    if widths:
        widths[-1] += rest - sum(widths)
    result = [width or 0 for width in fixed]
    for index, width in zip(free, widths, strict=True):
        result[index] = width
    return result


def text_lines(text: str, width: int) -> int:
    """Lines ``text`` takes in a cell of ``width`` twips."""
    per_line = max(1, (width - CELL_MARGINS) // TWIPS_PER_CHARACTER)
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def row_lines(cells: Iterable[tuple[Sequence[str], int]]) -> int:
    """Lines of the tallest cell of a row; each cell is its paragraphs and its width."""
    return max((sum(text_lines(text, width) for text in texts) for texts, width in cells), default=1)


def fits_on_a_page(lines: int) -> bool:
    """True when a row of ``lines`` (estimated) lines is kept whole on a page."""
    return lines <= LONGEST_WHOLE_ROW
