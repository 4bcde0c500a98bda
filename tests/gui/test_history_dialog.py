"""The export history dialog: reached from the File menu, lists what was sent, makes a version again exactly and
writes an addendum since it; the export dialog offers PDF."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from briefing.assemble import PackRequest
from briefing.export import ExportRequest, export_pack
from briefing.gui.history_dialog import HistoryDialog
from briefing.gui.main_window import MainWindow
from briefing.operations.library import delete_item
from tests.gui.settle import settle


def open_history(window: MainWindow) -> HistoryDialog:
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
    settle(window)
    assert window.history_action in window.file_menu.actions()
    window.history_action.trigger()
    dialogs = [d for d in window.findChildren(HistoryDialog) if d.isVisible()]
    assert len(dialogs) == 1
    settle(window)  # the list is read on the background task
    return dialogs[0]


def cell(dialog: HistoryDialog, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """What the history table shows in a cell, as the view asks its model."""
    return dialog.model.index(row, column).data(role)


def test_the_history_lists_exports_makes_one_again_and_writes_an_addendum(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    library = window.library
    first = tmp_path / "pack.docx"
    export_pack(library, ExportRequest(PackRequest("jha-test", "en", allow_missing=True), first))
    export_pack(
        library, ExportRequest(PackRequest("jha-test", "fr", allow_missing=True), tmp_path / "p.xlsx", "xlsx")
    )
    dialog = open_history(window)
    assert dialog.model.rowCount() == 2
    assert [cell(dialog, 1, c) for c in (0, 2, 3)] == ["2", "Excel pack", "French"]
    assert cell(dialog, 0, 6, Qt.ItemDataRole.ToolTipRole) == dialog.records[0].sha256

    delete_item(library, "dt-ltt-1")
    dialog.select_number(1)
    assert dialog.addendum_button.isEnabled()
    asked: list[str] = []
    dialog.choose_path = lambda suggested, _filters: asked.append(suggested) or str(tmp_path / "again.docx")
    dialog.again_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    settle(window)  # the list read again
    assert asked and asked[0].endswith("pack-v1.docx")
    assert (tmp_path / "again.docx").read_bytes() == first.read_bytes()
    assert "again.docx" in dialog.status.text()

    dialog.select_number(1)
    assert dialog.addendum_since(tmp_path / "addendum.docx")
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    settle(window)  # the list read again
    assert (tmp_path / "addendum.docx").exists()
    assert dialog.model.rowCount() == 3 and cell(dialog, 2, 2) == "Addendum 1 to version 1"
    dialog.select_number(3)
    assert not dialog.addendum_button.isEnabled()  # no addendum to an addendum
    dialog.close()


def test_the_history_opens_without_reading_the_database_on_the_ui_thread(
    window: MainWindow, tmp_path: Path
) -> None:
    export_pack(
        window.library, ExportRequest(PackRequest("jha-test", allow_missing=True), tmp_path / "p.docx")
    )
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
    settle(window)
    on_ui_thread: list[str] = []
    off_ui_thread: list[str] = []

    def probe(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        main = threading.current_thread() is threading.main_thread()
        (on_ui_thread if main else off_ui_thread).append(statement)

    event.listen(window.library.engine, "before_cursor_execute", probe)
    try:
        window.history_action.trigger()
        dialog = next(d for d in window.findChildren(HistoryDialog) if d.isVisible())
        assert dialog.loading and dialog.model.rowCount() == 0  # open at once; the list is on its way
        assert dialog.status.text() == "Reading the export history…"
        settle(window)
    finally:
        event.remove(window.library.engine, "before_cursor_execute", probe)
    assert dialog.model.rowCount() == 1 and not dialog.loading
    assert dialog.status.text() == ""
    assert on_ui_thread == []
    assert any("export_record" in statement for statement in off_ui_thread)  # the probe saw the read
    dialog.close()


def test_the_history_follows_the_interface_language(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    export_pack(
        window.library, ExportRequest(PackRequest("jha-test", allow_missing=True), tmp_path / "p.docx")
    )
    window.set_ui_language("fr")
    QApplication.processEvents()
    assert window.history_action.text() == "&Historique des exports…"
    dialog = open_history(window)
    assert dialog.windowTitle() == "Historique des exports de jha-test"
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "N°"
    assert cell(dialog, 0, 2) == "Dossier Word"
    assert dialog.again_button.text() == "Refaire…"
    dialog.close()


def test_the_export_dialog_offers_pdf(window: MainWindow, tmp_path: Path) -> None:
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)
    dialog = window.export_pack()
    assert dialog is not None
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.destination.text().endswith(".pdf")
    assert dialog.template.isEnabled()
    assert dialog.request().format == "pdf"
    dialog.close()


def test_a_long_history_is_shown_without_a_table_item_per_cell(qtbot: QtBot) -> None:
    """2,000 recorded exports: the model holds their texts and the view asks only for the cells it shows."""
    from briefing.gui.history_model import HASH_COLUMN, HistoryModel

    model = HistoryModel()
    model.set_headers(["No.", "Time (UTC)", "What", "Language", "Copy", "Recipient", "SHA-256"])
    rows = [
        [str(n), "2024-06-01 10:00", "Word pack", "English", "Internal", "", f"{n:016x}…"]
        for n in range(2000)
    ]
    model.set_rows(rows, [f"{n:064x}" for n in range(2000)])
    asked: list[int] = []
    data = model.data

    def counting(index: object, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        asked.append(index.row())  # type: ignore[attr-defined]
        return data(index, role)  # type: ignore[arg-type]

    model.data = counting  # type: ignore[method-assign]
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # painted
    assert asked and max(asked) < 100  # only the rows in sight were asked for
    assert model.rowCount() == 2000
    assert model.index(1999, HASH_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == f"{1999:064x}"
