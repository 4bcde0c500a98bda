"""What every dialog that writes a file off the UI thread shares: the pack export and the library workbooks.

:class:`FileExportDialog` holds the destination with its Browse… button, "open the file when done", the
progress bar, the status line and the Export and Cancel/Close buttons, and the way they behave:

- the progress follows the work (its :data:`~briefing.progress.BUSY` stage, such as LibreOffice converting,
  shows as a busy bar with a word on what is happening);
- a file that exists is replaced only once the user agrees;
- Cancel takes effect at once: the dialog lets go of the work, which stops at its next step and leaves nothing
  behind (a late one still finishing is waited for on close);
- the file opens when done, or the status says why not and where it is;
- the folder last written to is suggested next time, for each kind of export.

A subclass lays out its own choices, says which folder to suggest and remember, makes the work from its choices
and says what to tell the user when it succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.settings import EXPORT_FOLDER, Settings, TextOption
from briefing.gui.worker import Task, TaskDialog, Work

# The words every export dialog shares are translated in the export dialog's context, where they were first.
SaveFileName = Callable[[QWidget, str, str, str], tuple[str, str]]
"""``QFileDialog.getSaveFileName``'s signature (parent, caption, folder or file, filter); tests pass their own."""


def ask_replace(parent: QWidget, path: Path, replace: Callable[[], None]) -> QMessageBox:
    """Ask whether to replace the file ``path`` that exists; ``replace`` is called if the user agrees."""
    box = QMessageBox(parent)
    box.setObjectName("replaceFile")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Replace the file?"))
    box.setText(
        QCoreApplication.translate("ExportDialog", "%1 already exists. Replace it?").replace("%1", str(path))
    )
    agree = box.addButton(
        QCoreApplication.translate("ExportDialog", "Replace"), QMessageBox.ButtonRole.AcceptRole
    )
    agree.setObjectName("replaceButton")
    box.addButton(QCoreApplication.translate("ExportDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    agree.clicked.connect(replace)
    box.open()
    return box


def not_opened(path: Path) -> str:
    """Why the file just written did not open, and where it is."""
    return (
        QCoreApplication.translate(
            "ExportDialog",
            "The file could not be opened: no application on this computer opens %1 files. It is in %2.",
        )
        .replace("%1", path.suffix or path.name)
        .replace("%2", str(path.parent))
    )


class FileExportDialog(TaskDialog):
    """A dialog that writes one file in a worker thread; see the module's documentation."""

    folder_option: TextOption = EXPORT_FOLDER
    """Where the folder this kind of export last wrote to is remembered."""

    def __init__(self, settings: Settings, lang: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.get_save_file_name: SaveFileName = QFileDialog.getSaveFileName
        self.result_path: Path | None = None
        self.abandoned: list[Task] = []
        """Cancelled work still stopping (waited for before the dialog closes)."""

        self.destination = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._choose_destination)
        self.open_file = QCheckBox(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(lambda _checked=False: self.start())
        self.cancel_button.clicked.connect(self.cancel)

    def destination_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(self.browse)
        return row

    def lay_out(self, form: QFormLayout, heading: QWidget | None = None) -> None:
        """The dialog's layout: ``heading``, the subclass's ``form``, then the progress, status and buttons."""
        layout = QVBoxLayout(self)
        if heading is not None:
            layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)  # the destination's path readable

    def retranslate_common(self) -> None:
        """The shared buttons' words, in the interface language."""
        self.browse.setText(QCoreApplication.translate("ExportDialog", "Browse…"))
        self.export_button.setText(QCoreApplication.translate("ExportDialog", "Export"))
        self.cancel_button.setText(
            QCoreApplication.translate("ExportDialog", "Cancel")
            if self.worker is not None
            else QCoreApplication.translate("ExportDialog", "Close")
        )
        self.progress.setAccessibleName(QCoreApplication.translate("ExportDialog", "Export progress"))
        self.progress.setFormat(QCoreApplication.translate("ExportDialog", "%p%"))

    # --- for subclasses -----------------------------------------------------------------------------------

    def file_filter(self) -> str:
        """The Save as dialog's filter for the file's kind."""
        raise NotImplementedError

    def with_suffix(self, path: str) -> str:
        """``path`` as chosen in the Save as dialog (with the file's suffix added, when needed)."""
        return path

    def make_work(self, path: Path) -> Work:
        """The work that writes ``path`` from the dialog's choices (may raise :class:`BriefingError`)."""
        raise NotImplementedError

    def succeeded_text(self, result: object) -> str:
        """What to say once the work returned ``result`` (:attr:`result_path` is set)."""
        raise NotImplementedError

    def written_path(self, result: object) -> Path | None:
        """The file the work wrote, from its ``result`` (None: nothing to open)."""
        path = getattr(result, "path", None)
        return Path(path) if path is not None else None

    def worth_opening(self, result: object) -> bool:
        """Whether the file the work wrote is worth opening (when the user asked for it)."""
        return True

    def remembered_folder(self) -> Path:
        """The folder to suggest: where this kind of export last wrote, else where any export did."""
        return Path(self.settings[self.folder_option] or self.settings[EXPORT_FOLDER] or Path.home())

    def remember(self, path: Path) -> None:
        """Remember the choices of the export about to write ``path`` (its folder at least)."""
        self.settings[self.folder_option] = str(path.parent)

    def busy_text(self) -> str:
        """What to say while the work is in a stage whose length cannot be known."""
        return QCoreApplication.translate("ExportDialog", "Working…")

    def starting_text(self) -> str:
        return QCoreApplication.translate("ExportDialog", "Exporting…")

    def cancelled_text(self) -> str:
        return QCoreApplication.translate("ExportDialog", "Export cancelled; nothing was written.")

    # --- choosing -----------------------------------------------------------------------------------------

    def output_path(self) -> Path | None:
        """The destination as typed, or None (with the status saying so) when there is none."""
        text = self.destination.text().strip()
        if not text:
            self.status.setText(QCoreApplication.translate("ExportDialog", "Choose where to save the file."))
            return None
        return Path(text).expanduser()

    def _choose_destination(self) -> None:
        path, _filter = self.get_save_file_name(
            self,
            QCoreApplication.translate("ExportDialog", "Save as"),
            self.destination.text(),
            self.file_filter(),
        )
        if path:
            self.destination.setText(self.with_suffix(path))

    # --- running ------------------------------------------------------------------------------------------

    def start(self, replace: bool = False) -> None:
        """Write the file in a worker thread (once the user agrees to replace a file that exists)."""
        if self.worker is not None:
            return
        path = self.output_path()
        if path is None:
            return
        if path.exists() and not replace:
            ask_replace(self, path, lambda: self.start(replace=True))
            return
        try:
            work = self.make_work(path)
        except BriefingError as error:
            self.show_failure(error.message(self.lang()))
            return
        self.remember(path)
        self.result_path = None
        self.status.setText(self.starting_text())
        self.export_button.setEnabled(False)
        self.run_task(work, measured=True)
        self.cancel_button.setText(QCoreApplication.translate("ExportDialog", "Cancel"))

    def task_busy(self) -> None:
        self.status.setText(self.busy_text())

    def task_measured(self) -> None:
        self.status.setText(self.starting_text())

    def cancel(self) -> None:
        """Cancel the work at once (it stops at its next step and writes nothing), or close the dialog."""
        worker = self.worker
        if worker is None:
            self.reject()
            return
        worker.cancel()
        for signal in (worker.succeeded, worker.failed, worker.progressed, worker.finished):
            signal.disconnect()
        worker.succeeded.connect(self._finished_after_cancel)
        worker.finished.connect(worker.deleteLater)
        self.abandoned.append(worker)
        self.worker = None
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status.setText(self.cancelled_text())
        self.task_ended()

    def _finished_after_cancel(self, result: object) -> None:
        """The work was past its last step when it was cancelled: the file was written after all."""
        path = self.written_path(result)
        if path is not None:
            self.status.setText(
                QCoreApplication.translate(
                    "ExportDialog", "The export had finished before it could be cancelled: %1 was written."
                ).replace("%1", str(path))
            )

    def _stopping(self) -> list[Task]:
        """The cancelled work still running."""
        self.abandoned = [w for w in self.abandoned if shiboken6.isValid(w) and not w.isFinished()]
        return self.abandoned

    def idle(self) -> bool:
        """Whether no work, cancelled or not, is still running."""
        return self.worker is None and not self._stopping()

    def wait_all(self) -> None:
        """Block until the work running and the cancelled work still stopping have ended."""
        self.wait_task()
        for worker in self._stopping():
            worker.wait()

    def done(self, result: int) -> None:
        for worker in self._stopping():
            worker.wait()  # cancelled work stopping: let it remove its temporary file
        super().done(result)

    def task_ended(self) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setText(QCoreApplication.translate("ExportDialog", "Close"))

    def task_succeeded(self, result: object) -> None:
        self.result_path = self.written_path(result)
        text = self.succeeded_text(result)
        path = self.result_path
        opening = path is not None and self.open_file.isChecked() and self.worth_opening(result)
        if opening and path is not None and not self.open_url(QUrl.fromLocalFile(str(path))):
            text += " " + not_opened(path)
        self.status.setText(text)

    def task_failed(self, error: object) -> None:
        from briefing.files import OutputError
        from briefing.progress import ExportCancelledError

        lang = self.lang()
        if isinstance(error, ExportCancelledError):
            self.status.setText(self.cancelled_text())
        elif isinstance(error, OutputError):
            self.show_failure(
                QCoreApplication.translate(
                    "ExportDialog",
                    "The file cannot be written; if it is open in Word or Excel, close it and try again.",
                )
                + "\n\n"
                + error.message(lang)
            )
        elif isinstance(error, BriefingError):
            self.show_failure(error.message(lang))
        else:
            self.show_failure(
                QCoreApplication.translate("ExportDialog", "The export failed: %1").replace("%1", str(error))
            )

    def show_failure(self, text: str) -> None:
        self.status.setText(text)
        box = QMessageBox(self)
        box.setObjectName(self.failure_name())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export failed"))
        box.setText(text)
        box.open()

    def failure_name(self) -> str:
        """The object name of the message box that says the export failed."""
        return "exportError"
