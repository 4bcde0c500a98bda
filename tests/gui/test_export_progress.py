"""The export dialogs on a big generated meeting: the progress moves with the work, Cancel stops it at once.

The pack's export dialog and the translation workbook's dialog share :class:`FileExportDialog`; both are driven
here through real widgets on the big meeting of :mod:`tests.support.big_meeting`.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.export import ASSEMBLED
from briefing.gui.export_dialog import ExportDialog
from briefing.gui.file_export import FileExportDialog
from briefing.gui.language import UiLanguage
from briefing.gui.settings import EXPORT_MEETING_FOLDERS, TRANSLATIONS_FOLDER, Settings
from briefing.gui.translation_dialogs import TranslationExportDialog
from briefing.store import Library
from tests.support.big_meeting import MEETING, export_count

STOPPED_WITHIN = 2.0
"""How soon the work itself must have stopped after the click, on a machine as busy as a test run makes it.

The dialog shows the cancel within half a second whatever the load; the work notices it at its next step,
within 0.1 to 0.2 s on an idle machine (``python -m benchmarks.export_progress`` prints the longest wait)."""


def pack_dialog(
    qtbot: QtBot, library: Library, settings: Settings, folder: Path, fmt: str, mode: str = "bilingual"
) -> ExportDialog:
    dialog = ExportDialog(library, settings, MEETING, lambda: "en", meeting_title="Synthetic Council meeting")
    qtbot.addWidget(dialog)
    dialog.open_url = lambda _url: True
    dialog.allow_missing = True
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    dialog.destination.setText(str(folder / f"pack.{fmt}"))
    dialog.show()
    return dialog


def workbook_dialog(
    qtbot: QtBot, library: Library, settings: Settings, folder: Path, scope: str = ""
) -> TranslationExportDialog:
    from briefing.operations.queries import meetings as meeting_rows

    dialog = TranslationExportDialog(library, settings, scope, lambda: "en", meetings=meeting_rows(library))
    qtbot.addWidget(dialog)
    dialog.open_url = lambda _url: True
    dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
    dialog.destination.setText(str(folder / "todo.xlsx"))
    dialog.show()
    return dialog


def watched(dialog: FileExportDialog) -> list[int]:
    """The values the dialog's progress bar shows, as it shows them."""
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    return values


def assert_moves(values: list[int]) -> None:
    assert values == sorted(values), values  # never back
    assert values[-1] == 100
    assert len(set(values)) >= 20, values  # many steps, not 0 % then 100 %


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_pack_progress_moves_from_the_first_read(
    qtbot: QtBot, big_library: Library, settings: Settings, language: UiLanguage, tmp_path: Path, fmt: str
) -> None:
    dialog = pack_dialog(qtbot, big_library, settings, tmp_path, fmt)
    values = watched(dialog)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120000)
    assert dialog.result_path == tmp_path / f"pack.{fmt}"
    assert_moves(values)
    before_outline = [v for v in values if 0 < v < ASSEMBLED * 100]
    assert len(before_outline) >= 10  # while the selection is read and the outline built
    assert values.index(before_outline[0]) == 0 or values[: values.index(before_outline[0])] == [0]


def test_the_library_workbook_progress_moves(
    qtbot: QtBot, big_library: Library, settings: Settings, language: UiLanguage, tmp_path: Path
) -> None:
    dialog = workbook_dialog(qtbot, big_library, settings, tmp_path)
    values = watched(dialog)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120000)
    assert dialog.count is not None and dialog.count > 100
    assert dialog.result_path == tmp_path / "todo.xlsx"
    assert_moves(values)


def cancel_when(qtbot: QtBot, dialog: FileExportDialog, percent: int) -> tuple[float, float]:
    """Start, click Cancel once the progress passes ``percent``; how long until the dialog said so, and until
    the work had stopped, from the click."""
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= percent, timeout=120000)
    assert dialog.worker is not None
    clicked = time.monotonic()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=5000)
    shown = time.monotonic() - clicked
    qtbot.waitUntil(dialog.idle, timeout=5000)
    stopped = time.monotonic() - clicked
    return shown, stopped


