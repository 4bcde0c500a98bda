"""Workbooks are saved with their fonts in schema order, and nothing else in the package changes."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from briefing.render.xlsx.package import FONT_CHILD_ORDER, SHEET_NS, save_workbook


def font_children(path: Path) -> list[list[str]]:
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        styles = etree.fromstring(package.read("xl/styles.xml"))
    return [[child.tag.split("}")[1] for child in font] for font in styles.iter(f"{{{SHEET_NS}}}font")]


def test_fonts_are_written_in_schema_order(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Sécurité"
    workbook.active["A1"].font = Font(name="Arial", bold=True, italic=True, size=12, color="FF0000")
    path = tmp_path / "book.xlsx"
    path.touch()
    os.chmod(path, 0o644)
    save_workbook(workbook, path)
    for children in font_children(path):
        assert children == sorted(children, key=FONT_CHILD_ORDER.index)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    assert "xl/worksheets/sheet1.xml" in names
    assert openpyxl.load_workbook(path).active["A1"].value == "Sécurité"
    assert path.stat().st_mode & 0o777 == 0o644
