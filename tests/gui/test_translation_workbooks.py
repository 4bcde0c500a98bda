"""Translation workbooks from the File menu: export for a translator, fill in, import, see the result."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.gui.settings import TRANSLATIONS_FOLDER
from briefing.gui.translation_dialogs import TranslationExportDialog, TranslationImportDialog
from briefing.model.enums import TranslationState
from tests.gui.settle import settle

BACKGROUND_EN = "Internal assessment of the negotiating room."
BACKGROUND_FR = "Évaluation interne de la marge de négociation."


def export_from_menu(
    window: MainWindow, qtbot: QtBot, path: Path, scope: str = "jha-test"
) -> TranslationExportDialog:
    window.export_translations_action.trigger()  # opens once the meetings to choose from are read
    qtbot.waitUntil(lambda: window.translation_export_dialog is not None, timeout=20000)
    dialog = window.translation_export_dialog
    assert dialog is not None and dialog.isVisible()
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
    assert dialog.target.currentData() == "fr"
    dialog.get_save_file_name = lambda *_args: (str(path.with_suffix("")), "")  # the suffix is added
    dialog.browse.click()
    assert dialog.destination.text() == str(path)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result_path is not None, timeout=20000)
    assert opened == [QUrl.fromLocalFile(str(path))]
    return dialog


def fill(path: Path, translations: dict[str, str]) -> None:
    """Write French for the rows whose English is a key of ``translations``, as a translator would."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    filled = 0
    for row in sheet.iter_rows(min_row=2):
        if row[2].value in translations:
            row[3].value = translations[str(row[2].value)]
            filled += 1
    assert filled == len(translations)
    book.save(path)


def import_from_menu(window: MainWindow, qtbot: QtBot, path: Path) -> TranslationImportDialog:
    window.get_open_file_name = lambda *_args: (str(path), "")
    window.import_translations_action.trigger()
    dialog = window.translation_import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    return dialog


def test_the_translations_menu_needs_the_library(window: MainWindow) -> None:
    assert [a.text() for a in window.translations_menu.actions()] == [
        "E&xport texts to translate…",
        "&Import translations…",
    ]
    assert window.translations_menu.menuAction() in window.file_menu.actions()
    assert window.export_translations_action.isEnabled() and window.import_translations_action.isEnabled()


def test_export_fill_in_and_import_shows_the_french_in_the_editor(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    dialog = export_from_menu(window, qtbot, path)
    assert dialog.count is not None and dialog.count >= 1
    assert (
        dialog.status.text() == f"Texts to translate into French: {dialog.count}. Workbook written to {path}."
    )
    assert window.settings[TRANSLATIONS_FOLDER] == str(tmp_path)
    fill(path, {BACKGROUND_EN: BACKGROUND_FR})

    window.topic_editor.show_topic("drug-trafficking")
    settle(window)  # the topic is read on the background task
    window.topic_editor.owner.setText("Someone else")
    window.topic_editor.owner.editingFinished.emit()
    assert window.undo_stack.count() == 1
    pair = window.topic_editor.frames["dt-bg-1"].pairs[0]
    assert pair.state is TranslationState.MISSING

    result = import_from_menu(window, qtbot, path)
    assert result.report is not None and len(result.report.imported) == 1
    assert result.summary.text().splitlines()[0] == "todo.xlsx read."
    assert "Translations saved: 1" in result.summary.text().splitlines()
    assert "Not saved (conflicts): 0" in result.summary.text().splitlines()
    assert not result.conflicts.isVisible()
    assert "cannot be undone" in result.note.text()

    settle(window)
    pair = window.topic_editor.frames["dt-bg-1"].pairs[0]
    assert pair.editors["fr"].toPlainText() == BACKGROUND_FR
    assert pair.state is TranslationState.TRANSLATED
    assert pair.status.text() == "French: translated, not reviewed"
    assert window.undo_stack.count() == 0  # the import starts a new undo history
    assert not window.undo_action.isEnabled()
    with window.library.unit_of_work() as uow:
        body = uow.items.require("dt-bg-1").body
        assert body is not None and body.text("fr") == BACKGROUND_FR


def test_rows_changed_since_the_export_are_listed_not_saved(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "todo.xlsx"
    export_from_menu(window, qtbot, path, scope="")  # the whole library
    fill(path, {BACKGROUND_EN: BACKGROUND_FR})
    window.topic_editor.show_topic("drug-trafficking")
    settle(window)
    pair = window.topic_editor.frames["dt-bg-1"].pairs[0]
    pair.editors["en"].setPlainText("Internal assessment of the room for manoeuvre.")
    pair.commit()

    result = import_from_menu(window, qtbot, path)
    assert result.report is not None and result.report.imported == []
    assert result.conflicts.count() == 1
    line = result.conflicts.item(0).text()
    assert line.startswith("row ") and "the source text changed in the library since the export" in line
    assert "export a new workbook" in result.note.text()
    assert window.undo_stack.count() == 1  # nothing imported: the edit can still be undone
    settle(window)
    assert window.topic_editor.frames["dt-bg-1"].pairs[0].editors["fr"].toPlainText() == ""


def test_a_file_that_is_not_a_workbook_is_refused_in_french(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.translations_menu.title() == "&Traductions", timeout=2000)
    assert window.import_translations_action.text() == "&Importer des traductions…"
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    result = import_from_menu(window, qtbot, path)
    box = result.findChild(QMessageBox, "translationImportError")
    assert box is not None
    assert "n’est pas un classeur Excel" in box.text()
    assert result.note.text() == "Rien n’a été enregistré\u202f; la bibliothèque est inchangée."


def test_cancelling_the_file_choice_imports_nothing(window: MainWindow) -> None:
    window.get_open_file_name = lambda *_args: ("", "")
    assert window.import_translations() is None
    assert window.translation_import_dialog is None


def test_a_workbook_that_exists_is_replaced_only_when_the_user_agrees(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    path = tmp_path / "todo.xlsx"
    dialog = export_from_menu(window, qtbot, path)
    first = path.read_bytes()
    path.write_bytes(b"kept")
    dialog.result_path = None
    dialog.export_button.click()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    assert str(path) in box.text()
    assert dialog.worker is None and path.read_bytes() == b"kept"
    box.reject()
    dialog.export_button.click()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    agree = box.findChild(QAbstractButton, "replaceButton")
    assert agree is not None
    dialog.open_url = lambda _url: False  # no application for .xlsx here
    agree.click()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result_path is not None, timeout=20000)
    assert path.read_bytes()[:2] == first[:2] == b"PK"
    assert "could not be opened" in dialog.status.text() and str(tmp_path) in dialog.status.text()
