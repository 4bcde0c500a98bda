"""File › Back up now… and File › Restore from backup…: the store's backups, in the app.

Both go through :mod:`briefing.store.backup`, as ``briefing backup`` and ``briefing restore`` do. Restoring closes
the window's library (SQLite refuses the restore while anyone has it open), puts the backup in place and opens the
restored library in the same window; the library as it was is kept among the automatic backups.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from briefing.errors import BriefingError
from briefing.gui.dialogs import OpenFileName

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow

ChooseItem = Callable[[QWidget, str, str, list[str], int, bool], tuple[str, bool]]
Ask = Callable[[QWidget, str, str], bool]
Tell = Callable[[QWidget, str, str], object]


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return bool(answer == QMessageBox.StandardButton.Yes)


class BackupCommands(QObject):
    """The window's backup and restore commands. The dialog functions are attributes, so tests can answer them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.choose_item: ChooseItem = QInputDialog.getItem
        self.get_open_file_name: OpenFileName = QFileDialog.getOpenFileName
        self.ask: Ask = _ask
        self.tell: Tell = QMessageBox.information
        self.warn: Tell = QMessageBox.warning

    def _message(self, error: BriefingError) -> str:
        return error.message(self.window.language.code)

    def back_up_now(self) -> Path | None:
        """A new automatic backup of the open library; says where it is."""
        from briefing.store.backup import server_backup_error

        window = self.window
        if not window.ready:
            return None
        window.commit_typing()
        try:
            made = window.library.back_up()
            if made is None:
                raise server_backup_error()
        except BriefingError as error:
            self.warn(window, self.tr("Back up"), self._message(error))
            return None
        self.tell(
            window, self.tr("Back up"), self.tr("The library was backed up to %1.").replace("%1", str(made))
        )
        return made

    def restore(self) -> bool:
        """Choose an automatic backup (or any backup file), confirm, restore it and show the restored library."""
        from briefing.store.backup import automatic_backups, backup_time, server_backup_error

        window = self.window
        if not window.ready:
            return False
        library_path = window.library.path
        if library_path is None:
            self.warn(window, self.tr("Restore from backup"), self._message(server_backup_error()))
            return False
        backups = automatic_backups(library_path)
        labels = []
        for found in backups:
            taken = backup_time(library_path, found)
            when = taken.astimezone().strftime("%Y-%m-%d %H:%M:%S") if taken else found.name
            labels.append(
                self.tr("%1 (%2 KB)").replace("%1", when).replace("%2", str(found.stat().st_size // 1024))
            )
        choose_file = self.tr("Choose a file…")
        label, ok = self.choose_item(
            window,
            self.tr("Restore from backup"),
            self.tr("Backup to restore:"),
            [*labels, choose_file],
            0,
            False,
        )
        if not ok or not label:
            return False
        if label == choose_file:
            chosen, _filter = self.get_open_file_name(
                window,
                self.tr("Restore from backup"),
                str(library_path.parent),
                self.tr("Libraries (*.sqlite)"),
            )
            if not chosen:
                return False
            backup = Path(chosen)
        else:
            backup = backups[labels.index(label)]
        question = self.tr(
            "Replace everything in the library with the backup %1? The library as it is now is kept among the "
            "automatic backups, and the undo history is cleared."
        ).replace("%1", str(backup))
        if not self.ask(window, self.tr("Restore from backup"), question):
            return False
        return self._restore(library_path, backup)

    def _restore(self, library_path: Path, backup: Path) -> bool:
        from briefing.store import Library
        from briefing.store.backup import restore_library

        window = self.window
        window.commit_typing()
        window.library.close()
        failure: BriefingError | None = None
        try:
            restore_library(library_path, backup)
        except BriefingError as error:
            failure = error
        try:
            window.reopen(Library.open(library_path, create=False))
        except BriefingError as error:
            failure = failure or error
        if failure is not None:
            self.warn(window, self.tr("Restore from backup"), self._message(failure))
            return False
        self.tell(
            window,
            self.tr("Restore from backup"),
            self.tr("The library was restored from %1.").replace("%1", str(backup)),
        )
        return True


__all__ = ["BackupCommands"]
