"""What a translation workbook may declare, checked from its zip directory before any XML is parsed.

A workbook is a zip of XML parts, and its parser trusts what they declare: a sheet whose ``<dimension>``
claims A1:XFD1048576 is read as 17 billion cells, a part of a few kilobytes can inflate to gigabytes, and the
shared strings are all loaded at once. So the archive is looked at first, without parsing: the number of
parts, each part's and the total uncompressed size (as the zip directory records it; reading stops there, so
a part cannot grow past it), the declared dimensions of every sheet and the declared number of shared
strings. A workbook beyond any bound is refused before openpyxl sees it; the rows are bounded again while
they are read (see :mod:`~briefing.interchange.translation_workbook.importer`).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from briefing.errors import N_, InterchangeError, Message
from briefing.zip_bounds import Overflow, ZipBounds, ZipProblem, check_directory

MAX_PARTS = 500
"""Parts in the zip (a translation workbook has about fifteen)."""
MAX_PART_BYTES = 128 * 1024 * 1024
"""Uncompressed bytes of one part."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Uncompressed bytes of all parts together."""
MAX_ROWS = 150_000
"""Rows of a sheet (a workbook for the whole library has one row per text)."""
MAX_COLUMNS = 64
"""Columns of a sheet (the translation sheet has seven)."""
MAX_CELLS = 1_000_000
"""Cells written in a sheet, wherever they are (the parser holds a whole row in memory)."""
MAX_SHARED_STRINGS = 2_000_000
"""Entries of the shared string table."""
_HEAD_BYTES = 64 * 1024
"""How much of a part is read to find what it declares at its start."""

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_SST = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_COUNT = re.compile(rb"\b(?:count|uniqueCount)\s*=\s*[\"']\s*([0-9]+)\s*[\"']")


_BOUNDS = ZipBounds(max_entries=MAX_PARTS, max_part_bytes=MAX_PART_BYTES, max_total_bytes=MAX_TOTAL_BYTES)


def _refused(path: Path, msgid: str, **params: object) -> InterchangeError:
    return InterchangeError(N_("{path}: {problem}"), path=path.name, problem=Message(msgid, **params))


def _directory_refusal(path: Path, problem: ZipProblem) -> InterchangeError:
    if problem.overflow is Overflow.ENTRIES:
        return _refused(
            path,
            N_("the workbook has {count} parts, more than {most}"),
            count=problem.found,
            most=problem.limit,
        )
    if problem.overflow is Overflow.PART:
        return _refused(
            path,
            N_("the part {part} would take {size} MB once unpacked, more than {most} MB"),
            part=problem.part,
            size=problem.found // 2**20,
            most=problem.limit // 2**20,
        )
    return _refused(
        path,
        N_("the workbook would take {size} MB once unpacked, more than {most} MB"),
        size=problem.found // 2**20,
        most=problem.limit // 2**20,
    )


def column_number(letters: str) -> int:
    """1 for A, 27 for AA, 16 384 for XFD."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def check_workbook_archive(path: Path) -> None:
    """Refuse a workbook whose zip directory or declarations go beyond the bounds of this module."""
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise InterchangeError(
            N_("Cannot read {path}: {reason}"), path=path, reason=exc.strerror or exc
        ) from exc
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InterchangeError(
            N_("{path} is not an Excel workbook (.xlsx), or it is damaged."), path=path
        ) from exc
    with archive:
        entries = archive.infolist()
        problem = check_directory(entries, _BOUNDS)
        if problem is not None:
            raise _directory_refusal(path, problem)
        for entry in entries:
            name = entry.filename.lower()
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_dimension(path, entry.filename, _head(archive, entry))
                _check_cells(path, archive, entry)
            elif name == "xl/sharedstrings.xml":
                _check_shared_strings(path, _head(archive, entry))


def _head(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(entry) as part:
            return part.read(_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise InterchangeError(
            N_("{path} is not an Excel workbook (.xlsx), or it is damaged."), path=archive.filename
        ) from exc


def _check_cells(path: Path, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Count the cells and rows a sheet writes, streaming through it without parsing it."""
    cells = rows = 0
    tail = b""
    try:
        with archive.open(entry) as part:
            while chunk := part.read(1024 * 1024):
                window = tail + chunk
                cells += len(_CELL_TAG.findall(window))
                rows += len(_ROW_TAG.findall(window))
                tail = b""
                cut = window.rfind(b"<")
                if cut != -1 and len(window) - cut < 16:  # a tag cut by the chunk: count it with the next one
                    tail = window[cut:]
                    cells -= len(_CELL_TAG.findall(tail))
                    rows -= len(_ROW_TAG.findall(tail))
                if cells > MAX_CELLS or rows > MAX_ROWS:
                    raise _refused(
                        path,
                        N_("the sheet {part} holds more than {rows} rows or {cells} cells"),
                        part=entry.filename,
                        rows=MAX_ROWS,
                        cells=MAX_CELLS,
                    )
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise InterchangeError(
            N_("{path} is not an Excel workbook (.xlsx), or it is damaged."), path=path
        ) from exc


def _check_dimension(path: Path, part: str, head: bytes) -> None:
    found = _DIMENSION.search(head)
    if found is None:
        return
    ref = found.group(1).decode("ascii", "replace").strip()
    corners = ref.split(":")
    last = _CELL.match(corners[-1])
    if last is None or len(corners) > 2:
        raise _refused(
            path, N_("the sheet {part} declares an unreadable size “{ref}”"), part=part, ref=ref[:40]
        )
    columns, rows = column_number(last.group(1)), int(last.group(2))
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _refused(
            path,
            N_("the sheet {part} declares {ref}: more than {rows} rows or {columns} columns"),
            part=part,
            ref=ref[:40],
            rows=MAX_ROWS,
            columns=MAX_COLUMNS,
        )


def _check_shared_strings(path: Path, head: bytes) -> None:
    start = _SST.search(head)
    for declared in _COUNT.finditer(start.group() if start else b""):
        if len(declared.group(1)) > 12 or int(declared.group(1)) > MAX_SHARED_STRINGS:
            raise _refused(
                path,
                N_("the workbook declares more than {most} different texts"),
                most=MAX_SHARED_STRINGS,
            )


__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_PARTS",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "MAX_SHARED_STRINGS",
    "MAX_TOTAL_BYTES",
    "check_workbook_archive",
    "column_number",
]
