"""A meeting's export history: what was sent, made again exactly, or followed by an addendum.

The dialog lists the meeting's recorded exports (number, time, what, language, copy, recipient, hash). "Make
again…" writes the selected version again, byte for byte; "Addendum since this…" writes what changed since the
selected version as Word tracked changes (and records it). Both run off the UI thread. The File menu's action that
opens it is made here (:func:`add_history_action`), so the main window only places it.

The list is read on the window's background task (:class:`~briefing.gui.background.Background`): the dialog
opens at once and fills its table when the read arrives; the UI thread never reads the database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.background import URGENT, Background
from briefing.gui.history_model import HistoryModel
from briefing.gui.worker import Cancelled, Progress, TaskDialog

if TYPE_CHECKING:
    from briefing.history.records import ExportRecord
    from briefing.store import Library

SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf"}


class HistoryDialog(TaskDialog):
    """The recorded exports of one meeting, with "make again" and "addendum since this"."""

    def __init__(
        self,
        library: Library,
        meeting: str,
        lang: Callable[[], str],
        parent: QWidget | None = None,
        *,
        background: Background | None = None,
    ) -> None:
        """``background`` is the window's background task (the dialog runs its own when not given)."""
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.library = library
        self.meeting = meeting
        self.lang = lang
        self._own_background = background is None
        self.background = background if background is not None else Background(self)
        self.channel = f"history.{id(self)}"
        self.loading = False
        """Whether the list is being read."""
        self.records: list[ExportRecord] = []
        self.result_path: Path | None = None
        self.choose_path: Callable[[str, str], str] = self._ask_path
        """Asks where to write (suggested path, file filter); "" when the user cancels. Tests replace it."""

        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setObjectName("historyTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # widths from the first rows: a long
        # history is not measured row by row
        self.table.selectionModel().selectionChanged.connect(lambda _on, _off: self._selection_changed())
        self.status = QLabel(self)
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.again_button = QPushButton(self)
        self.again_button.setObjectName("makeAgain")
        self.addendum_button = QPushButton(self)
        self.addendum_button.setObjectName("addendumSince")
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.addendum_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.again_button.clicked.connect(lambda _checked=False: self.make_again())
        self.addendum_button.clicked.connect(lambda _checked=False: self.addendum_since())
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(860, 420)
        self.retranslateUi()
        self.reload()

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setWindowTitle(self.tr("Export history of %1").replace("%1", self.meeting))
        self.model.set_headers(
            [
                self.tr("No."),
                self.tr("Time (UTC)"),
                self.tr("What"),
                self.tr("Language"),
                self.tr("Copy"),
                self.tr("Recipient"),
                self.tr("SHA-256"),
            ]
        )
        self.table.setAccessibleName(self.tr("Recorded exports"))
        self.again_button.setText(self.tr("Make again…"))
        self.again_button.setToolTip(self.tr("Write the selected version again, byte for byte"))
        self.addendum_button.setText(self.tr("Addendum since this…"))
        self.addendum_button.setToolTip(
            self.tr("Write what changed since the selected version, as Word tracked changes")
        )
        self.close_button.setText(self.tr("Close"))
        if self.records:
            self._fill()

    # --- the list -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the meeting's records again (at opening, after a new export or addendum) on the background
        task; the table is filled when they arrive."""
        library, meeting = self.library, self.meeting

        lang = self.lang()

        def read() -> tuple[list[ExportRecord], list[list[str]]]:
            from briefing.history.records import list_records

            with library.reading() as uow:
                records = list_records(uow, meeting)
            return records, [row_texts(record, lang) for record in records]

        self.loading = True
        if not self.records:
            self.status.setText(self.tr("Reading the export history…"))
        self.background.query(
            read, self._show_records, failed=self._read_failed, channel=self.channel, priority=URGENT
        )

    def _show_records(self, found: tuple[list[ExportRecord], list[list[str]]]) -> None:
        records, rows = found
        self.loading = False
        if self.status.text() == self.tr("Reading the export history…"):
            self.status.clear()
        self.records = records
        self._fill(rows)
        if self.records:
            self.table.selectRow(len(self.records) - 1)
        else:
            self.status.setText(self.tr("Nothing has been exported for this meeting yet."))
        self._selection_changed()

    def _read_failed(self, error: Exception) -> None:
        self.loading = False
        if isinstance(error, BriefingError):
            self.status.setText(error.message(self.lang()))
        else:
            self.status.setText(self.tr("The export history could not be read: %1").replace("%1", str(error)))

    def done(self, result: int) -> None:
        self.background.invalidate(self.channel)  # a read on its way is not shown in a closed dialog
        if self._own_background:
            self.background.stop()
        super().done(result)

    def _fill(self, rows: list[list[str]] | None = None) -> None:
        """Show the records; ``rows`` are their cells as the read worded them (worded here when not given)."""
        if rows is None:
            lang = self.lang()
            rows = [row_texts(record, lang) for record in self.records]
        self.model.set_rows(rows, [record.sha256 for record in self.records])
        self.table.resizeColumnsToContents()

    def selected(self) -> ExportRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.records[rows[0].row()]

    def select_number(self, number: int) -> None:
        """Select the record with this number."""
        for row, record in enumerate(self.records):
            if record.number == number:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        record = self.selected()
        idle = self.worker is None
        self.again_button.setEnabled(idle and record is not None)
        self.addendum_button.setEnabled(idle and record is not None and not record.is_addendum)

    # --- work ---------------------------------------------------------------------------------------------

    def _ask_path(self, suggested: str, filters: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested, filters)
        return path

    def _suggest(self, record: ExportRecord, name: str) -> str:
        folder = Path.home()
        return str(folder / name)

    def make_again(self, path: Path | None = None) -> bool:
        """Write the selected version again at ``path`` (asked for when not given); returns whether it started."""
        record = self.selected()
        if record is None or self.worker is not None:
            return False
        if path is None:
            suffix = SUFFIXES.get(record.format, "")
            stem = Path(record.file_name).stem
            chosen = self.choose_path(self._suggest(record, f"{stem}-v{record.number}{suffix}"), f"*{suffix}")
            if not chosen:
                return False
            path = Path(chosen)
        library, meeting, number = self.library, self.meeting, record.number
        target = path

        def work(progress: Progress, _cancelled: Cancelled) -> object:
            from briefing.history.versions import export_recorded

            return export_recorded(library, meeting, number, target, progress=progress)

        return self._start(work)

    def addendum_since(self, path: Path | None = None) -> bool:
        """Write the addendum since the selected version at ``path`` (asked for when not given)."""
        record = self.selected()
        if record is None or record.is_addendum or self.worker is not None:
            return False
        if path is None:
            chosen = self.choose_path(
                self._suggest(record, f"{self.meeting}-addendum-since-{record.number}.docx"), "*.docx"
            )
            if not chosen:
                return False
            path = Path(chosen)
        from briefing.history.versions import AddendumRequest

        request = AddendumRequest(self.meeting, record.number, path, allow_missing=True)
        library = self.library

        def work(progress: Progress, _cancelled: Cancelled) -> object:
            from briefing.history.versions import export_addendum

            return export_addendum(library, request, progress=progress)

        return self._start(work)

    def _start(self, work: Callable[[Progress, Cancelled], object]) -> bool:
        self.status.setText(self.tr("Writing…"))
        started = self.run_task(work)
        self._selection_changed()
        return started

    def task_succeeded(self, result: object) -> None:
        from briefing.export import ExportResult

        assert isinstance(result, ExportResult)
        self.result_path = Path(result.path)
        text = self.tr("Written to %1.").replace("%1", str(result.path))
        if result.number is not None and not result.identical:
            text += " " + self.tr(
                "It differs from the recorded file (PDF files, or another version of Briefing)."
            )
        self.status.setText(text)
        self.reload()

    def task_failed(self, error: object) -> None:
        if isinstance(error, BriefingError):
            text = error.message(self.lang())
        else:
            text = self.tr("The export failed: %1").replace("%1", str(error))
        self.status.setText(text)

    def task_ended(self) -> None:
        self._selection_changed()


def row_texts(record: ExportRecord, lang: str) -> list[str]:
    """The cells of ``record``'s row in ``lang`` (plain text: worded on the background task)."""
    from briefing.history.describe import copy_name, describe, mode_name, recipient_text

    return [
        str(record.number),
        record.created_at.strftime("%Y-%m-%d %H:%M"),
        describe(record, lang),
        mode_name(record.mode, lang),
        copy_name(record.copy, lang),
        recipient_text(record, lang),
        record.sha256[:16] + "…",
    ]


class _HistoryAction(QObject):
    """The File menu's "Export history…" action, its text kept in the interface language."""

    def __init__(self, window: Any, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = action
        self.dialog: HistoryDialog | None = None
        window.installEventFilter(self)
        action.triggered.connect(lambda _checked=False: self.open())
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Export &history…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open(self) -> HistoryDialog | None:
        window = self.window
        if not window.ready:
            return None
        slug = window.builder.slug
        if not slug:
            QMessageBox.information(window, self.tr("Export history"), self.tr("Create a meeting first."))
            return None
        dialog = HistoryDialog(
            window.library, slug, lambda: window.language.code, window, background=window.runner.background
        )
        self.dialog = dialog
        dialog.open()
        return dialog


def add_history_action(window: Any, menu: QMenu, *, after: QAction) -> QAction:
    """Put "Export history…" in ``menu`` after ``after``; it opens the history of the builder's meeting."""
    action = QAction(window)
    action.setObjectName("exportHistoryAction")
    actions = menu.actions()
    position = actions.index(after) + 1 if after in actions else len(actions)
    if position < len(actions):
        menu.insertAction(actions[position], action)
    else:
        menu.addAction(action)
    _HistoryAction(window, action)  # kept alive by its parent, the window
    return action


__all__ = ["HistoryDialog", "add_history_action"]
