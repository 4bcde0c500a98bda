"""Exporting through the dialog and its worker thread, then reading the file back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing.gui.export_dialog import ExportDialog
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import EXPORT_FORMAT
from tests.gui.settle import settle


def dialog_for(
    window: MainWindow, tmp_path: Path, fmt: str, mode: str = "en"
) -> tuple[ExportDialog, list[QUrl]]:
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
    dialog = window.export_pack()
    assert dialog is not None
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    dialog.destination.setText(str(tmp_path / f"pack.{fmt}"))
    return dialog, opened


def run_export(dialog: ExportDialog, qtbot: QtBot) -> None:
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)


def test_word_export_through_the_worker_opens_the_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    import docx

    dialog, opened = dialog_for(window, tmp_path, "docx")
    run_export(dialog, qtbot)
    assert dialog.result_path == tmp_path / "pack.docx"
    assert dialog.progress.value() == 100
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "pack.docx"))]
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "pack.docx")).paragraphs)
    assert "Security in ports is a shared responsibility." in text
    assert window.settings[EXPORT_FORMAT] == "docx"


def test_excel_export_and_missing_translations_offer(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    import openpyxl

    dialog, _opened = dialog_for(window, tmp_path, "xlsx", mode="fr")
    run_export(dialog, qtbot)
    box = dialog.findChild(QMessageBox, "missingTranslations")
    assert box is not None and box.isVisible()
    assert not (tmp_path / "pack.xlsx").exists()
    dialog.export_with_missing()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.result_path == tmp_path / "pack.xlsx"
    book = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert any("La sécurité des ports" in c for c in cells)


def test_an_unwritable_destination_gives_a_clear_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, _opened = dialog_for(window, tmp_path, "xlsx")
    dialog.allow_missing = True
    dialog.destination.setText(str(tmp_path / "missing-folder" / "pack.xlsx"))
    run_export(dialog, qtbot)
    box = dialog.findChild(QMessageBox, "exportError")
    assert box is not None
    assert "close it and try again" in box.text()
    assert "does not exist" in box.text()


def test_cancel_stops_the_export(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog, _opened = dialog_for(window, tmp_path, "xlsx")
    dialog.allow_missing = True
    dialog.start()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert (
        dialog.status.text() in ("Export cancelled; nothing was written.",) or dialog.result_path is not None
    )
