"""The window at 1280×800: nothing widens it, splitters and the last topic are remembered, boxes fit their text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import EDITOR_SPLITTER, Settings
from briefing.store import Library
from tests.gui.settle import settle

LONG_TITLE = (
    "Strengthening EU cooperation with Latin American and Caribbean countries against drug trafficking, "
    "money laundering and the organised crime networks behind them, including the ports of both regions"
)


def laid_out(qtbot: QtBot, window: MainWindow) -> None:
    settle(window)
    for _ in range(5):
        QCoreApplication.processEvents()
    qtbot.wait(50)


def test_selecting_the_longest_title_never_widens_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    laid_out(qtbot, window)
    assert window.width() == 1280
    window.library_panel.select_topic("drug-trafficking")
    window.new_topic(LONG_TITLE)
    laid_out(qtbot, window)
    editor = window.topic_editor
    assert editor.view is not None and editor.view.title.texts["en"] == LONG_TITLE
    assert window.width() == 1280
    assert window.minimumSizeHint().width() <= 1280 and window.minimumWidth() <= 1280
    assert editor.heading.width() < editor.heading.fontMetrics().horizontalAdvance(LONG_TITLE)  # wrapped
    assert editor.heading.toolTip() == LONG_TITLE
    item = window.library_panel.tree.currentItem()
    assert item is not None and item.toolTip(0) == LONG_TITLE  # hovering the cut title shows it, not its key
    window.set_ui_language("fr")
    laid_out(qtbot, window)
    assert window.width() == 1280


def test_side_by_side_columns_are_labelled_and_boxes_grow_with_their_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.library_panel.select_topic("drug-trafficking")
    laid_out(qtbot, window)
    pair = window.topic_editor.frames["dt-ltt-1"].pairs[0]
    assert pair.headers["en"].text() == "English — source"
    assert pair.headers["fr"].text() == "French — translation"
    short = pair.editors["en"].height()
    pair.editors["en"].setPlainText("\n".join(f"Line {n} of a long background note." for n in range(8)))
    laid_out(qtbot, window)
    assert pair.editors["en"].height() > short * 2  # not a fixed 64 px
    assert pair.editors["en"].verticalScrollBar().maximum() == 0  # all of it shows
    window.commit_typing()  # the note saved: the French is out of date, whenever the switch comes
    window.set_ui_language("fr")
    laid_out(qtbot, window)
    assert pair.headers["en"].text() == "Anglais — source"
    assert pair.headers["fr"].text() == "Français — périmé\u00a0: la source a changé depuis la relecture"


def test_splitters_and_the_last_topic_are_remembered(
    qtbot: QtBot, sample_library: Library, settings: Settings, language: UiLanguage, qapp: QApplication
) -> None:
    first = MainWindow(sample_library, settings, language)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    qtbot.waitExposed(first)
    laid_out(qtbot, first)
    first.library_panel.select_topic("programme-fr")
    laid_out(qtbot, first)
    splitter = first.topic_editor.splitter
    splitter.moveSplitter(200, 1)  # as a user dragging the handle
    sizes = splitter.sizes()
    assert settings[EDITOR_SPLITTER] is not None
    first.splitter.moveSplitter(210, 1)  # small enough for the offscreen screen the second window fits
    main_sizes = first.splitter.sizes()
    first.close()

    again = Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    second = MainWindow(sample_library, again, language)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    laid_out(qtbot, second)
    assert second.topic_editor.view is not None and second.topic_editor.view.key == "programme-fr"
    assert second.library_panel.current_topic() == "programme-fr"
    assert second.topic_editor.splitter.sizes()[0] == sizes[0]
    assert second.splitter.sizes()[0] == main_sizes[0]
    second.close()


def test_dates_read_in_the_interface_language(window: MainWindow, qtbot: QtBot) -> None:
    window.library_panel.select_topic("drug-trafficking")
    laid_out(qtbot, window)
    reviewed = window.topic_editor.reviewed
    assert reviewed.text() == "30 May 2024"
    window.set_ui_language("fr")
    laid_out(qtbot, window)
    assert reviewed.text() == "30 mai 2024"
