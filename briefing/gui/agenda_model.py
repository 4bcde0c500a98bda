"""The model of the builder's agenda: agenda items, their topics as headings, each topic's items.

The rows are not made ahead: the model holds the entries the background task made from its snapshot and answers
the view about the rows it paints, so a meeting of ten thousand items opens as fast as one of ten. An index
carries where its row is in its ``internalId`` (no Python object per row): 0 for an agenda item, odd for a topic
(its agenda item's row), even for an item (its agenda item's and topic's rows).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from briefing.gui.agenda_entries import AgendaEntry, Labels
from briefing.gui.agenda_roles import (
    AGENDA_ROLE,
    FRENCH_ROLE,
    ITEM_ROLE,
    LEVEL_ROLE,
    STATE_COLOURS,
    SUMMARY_ROLE,
    TOPIC_KEY_ROLE,
    TOPIC_ROLE,
    RowWords,
)
from briefing.gui.library_widgets import TOPIC_MIME

ROW_MIME = "application/x-briefing-agenda-row"
"""A row of the agenda dragged within the builder: "agenda item id", "agenda item id, item id", or for a topic
"topic agenda item id, topic key"."""

TOPICS_PER_AGENDA_ITEM = 1 << 20
"""More topics than any agenda item holds (how an item's index packs its topic's row)."""

PAINTED_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole,
)
"""The roles the view asks for each time it paints a row."""
RowKey = tuple[int, str | None, int | None]
"""A row of the agenda by what it shows: (agenda item id, topic key or None, item id or None)."""
Index = QModelIndex | QPersistentModelIndex

__all__ = [
    "AGENDA_ROLE",
    "FRENCH_ROLE",
    "ITEM_ROLE",
    "LEVEL_ROLE",
    "ROW_MIME",
    "SUMMARY_ROLE",
    "TOPIC_KEY_ROLE",
    "TOPIC_ROLE",
    "AgendaModel",
    "RowKey",
]

AGENDA_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsDragEnabled
)
CHECKABLE_FLAGS = AGENDA_FLAGS | Qt.ItemFlag.ItemIsUserCheckable


class AgendaModel(RowWords, QAbstractItemModel):
    """Agenda items → topics → items; a tick on an item or a topic heading is shown at once and reported."""

    ticked = Signal(int, list, bool)
    """Agenda item id, the ids of the items ticked, and whether they now go in (whoever takes it shows the tick
    with :meth:`show_inclusion`)."""
    reshaped = Signal(int)
    """The topics or items of the agenda item at this row were made again (the view restores their state)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[AgendaEntry] = []
        self.labels = Labels("en", "", "", str)
        self.brushes = {state: QBrush(QColor(colour)) for state, colour in STATE_COLOURS.items()}
        self._kinds: dict[object, str] = {}
        self._painted: dict[tuple[int, int], dict[int, Any]] = {}
        """The roles a row is painted with, by its index's id and row (cleared whenever the entries change)."""

    # --- where a row is -----------------------------------------------------------------------------------

    @staticmethod
    def _place(index: Index) -> tuple[int, int | None, int | None]:
        """(agenda row, topic row or None, item row or None) of a valid index."""
        ident = index.internalId()
        if ident == 0:
            return index.row(), None, None
        if ident % 2:
            return (ident - 1) // 2, index.row(), None
        agenda, topic = divmod((ident - 2) // 2, TOPICS_PER_AGENDA_ITEM)
        return agenda, topic, index.row()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.entries) else QModelIndex()
        agenda, topic, item = self._place(parent)
        if item is not None:
            return QModelIndex()
        if topic is None:
            if row >= len(self.entries[agenda].topics):
                return QModelIndex()
            return self.createIndex(row, 0, 1 + 2 * agenda)
        if row >= len(self.entries[agenda].topics[topic].items):
            return QModelIndex()
        return self.createIndex(row, 0, 2 + 2 * (agenda * TOPICS_PER_AGENDA_ITEM + topic))

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        agenda, topic, item = self._place(index)
        if topic is None:
            return QModelIndex()
        if item is None:
            return self.createIndex(agenda, 0, 0)
        return self.createIndex(topic, 0, 1 + 2 * agenda)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        if not parent.isValid():
            return len(self.entries)
        if parent.column() != 0:
            return 0
        agenda, topic, item = self._place(parent)
        if item is not None or agenda >= len(self.entries):
            return 0
        entry = self.entries[agenda]
        if topic is None:
            return len(entry.topics)
        return len(entry.topics[topic].items) if topic < len(entry.topics) else 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt's name
        if not parent.isValid():
            return bool(self.entries)
        ident = parent.internalId()
        if ident == 0:
            row = parent.row()
            return row < len(self.entries) and bool(self.entries[row].topics)
        if ident % 2 == 0:
            return False  # an item
        topics = self.entries[(ident - 1) // 2].topics
        row = parent.row()
        return row < len(topics) and bool(topics[row].items)

    # --- what a row shows ---------------------------------------------------------------------------------

    def key(self, index: Index) -> RowKey | None:
        if not index.isValid():
            return None
        agenda, topic, item = self._place(index)
        entry = self.entries[agenda]
        if topic is None:
            return entry.row.agenda_item_id, None, None
        group = entry.topics[topic]
        if item is None:
            return entry.row.agenda_item_id, group.key, None
        return entry.row.agenda_item_id, group.key, entry.items[group.items[item]].item_id

    def index_of(self, key: RowKey | None) -> QModelIndex:
        """The index of the row ``key`` names (of the nearest row still shown: its topic, its agenda item)."""
        if key is None:
            return QModelIndex()
        agenda_id, topic_key, item_id = key
        row = next((n for n, e in enumerate(self.entries) if e.row.agenda_item_id == agenda_id), None)
        if row is None:
            return QModelIndex()
        node = self.index(row, 0)
        entry = self.entries[row]
        group = entry.topic_of(item_id) if item_id is not None else None
        group = group or (entry.topic(topic_key) if topic_key is not None else None)
        if group is None:
            return node
        topic = self.index(entry.topics.index(group), 0, node)
        ids = [entry.items[i].item_id for i in group.items]
        return self.index(ids.index(item_id), 0, topic) if item_id in ids else topic

    def agenda_row(self, agenda_id: int) -> int | None:
        return next((n for n, e in enumerate(self.entries) if e.row.agenda_item_id == agenda_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        agenda, topic, item = self._place(index)
        if agenda >= len(self.entries):
            return None
        entry = self.entries[agenda]
        if topic is None:
            return self._agenda_data(entry, role)
        group = entry.topics[topic]
        if item is None:
            return self._topic_data(entry, group, role)
        return self._item_data(entry, group, group.items[item], role)

    def multiData(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802
        """Every role the view paints a row with, in one call: a call from the view into Python waits for the
        interpreter lock, which the background task holds while it reads, so one call a row, not one a role."""
        if not index.isValid():
            return
        wanted = [roles] if isinstance(roles, QModelRoleData) else cast(Iterable[QModelRoleData], roles)
        key = (index.internalId(), index.row())
        painted = self._painted.get(key)
        if painted is None:  # what a row is painted with, worked out once until the agenda changes
            painted = self._painted[key] = {role: self.data(index, role) for role in PAINTED_ROLES}
        for role_data in wanted:  # every role set or cleared: the view reuses the span from row to row
            role = role_data.role()
            value = painted[role] if role in painted else self.data(index, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return AGENDA_FLAGS if index.internalId() == 0 else CHECKABLE_FLAGS

    # --- ticks --------------------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.internalId() == 0:
            return False
        agenda, topic, item = self._place(index)
        entry = self.entries[agenda]
        assert topic is not None
        group = entry.topics[topic]
        positions = group.items if item is None else (group.items[item],)
        included = Qt.CheckState(value) == Qt.CheckState.Checked
        ids = [entry.items[p].item_id for p in positions if entry.items[p].included != included]
        if not ids:
            return False
        self.ticked.emit(entry.row.agenda_item_id, ids, included)  # the builder shows it and writes it
        return True

    def show_inclusion(self, agenda_id: int, item_ids: Sequence[int], included: bool) -> None:
        """Show items put in or left out at once (the read that follows the write confirms it)."""
        row = self.agenda_row(agenda_id)
        if row is None:
            return
        entry, chosen = self.entries[row], set(item_ids)
        items = tuple(
            dataclasses.replace(item, included=included) if item.item_id in chosen else item
            for item in entry.items
        )
        self.entries[row] = dataclasses.replace(entry, items=items)
        self._painted.clear()
        self._changed(row)

    def _changed(self, row: int) -> None:
        """Repaint the agenda item at ``row``, its topic headings and their items."""
        node = self.index(row, 0)
        self.dataChanged.emit(node, node)
        entry = self.entries[row]
        if not entry.topics:
            return
        self.dataChanged.emit(self.index(0, 0, node), self.index(len(entry.topics) - 1, 0, node))
        for number, group in enumerate(entry.topics):
            if group.items:
                topic = self.index(number, 0, node)
                self.dataChanged.emit(self.index(0, 0, topic), self.index(len(group.items) - 1, 0, topic))

    # --- showing entries ----------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        self.beginResetModel()
        self._painted.clear()
        self.entries = list(entries)
        self._relabelled(labels)
        self.endResetModel()

    def update_entries(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        """Show ``entries`` in place of the same agenda items' (the other rows stay as they are)."""
        if labels != self.labels:
            self.relabel(labels)
        rows = {e.row.agenda_item_id: n for n, e in enumerate(self.entries)}
        self._painted.clear()
        for new in entries:
            row = rows.get(new.row.agenda_item_id)
            if row is None:
                continue
            old = self.entries[row]
            if old.shape() == new.shape():
                self.entries[row] = new
                self._changed(row)
                continue
            node = self.index(row, 0)
            if old.topics:
                self.beginRemoveRows(node, 0, len(old.topics) - 1)
                self.entries[row] = dataclasses.replace(old, topics=())
                self.endRemoveRows()
            if new.topics:
                self.beginInsertRows(node, 0, len(new.topics) - 1)
                self.entries[row] = new
                self.endInsertRows()
            self.entries[row] = new
            self.dataChanged.emit(node, node)
            self.reshaped.emit(row)

    def _relabelled(self, labels: Labels) -> None:
        self._painted.clear()
        self.labels = labels
        self._kinds = {}

    def relabel(self, labels: Labels) -> None:
        """Word every row again: the view asks for the rows it paints when it paints them next (no signal for
        every row: a view answering one about ten thousand rows would hold the window)."""
        self._relabelled(labels)

    # --- drags --------------------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [ROW_MIME, TOPIC_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        key = self.key(indexes[0]) if indexes else None
        if key is None:
            return data
        agenda_id, topic_key, item_id = key
        if item_id is not None:
            data.setData(ROW_MIME, f"{agenda_id} {item_id}".encode())
        elif topic_key is not None:
            data.setData(ROW_MIME, f"topic {agenda_id} {topic_key}".encode())
            data.setData(TOPIC_MIME, topic_key.encode())
        else:
            data.setData(ROW_MIME, str(agenda_id).encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
