"""The Excel pack: points matrix, actions tracker and translation status, read back with openpyxl."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from briefing.assemble import PackRequest, assemble
from briefing.render.xlsx import render_xlsx
from briefing.store import Library


def build(library: Library, path: Path, mode: str = "en", copy: str = "internal") -> Any:
    request = PackRequest("jha-test", mode, copy, allow_missing=True, today=dt.date(2025, 1, 15))
    with library.unit_of_work() as uow:
        outline = assemble(uow, request)
    render_xlsx(outline, path)
    return load_workbook(path)


def values(sheet: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_english_pack_sheets_and_points_matrix(sample_library: Library, tmp_path: Path) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx")
    assert book.sheetnames == ["Points matrix", "Actions tracker", "Translation status"]
    matrix = book["Points matrix"]
    rows = values(matrix)
    assert rows[0] == (
        "Agenda item",
        "Topic",
        "Slot",
        "Text",
        "Marking",
        "Internal",
        "Owner",
        "Last reviewed",
    )
    assert rows[1][:4] == (
        "1. Drug trafficking",
        "Drug trafficking and organised crime",
        "Lines to take",
        "Security in ports is a shared responsibility.",
    )
    assert rows[1][4:7] == ("LIMITE", None, "Police co-operation unit")
    assert matrix["H2"].value.date() == dt.date(2024, 5, 30)
    assert "yy" in matrix["H2"].number_format
    qa = next(row for row in rows if row[2] == "If asked")
    assert qa[3] == "Question: Will the alliance cost more?\nAnswer: Funding comes from existing programmes."
    internal = next(row for row in rows if row[2] == "Background" and row[0].startswith("1."))
    assert internal[4:7] == ("LIMITE", "Not for use with the counterpart", "Police co-operation unit")
    assert {row[5] for row in rows[1:]} == {None, "Not for use with the counterpart"}
    assert rows[-1][:4] == (
        "2. Programme",
        "Presidency programme",
        "Background",
        "Text written in French first.",
    )
    assert rows[-1][6] == "Home Affairs unit"  # the topic names no owner: the unit that prepared the pack
    assert matrix["D2"].alignment.wrap_text


def test_every_sheet_is_a_table_with_frozen_header_and_marking(
    sample_library: Library, tmp_path: Path
) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx")
    for sheet in book.worksheets:
        assert len(sheet.tables) == 1
        table = next(iter(sheet.tables.values()))
        assert table.ref == f"A1:{sheet.cell(row=1, column=sheet.max_column).column_letter}{sheet.max_row}"
        assert table.tableStyleInfo.name.startswith("TableStyle")
        assert [c.name for c in table.tableColumns] == [c.value for c in sheet[1]]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.b
        assert sheet.oddHeader.center.text == "LIMITE"
        assert sheet.oddFooter.center.text == "LIMITE"
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.column_dimensions["A"].width > 10


def test_actions_tracker_dates_and_status_list(sample_library: Library, tmp_path: Path) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx")
    tracker = book["Actions tracker"]
    followed_up = ("1. Drug trafficking", "Drug trafficking and organised crime")
    assert values(tracker) == [
        ("Agenda item", "Topic", "Action", "Owner", "Deadline", "Overdue", "Status", "Source"),
        (
            *followed_up,
            "Report on the alliance's first year.",
            "Commission",
            dt.datetime(2024, 12, 31),
            "Overdue",  # said in words, not only by the deadline's colour
            "Open",
            "ST 10270/24",
        ),
        (
            *followed_up,
            "Map high-risk criminal networks.",
            "Europol",
            None,
            None,
            "In progress",
            "ST 10270/24",
        ),
    ]
    assert tracker["E2"].is_date
    assert "yy" in tracker["E2"].number_format
    assert tracker["E2"].font.b  # overdue on the given day
    (validation,) = tracker.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"Open,In progress,Done,Cancelled"'
    assert str(validation.sqref) == "G2:G3"


def test_translation_status_lists_every_text_of_the_pack(sample_library: Library, tmp_path: Path) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx")
    rows = values(book["Translation status"])
    assert rows[0] == ("Agenda item", "Context", "English", "French", "Status")
    by_context = {row[1]: row for row in rows[1:]}
    assert by_context["drug-trafficking / dt-bg-1 / Background"][2:] == (
        "Internal assessment of the negotiating room.",
        None,
        "Missing",
    )
    assert by_context["drug-trafficking / dt-qa-1 / Answer"][4] == "Reviewed"
    assert by_context["drug-trafficking / dt-act-2 / Action"][4] == "Draft"
    assert by_context["jha-test / Title"][0] is None
    assert by_context["drug-trafficking / Title"][0] == "1. Drug trafficking"
    assert "drug-trafficking / dt-fact-1 / Key fact" not in by_context  # not selected for this meeting


def test_french_pack_names_sheets_columns_and_statuses_in_french(
    sample_library: Library, tmp_path: Path
) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx", mode="fr")
    assert book.sheetnames == ["Matrice des points", "Suivi des actions", "État des traductions"]
    matrix = book["Matrice des points"]
    assert [c.value for c in matrix[1]] == [
        "Point de l’ordre du jour",
        "Sujet",
        "Rubrique",
        "Texte",
        "Marquage",
        "Interne",
        "Responsable",
        "Dernière relecture",
    ]
    assert matrix["D2"].value == "La sécurité des ports est une responsabilité partagée."
    tracker = book["Suivi des actions"]
    assert [c.value for c in tracker[1]] == [
        "Point de l’ordre du jour",
        "Sujet",
        "Action",
        "Responsable",
        "Échéance",
        "En retard",
        "Statut",
        "Source",
    ]
    assert tracker["G3"].value == "En cours"
    assert tracker["B3"].value == "Trafic de drogue et criminalité organisée"
    (validation,) = tracker.data_validations.dataValidation
    assert validation.formula1 == '"Ouverte,En cours,Terminée,Annulée"'
    status = book["État des traductions"]
    assert [c.value for c in status[1]] == [
        "Point de l’ordre du jour",
        "Contexte",
        "Anglais",
        "Français",
        "Statut",
    ]
    assert "Manquante" in [row[4] for row in values(status)]


def test_bilingual_pack_puts_english_and_french_side_by_side(sample_library: Library, tmp_path: Path) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx", mode="bilingual")
    matrix = book.worksheets[0]
    header = [c.value for c in matrix[1]]
    assert header[3:5] == ["English / Anglais", "French / Français"]
    assert matrix["D2"].value == "Security in ports is a shared responsibility."
    assert matrix["E2"].value == "La sécurité des ports est une responsabilité partagée."
    for sheet in book.worksheets:
        assert len(sheet.title) <= 31
        assert not re.search(r"[\[\]:*?/\\]", sheet.title)
    tracker = book.worksheets[1]
    (validation,) = tracker.data_validations.dataValidation
    assert validation.formula1.startswith('"Open / Ouverte,In progress / En cours,')
    assert str(validation.sqref) == "H2:H3"
    assert tracker["G2"].value == "Overdue / En retard"


def test_external_copy_leaves_internal_items_out(sample_library: Library, tmp_path: Path) -> None:
    book = build(sample_library, tmp_path / "pack.xlsx", copy="external")
    texts = [row[3] for row in values(book.worksheets[0])]
    assert "Internal assessment of the negotiating room." not in texts
    contexts = [row[1] for row in values(book["Translation status"])]
    assert "drug-trafficking / dt-bg-1 / Background" not in contexts


def test_the_workbook_is_written_from_the_outline_alone(sample_library: Library, tmp_path: Path) -> None:
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest("jha-test", "en", allow_missing=True))
    sample_library.close()  # owners, review dates and translation states all travel in the outline
    render_xlsx(outline, tmp_path / "pack.xlsx")
    book = load_workbook(tmp_path / "pack.xlsx")
    assert book.sheetnames == ["Points matrix", "Actions tracker", "Translation status"]
    assert book.worksheets[0]["G2"].value == "Police co-operation unit"
    assert len(values(book["Translation status"])) == len(outline.texts) + 1


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://example.com","Click")',
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "  +1-1",
        "-ports\x0bsecond line\x01",
    ],
)
def test_formula_like_library_text_stays_a_string(sample_library: Library, tmp_path: Path, text: str) -> None:
    with sample_library.unit_of_work() as uow:
        item = uow.items.require("dt-ltt-1")
        assert item.body is not None
        item.body.set_text("en", text)
    path = tmp_path / "pack.xlsx"
    book = build(sample_library, path)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert not re.search(r"<f[ >]", archive.read(name).decode("utf-8")), name
    expected = text.replace("\x0b", "\n").replace("\x01", "")
    cell = book["Points matrix"]["D2"]
    assert cell.value == expected
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_empty_sheets_still_make_valid_tables(sample_library: Library, tmp_path: Path) -> None:
    request = PackRequest("jha-test", "en", allow_missing=True)
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, request)
    empty = dataclasses.replace(outline, sections=(), actions=(), marking=None)
    render_xlsx(dataclasses.replace(empty, texts=()), tmp_path / "empty.xlsx")
    book = load_workbook(tmp_path / "empty.xlsx")
    assert book["Points matrix"].tables["PointsMatrix"].ref == "A1:H2"
    assert book["Actions tracker"].tables["ActionsTracker"].ref == "A1:H2"
    assert book["Points matrix"].oddHeader.center.text is None


def test_a_failed_render_leaves_no_file(sample_library: Library, tmp_path: Path) -> None:
    from briefing.files import OutputError

    with pytest.raises(OutputError):
        build(sample_library, tmp_path / "missing-folder" / "pack.xlsx")
    assert not (tmp_path / "missing-folder").exists()


LONG_POINT = " ".join(
    f"Point {n} of the line to take on port security, agreed with the counterpart's delegation."
    for n in range(1, 13)
)


def sheet_rows_xml(path: Path) -> dict[str, list[dict[str, str]]]:
    """The attributes of every <row> element of every worksheet part, as the file holds them."""
    from xml.etree import ElementTree

    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        return {
            name: [
                dict(row.attrib) for row in ElementTree.fromstring(archive.read(name)).iter(f"{namespace}row")
            ]
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


@pytest.mark.parametrize("mode", ["en", "fr", "bilingual"])
def test_every_row_has_a_height_for_its_wrapped_text(
    sample_library: Library, tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "pack.xlsx"
    book = build(sample_library, path, mode=mode)
    for part, rows in sheet_rows_xml(path).items():
        assert rows, part
        for row in rows:
            assert row.get("customHeight") == "1", (part, row)
            assert 15 <= float(row["ht"]) <= 409, (part, row)
    for sheet in book.worksheets:
        for number in range(1, sheet.max_row + 1):
            assert sheet.row_dimensions[number].height, (sheet.title, number)
    matrix = book.worksheets[0]
    # a two-line question and answer needs more than a one-line point
    qa = next(n for n in range(2, matrix.max_row + 1) if "\n" in (matrix.cell(n, 4).value or ""))
    assert matrix.row_dimensions[qa].height >= 2 * 15 + 3
    status = book.worksheets[2]
    heights = {status.row_dimensions[n].height for n in range(2, status.max_row + 1)}
    assert min(heights) == 18 and len(heights) > 1  # one-line rows stay one line high


def test_rows_grow_with_their_text(sample_library: Library, tmp_path: Path) -> None:
    heights = []
    for n, length in enumerate((1, 4, 12)):
        with sample_library.unit_of_work() as uow:
            body = uow.items.require("dt-ltt-1").body
            assert body is not None
            body.set_text("en", " ".join(LONG_POINT.split(". ")[:length]))
        matrix = build(sample_library, tmp_path / f"pack-{n}.xlsx").worksheets[0]
        assert matrix["D2"].value.startswith("Point 1 of the line")
        heights.append(matrix.row_dimensions[2].height)
    assert heights[0] < heights[1] < heights[2] < 409
    # about one line of 15 points for each 59 characters of a 60-character column
    assert heights[2] >= 15 * len(LONG_POINT) / 60


def test_a_text_taller_than_a_row_can_be_stops_at_excels_largest_height(
    sample_library: Library, tmp_path: Path
) -> None:
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body
        assert body is not None
        body.set_text("en", LONG_POINT * 10)
    assert build(sample_library, tmp_path / "pack.xlsx").worksheets[0].row_dimensions[2].height == 409


@pytest.mark.parametrize("mode", ["en", "fr", "bilingual"])
def test_every_font_of_the_workbook_has_a_name_and_a_size(
    sample_library: Library, tmp_path: Path, mode: str
) -> None:
    from xml.etree import ElementTree

    path = tmp_path / "pack.xlsx"
    book = build(sample_library, path, mode=mode)
    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    fonts = list(styles.iter(f"{namespace}font"))
    assert len(fonts) >= 4  # regular, header, untranslated, overdue
    for element in fonts:
        name = element.find(f"{namespace}name")
        size = element.find(f"{namespace}sz")
        assert name is not None and name.get("val") == "Calibri", ElementTree.tostring(element)
        assert size is not None and float(size.get("val", "0")) == 11, ElementTree.tostring(element)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.font.name == "Calibri" and cell.font.sz == 11
