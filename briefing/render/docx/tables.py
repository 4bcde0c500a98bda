"""Tables written as text: a fixed grid in twips, header rows that repeat on every page, shaded cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def column_widths(total: int, shares: Sequence[int]) -> list[int]:
    """Split ``total`` twips between columns in proportion to ``shares``; the last column takes the rest."""
    whole = sum(shares)
    widths = [total * share // whole for share in shares[:-1]]
    return [*widths, total - sum(widths)]


def table(widths: Sequence[int], rows: Iterable[str], *, style: str | None = None) -> str:
    """A table of fixed column ``widths`` holding ready-made ``rows`` (see :func:`row`)."""
    style_xml = f'<w:tblStyle w:val="{style}"/>' if style else ""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        f'<w:tbl><w:tblPr>{style_xml}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def row(cells: Iterable[str], *, header: bool = False, keep_together: bool = False) -> str:
    """A table row; a ``header`` row repeats at the top of each page and is never split."""
    if header:
        properties = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    elif keep_together:
        properties = "<w:trPr><w:cantSplit/></w:trPr>"
    else:
        properties = ""
    return f"<w:tr>{properties}{''.join(cells)}</w:tr>"


def cell(content: str, width: int, *, fill: str | None = None) -> str:
    """A cell of ``width`` twips holding ready-made paragraphs (an empty one when ``content`` is empty)."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>{content or "<w:p/>"}</w:tc>'
