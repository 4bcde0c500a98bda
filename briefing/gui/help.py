"""Help › Keyboard shortcuts and Help › Getting started, in the interface language."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow


class ShortcutsDialog(QDialog):
    """A table of the window's keyboard shortcuts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = self.rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def rows(self, window: MainWindow) -> list[tuple[str, str]]:
        """(what, keys) for every shortcut of the window, menus first, then the keys of boxes and lists."""
        rows: list[tuple[str, str]] = []
        for action in window.shortcut_actions():
            keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
            if keys:
                rows.append((action.text().replace("&", "").strip(), ", ".join(keys)))
        undo = QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)
        rows += [
            (self.tr("Move into the search results"), self.tr("Down or Enter in the search box")),
            (self.tr("Open the topic, meeting or person chosen"), self.tr("Enter")),
            (self.tr("Next or previous box"), self.tr("Tab, Shift+Tab")),
            (self.tr("Undo typing in a text box (the same history as Edit › Undo)"), undo),
            (
                self.tr("Change the day, month or year of a date"),
                self.tr("Up, Down; Left and Right between them"),
            ),
        ]
        return rows


class GuideDialog(QDialog):
    """A short guide: from the library to an exported pack."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Getting started"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def guide_html(self) -> str:
        steps = [
            (
                self.tr("The library"),
                self.tr(
                    "On the left, the library's topics by policy area. Search as you type (Ctrl+F): texts, "
                    "titles, meetings and people are found, with or without accents. Filters narrow the list by "
                    "marking, owner, French translation or review date."
                ),
            ),
            (
                self.tr("Writing a topic"),
                self.tr(
                    "Pick a topic to edit it: the English on the left, the French on the right. Everything is "
                    "saved as you type, and Edit › Undo (Ctrl+Z) takes back any change. When the English "
                    "changes, the French turns stale: “What changed in the English” shows the difference before "
                    "you mark the French reviewed."
                ),
            ),
            (
                self.tr("Texts to review"),
                self.tr(
                    "The Texts tab lists every text with its French status, owner, marking and review date. "
                    "Sort and filter it, select several rows, and mark them reviewed or set their owner or "
                    "marking at once."
                ),
            ),
            (
                self.tr("Building a meeting"),
                self.tr(
                    "In the Meeting tab, add agenda items and drag topics onto them, then tick the items the "
                    "pack should hold. The preview and the checks follow every change."
                ),
            ),
            (
                self.tr("Exporting"),
                self.tr(
                    "File › Export pack (Ctrl+E) writes the pack in Word or Excel, in English, French or both. "
                    "The export can be cancelled at any time; nothing is written until it is complete."
                ),
            ),
        ]
        heading = self.tr("Briefing in five steps")
        parts = [f"<h2>{html.escape(heading)}</h2><ol>"]
        for title, text in steps:
            parts.append(f"<li><p><b>{html.escape(title)}</b><br>{html.escape(text)}</p></li>")
        parts.append("</ol>")
        return "".join(parts)
