"""Hostile translation workbooks: what they declare is bounded before parsing, what they hold while reading.

Each bomb is refused with one clear error, the library unchanged, and without the memory it asks for
(measured with tracemalloc: openpyxl's objects are Python allocations).
"""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.errors import InterchangeError
from briefing.interchange.translation_workbook import export_translations, import_translations
from briefing.interchange.translation_workbook.bounds import MAX_PARTS, MAX_ROWS
from briefing.store import Library

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def workbook(sample_library: Library, tmp_path: Path) -> Path:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, lang="fr")
    return path


def rewritten(
    source: Path, target: Path, part: str, change: Callable[[bytes], bytes], extra: int = 0
) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in original.namelist():
            blob = original.read(name)
            copy.writestr(name, change(blob) if name == part else blob)
        for number in range(extra):
            copy.writestr(f"customXml/item{number}.xml", b"<x/>")
    return target


def library_state(library: Library) -> list[tuple[int, str, str]]:
    with library.unit_of_work() as uow:
        return sorted((t.block_id, t.lang, t.text) for t in uow.translations.list())


def refused(library: Library, path: Path, *fragments: str) -> int:
    """Import ``path``, expecting an error with ``fragments``; the peak of memory allocated meanwhile."""
    before = library_state(library)
    tracemalloc.start()
    try:
        with pytest.raises(InterchangeError) as caught:
            import_translations(library, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    for fragment in fragments:
        assert fragment in caught.value.message("en")
    assert caught.value.message("fr") != caught.value.message("en")
    assert library_state(library) == before
    return peak


def test_a_small_file_declaring_the_whole_sheet_is_refused_before_parsing(
    sample_library: Library, workbook: Path, tmp_path: Path
) -> None:
    def whole_sheet(blob: bytes) -> bytes:
        return blob.replace(b"<sheetViews>", b'<dimension ref="A1:XFD1048576"/><sheetViews>', 1)

    bomb = rewritten(workbook, tmp_path / "dimension.xlsx", SHEET, whole_sheet)
    assert bomb.stat().st_size < 30_000
    peak = refused(sample_library, bomb, "A1:XFD1048576", "more than")
    assert peak < 16 * 1024 * 1024, peak


def test_a_row_of_millions_of_cells_is_refused_before_parsing(
    sample_library: Library, workbook: Path, tmp_path: Path
) -> None:
    cells = b"<c><v>1</v></c>" * 2_000_000

    def one_huge_row(blob: bytes) -> bytes:
        return blob.replace(b"</sheetData>", b'<row r="9000">' + cells + b"</row></sheetData>")

    bomb = rewritten(workbook, tmp_path / "row.xlsx", SHEET, one_huge_row)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    peak = refused(sample_library, bomb, "more than", "cells")
    assert peak < 16 * 1024 * 1024, peak


def test_rows_far_below_the_last_are_bounded_while_reading(
    sample_library: Library, workbook: Path, tmp_path: Path
) -> None:
    def far_row(blob: bytes) -> bytes:
        return blob.replace(
            b"</sheetData>", b'<row r="1048000"><c r="A1048000"><v>1</v></c></row></sheetData>'
        )

    bomb = rewritten(workbook, tmp_path / "far.xlsx", SHEET, far_row)
    peak = refused(sample_library, bomb, f"more than {MAX_ROWS} rows")
    assert peak < 64 * 1024 * 1024, peak


def test_a_declared_shared_string_table_too_large_is_refused(
    sample_library: Library, workbook: Path, tmp_path: Path
) -> None:
    table = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="900000000" uniqueCount="900000000"><si><t>x</t></si></sst>'
    )
    bomb = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(workbook) as original, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in original.namelist():
            copy.writestr(name, original.read(name))
        copy.writestr("xl/sharedStrings.xml", table)
    refused(sample_library, bomb, "more than 2000000 different texts")


def test_too_many_parts_are_refused(sample_library: Library, workbook: Path, tmp_path: Path) -> None:
    bomb = rewritten(workbook, tmp_path / "parts.xlsx", "", lambda b: b, extra=MAX_PARTS)
    refused(sample_library, bomb, "parts, more than")


def test_the_untouched_workbook_still_imports(sample_library: Library, workbook: Path) -> None:
    report = import_translations(sample_library, workbook)
    assert report.conflicts == [] and report.empty > 0
