"""The agenda of the meeting builder: agenda items with their items, topics dropped onto them, rows dragged."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefing.gui.library_panel import TOPIC_MIME

if TYPE_CHECKING:
    from briefing.gui.meeting_builder import MeetingBuilder

AGENDA_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ROLE = Qt.ItemDataRole.UserRole + 2
"""The item's key (historical name)."""
TOPIC_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_MIME = "application/x-briefing-agenda-row"
"""A row of the agenda dragged within the builder: "agenda item id" or "agenda item id, item id"."""


def row_payload(node: QTreeWidgetItem) -> str:
    """What dragging an agenda row carries: its agenda item id, and its item id for an item."""
    agenda_id = int(node.data(0, AGENDA_ROLE))
    item_id = node.data(0, ITEM_ROLE)
    return f"{agenda_id} {int(item_id)}" if item_id is not None else str(agenda_id)


def target_position(slot: int, old: int) -> int:
    """The index to move a row to so that it lands in ``slot`` (an insertion point among the old rows)."""
    return slot if slot <= old else slot - 1


class AgendaTree(QTreeWidget):
    """Agenda items with their items: topics dropped from the library, items and agenda items dragged to reorder.

    Drags within the tree carry :data:`ROW_MIME` (which row was dragged), so a drop never depends on the
    current item; the change itself is made once Qt is done with the drop, since it rebuilds the tree.
    """

    def __init__(self, builder: MeetingBuilder) -> None:
        super().__init__(builder)
        self.builder = builder
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QTreeWidget.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        if items:
            data.setData(ROW_MIME, row_payload(items[0]).encode())
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [ROW_MIME, TOPIC_MIME]

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data.hasFormat(TOPIC_MIME) or data.hasFormat(ROW_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if self._accepts(event) and self.itemAt(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        target = self.itemAt(point)
        data = event.mimeData()
        action = self._drop_action(target, data, point.y()) if target is not None else None
        if action is None:
            event.ignore()
            return
        QTimer.singleShot(0, action)
        # Copy, not move: the builder rebuilds the tree itself; a move would make Qt remove the dragged row.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def _drop_action(self, target: QTreeWidgetItem, data: QMimeData, y: int) -> partial[None] | None:
        parent = target.parent()
        node = target if parent is None else parent
        agenda_id = int(node.data(0, AGENDA_ROLE))
        below = y > self.visualItemRect(target).center().y()
        if data.hasFormat(TOPIC_MIME):
            keys = bytes(data.data(TOPIC_MIME).data()).decode().split()
            return partial(self.builder.drop_topics, agenda_id, keys) if keys else None
        if not data.hasFormat(ROW_MIME):
            return None
        ids = [int(part) for part in bytes(data.data(ROW_MIME).data()).decode().split()]
        if len(ids) == 1:  # an agenda item onto another one: reorder the agenda
            nodes = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
            order = [int(n.data(0, AGENDA_ROLE)) for n in nodes if n is not None]
            if ids[0] not in order:
                return None
            dragged = order.index(ids[0])
            slot = self.indexOfTopLevelItem(node) + (1 if below or parent is not None else 0)
            position = target_position(slot, dragged)
            if position == dragged:
                return None
            return partial(self.builder.move_agenda_item, ids[0], position)
        if len(ids) != 2 or ids[0] != agenda_id:
            return None  # items stay under their own agenda item
        children = [int(node.child(i).data(0, ITEM_ROLE)) for i in range(node.childCount())]  # type: ignore[union-attr]
        if ids[1] not in children:
            return None
        slot = 0 if parent is None else node.indexOfChild(target) + (1 if below else 0)
        old = children.index(ids[1])
        position = target_position(slot, old)
        if position == old:
            return None
        return partial(self.builder.move_item, agenda_id, ids[1], position)
