"""Switching the interface to French at run time, from the menu, without a restart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from briefing.gui.i18n.build import ts_path
from briefing.gui.main_window import MainWindow, widget_texts
from briefing.gui.settings import UI_LANGUAGE
from tests.gui.settle import settle


def english_only_sources() -> set[str]:
    """English strings of the catalogue whose French differs: none of them may show in the French UI."""
    found = set()
    for message in ET.parse(ts_path("fr")).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        french = translation.text if translation is not None else None
        if french and french != source:
            found.add(source)
    return found


def test_french_from_the_menu_changes_every_visible_text(window: MainWindow, qtbot: QtBot) -> None:
    window.topic_editor.show_topic("drug-trafficking")
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)  # read on the background task
    window.french_action.trigger()
    assert window.language.code == "fr"
    assert window.file_menu.title() == "&File"  # the window is worded again in the turns that follow
    settle(window)
    assert [
        menu.title() for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)
    ] == [
        "&Fichier",
        "É&dition",
        "&Affichage",
        "Aid&e",
    ]
    assert window.new_topic_action.text() == "&Nouveau sujet"
    assert window.export_action.text() == "&Exporter le dossier…"
    assert [window.tabs.tabText(i) for i in range(4)] == ["Sujet", "Réunion", "Participants", "Textes"]
    assert window.builder.new_button.text() == "Nouvelle réunion…"
    assert window.builder.export_button.text() == "Exporter…"
    assert window.builder.mode.itemText(1) == "Français"
    assert window.library_panel.overdue.text() == "Relecture en retard"
    assert window.library_panel.search.placeholderText() == "Rechercher dans la bibliothèque (Ctrl+F)"
    pair = window.topic_editor.frames["dt-ltt-1"].pairs[0]
    assert pair.review.text() == "Marquer le français comme relu"
    assert pair.status.text() == "Français\u00a0: traduit, non relu"
    assert "Trafic de drogue et criminalité organisée" in window.topic_editor.heading.text()
    leftovers = set(widget_texts(window)) & english_only_sources()
    assert leftovers == set()
    window.english_action.trigger()
    settle(window)
    assert pair.review.text() == "Mark French reviewed"
    assert "Drug trafficking and organised crime" in window.topic_editor.heading.text()


def test_the_language_is_remembered(window: MainWindow) -> None:
    window.set_ui_language("fr")
    assert window.settings[UI_LANGUAGE] == "fr"


def test_widgets_have_accessible_names(window: MainWindow) -> None:
    window.topic_editor.show_topic("drug-trafficking")
    settle(window)
    unnamed = [
        w.objectName()
        for w in window.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy().value and not isinstance(w, QLabel | QAbstractButton) and not w.accessibleName()
        and w.metaObject().className() in {"QLineEdit", "QPlainTextEdit", "QComboBox", "QTreeWidget", "QTableWidget", "QTextBrowser"}
    ]  # fmt: skip
    assert unnamed == []


def test_shortcuts(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.new_topic_action.shortcut() == QKeySequence("Ctrl+N")
    window.find_action.trigger()
    assert window.library_panel.search.hasFocus() or window.focusWidget() is window.library_panel.search
