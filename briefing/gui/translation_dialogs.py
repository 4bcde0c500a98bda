"""Translation workbooks from the app: texts out to a translator in an Excel workbook, translations back in.

The two dialogs do from the File menu what ``briefing translations export`` and ``briefing translations
import`` do on the command line (:mod:`briefing.interchange.translation_workbook`), off the GUI thread. The
export behaves as the pack's export does (:mod:`briefing.gui.file_export`): its progress moves row by row,
Cancel stops it at once and leaves nothing, an existing file is replaced only when the user agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.file_export import FileExportDialog
from briefing.gui.settings import (
    TRANSLATIONS_FOLDER,
    TRANSLATIONS_LANG,
    TRANSLATIONS_OPEN_FILE,
    Settings,
)
from briefing.gui.vocabulary import language_name
from briefing.gui.worker import Cancelled, Progress, TaskDialog, Work

if TYPE_CHECKING:
    from briefing.interchange.translation_workbook import ImportReport
    from briefing.operations.queries import MeetingRow
    from briefing.store import Library


def _failure_text(error: object, lang: str, fallback: str) -> str:
    """What to tell the user about ``error``: a core error's message in ``lang``, or ``fallback`` with %1."""
    if isinstance(error, BriefingError):
        return error.message(lang)
    return fallback.replace("%1", str(error))


