"""The library panel's own widgets: the tree of areas and topics (a topic dragged onto the meeting builder) and
the search box (Down and Enter move into the results), with the roles their rows carry."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from briefing.gui.widgets import is_window_key

TOPIC_MIME = "application/x-briefing-topic"
KEY_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""What a result row stands for: "topic", "meeting" or "participant" (none for an area)."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row's text as HTML, with the words matched in bold."""


class SearchBox(QLineEdit):
    """The search field: Down and Enter move into the results; the window's shortcuts (Ctrl+E…) stay the window's."""

    intoResults = Signal(bool)  # noqa: N815 - Qt signal naming
    """Down (False) or Enter (True: open the first result) was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passthrough: list[QKeySequence] = []
        """Shortcuts of the window that the line edit would otherwise take for itself (Ctrl+E: end of line)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_window_key(event, self.passthrough)
            and not event.matches(QKeySequence.StandardKey.Undo)
            and not event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down:
            self.intoResults.emit(False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.intoResults.emit(True)
            return
        super().keyPressEvent(event)


class TopicTree(QTreeWidget):
    """Areas and topics; a topic can be dragged onto an agenda item of the meeting builder."""

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        keys = [
            item.data(0, KEY_ROLE)
            for item in items
            if item.data(0, KEY_ROLE) and item.data(0, KIND_ROLE) == "topic"
        ]
        data.setData(TOPIC_MIME, "\n".join(keys).encode())
        data.setText("\n".join(keys))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [TOPIC_MIME]
