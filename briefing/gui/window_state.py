"""What the main window remembers between sessions: its geometry, docks, splitter, tab and the last topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from briefing.gui.settings import (
    LAST_TOPIC,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    WINDOW_STATE,
    WINDOW_TAB,
)

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow


def restore_window_state(window: MainWindow) -> None:
    """Put the window as it was left (1280 × 800 the first time)."""
    settings = window.settings
    geometry = settings[WINDOW_GEOMETRY]
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    state = settings[WINDOW_STATE]
    if state is not None:
        window.restoreState(state)
    splitter = settings[WINDOW_SPLITTER]
    if splitter is not None:
        window.splitter.restoreState(splitter)
    tab = settings[WINDOW_TAB]
    if 0 <= tab < window.tabs.count():
        window.tabs.setCurrentIndex(tab)


def save_window_state(window: MainWindow) -> None:
    """Remember the window as it is, and the topic shown."""
    settings = window.settings
    settings[WINDOW_GEOMETRY] = QByteArray(window.saveGeometry())
    settings[WINDOW_STATE] = QByteArray(window.saveState())
    settings[WINDOW_SPLITTER] = QByteArray(window.splitter.saveState())
    settings[WINDOW_TAB] = window.tabs.currentIndex()
    if window.ready:
        view = window.topic_editor.view
        settings[LAST_TOPIC] = view.key if view is not None else settings[LAST_TOPIC]
    settings.sync()
