"""The main window: library on the left; topic editor, meeting builder and participants on the right.

The window can be shown before the library is open (:meth:`MainWindow.open_later`): the library tree comes from a
:class:`~briefing.store.snapshot.LibrarySnapshot` read with the standard ``sqlite3`` module, and the panels that
edit the library are built once :class:`~briefing.gui.loader.LibraryLoader` has imported SQLAlchemy and opened
it. Until then the status bar says so and the actions that change the library are disabled.

Its actions and menus are made in :mod:`~briefing.gui.window_menus`, what it remembers between sessions in
:mod:`~briefing.gui.window_state`; a change of interface language reaches its panels through
:mod:`~briefing.gui.staged_retranslation`, a few at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from briefing.gui.dialogs import OpenFileName
from briefing.gui.import_dialog import ImportDocxMenu
from briefing.gui.language import UiLanguage
from briefing.gui.library_panel import LibraryPanel
from briefing.gui.settings import (
    LAST_TOPIC,
    UI_LANGUAGE,
    Settings,
)
from briefing.gui.staged_retranslation import StagedRetranslation, retranslate_own
from briefing.gui.window_files import WindowFiles
from briefing.gui.window_menus import (
    library_actions,
    make_actions,
    make_menus,
    retranslate_menus,
    shortcut_actions,
    update_undo_texts,
)
from briefing.gui.window_state import restore_window_state, save_window_state

if TYPE_CHECKING:
    from briefing.errors import BriefingError
    from briefing.gui.backups import BackupCommands
    from briefing.gui.changes import Changes
    from briefing.gui.collector import UiThreadCollector
    from briefing.gui.export_dialog import ExportDialog
    from briefing.gui.loader import LibraryLoader
    from briefing.gui.meeting_builder import MeetingBuilder
    from briefing.gui.runner import Runner
    from briefing.gui.tables import ParticipantsTable
    from briefing.gui.texts_table import TextsPanel
    from briefing.gui.topic_editor import TopicEditor
    from briefing.gui.translation_dialogs import TranslationExportDialog, TranslationImportDialog
    from briefing.store import Library
    from briefing.store.snapshot import LibrarySnapshot


class MainWindow(WindowFiles, QMainWindow):
    """Everything the adviser works with; every edit is saved at once and can be undone.

    Given a library, the window is complete when constructed. Given ``None`` and a ``snapshot``, it shows the
    snapshot's tree at once and the rest after :meth:`open_later`; :attr:`libraryReady` is emitted then.
    """

    libraryReady = Signal()  # noqa: N815 - Qt signal naming
    """The library is open and every panel works."""
    libraryFailed = Signal(object)  # noqa: N815 - Qt signal naming
    """The library could not be opened: the :class:`~briefing.errors.BriefingError`."""

    # Set when the library is open: in the constructor when it is given one, by open_later() otherwise.
    library: Library
    runner: Runner
    topic_editor: TopicEditor
    builder: MeetingBuilder
    participants: ParticipantsTable
    texts: TextsPanel

    # Made by briefing.gui.window_menus.
    new_topic_action: QAction
    new_meeting_action: QAction
    export_action: QAction
    export_translations_action: QAction
    import_translations_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    language_group: QActionGroup
    english_action: QAction
    french_action: QAction
    about_action: QAction
    shortcuts_action: QAction
    guide_action: QAction
    backups: BackupCommands
    backup_action: QAction
    restore_action: QAction
    history_action: QAction
    file_menu: QMenu
    translations_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    language_menu: QMenu
    help_menu: QMenu
    _reads_held = False
    """Whether the background task's reads wait for the language switch to settle."""
    collector: UiThreadCollector | None = None
    """Collects garbage on the UI thread while the app runs (set by the app; stopped with the library)."""

    def __init__(
        self,
        library: Library | None,
        settings: Settings,
        language: UiLanguage,
        *,
        snapshot: LibrarySnapshot | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.language = language
        self.ready = False
        self.loader: LibraryLoader | None = None
        self.undo_stack = QUndoStack(self)
        self.export_dialog: ExportDialog | None = None
        self.translation_export_dialog: TranslationExportDialog | None = None
        self.translation_import_dialog: TranslationImportDialog | None = None
        self.get_open_file_name: OpenFileName = QFileDialog.getOpenFileName
        """Asks for the workbook to import (``QFileDialog.getOpenFileName``'s signature); tests replace it."""
        self._pending_topic: tuple[str, str] | None = None
        self.language_change = StagedRetranslation(self)
        """Words the panels again, part by part, when the interface language changes (see :meth:`event`)."""

        self.library_panel = LibraryPanel(library, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self._placeholders = self._make_placeholders()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 900])
        self.setCentralWidget(self.splitter)

        make_actions(self)
        make_menus(self)
        self.import_docx_menu = ImportDocxMenu(self)
        self.library_panel.topicActivated.connect(self._topic_activated)
        self.library_panel.meetingActivated.connect(self.show_meeting)
        self.library_panel.participantActivated.connect(self.show_participant)
        self.library_panel.search.passthrough = [
            key
            for action in self.shortcut_actions()
            for key in action.shortcuts()
            if action is not self.find_action
        ]
        self.tabs.currentChanged.connect(self._tab_changed)
        self._follow_language()
        self.undo_stack.cleanChanged.connect(lambda _clean: update_undo_texts(self))
        self.undo_stack.indexChanged.connect(lambda _index: update_undo_texts(self))
        for action in library_actions(self):
            action.setEnabled(False)

        self.retranslateUi()
        self._check_language(self.language.code)
        self.library_panel.set_language(self.language.code)
        restore_window_state(self)
        if library is not None:
            self._attach(library)
            self.library_panel.reload()
        elif snapshot is not None:
            self.library_panel.show_areas(snapshot.areas)
        self.library_panel.search.setFocus()

    def _make_placeholders(self) -> list[QLabel]:
        """The tabs' pages until the library is open (the panels take their place)."""
        placeholders = []
        for _ in range(4):
            placeholder = QLabel(self.tabs)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholders.append(placeholder)
            self.tabs.addTab(placeholder, "")
        return placeholders

    # --- the library --------------------------------------------------------------------------------------

    def open_later(self, open_library: Callable[[], Library]) -> LibraryLoader:
        """Import what the panels need off the GUI thread, open the library, then complete the window."""
        from briefing.gui.loader import LibraryLoader

        loader = LibraryLoader(open_library, self)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        self.loader = loader
        loader.start()
        return loader

    def _loaded(self, library: Library) -> None:
        self._attach(library)
        self.libraryReady.emit()

    def _failed(self, error: BriefingError) -> None:
        self.statusBar().showMessage(error.message(self.language.code))
        self.libraryFailed.emit(error)

    def _attach(self, library: Library) -> None:
        """Build the panels that read and change the library, in place of the placeholders."""
        from briefing.gui.meeting_builder import MeetingBuilder
        from briefing.gui.runner import Runner
        from briefing.gui.tables import ParticipantsTable
        from briefing.gui.texts_table import TextsPanel
        from briefing.gui.topic_editor import TopicEditor
        from briefing.gui.watching import LibraryWatch

        self.library = library
        self.runner = Runner(library, self.undo_stack, self, lambda: self.language.code)
        self.watch = LibraryWatch(self.runner)
        """Hears commits made by others (a colleague on a shared library, another window on the file)."""
        self.topic_editor = TopicEditor(self.runner, self, self.settings)
        self.builder = MeetingBuilder(self.runner, self.settings, self)
        self.participants = ParticipantsTable(self.runner, self)
        self.texts = TextsPanel(self.runner, self.settings, self)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, panel in enumerate((self.topic_editor, self.builder, self.participants, self.texts)):
            text = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, text)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        for placeholder in self._placeholders:
            shiboken6.delete(placeholder)
        self._placeholders = []
        self.builder.exportRequested.connect(self.export_pack)
        self.builder.jump.connect(self.jump_to)
        self.texts.topicRequested.connect(self.jump_to)
        self.runner.changed.connect(self.on_changes)
        self.library_panel.set_library(library, self.runner.background)
        self.ready = True
        for action in library_actions(self):
            action.setEnabled(True)
        self.builder.set_language(self.language.code)
        self._show_saved_hint()
        self._tab_changed(current)
        if self._pending_topic is not None:
            pending, self._pending_topic = self._pending_topic, None
            self._topic_activated(*pending)
        elif self.settings[LAST_TOPIC]:  # open where the adviser left off
            last = self.settings[LAST_TOPIC]
            self.library_panel.select_topic(last)
            if self.library_panel.current_topic() != last:
                self.topic_editor.show_topic(last)

    def reopen(self, library: Library) -> None:
        """Show ``library`` in place of the one the window had (closed by the caller), e.g. after a restore."""
        old = [self.topic_editor, self.builder, self.participants, self.texts, self.runner]
        self.undo_stack.clear()
        self.ready = False
        self._attach(library)
        self.library_panel.reload()
        for part in old:
            part.deleteLater()

    def idle(self) -> bool:
        """Whether every panel shows what the library holds (no read, preview or change of language on its way)."""
        if self.library_panel.searching() or self.language_change.pending():
            return False
        return not self.ready or (
            self.builder.idle()
            and not self.runner.background.busy()
            and not self.texts.filling()
            and not self.topic_editor.building()
        )

    def close_library(self) -> None:
        """Close the library (when it was opened); the window is no longer used."""
        if self.loader is not None:
            self.loader.wait()
        if self.ready:
            self.watch.stop()
            self.runner.background.stop()
            self.library.close()
        if self.collector is not None:
            self.collector.stop()

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """The window's own texts: title, menus, tabs, status bar (its panels word themselves)."""
        self.setWindowTitle(self.tr("Briefing"))
        retranslate_menus(self)
        self.tabs.setTabText(0, self.tr("Topic"))
        self.tabs.setTabText(1, self.tr("Meeting"))
        self.tabs.setTabText(2, self.tr("Participants"))
        self.tabs.setTabText(3, self.tr("Texts"))
        self.tabs.setTabToolTip(
            3, self.tr("Every text of the library: sort, filter and review several at once")
        )
        self.tabs.setAccessibleName(self.tr("Work area"))
        for placeholder in self._placeholders:
            placeholder.setText(self.tr("Opening the library…"))
        self._show_saved_hint()

    def _show_saved_hint(self) -> None:
        if self.ready:
            self.statusBar().showMessage(self.tr("Every change is saved in the library as you make it."))
        else:
            self.statusBar().showMessage(self.tr("Opening the library…"))

    def set_ui_language(self, lang: str) -> None:
        """Switch the interface language at once, without a restart."""
        self.language.set(lang)
        self.settings[UI_LANGUAGE] = lang

    def event(self, event: QEvent) -> bool:
        """A language change words the window's own texts at once and its panels over the next turns.

        Qt would hand the event to every widget of the window in one go; :class:`StagedRetranslation` hands it
        on a few parts at a time, the visible ones first, so the window never freezes for long.
        """
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            retranslate_own(self)
            if self.ready and not self._reads_held:  # no read competes with the turns of the switch
                self._reads_held = True
                self.runner.background.hold()
            self.language_change.begin(self)
            return True
        return super().event(event)

    def _follow_language(self) -> None:
        self.language.changed.connect(self._language_changed)
        self.language_change.settled.connect(self._release_reads)

    def _release_reads(self) -> None:
        """The switch has worded every panel: the reads it queued (preview, preflight) may start."""
        if self._reads_held:
            self._reads_held = False
            self.runner.background.release()

    def _check_language(self, lang: str) -> None:
        (self.french_action if lang == "fr" else self.english_action).setChecked(True)

    def _language_changed(self, lang: str) -> None:
        """Word the data shown again (library titles, the builder's meeting, preview notes and preflight), in
        turns of their own after the visible texts (:meth:`event`)."""
        self._check_language(lang)
        self.language_change.add_step("library", partial(self.library_panel.set_language, lang))
        if self.ready:
            self.language_change.add_step("builder", partial(self.builder.set_language, lang))

    # --- working ------------------------------------------------------------------------------------------

    def shortcut_actions(self) -> list[QAction]:
        """The window's actions that have keyboard shortcuts (listed by Help › Keyboard shortcuts)."""
        return shortcut_actions(self)

    def show_shortcuts(self) -> QWidget:
        from briefing.gui.help import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_guide(self) -> QWidget:
        from briefing.gui.help import GuideDialog

        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def undo(self) -> None:
        """Edit › Undo, and Ctrl+Z in a text box: what is being typed is saved first, then undone with the rest."""
        if self.ready:
            self.commit_typing()
        self.undo_stack.undo()

    def redo(self) -> None:
        if self.ready:
            self.commit_typing()
        self.undo_stack.redo()

    def show_meeting(self, slug: str) -> None:
        """Open a meeting found by the search in the meeting builder."""
        if not self.ready:
            return
        self.tabs.setCurrentWidget(self.builder)
        self.builder.loaded = True
        self.builder.reload_meetings(select=slug)

    def show_participant(self, key: str) -> None:
        """Open a person found by the search in the participants tab."""
        if not self.ready:
            return
        self.participants.person_key = key
        self.tabs.setCurrentWidget(self.participants)
        self.participants.reload()

    def focus_search(self) -> None:
        self.library_panel.search.setFocus()
        self.library_panel.search.selectAll()

    def _topic_activated(self, topic_key: str, item_key: str) -> None:
        if not self.ready:
            self._pending_topic = (topic_key, item_key)  # shown as soon as the library is open
            return
        self.topic_editor.show_topic(topic_key, item_key)
        if self.tabs.currentWidget() is not self.builder:
            self.tabs.setCurrentWidget(self.topic_editor)

    def jump_to(self, topic_key: str, item_key: str) -> None:
        """Open a topic (and the item) a preflight finding is about."""
        self.tabs.setCurrentWidget(self.topic_editor)
        self.library_panel.select_topic(topic_key)
        self.topic_editor.show_topic(topic_key, item_key)

    def _show_builder(self) -> None:
        self.tabs.setCurrentWidget(self.builder)

    def new_meeting(self) -> None:
        if not self.ready:
            return
        self._show_builder()
        self.builder.new_meeting()

    def _tab_changed(self, _index: int) -> None:
        if not self.ready:
            return
        if self.tabs.currentWidget() is self.builder:
            self.builder.load()
        elif self.tabs.currentWidget() is self.participants:
            self.participants.reload()
        elif self.tabs.currentWidget() is self.texts:
            self.texts.load()

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        from briefing.operations import Changed

        if changes.touches(Changed.TOPICS):
            self.library_panel.reload()
        elif changes.touches(Changed.TEXT):
            self.library_panel.invalidate_translations()
        topics = [key for kind, key in changes.created if kind == "topic"]
        if len(topics) == 1:  # a new topic, or a deleted one back: show it
            self.library_panel.select_topic(topics[0])
            self.topic_editor.show_topic(topics[0])
        self.texts.on_changes(changes)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def new_topic(self, title: str | None = None) -> None:
        """Create a topic in the current area (Ctrl+N)."""
        area = self.library_panel.current_area()
        if not area or not self.ready:
            return
        if title is None:
            value, ok = QInputDialog.getText(
                self, self.tr("New topic"), self.tr("Title of the topic (English):")
            )
            title = value.strip() if ok else ""
        if title:
            from briefing.gui.changes import new_key
            from briefing.operations import create_topic

            chosen = title
            change = self.runner.run(
                self.tr("New topic"), lambda: create_topic(self.library, area, {"en": chosen}), initiator=self
            )
            key = new_key(change, "topic")
            if key is not None:
                self.library_panel.select_topic(key)
            self.tabs.setCurrentWidget(self.topic_editor)

    def commit_typing(self) -> None:
        """Save what is being typed in the topic editor now, before the library is read or written outside it."""
        for pair in self.topic_editor.pairs.values():
            pair.commit()

    def refresh(self) -> None:
        """Read everything shown again from the library (after it changed outside the undo stack)."""
        if not self.ready:
            return
        self.library_panel.reload()
        view = self.topic_editor.view
        if view is not None:
            self.topic_editor.show_topic(view.key)  # cleared if the topic is gone
        if self.builder.loaded:
            self.builder.request_refresh()
        self.participants.request_refresh()
        self.texts.request_refresh()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Briefing"), self.about_text())

    def about_text(self) -> str:
        """What the About box says: Briefing's version and the Python, PySide6 and Qt versions in use."""
        import platform

        import PySide6
        from PySide6.QtCore import qVersion

        from briefing import __version__

        return (
            self.tr("Briefing %1: briefing packs for ministerial meetings, in English and French.").replace(
                "%1", __version__
            )
            + "\n\n"
            + self.tr("Python %1, PySide6 %2, Qt %3")
            .replace("%1", platform.python_version())
            .replace("%2", PySide6.__version__)
            .replace("%3", qVersion())
        )

    # --- state --------------------------------------------------------------------------------------------

    def save_state(self) -> None:
        save_window_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.ready:
            self.commit_typing()
            self.topic_editor.suggester.wait()
            self.builder.details.suggester.wait()
            for dialog in (self.translation_export_dialog, self.translation_import_dialog):
                if dialog is not None and dialog.worker is not None:
                    dialog.worker.wait()  # a workbook half written or read: let it finish
            if self.export_dialog is not None and shiboken6.isValid(self.export_dialog):
                self.export_dialog.wait_all()  # a pack being written, or a cancelled one removing its file
            self.watch.stop()
            self.runner.background.stop()
        self.save_state()
        super().closeEvent(event)


def widget_texts(root: QWidget) -> list[str]:
    """Every visible text of a window's menus, labels, buttons and tabs (for tests and checks)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            texts.append(widget.text())
        elif isinstance(widget, QMenu) and widget.title():
            texts.append(widget.title())
    return texts
