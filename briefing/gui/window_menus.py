"""The main window's actions and menus (File, Edit, View, Help), their shortcuts and their texts.

The actions are attributes of the window (``window.export_action``…), made here and connected to the window's
methods; :func:`retranslate_menus` words them in the interface language (the catalogue's ``MainWindow`` context).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow


def make_actions(window: MainWindow) -> None:
    """The window's actions, connected to what they do."""
    window.new_topic_action = QAction(window)
    window.new_topic_action.setShortcut(QKeySequence.StandardKey.New)
    window.new_topic_action.triggered.connect(partial(window.new_topic, None))
    window.new_meeting_action = QAction(window)
    window.new_meeting_action.triggered.connect(window.new_meeting)
    window.export_action = QAction(window)
    window.export_action.setShortcut(QKeySequence("Ctrl+E"))
    window.export_action.triggered.connect(window.export_pack)
    window.export_translations_action = QAction(window)
    window.export_translations_action.triggered.connect(window.export_translations)
    window.import_translations_action = QAction(window)
    window.import_translations_action.triggered.connect(lambda _checked=False: window.import_translations())
    window.quit_action = QAction(window)
    window.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    window.quit_action.triggered.connect(window.close)
    window.undo_action = QAction(window)
    window.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
    window.undo_action.triggered.connect(window.undo)
    window.undo_stack.canUndoChanged.connect(window.undo_action.setEnabled)
    window.undo_action.setEnabled(False)
    window.redo_action = QAction(window)
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
        if extra not in redo_keys:
            redo_keys.append(extra)
    window.redo_action.setShortcuts(redo_keys)
    window.redo_action.triggered.connect(window.redo)
    window.undo_stack.canRedoChanged.connect(window.redo_action.setEnabled)
    window.redo_action.setEnabled(False)
    window.find_action = QAction(window)
    window.find_action.setShortcut(QKeySequence.StandardKey.Find)
    window.find_action.triggered.connect(window.focus_search)
    window.language_group = QActionGroup(window)
    window.english_action = QAction("English", window, checkable=True)
    window.french_action = QAction("Français", window, checkable=True)
    for action, code in ((window.english_action, "en"), (window.french_action, "fr")):
        window.language_group.addAction(action)
        action.triggered.connect(lambda _checked=False, code=code: window.set_ui_language(code))
    _make_help_actions(window)


def _make_help_actions(window: MainWindow) -> None:
    """Help's actions, and backing up and restoring."""
    window.about_action = QAction(window)
    window.about_action.triggered.connect(window.about)
    window.shortcuts_action = QAction(window)
    window.shortcuts_action.setObjectName("shortcutsAction")
    window.shortcuts_action.setShortcut(QKeySequence("F1"))
    window.shortcuts_action.triggered.connect(lambda _checked=False: window.show_shortcuts())
    window.guide_action = QAction(window)
    window.guide_action.triggered.connect(lambda _checked=False: window.show_guide())
    from briefing.gui.backups import BackupCommands

    window.backups = BackupCommands(window)
    window.backup_action = QAction(window)
    window.backup_action.triggered.connect(lambda _checked=False: window.backups.back_up_now())
    window.restore_action = QAction(window)
    window.restore_action.triggered.connect(lambda _checked=False: window.backups.restore())


def library_actions(window: MainWindow) -> list[QAction]:
    """The actions that need the open library (disabled until it is)."""
    return [
        window.new_topic_action,
        window.new_meeting_action,
        window.export_action,
        window.export_translations_action,
        window.import_translations_action,
        window.backup_action,
        window.restore_action,
    ]


def shortcut_actions(window: MainWindow) -> list[QAction]:
    """The window's actions that have keyboard shortcuts (listed by Help › Keyboard shortcuts)."""
    return [
        window.new_topic_action,
        window.export_action,
        window.undo_action,
        window.redo_action,
        window.find_action,
        window.shortcuts_action,
        window.quit_action,
    ]


def make_menus(window: MainWindow) -> None:
    """The menu bar: File (with Translations), Edit, View (with Language) and Help."""
    bar = window.menuBar()
    window.file_menu = QMenu(window)
    window.file_menu.addActions([window.new_topic_action, window.new_meeting_action, window.export_action])
    from briefing.gui.history_dialog import add_history_action

    window.history_action = add_history_action(window, window.file_menu, after=window.export_action)
    window.translations_menu = QMenu(window)
    window.translations_menu.addActions(
        [window.export_translations_action, window.import_translations_action]
    )
    window.file_menu.addMenu(window.translations_menu)
    window.file_menu.addSeparator()
    window.file_menu.addActions([window.backup_action, window.restore_action])
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)
    window.edit_menu = QMenu(window)
    window.edit_menu.addActions([window.undo_action, window.redo_action])
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(window.find_action)
    window.view_menu = QMenu(window)
    window.language_menu = QMenu(window)
    window.language_menu.addActions([window.english_action, window.french_action])
    window.view_menu.addMenu(window.language_menu)
    window.help_menu = QMenu(window)
    window.help_menu.addActions([window.shortcuts_action, window.guide_action])
    window.help_menu.addSeparator()
    window.help_menu.addAction(window.about_action)
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        bar.addMenu(menu)


def retranslate_menus(window: MainWindow) -> None:
    """Word the menus and actions in the interface language."""
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
    window.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
    window.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
    window.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
    window.new_topic_action.setText(QCoreApplication.translate("MainWindow", "&New topic"))
    window.new_meeting_action.setText(QCoreApplication.translate("MainWindow", "New &meeting…"))
    window.export_action.setText(QCoreApplication.translate("MainWindow", "&Export pack…"))
    window.translations_menu.setTitle(QCoreApplication.translate("MainWindow", "&Translations"))
    window.export_translations_action.setText(
        QCoreApplication.translate("MainWindow", "E&xport texts to translate…")
    )
    window.import_translations_action.setText(
        QCoreApplication.translate("MainWindow", "&Import translations…")
    )
    window.backup_action.setText(QCoreApplication.translate("MainWindow", "&Back up now…"))
    window.restore_action.setText(QCoreApplication.translate("MainWindow", "&Restore from backup…"))
    window.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
    window.find_action.setText(QCoreApplication.translate("MainWindow", "&Find in library"))
    window.about_action.setText(QCoreApplication.translate("MainWindow", "&About Briefing"))
    window.shortcuts_action.setText(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"))
    window.guide_action.setText(QCoreApplication.translate("MainWindow", "&Getting started"))
    update_undo_texts(window)


def update_undo_texts(window: MainWindow) -> None:
    """Edit › Undo and Redo say what they undo and redo."""
    if not shiboken6.isValid(window.undo_stack) or not shiboken6.isValid(window.undo_action):
        return  # the window is being destroyed
    undo, redo = window.undo_stack.undoText(), window.undo_stack.redoText()
    window.undo_action.setText(
        QCoreApplication.translate("MainWindow", "&Undo %1").replace("%1", undo).strip()
    )
    window.redo_action.setText(
        QCoreApplication.translate("MainWindow", "&Redo %1").replace("%1", redo).strip()
    )
