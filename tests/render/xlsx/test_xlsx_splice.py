"""Rows written as XML go into the package openpyxl saved: read back by openpyxl, dated, the same bytes twice."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from briefing.render.xlsx.splice import SheetRows, escape_text, splice_rows


def saved_with_header(path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Points")
    sheet.append(["Topic", "Text"])
    book.save(path)


def row(number: int, topic: str, text: str) -> str:
    cells = "".join(
        f'<c r="{column}{number}" t="inlineStr"><is><t xml:space="preserve">{escape_text(value)}</t></is></c>'
        for column, value in (("A", topic), ("B", text))
    )
    return f'<row r="{number}">{cells}</row>'


def test_rows_go_into_the_saved_sheet_and_the_same_rows_make_the_same_bytes(tmp_path: Path) -> None:
    now = dt.datetime(2024, 6, 13, 9, 30, tzinfo=dt.UTC)
    made = []
    for name in ("one.xlsx", "two.xlsx"):
        path = tmp_path / name
        saved_with_header(path)
        rows = SheetRows("xl/worksheets/sheet1.xml", (20.0, 60.0))
        rows.xml = [row(2, "Drugs", "Lines <to> take & more"), row(3, "Visas", "=1+1 stays text")]
        shares: list[float] = []
        splice_rows(path, [rows], now, shares.append)
        assert shares[0] == 0.0 and shares[-1] == 1.0
        made.append(path.read_bytes())
        assert not (tmp_path / (name + ".rows")).exists()  # no temporary file left
    assert made[0] == made[1]
    sheet = openpyxl.load_workbook(tmp_path / "one.xlsx").active
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [
        ["Topic", "Text"],
        ["Drugs", "Lines <to> take & more"],
        ["Visas", "=1+1 stays text"],
    ]
    assert sheet.dimensions == "A1:B3"
    with zipfile.ZipFile(tmp_path / "one.xlsx") as package:
        assert "2024-06-13T09:30:00Z" in package.read("docProps/core.xml").decode()
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
