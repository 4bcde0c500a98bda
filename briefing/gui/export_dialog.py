"""The export dialog: pack language, copy, template, Word, Excel or PDF, destination; runs off the UI thread.

The dialog names the meeting and suggests the folder that meeting's pack was last exported to. What it shares
with the library workbooks' dialogs (a file replaced only once the user agrees, progress that follows the
work, a cancel that takes effect at once, the file opened or why not said) is
:class:`~briefing.gui.file_export.FileExportDialog`'s. A pack whose texts lack translations is offered again
with the source text marked as untranslated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from briefing.gui.file_export import FileExportDialog
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
from briefing.gui.worker import Cancelled, Progress, Work

if TYPE_CHECKING:
    from briefing.export import ExportRequest
    from briefing.store import Library


class ExportDialog(FileExportDialog):
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
        super().__init__(settings, lang, parent)
        self.setObjectName("exportDialog")
        self.library = library
        self.meeting = meeting
        self.meeting_title = meeting_title or meeting
        self.heading = QLabel(self)
        self.heading.setObjectName("exportMeeting")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.allow_missing = False

        self.mode = QComboBox(self)
        self.copy = QComboBox(self)
        self.format = QComboBox(self)
        self.template = QLineEdit(self)
        self.template_button = QPushButton(self)
        self.template_button.clicked.connect(self._choose_template)
        self.destination.setObjectName("destination")
        self.destination_button = self.browse
        self.open_folder = QCheckBox(self)
        self.status.setObjectName("exportStatus")
        self.export_button.setObjectName("startExport")

        self._lay_out()

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
        form = QFormLayout()
        form.addRow(self.labels[0], self.mode)
        form.addRow(self.labels[1], self.copy)
        form.addRow(self.labels[2], self.format)
        form.addRow(self.labels[3], template_row)
        form.addRow(self.labels[4], self.destination_row())
        form.addRow(self.labels[5], self.open_file)
        form.addRow(QLabel(self), self.open_folder)
        self.lay_out(form, self.heading)

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
        self.open_file.setText(self.tr("Open the file"))
        self.open_folder.setText(self.tr("Show the folder"))
        self.retranslate_common()
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

    # --- choosing -----------------------------------------------------------------------------------------

    def remembered_folder(self) -> Path:
        """The folder this meeting's pack was last exported to, else the last export's."""
        remembered = self.settings[EXPORT_MEETING_FOLDERS].get(self.meeting) or self.settings[EXPORT_FOLDER]
        return Path(remembered or Path.home())

    def _suggest_destination(self) -> None:
        folder = self.remembered_folder()
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

    def file_filter(self) -> str:
        fmt = self.format.currentData()
        if fmt == "pdf":
            return self.tr("PDF files (*.pdf)")
        if fmt == "xlsx":
            return self.tr("Excel workbooks (*.xlsx)")
        return self.tr("Word documents (*.docx)")

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

    def make_work(self, path: Path) -> Work:
        import dataclasses

        request = dataclasses.replace(self.request(), output=path)
        library = self.library

        def work(progress: Progress, cancelled: Cancelled) -> object:
            from briefing.export import export_pack

            return export_pack(library, request, progress=progress, cancelled=cancelled)

        return work

    def remember(self, path: Path) -> None:
        settings = self.settings
        settings[EXPORT_MODE] = self.mode.currentData()
        settings[EXPORT_COPY] = self.copy.currentData()
        settings[EXPORT_FORMAT] = self.format.currentData()
        settings[EXPORT_TEMPLATE] = self.template.text().strip()
        folder = str(path.parent)
        settings[EXPORT_FOLDER] = folder
        remembered = settings[EXPORT_MEETING_FOLDERS]
        folders = dict(remembered)
        folders[self.meeting] = folder
        settings[EXPORT_MEETING_FOLDERS] = folders
        settings[EXPORT_OPEN_FILE] = self.open_file.isChecked()
        settings[EXPORT_OPEN_FOLDER] = self.open_folder.isChecked()

    def busy_text(self) -> str:
        return self.tr("Converting to PDF with LibreOffice… Cancel stops it.")

    def succeeded_text(self, result: object) -> str:
        from briefing.export import ExportResult

        assert isinstance(result, ExportResult)
        path = Path(result.path)
        text = self.tr("Pack written to %1.").replace("%1", str(path))
        if result.untranslated:
            text += " " + self.tr(
                "%n texts are in the source language, marked as untranslated.", "", result.untranslated
            )
        return text

    def task_succeeded(self, result: object) -> None:
        super().task_succeeded(result)
        path = self.result_path
        shown = (
            path is None
            or not self.open_folder.isChecked()
            or self.open_url(QUrl.fromLocalFile(str(path.parent)))
        )
        if not shown and path is not None:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr("The folder %1 could not be shown.").replace("%1", str(path.parent))
            )
        self.finished_export.emit(result)

    def task_failed(self, error: object) -> None:
        from briefing.assemble import MissingTranslationsError

        if isinstance(error, MissingTranslationsError):
            self.status.setText(
                self.tr("%n texts of this pack have no up-to-date translation.", "", len(error.problems))
            )
            self._offer_missing(len(error.problems))
            return
        super().task_failed(error)

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
