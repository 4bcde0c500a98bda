"""Exporting through the dialog and its worker thread, then reading the file back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.gui.export_dialog import ExportDialog
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import EXPORT_FORMAT, EXPORT_MEETING_FOLDERS
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


def test_cancel_takes_effect_within_half_a_second_and_leaves_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    import time

    dialog, _opened = dialog_for(window, tmp_path, "docx")
    dialog.allow_missing = True
    dialog.start()
    assert dialog.worker is not None
    clicked = time.monotonic()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=2000)
    latency = time.monotonic() - clicked
    assert latency < 0.5, f"cancel took {latency:.2f} s"
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert dialog.progress.value() == 0
    qtbot.waitUntil(dialog.idle, timeout=20000)  # the export stops at its next step
    assert not (tmp_path / "pack.docx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    assert dialog.status.text() == "Export cancelled; nothing was written."


def test_an_existing_file_is_replaced_only_when_the_user_agrees(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, _opened = dialog_for(window, tmp_path, "docx")
    existing = tmp_path / "pack.docx"
    existing.write_bytes(b"an older pack")
    dialog.start()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    assert str(existing) in box.text()
    assert dialog.worker is None  # nothing started yet
    box.reject()
    assert existing.read_bytes() == b"an older pack"
    dialog.start()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    replace = box.findChild(QAbstractButton, "replaceButton")
    assert replace is not None
    replace.click()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result_path is not None, timeout=20000)
    assert existing.read_bytes()[:2] == b"PK"  # a Word document now


def test_the_dialog_names_the_meeting_and_remembers_its_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, _opened = dialog_for(window, tmp_path, "docx")
    assert dialog.heading.text() == "Meeting: Justice and Home Affairs Council"
    assert "Justice and Home Affairs Council" in dialog.windowTitle()
    folder = tmp_path / "jha"
    folder.mkdir()
    dialog.destination.setText(str(folder / "pack.docx"))
    run_export(dialog, qtbot)
    assert window.settings[EXPORT_MEETING_FOLDERS] == {"jha-test": str(folder)}
    dialog.close()
    again = window.export_pack()
    assert again is not None
    assert Path(again.destination.text()).parent == folder
    again.close()


def test_a_file_that_cannot_be_opened_says_why_and_where_it_is(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog, _opened = dialog_for(window, tmp_path, "docx")
    dialog.open_url = lambda _url: False
    run_export(dialog, qtbot)
    assert (tmp_path / "pack.docx").exists()
    text = dialog.status.text()
    assert "could not be opened" in text and ".docx" in text and str(tmp_path) in text
