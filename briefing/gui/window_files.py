"""The main window's exports and imports: the briefing pack of the meeting being built, and the workbooks a
translator fills in (File › Translations). Each opens its dialog; the work runs off the UI thread there."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from briefing.gui.dialogs import OpenFileName, ask_open_path
from briefing.gui.settings import TRANSLATIONS_FOLDER

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from briefing.gui.export_dialog import ExportDialog
    from briefing.gui.language import UiLanguage
    from briefing.gui.meeting_builder import MeetingBuilder
    from briefing.gui.settings import Settings
    from briefing.gui.translation_dialogs import TranslationExportDialog, TranslationImportDialog
    from briefing.interchange.translation_workbook import ImportReport
    from briefing.store import Library

    class _Window(QMainWindow):
        """What the exports and imports use of the main window."""

        ready: bool
        library: Library
        settings: Settings
        language: UiLanguage
        builder: MeetingBuilder
        undo_stack: QUndoStack
        export_dialog: ExportDialog | None
        translation_export_dialog: TranslationExportDialog | None
        translation_import_dialog: TranslationImportDialog | None
        get_open_file_name: OpenFileName

        def commit_typing(self) -> None: ...
        def refresh(self) -> None: ...

else:
    _Window = object


class WindowFiles(_Window):
    """Mix in before the window's Qt class: export the pack, export and import translator workbooks."""

    def export_pack(self) -> ExportDialog | None:
        """Open the export dialog for the meeting being built (Ctrl+E)."""
        if not self.ready:
            return None
        from briefing.gui.export_dialog import ExportDialog

        if not self.builder.meetings_read:  # opened once the meetings are read
            self.builder.when_read(self.export_pack)
            return None
        if not self.builder.slug:
            QMessageBox.information(self, self.tr("Export"), self.tr("Create a meeting first."))
            return None
        dialog = ExportDialog(
            self.library,
            self.settings,
            self.builder.slug,
            lambda: self.language.code,
            self,
            self.builder.request_mode,
            self.builder.request_copy,
            meeting_title=self.meeting_title(self.builder.slug),
        )
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def meeting_title(self, slug: str) -> str:
        """The title of the meeting ``slug`` in the interface language (its slug when unknown)."""
        row = next((row for row in self.builder.meetings if row.slug == slug), None)
        return row.title(self.language.code) if row is not None else slug

    def export_translations(self) -> TranslationExportDialog | None:
        """File › Translations › Export texts to translate: a workbook for a translator."""
        if not self.ready:
            return None
        from briefing.gui.translation_dialogs import TranslationExportDialog

        self.commit_typing()
        if not self.builder.meetings_read:  # opened once the meetings are read
            self.builder.when_read(self.export_translations)
            return None
        if self.translation_export_dialog is not None:
            self.translation_export_dialog.deleteLater()
        dialog = TranslationExportDialog(
            self.library,
            self.settings,
            self.builder.slug,
            lambda: self.language.code,
            self,
            self.builder.meetings,
        )
        self.translation_export_dialog = dialog
        dialog.open()
        return dialog

    def import_translations(self, path: str | Path | None = None) -> TranslationImportDialog | None:
        """File › Translations › Import translations: a filled-in workbook back into the library.

        ``path`` is asked for when not given. The result (counts and conflicts) shows in a dialog.
        """
        if not self.ready:
            return None
        title, kind = self.tr("Import translations"), self.tr("Excel workbooks (*.xlsx)")
        workbook = ask_open_path(
            self, self.get_open_file_name, self.settings, TRANSLATIONS_FOLDER, title, kind, path
        )
        if workbook is None:
            return None
        from briefing.gui.translation_dialogs import TranslationImportDialog

        self.commit_typing()
        if self.translation_import_dialog is not None:
            self.translation_import_dialog.deleteLater()
        dialog = TranslationImportDialog(self.library, workbook, lambda: self.language.code, self)
        dialog.imported.connect(self._translations_imported)
        self.translation_import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _translations_imported(self, report: ImportReport) -> None:
        """The import changed the library outside the undo stack: clear the stack, show the library anew.

        Undoing an edit made before the import would put back a text as it stood then, possibly over an
        imported translation; so an import, like opening another file, starts a new undo history (the import
        dialog says so).
        """
        if not report.imported:
            return
        self.undo_stack.clear()
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Translations imported: %1.").replace("%1", str(len(report.imported))), 5000
        )
