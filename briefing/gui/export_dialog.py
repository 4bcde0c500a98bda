"""The export dialog: pack language, copy, template, Word or Excel, destination; runs off the UI thread.

The dialog names the meeting and suggests the folder that meeting's pack was last exported to. A file that
exists is replaced only once the user agrees. Cancel takes effect at once: the dialog lets go of the export,
which stops at its next step and leaves nothing behind (a late one still finishing is waited for on close).
When the file cannot be opened, the dialog says so and where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from briefing.gui.settings import (
    EXPORT_COPY,
    EXPORT_FOLDER,
    EXPORT_FORMAT,
    EXPORT_MEETING_FOLDERS,
    EXPORT_MODE,
    EXPORT_OPEN_FILE,
    EXPORT_OPEN_FOLDER,
    EXPORT_TEMPLATE,
    Settings,
)
from briefing.gui.vocabulary import copy_names, mode_names
from briefing.gui.worker import Cancelled, Progress, Task, TaskDialog

if TYPE_CHECKING:
    from briefing.export import ExportRequest
    from briefing.store import Library


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


class ExportDialog(TaskDialog):
    """Choose what to export and where; the file (or its folder) opens when done."""

    finished_export = Signal(object)

    def __init__(
        self,
        library: Library,
        settings: Settings,
        meeting: str,
        lang: Callable[[], str],
        parent: QWidget | None = None,
        mode: str | None = None,
        copy: str | None = None,
        meeting_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.library = library
        self.settings = settings
        self.meeting = meeting
        self.meeting_title = meeting_title or meeting
        self.abandoned: list[Task] = []
        """Cancelled exports still stopping (waited for before the dialog closes)."""
        self.heading = QLabel(self)
        self.heading.setObjectName("exportMeeting")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.lang = lang
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.allow_missing = False
        self.result_path: Path | None = None

        self.mode = QComboBox(self)
        self.copy = QComboBox(self)
        self.format = QComboBox(self)
        self.template = QLineEdit(self)
        self.template_button = QPushButton(self)
        self.template_button.clicked.connect(self._choose_template)
        self.destination = QLineEdit(self)
        self.destination.setObjectName("destination")
        self.destination_button = QPushButton(self)
        self.destination_button.clicked.connect(self._choose_destination)
        self.open_file = QCheckBox(self)
        self.open_folder = QCheckBox(self)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("startExport")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        self._lay_out()
        self.setMinimumWidth(560)  # the destination's path readable

        self.retranslateUi()
        self._fill_choices(mode, copy)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.mode.currentIndexChanged.connect(lambda _i: self._suggest_destination())
        self._suggest_destination()

    def _lay_out(self) -> None:
        self.labels = [QLabel(self) for _ in range(6)]
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.template_button)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(self.destination_button)
        form = QFormLayout()
        form.addRow(self.labels[0], self.mode)
        form.addRow(self.labels[1], self.copy)
        form.addRow(self.labels[2], self.format)
        form.addRow(self.labels[3], template_row)
        form.addRow(self.labels[4], destination_row)
        form.addRow(self.labels[5], self.open_file)
        form.addRow(QLabel(self), self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setWindowTitle(self.tr("Export the pack: %1").replace("%1", self.meeting_title))
        self.heading.setText(self.tr("Meeting: %1").replace("%1", self.meeting_title))
        texts = [
            self.tr("Language"),
            self.tr("Copy"),
            self.tr("Format"),
            self.tr("Word template"),
            self.tr("Save as"),
            self.tr("When done"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for combo, text in zip(
            (self.mode, self.copy, self.format, self.template, self.destination), texts, strict=False
        ):
            combo.setAccessibleName(text)
        self.template.setPlaceholderText(self.tr("House style (no template)"))
        self.template_button.setText(self.tr("Choose…"))
        self.destination_button.setText(self.tr("Browse…"))
        self.open_file.setText(self.tr("Open the file"))
        self.open_folder.setText(self.tr("Show the folder"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel") if self.worker is not None else self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setFormat(self.tr("%p%"))
        if self.mode.count():
            self._fill_choices(self.mode.currentData(), self.copy.currentData())

    def _fill_choices(self, mode: str | None, copy: str | None) -> None:
        settings = self.settings
        fmt = self.format.currentData() or settings[EXPORT_FORMAT]
        for combo, entries, value in (
            (self.mode, mode_names(), mode or settings[EXPORT_MODE]),
            (self.copy, copy_names(), copy or settings[EXPORT_COPY]),
            (
                self.format,
                [
                    ("docx", self.tr("Word document (.docx)")),
                    ("xlsx", self.tr("Excel workbook (.xlsx)")),
                    ("pdf", self.tr("PDF through LibreOffice (.pdf)")),
                ],
                fmt,
            ),
        ):
            combo.blockSignals(True)
            combo.clear()
            for data, text in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.template.setText(self.template.text() or settings[EXPORT_TEMPLATE])
        self.open_file.setChecked(settings[EXPORT_OPEN_FILE])
        self.open_folder.setChecked(settings[EXPORT_OPEN_FOLDER])
        self._format_changed(suggest=False)

    def _format_changed(self, suggest: bool = True) -> None:
        word = self.format.currentData() in ("docx", "pdf")  # a PDF is the Word pack, printed
        self.template.setEnabled(word)
        self.template_button.setEnabled(word)
        if suggest:
            self._suggest_destination()

    def _suggest_destination(self) -> None:
        remembered = self.settings[EXPORT_MEETING_FOLDERS].get(self.meeting) or self.settings[EXPORT_FOLDER]
        folder = Path(remembered or Path.home())
        suffix = self.format.currentData() or "docx"
        current = self.destination.text().strip()
        if current:
            folder = Path(current).parent
        self.destination.setText(str(folder / f"{self.meeting}-{self.mode.currentData() or 'en'}.{suffix}"))

    def _choose_template(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Word template"), self.template.text(), self.tr("Word documents (*.docx *.dotx)")
        )
        if path:
            self.template.setText(path)

    def _choose_destination(self) -> None:
        word = self.format.currentData() == "docx"
        filters = self.tr("Word documents (*.docx)") if word else self.tr("Excel workbooks (*.xlsx)")
        if self.format.currentData() == "pdf":
            filters = self.tr("PDF files (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), self.destination.text(), filters
        )
        if path:
            self.destination.setText(path)

    # --- exporting ----------------------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        from briefing.assemble import PackRequest
        from briefing.export import ExportRequest

        fmt = str(self.format.currentData())
        template = self.template.text().strip() if fmt in ("docx", "pdf") else ""
        return ExportRequest(
            pack=PackRequest(
                self.meeting, str(self.mode.currentData()), str(self.copy.currentData()), self.allow_missing
            ),
            output=Path(self.destination.text().strip()).expanduser(),
            format=fmt,
            template=Path(template) if template else None,
        )

    def start(self) -> None:
        """Start the export in a worker thread (once the user agrees to replace a file that exists)."""
        if self.worker is not None:
            return
        try:
            request = self.request()
        except BriefingError as error:
            self._show_failure(error.message(self.lang()))
            return
        if request.output.exists():
            self._ask_replace(request.output)
            return
        self._start(request)

    def _ask_replace(self, path: Path) -> None:
        ask_replace(self, path, self._replace_agreed)

    def _replace_agreed(self) -> None:
        try:
            request = self.request()
        except BriefingError as error:
            self._show_failure(error.message(self.lang()))
            return
        self._start(request)

    def _start(self, request: ExportRequest) -> None:
        self._remember()
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        library = self.library

        def work(progress: Progress, cancelled: Cancelled) -> object:
            from briefing.export import export_pack

            return export_pack(library, request, progress=progress, cancelled=cancelled)

        self.run_task(work, measured=True)
        self.cancel_button.setText(self.tr("Cancel"))

    def _remember(self) -> None:
        settings = self.settings
        settings[EXPORT_MODE] = self.mode.currentData()
        settings[EXPORT_COPY] = self.copy.currentData()
        settings[EXPORT_FORMAT] = self.format.currentData()
        settings[EXPORT_TEMPLATE] = self.template.text().strip()
        folder = str(Path(self.destination.text().strip()).expanduser().parent)
        settings[EXPORT_FOLDER] = folder
        remembered = settings[EXPORT_MEETING_FOLDERS]
        folders = dict(remembered)
        folders[self.meeting] = folder
        settings[EXPORT_MEETING_FOLDERS] = folders
        settings[EXPORT_OPEN_FILE] = self.open_file.isChecked()
        settings[EXPORT_OPEN_FOLDER] = self.open_folder.isChecked()

    def cancel(self) -> None:
        """Cancel the export at once (it stops at its next step and writes nothing), or close the dialog."""
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
        self.status.setText(self.tr("Export cancelled; nothing was written."))
        self.task_ended()

    def _finished_after_cancel(self, result: object) -> None:
        """The export was past its last step when it was cancelled: the file was written after all."""
        path = getattr(result, "path", None)
        if path is not None:
            self.status.setText(
                self.tr("The export had finished before it could be cancelled: %1 was written.").replace(
                    "%1", str(path)
                )
            )

    def _stopping(self) -> list[Task]:
        """The cancelled exports still running."""
        self.abandoned = [w for w in self.abandoned if shiboken6.isValid(w) and not w.isFinished()]
        return self.abandoned

    def idle(self) -> bool:
        """Whether no export, cancelled or not, is still running."""
        return self.worker is None and not self._stopping()

    def wait_all(self) -> None:
        """Block until the export running and the cancelled ones still stopping have ended."""
        self.wait_task()
        for worker in self._stopping():
            worker.wait()

    def done(self, result: int) -> None:
        for worker in self._stopping():
            worker.wait()  # a cancelled export stopping: let it remove its temporary file
        super().done(result)

    def task_ended(self) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def task_succeeded(self, result: object) -> None:
        from briefing.export import ExportResult

        assert isinstance(result, ExportResult)
        path = Path(result.path)
        self.result_path = path
        untranslated = result.untranslated
        text = self.tr("Pack written to %1.").replace("%1", str(path))
        if untranslated:
            text += " " + self.tr(
                "%n texts are in the source language, marked as untranslated.", "", untranslated
            )
        if self.open_file.isChecked() and not self.open_url(QUrl.fromLocalFile(str(path))):
            text += " " + self.tr(
                "The file could not be opened: no application on this computer opens %1 files. It is in %2."
            ).replace("%1", path.suffix or path.name).replace("%2", str(path.parent))
        if self.open_folder.isChecked() and not self.open_url(QUrl.fromLocalFile(str(path.parent))):
            text += " " + self.tr("The folder %1 could not be shown.").replace("%1", str(path.parent))
        self.status.setText(text)
        self.finished_export.emit(result)

    def task_failed(self, error: object) -> None:
        from briefing.assemble import MissingTranslationsError
        from briefing.export import ExportCancelledError
        from briefing.files import OutputError

        lang = self.lang()
        if isinstance(error, ExportCancelledError):
            self.status.setText(self.tr("Export cancelled; nothing was written."))
        elif isinstance(error, MissingTranslationsError):
            self.status.setText(
                self.tr("%n texts of this pack have no up-to-date translation.", "", len(error.problems))
            )
            self._offer_missing(len(error.problems))
        elif isinstance(error, OutputError):
            self._show_failure(
                self.tr("The file cannot be written; if it is open in Word or Excel, close it and try again.")
                + "\n\n"
                + error.message(lang)
            )
        elif isinstance(error, BriefingError):
            self._show_failure(error.message(lang))
        else:
            self._show_failure(self.tr("The export failed: %1").replace("%1", str(error)))

    def _offer_missing(self, count: int) -> None:
        box = QMessageBox(self)
        box.setObjectName("missingTranslations")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Missing translations"))
        box.setText(
            self.tr(
                "%n texts of this pack have no up-to-date translation. Export anyway, with the source text "
                "marked as untranslated?",
                "",
                count,
            )
        )
        export = box.addButton(self.tr("Export with missing marked"), QMessageBox.ButtonRole.AcceptRole)
        export.setObjectName("exportWithMissing")
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        export.clicked.connect(self.export_with_missing)
        box.open()

    def export_with_missing(self) -> None:
        self.allow_missing = True
        self.start()

    def _show_failure(self, text: str) -> None:
        self.status.setText(text)
        box = QMessageBox(self)
        box.setObjectName("exportError")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Export failed"))
        box.setText(text)
        box.open()