def _warn(parent: QWidget, name: str, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.open()
    return box


class TranslationExportDialog(FileExportDialog):
    """Which texts (one meeting's pack or the whole library), into which language, and where.

    The workbook lists the texts whose translation is missing, out of date or a draft; it opens when written.
    Progress, cancel, the replace question and opening the file are :class:`FileExportDialog`'s.
    """

    exported = Signal(object)
    """The workbook was written: its path."""

    folder_option = TRANSLATIONS_FOLDER

    def __init__(
        self,
        library: Library,
        settings: Settings,
        meeting: str,
        lang: Callable[[], str],
        parent: QWidget | None = None,
        meetings: Sequence[MeetingRow] = (),
    ) -> None:
        super().__init__(settings, lang, parent)
        self.setObjectName("translationExportDialog")
        self.library = library
        self.count: int | None = None
        self.meetings = list(meetings)
        """The meetings to choose from (as the builder read them)."""

        self._make_widgets()
        self._lay_out()

        self.retranslateUi()
        self.scope.setCurrentIndex(max(0, self.scope.findData(meeting)))
        self.target.setCurrentIndex(max(0, self.target.findData(settings[TRANSLATIONS_LANG])))
        self.scope.currentIndexChanged.connect(lambda _i: self._suggest_destination())
        self.target.currentIndexChanged.connect(lambda _i: self._suggest_destination())
        self._suggest_destination()

    def _make_widgets(self) -> None:
        self.scope = QComboBox(self)
        self.scope.setObjectName("translationScope")
        self.target = QComboBox(self)
        self.target.setObjectName("translationLanguage")
        self.destination.setObjectName("translationDestination")
        self.open_file.setChecked(self.settings[TRANSLATIONS_OPEN_FILE])
        self.status.setObjectName("translationExportStatus")
        self.export_button.setObjectName("startTranslationExport")
        self.close_button = self.cancel_button

    def _lay_out(self) -> None:
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.scope)
        form.addRow(self.labels[1], self.target)
        form.addRow(self.labels[2], self.destination_row())
        form.addRow(self.labels[3], self.open_file)
        self.lay_out(form)

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setWindowTitle(self.tr("Export texts to translate"))
        texts = [self.tr("Texts of"), self.tr("Translate into"), self.tr("Save as"), self.tr("When done")]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for widget, text in zip((self.scope, self.target, self.destination), texts, strict=False):
            widget.setAccessibleName(text)
        self.open_file.setText(self.tr("Open the workbook"))
        self.retranslate_common()
        self._fill_choices()
        self._show_result()

    def _fill_choices(self) -> None:
        scope, target = self.scope.currentData(), self.target.currentData()
        ui = self.lang()
        self.scope.blockSignals(True)
        self.scope.clear()
        for row in self.meetings:
            self.scope.addItem(self.tr("The meeting “%1”").replace("%1", row.title(ui)), row.slug)
        self.scope.addItem(self.tr("The whole library"), "")
        if scope is not None:
            self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        self.scope.blockSignals(False)
        self.target.blockSignals(True)
        self.target.clear()
        for code in ("fr", "en"):
            self.target.addItem(language_name(code), code)
        if target is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.target.blockSignals(False)

    def _result_text(self) -> str:
        if self.result_path is None or self.count is None:
            return ""
        target = language_name(str(self.target.currentData()))
        if self.count:
            text = self.tr("Texts to translate into %1: %2. Workbook written to %3.").replace(
                "%2", str(self.count)
            )
        else:
            text = self.tr("Nothing needs translating into %1; %3 has no rows.")
        return text.replace("%1", target).replace("%3", str(self.result_path))

    def _show_result(self) -> None:
        text = self._result_text()
        if text:
            self.status.setText(text)

    # --- choosing -----------------------------------------------------------------------------------------

    def _suggest_destination(self) -> None:
        current = self.destination.text().strip()
        folder = Path(current).parent if current else self.remembered_folder()
        scope = str(self.scope.currentData() or "library")
        self.destination.setText(
            str(folder / f"{scope}-translations-{self.target.currentData() or 'fr'}.xlsx")
        )

    def file_filter(self) -> str:
        return self.tr("Excel workbooks (*.xlsx)")

    def with_suffix(self, path: str) -> str:
        return path if path.lower().endswith(".xlsx") else f"{path}.xlsx"

    def output_path(self) -> Path | None:
        if not self.destination.text().strip():
            self.status.setText(self.tr("Choose where to save the workbook."))
            return None
        return super().output_path()

    # --- exporting ----------------------------------------------------------------------------------------

    def remember(self, path: Path) -> None:
        super().remember(path)
        self.settings[TRANSLATIONS_LANG] = str(self.target.currentData() or "fr")
        self.settings[TRANSLATIONS_OPEN_FILE] = self.open_file.isChecked()

    def make_work(self, path: Path) -> Work:
        from briefing.interchange.translation_workbook import export_translations

        meeting = str(self.scope.currentData() or "") or None
        lang = str(self.target.currentData() or "fr")
        self.count = None
        library = self.library

        def work(progress: Progress, cancelled: Cancelled) -> tuple[Path, int]:
            count = export_translations(
                library, path, meeting=meeting, lang=lang, progress=progress, cancelled=cancelled
            )
            return path, count

        return work

    def written_path(self, result: object) -> Path | None:
        if isinstance(result, tuple):
            return Path(result[0])
        return None

    def task_succeeded(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.count = int(result[1])
        super().task_succeeded(result)
        assert self.result_path is not None
        self.exported.emit(self.result_path)

    def succeeded_text(self, result: object) -> str:
        return self._result_text()

    def worth_opening(self, result: object) -> bool:
        return bool(self.count)  # a workbook without rows is not opened

    def failure_name(self) -> str:
        return "translationExportError"


class TranslationImportDialog(TaskDialog):
    """Reads a filled-in translation workbook back into the library and says what became of each row.

    Rows whose source text or translation changed in the library since the export are *conflicts*: listed,
    not saved. An import is not on the undo stack; :attr:`imported` tells the window, which then clears the
    stack (an earlier edit undone afterwards could silently overwrite an imported translation) and shows the
    library as it is now.
    """

    imported = Signal(object)
    """The import finished: the :class:`~briefing.interchange.translation_workbook.ImportReport`."""

    def __init__(
        self, library: Library, path: Path, lang: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("translationImportDialog")
        self.library = library
        self.path = path
        self.lang = lang
        self.report: ImportReport | None = None
        self.error: object | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("translationImportSummary")
        self.summary.setWordWrap(True)
        self.conflicts_label = QLabel(self)
        self.conflicts = QListWidget(self)
        self.conflicts.setObjectName("translationConflicts")
        self.conflicts_label.setBuddy(self.conflicts)
        self.note = QLabel(self)
        self.note.setObjectName("translationImportNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("closeTranslationImport")
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setWindowTitle(self.tr("Import translations"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.conflicts_label.setText(self.tr("Rows not imported"))
        self.conflicts.setAccessibleName(self.tr("Rows of the workbook that were not imported, and why"))
        self._show()

    def _show(self) -> None:
        report, lang = self.report, self.lang()
        if self.error is not None:
            self.summary.setText(_failure_text(self.error, lang, self.tr("The import failed: %1")))
            self.note.setText(self.tr("Nothing was saved; the library is as it was."))
        elif report is None:
            self.summary.setText(self.tr("Importing %1…").replace("%1", self.path.name))
            self.note.setText("")
        else:
            counts = [
                (self.tr("Translations saved: %1"), len(report.imported)),
                (self.tr("Unchanged: %1"), report.unchanged),
                (self.tr("Left empty: %1"), report.empty),
                (self.tr("Not saved (conflicts): %1"), len(report.conflicts)),
            ]
            lines = [self.tr("%1 read.").replace("%1", self.path.name)]
            lines += [text.replace("%1", str(count)) for text, count in counts]
            self.summary.setText("\n".join(lines))
            notes = []
            if report.conflicts:
                notes.append(
                    self.tr(
                        "The rows not imported changed in the library since the export: export a new workbook "
                        "to translate them again."
                    )
                )
            if report.imported:
                notes.append(
                    self.tr(
                        "An import cannot be undone with Edit › Undo, so the edits made before it can no longer be "
                        "undone either."
                    )
                )
            self.note.setText("\n\n".join(notes))
        self.conflicts.clear()
        conflicts = report.conflicts if report is not None else []
        for conflict in conflicts:
            self.conflicts.addItem(conflict.message().render(lang))
        self.conflicts_label.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))

    def start(self) -> None:
        """Read the workbook in a worker thread."""
        if self.worker is not None:
            return
        from briefing.interchange.translation_workbook import import_translations

        library, path = self.library, self.path
        self.report, self.error = None, None
        self.close_button.setEnabled(False)
        self._show()
        self.run_task(lambda _progress, _cancelled: import_translations(library, path))

    def task_ended(self) -> None:
        self.close_button.setEnabled(True)

    def task_succeeded(self, result: object) -> None:
        from briefing.interchange.translation_workbook import ImportReport

        assert isinstance(result, ImportReport)
        self.report = result
        self._show()
        self.imported.emit(result)

    def task_failed(self, error: object) -> None:
        self.error = error
        self._show()
        _warn(self, "translationImportError", self.tr("Import failed"), self.summary.text())
