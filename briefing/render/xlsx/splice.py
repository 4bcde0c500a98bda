"""Putting a sheet's data rows into the package openpyxl saved: openpyxl writes the sheets' headers, tables and
settings; the rows, made as XML directly (inline strings, one style record per kind of cell), go in afterwards,
because openpyxl's cell-by-cell writer takes most of a large pack's time. Entries keep a fixed date and the
workbook's modification time is the export's, so the same pack makes the same bytes."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from briefing.progress import Step
from briefing.render.xlsx.layout import LINE_HEIGHT

ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
"""The date of every entry of the package: the zip epoch, so the same pack makes the same bytes."""
SPLICE_CHUNK = 1 << 20
"""Characters of a sheet's XML compressed between two steps."""


_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _dated(core: str, moment: dt.datetime) -> str:
    """openpyxl's core properties with the modification time ``moment`` (openpyxl writes the present one)."""
    stamp = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _MODIFIED.sub(lambda found: f"{found.group(1)}{stamp}{found.group(2)}", core, count=1)


@dataclass
class SheetRows:
    """The data rows of one sheet, as XML, to put into the saved package."""

    part: str
    """The sheet's part name in the package."""
    widths: tuple[float, ...]
    """The columns' widths, in characters."""
    header_height: float = LINE_HEIGHT
    xml: list[str] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return len(self.widths)

    @property
    def last_row(self) -> int:
        return len(self.xml) + 1


def escape_text(text: str) -> str:
    """``text`` escaped for an XML text node."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def splice_rows(path: Path, sheets: Sequence[SheetRows], now: dt.datetime, step: Step) -> None:
    """Put each sheet's rows into the package at ``path`` (replaced once the new one is whole), dated ``now``.

    A sheet's XML is compressed :data:`SPLICE_CHUNK` characters at a time, each chunk reported to ``step``
    (the bytes are those one write of the whole would make)."""
    by_part = {rows.part: rows for rows in sheets}
    spliced = path.with_name(path.name + ".rows")
    total = max(1, sum(len(row) for rows in by_part.values() for row in rows.xml))
    done = 0
    step(0.0)
    try:
        with (
            zipfile.ZipFile(path) as source,
            zipfile.ZipFile(spliced, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                data = source.read(info).decode("utf-8")
                rows = by_part.get(info.filename)
                if rows is not None and rows.xml:
                    data = _with_rows(data, rows)
                    step(min(1.0, done / total))
                elif info.filename == "docProps/core.xml":
                    data = _dated(data, now)
                entry = zipfile.ZipInfo(info.filename, ENTRY_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = info.external_attr
                encoded = data.encode("utf-8")
                entry.file_size = len(encoded)
                with target.open(entry, "w") as member:
                    for start in range(0, len(encoded), SPLICE_CHUNK):
                        member.write(encoded[start : start + SPLICE_CHUNK])
                        done += min(SPLICE_CHUNK, len(encoded) - start)
                        step(min(1.0, done / total))
        os.replace(spliced, path)
    finally:
        spliced.unlink(missing_ok=True)


def _with_rows(xml: str, rows: SheetRows) -> str:
    """A sheet's XML with ``rows`` after its header row and its dimension covering them."""
    last = f"{get_column_letter(rows.columns)}{rows.last_row}"
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:{last}"/>', xml, count=1)
    if "</sheetData>" not in xml:
        raise ValueError("a saved sheet without its data")
    xml = re.sub(
        r'<row r="1"(?=[ >])', f'<row r="1" ht="{rows.header_height:g}" customHeight="1"', xml, count=1
    )
    return xml.replace("</sheetData>", "".join(rows.xml) + "</sheetData>", 1)