@pytest.mark.parametrize("percent", [10, 50, 80])
def test_cancel_stops_an_excel_pack_within_half_a_second_and_leaves_nothing(
    qtbot: QtBot,
    big_library: Library,
    settings: Settings,
    language: UiLanguage,
    tmp_path: Path,
    temporary: Path,
    percent: int,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    before = export_count(big_library)
    dialog = pack_dialog(qtbot, big_library, settings, folder, "xlsx")
    shown, stopped = cancel_when(qtbot, dialog, percent)
    assert shown < 0.5, f"the dialog took {shown:.2f} s to show the cancel"
    assert stopped < STOPPED_WITHIN, f"the export ran on for {stopped:.2f} s"
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert dialog.progress.value() == 0
    assert list(folder.iterdir()) == []  # no file, no temporary file beside it
    assert list(temporary.iterdir()) == []
    assert export_count(big_library) == before


@pytest.mark.parametrize("percent", [10, 30, 60])  # the last texts and the save go too fast to catch
def test_cancel_stops_a_library_workbook_within_half_a_second_and_leaves_nothing(
    qtbot: QtBot,
    big_library: Library,
    settings: Settings,
    language: UiLanguage,
    tmp_path: Path,
    temporary: Path,
    percent: int,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = workbook_dialog(qtbot, big_library, settings, folder)
    shown, stopped = cancel_when(qtbot, dialog, percent)
    assert shown < 0.5, f"the dialog took {shown:.2f} s to show the cancel"
    assert stopped < STOPPED_WITHIN, f"the workbook ran on for {stopped:.2f} s"
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert dialog.result_path is None
    assert list(folder.iterdir()) == []
    assert list(temporary.iterdir()) == []


def test_a_pdf_shows_libreoffice_converting_and_cancel_ends_it(
    qtbot: QtBot,
    big_library: Library,
    settings: Settings,
    language: UiLanguage,
    tmp_path: Path,
    temporary: Path,
    soffice: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    before = export_count(big_library)
    dialog = pack_dialog(qtbot, big_library, settings, folder, "pdf", mode="en")
    values = watched(dialog)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 0, timeout=120000)  # busy: length unknown
    assert dialog.status.text() == "Converting to PDF with LibreOffice… Cancel stops it."
    assert len(set(values)) >= 10  # the selection, the outline and the Word pack before it
    qtbot.wait(500)  # LibreOffice running
    clicked = time.monotonic()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.idle, timeout=5000)
    stopped = time.monotonic() - clicked
    assert stopped < STOPPED_WITHIN, f"LibreOffice ran on for {stopped:.2f} s"
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert list(folder.iterdir()) == []
    assert list(temporary.iterdir()) == []  # LibreOffice's profile and the pack it converted are gone
    assert export_count(big_library) == before


def test_the_workbook_asks_before_replacing_a_file_and_remembers_its_folder(
    qtbot: QtBot, big_library: Library, settings: Settings, language: UiLanguage, tmp_path: Path
) -> None:
    folder = tmp_path / "workbooks"
    folder.mkdir()
    existing = folder / "todo.xlsx"
    existing.write_bytes(b"an older workbook")
    dialog = workbook_dialog(qtbot, big_library, settings, folder, scope=MEETING)
    dialog.export_button.click()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    assert str(existing) in box.text()
    assert dialog.worker is None  # nothing started yet
    box.reject()
    assert existing.read_bytes() == b"an older workbook"
    dialog.export_button.click()
    box = [b for b in dialog.findChildren(QMessageBox, "replaceFile") if b.isVisible()][-1]
    replace = box.findChild(QAbstractButton, "replaceButton")
    assert replace is not None
    replace.click()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result_path is not None, timeout=120000)
    assert existing.read_bytes()[:2] == b"PK"  # a workbook now
    assert settings[TRANSLATIONS_FOLDER] == str(folder)
    assert settings[EXPORT_MEETING_FOLDERS] == {}  # the packs' folders are their own
    dialog.close()

    again = workbook_dialog(qtbot, big_library, settings, tmp_path, scope=MEETING)
    again.destination.clear()
    again.scope.setCurrentIndex(again.scope.findData(""))  # the suggestion is made again
    assert Path(again.destination.text()).parent == folder
    pack = ExportDialog(big_library, settings, MEETING, lambda: "en")
    qtbot.addWidget(pack)
    assert Path(pack.destination.text()).parent != folder


def test_a_workbook_that_cannot_be_opened_says_why_and_where_it_is(
    qtbot: QtBot, big_library: Library, settings: Settings, language: UiLanguage, tmp_path: Path
) -> None:
    dialog = workbook_dialog(qtbot, big_library, settings, tmp_path, scope=MEETING)
    opened: list[QUrl] = []
    dialog.open_url = lambda url: bool(opened.append(url))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120000)
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "todo.xlsx"))]
    text = dialog.status.text()
    assert "could not be opened" in text and ".xlsx" in text and str(tmp_path) in text
