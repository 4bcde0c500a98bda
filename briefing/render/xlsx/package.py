"""Saving workbooks so they pass the Office Open XML schema, not only Excel's leniency.

openpyxl serialises a font's child elements (name, family, colour, size…) in an order the schema does not allow;
Excel and LibreOffice accept it, a strict validator does not. :func:`save_workbook` saves with openpyxl's font
element order corrected to the schema's. The correction only changes the order openpyxl writes those elements in,
so it is applied once, for every workbook, before saving; nothing is rewritten after the fact.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FONT_CHILD_ORDER = (
    "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name",
    "family", "charset", "scheme",
)  # fmt: skip
"""CT_Font's elements in the order ECMA-376 gives them."""


def save_workbook(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook at ``path`` with schema-ordered fonts.

    The workbook is built in memory and then written in one go: openpyxl writing straight to a disk that fills
    up leaves its zip file and sheet writers half-closed, and their clean-up prints tracebacks on the terminal
    long after the error was reported. Writing finished bytes fails cleanly with the disk's error instead.
    """
    use_schema_font_order()
    stream = io.BytesIO()
    workbook.save(stream)
    with Path(path).open("wb") as output:
        output.write(stream.getbuffer())


def use_schema_font_order() -> None:
    """Make openpyxl write font elements in schema order (idempotent)."""
    from openpyxl.styles.fonts import Font

    rank = {name: index for index, name in enumerate(FONT_CHILD_ORDER)}
    Font.__elements__ = tuple(sorted(Font.__elements__, key=lambda name: rank.get(name, len(rank))))


def discard_workbook(workbook: Any) -> None:
    """Remove the temporary files of a write-only workbook that will not be saved (its export was cancelled or
    failed): openpyxl keeps each write-only sheet's rows in a file of the system's temporary folder until the
    workbook is saved, and would otherwise leave them there until the program ends."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None or not isinstance(getattr(writer, "out", None), str):
            continue
        rows = getattr(sheet, "_rows", None)
        with contextlib.suppress(
            Exception
        ):  # a half-written sheet may not close cleanly: its file goes anyway
            if rows is not None:
                rows.close()  # the rows' element first, or closing it later fails
            writer.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()
