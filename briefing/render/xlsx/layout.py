"""The look every workbook of the app shares: header row, Excel tables, widths, row heights, printing with the
marking.

Works on ordinary and write-only worksheets alike; write-only sheets take their column widths, panes, table
and print settings before their first row is written.

Every font is named and sized (:data:`FONT_NAME`, :data:`FONT_SIZE`): a font record without them leaves the
choice to the reader, and LibreOffice and Excel then print the same sheet differently. Spreadsheet programs do not
size rows for wrapped text when they open a file (Excel never does; LibreOffice only for rows without a height),
so :func:`row_height` estimates each row's height from its texts and its columns' widths.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from briefing.render.xlsx.cells import CellStyle, text_cell

TABLE_STYLE = "TableStyleMedium2"
DATE_FORMAT = "yyyy-mm-dd"
"""How date cells are shown: the same in both languages and sortable; the value is a real date."""

PAPER_A4 = 9
MAX_SHEET_TITLE = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")

FONT_NAME = "Calibri"
FONT_SIZE = 11
LINE_HEIGHT = 15.0
"""Points per line of wrapped text: Excel's line for 11-point Calibri, a little more than LibreOffice needs."""
ROW_PADDING = 3.0
"""Points above and below the lines of a cell."""
MAX_ROW_HEIGHT = 409.0
"""Excel's largest row height, in points; it also fits within the printable height of a landscape A4 page."""
BOLD_WIDTH = 1.15
"""How much wider a bold text runs than a regular one."""


def font(**attributes: Any) -> Font:
    """A font of the app's workbooks: :data:`FONT_NAME` at :data:`FONT_SIZE` unless given otherwise."""
    return Font(**{"name": FONT_NAME, "size": FONT_SIZE, **attributes})


WRAP = Alignment(wrap_text=True, vertical="top")
BODY_FONT = font()
HEADER = CellStyle(
    font=font(bold=True, color="FFFFFF"),
    fill=PatternFill("solid", fgColor="1F3864"),
    alignment=Alignment(wrap_text=True, vertical="center"),
)
TEXT = CellStyle(font=BODY_FONT, alignment=WRAP)
DATE = CellStyle(
    font=BODY_FONT, alignment=Alignment(vertical="top", horizontal="left"), number_format=DATE_FORMAT
)
OVERDUE_DATE = CellStyle(
    font=font(bold=True, color="C00000"),
    alignment=Alignment(vertical="top", horizontal="left"),
    number_format=DATE_FORMAT,
)
UNTRANSLATED = CellStyle(font=font(italic=True, color="7F7F7F"), alignment=WRAP)
EDITABLE = CellStyle(
    font=BODY_FONT,
    alignment=WRAP,
    protection=Protection(locked=False),
    fill=PatternFill("solid", fgColor="FFF2CC"),
)


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading and its width in characters."""

    header: str
    width: float = 18
    hidden: bool = False


def wrapped_lines(text: str, width: float, *, widen: float = 1.0) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width`` characters wide.

    Each line breaks at the last space that lets it fit, counting one character of the width per letter: a little
    more than the average letter takes in Calibri or in the DejaVu Sans LibreOffice puts in its place where
    Calibri is missing, so the estimate errs on the side of a taller row. ``widen`` scales the letters (bold runs
    wider). A word longer than a line is broken.
    """
    per_line = max(1, int(width / widen) - 1)
    lines = 0
    for paragraph in text.split("\n"):
        start, end = 0, len(paragraph)
        while end - start > per_line:
            cut = paragraph.rfind(" ", start, start + per_line + 1)
            start = cut + 1 if cut > start else start + per_line
            lines += 1
        lines += 1
    return lines


def row_height(cells: Iterable[tuple[str, float]], *, widen: float = 1.0) -> float:
    """The height in points of a row whose wrapped ``cells`` are (text, column width) pairs: room for the
    cell with the most lines, at most :data:`MAX_ROW_HEIGHT` (a longer text is cut off on screen and paper)."""
    lines = max((wrapped_lines(text, width, widen=widen) for text, width in cells if text), default=1)
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)


def sheet_title(text: str, taken: Iterable[str] = (), fallback: str = "Sheet") -> str:
    """A valid, unused sheet name for ``text``: at most 31 characters, none of ``[]:*?/\\``."""
    base = _SHEET_TITLE_FORBIDDEN.sub("-", text).strip().strip("'").strip() or fallback
    base = base[:MAX_SHEET_TITLE].rstrip()
    used = {name.casefold() for name in taken}
    title, n = base, 1
    while title.casefold() in used or title.casefold() == "history":
        n += 1
        suffix = f" ({n})"
        title = base[: MAX_SHEET_TITLE - len(suffix)].rstrip() + suffix
    return title


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Table column names must differ: a repeated heading gets a number."""
    seen: set[str] = set()
    result = []
    for header in headers:
        name, n = header or "-", 1
        while name.casefold() in seen:
            n += 1
            name = f"{header} {n}"
        seen.add(name.casefold())
        result.append(name)
    return result


def set_up_columns(worksheet: Any, columns: Sequence[Column]) -> None:
    """Widths and visibility of ``columns``, a frozen header row and the header repeated on every page."""
    for index, column in enumerate(columns, start=1):
        dimension = worksheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.hidden:
            dimension.hidden = True
    worksheet.freeze_panes = "A2"
    worksheet.print_title_rows = "1:1"


def header_cells(worksheet: Any, headers: Sequence[str]) -> list[Any]:
    """The header row as styled cells for a write-only sheet."""
    return [text_cell(worksheet, header, HEADER) for header in headers]


def write_header(worksheet: Any, headers: Sequence[str]) -> None:
    """The header row of an ordinary sheet."""
    for index, header in enumerate(headers, start=1):
        cell = worksheet.cell(row=1, column=index)
        cell.value = header
        HEADER.apply(cell)


def add_table(worksheet: Any, name: str, headers: Sequence[str], rows: int) -> Table:
    """An Excel table (with its filter buttons) over the header row and ``rows`` data rows.

    A table needs at least one data row, so an empty sheet gets a table over one empty row.
    """
    last = f"{get_column_letter(len(headers))}{max(rows, 1) + 1}"
    table = Table(displayName=name, ref=f"A1:{last}")
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    table._initialise_columns()
    for column, header in zip(table.tableColumns, headers, strict=True):
        column.name = header
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "In write-only mode")
        worksheet.add_table(table)
    return table


def header_footer_text(text: str, limit: int = 100) -> str:
    """``text`` for a page header or footer: ampersands doubled, line breaks flattened, kept short."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.replace("&", "&&")


def set_up_printing(
    worksheet: Any,
    *,
    marking: str | None,
    title: str = "",
    page: tuple[str, str, str] | None = None,
) -> None:
    """Landscape, fitted to the page width, with the marking at the top and bottom of every page.

    ``page`` is the text before, between and after the page number and page count ("Page ", " of ", "").
    """
    if marking:
        for part in (worksheet.oddHeader.center, worksheet.oddFooter.center):
            part.text = header_footer_text(marking)
            part.font = f"{FONT_NAME},Bold"
            part.color = "C00000"
    if title:
        worksheet.oddFooter.left.text = header_footer_text(title)
    if page is not None:
        before, between, after = (part.replace("&", "&&") for part in page)
        worksheet.oddFooter.right.text = f"{before}&P{between}&N{after}"
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = PAPER_A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
