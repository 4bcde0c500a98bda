"""The view of the builder's agenda: agenda items, topic headings and items, dragged, dropped and folded.

The view keeps what the adviser was doing across a new read of the agenda (an undo, a colleague's change): the
row they were on and which agenda items and topics they had folded or opened, by what the rows show, not by
where they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from briefing.gui.agenda_entries import AgendaEntry, Labels
from briefing.gui.agenda_model import AGENDA_ROLE, ROW_MIME, SUMMARY_ROLE, AgendaModel, RowKey
from briefing.gui.library_widgets import TOPIC_MIME

if TYPE_CHECKING:
    from briefing.gui.meeting_builder import MeetingBuilder

__all__ = ["AGENDA_ROLE", "ROW_MIME", "AgendaTree", "target_position"]

EXPAND_ALL_ROWS = 2000
"""A larger agenda opens with its agenda items folded (the one worked on open): laying out every row of a
500-item meeting at once held the window for longer than a frame."""

Fold = tuple[int, str | None]
"""An agenda item (topic None) or one of its topics, as folded or opened by the adviser."""


def target_position(slot: int, old: int) -> int:
    """The index to move a row to so that it lands in ``slot`` (an insertion point among the old rows)."""
    return slot if slot <= old else slot - 1


class AgendaDelegate(QStyledItemDelegate):
    """Paints a topic heading with its French summary whole at the end: only its title is elided."""

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.internalId() % 2 == 0:
            return  # an agenda item or an item: elided in the middle by the view
        parts = index.data(SUMMARY_ROLE)
        widget = option.widget
        if not parts or widget is None:
            return
        title, tail = parts
        metrics = option.fontMetrics
        text = QStyle.SubElement.SE_ItemViewItemText
        room = widget.style().subElementRect(text, option, widget).width() - metrics.horizontalAdvance(tail)
        option.text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(room - 4, 0)) + tail


class AgendaTree(QTreeView):
    """Agenda items → topics → items: topics dropped from the library or from another agenda item, items and
    agenda items dragged to reorder, topic headings ticked to tick all their items.

    Drags within the tree carry :data:`ROW_MIME` (which row was dragged), so a drop never depends on the
    current row; the change itself is made once Qt is done with the drop.
    """

    filled = Signal()
    """The agenda of the last :meth:`show_agenda` is shown."""
    currentRowChanged = Signal()  # noqa: N815 - Qt signal naming
    """The adviser moved to another row (not the view keeping its row across a new read)."""

    def __init__(self, builder: MeetingBuilder, parent: QWidget | None = None) -> None:
        super().__init__(parent or builder)
        self.builder = builder
        self.agenda_model = AgendaModel(self)
        self.setModel(self.agenda_model)
        self.setItemDelegate(AgendaDelegate(self))
        self.folds: dict[Fold, bool] = {}
        """What the adviser opened (True) or folded (False), kept across reads."""
        self._restoring = False
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # one line per row: the view need not measure thousands of rows
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the start and the French marker stay visible
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.expanded.connect(partial(self._folded, True))
        self.collapsed.connect(partial(self._folded, False))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.agenda_model.reshaped.connect(self._reshaped)

    # --- what is shown ------------------------------------------------------------------------------------

    @property
    def filling(self) -> bool:
        """Whether rows are on their way (never: the model answers from the entries it holds)."""
        return False

    @property
    def entries(self) -> list[AgendaEntry]:
        return self.agenda_model.entries

    def show_agenda(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        """Show ``entries`` instead of what the tree shows, on the row the adviser was on, folded as they were."""
        keep = self.current_key()
        if not self._same_agenda(entries):
            self.folds = {}
        self._restoring = True
        try:
            self.agenda_model.set_entries(entries, labels)
            self._unfold()
            self.set_current_key(keep, keep_folds=True)
        finally:
            self._restoring = False
        self.filled.emit()

    def _same_agenda(self, entries: Sequence[AgendaEntry]) -> bool:
        """Whether ``entries`` are of the meeting shown (an agenda item of it is among them)."""
        shown = {e.row.agenda_item_id for e in self.entries}
        return not shown or any(e.row.agenda_item_id in shown for e in entries)

    def update_entries(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        """Show ``entries`` in place of the same agenda items' rows (the rest of the tree stays as it is)."""
        keep = self.current_key()
        self._restoring = True
        try:
            self.agenda_model.update_entries(entries, labels)
            if keep is not None and self.current_key() != keep:
                self.set_current_key(
                    keep, keep_folds=True
                )  # the current row follows its item, wherever the item now is
        finally:
            self._restoring = False
        self.viewport().update()

    def relabel(self, labels: Labels) -> None:
        """Word the rows shown again (interface or pack language changed): no row is made again."""
        self.agenda_model.relabel(labels)
        self.viewport().update()
        self.filled.emit()

    def small(self) -> bool:
        """Whether every row of the agenda can be laid out at once."""
        return sum(len(e.items) + len(e.topics) for e in self.entries) <= EXPAND_ALL_ROWS

    def _unfold(self) -> None:
        """Open the agenda items and topics as the adviser left them (all, on an agenda that is not large)."""
        model, folds = self.agenda_model, self.folds
        if self.small():
            self.expandAll()
            for (agenda_id, topic_key), opened in folds.items():
                if not opened:
                    self.collapse(model.index_of((agenda_id, topic_key, None)))
            return
        for (agenda_id, topic_key), opened in folds.items():
            if opened:
                self.expand(model.index_of((agenda_id, topic_key, None)))

    def _reshaped(self, row: int) -> None:
        """An agenda item's topics were made again: open them as the adviser left them."""
        model = self.agenda_model
        node = model.index(row, 0)
        agenda_id = int(model.data(node, AGENDA_ROLE))
        default = self.small()
        restoring, self._restoring = self._restoring, True
        try:
            for number, group in enumerate(model.entries[row].topics):
                if self.folds.get((agenda_id, group.key), default):
                    self.expand(model.index(number, 0, node))
        finally:
            self._restoring = restoring

    def _folded(self, opened: bool, index: QModelIndex) -> None:
        if self._restoring:
            return
        key = self.agenda_model.key(index)
        if key is not None:
            self.folds[(key[0], key[1])] = opened

    # --- the current row ----------------------------------------------------------------------------------

    def current_key(self) -> RowKey | None:
        return self.agenda_model.key(self.currentIndex())

    def set_current_key(self, key: RowKey | None, *, keep_folds: bool = False) -> None:
        """Make the row ``key`` names current, opening its agenda item and topic (except, with ``keep_folds``,
        those the adviser folded)."""
        index = self.agenda_model.index_of(key)
        if not index.isValid():
            return
        parent, shown = index.parent(), True
        while parent.isValid():
            fold = self.agenda_model.key(parent)
            if not keep_folds or fold is None or self.folds.get((fold[0], fold[1]), True):
                self.expand(parent)
            shown = shown and self.isExpanded(parent)
            parent = parent.parent()
        scrolls = self.hasAutoScroll()
        self.setAutoScroll(shown)  # scrolling to a row opens its folded agenda item and topic
        try:
            self.setCurrentIndex(index)
        finally:
            self.setAutoScroll(scrolls)
        if shown:
            self.scrollTo(index)

    def _current_changed(self, _now: QModelIndex, _before: QModelIndex) -> None:
        if not self._restoring:
            self.currentRowChanged.emit()

    def focus_number(self) -> int | None:
        """The number of the agenda item of the current row."""
        index = self.currentIndex()
        while index.isValid() and index.parent().isValid():
            index = index.parent()
        return index.row() + 1 if index.isValid() else None

    # --- drags and drops ----------------------------------------------------------------------------------

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data.hasFormat(TOPIC_MIME) or data.hasFormat(ROW_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        super().dragMoveEvent(event)  # the drop indicator
        if self._accepts(event) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        target = self.indexAt(point)
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        action = self._drop_action(target, event.mimeData(), point.y()) if target.isValid() else None
        if action is None:
            event.ignore()
            return
        QTimer.singleShot(0, action)
        # Copy, not move: the builder shows the new agenda itself; a move would make Qt remove the dragged row.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def _drop_action(self, target: QModelIndex, data: QMimeData, y: int) -> Callable[[], None] | None:
        key = self.agenda_model.key(target)
        if key is None:
            return None
        agenda_id = key[0]
        below = y > self.visualRect(target).center().y()
        if data.hasFormat(ROW_MIME):
            parts = bytes(data.data(ROW_MIME).data()).decode().split()
            if parts[:1] == ["topic"]:  # a topic heading onto another agenda item: it serves that one too
                if len(parts) != 3:
                    return None
                if int(parts[1]) == agenda_id:  # within its own agenda item: reorder its topics
                    return self._topic_move_action(key, parts[2], below)
                return partial(self.builder.drop_topics, agenda_id, [parts[2]])
            return self._move_action(key, [int(part) for part in parts], below)
        if data.hasFormat(TOPIC_MIME):
            keys = bytes(data.data(TOPIC_MIME).data()).decode().split()
            return partial(self.builder.drop_topics, agenda_id, keys) if keys else None
        return None

    def _move_action(self, key: RowKey, ids: list[int], below: bool) -> Callable[[], None] | None:
        model = self.agenda_model
        agenda_id, topic_key, item_id = key
        if len(ids) == 1:  # an agenda item onto another one: reorder the agenda
            dragged, row = model.agenda_row(ids[0]), model.agenda_row(agenda_id)
            if dragged is None or row is None:
                return None
            slot = row + (1 if below or topic_key is not None else 0)
            position = target_position(slot, dragged)
            if position == dragged:
                return None
            return partial(self.builder.move_agenda_item, ids[0], position)
        if len(ids) != 2 or ids[0] != agenda_id or topic_key is None:
            return None  # items stay under their own agenda item
        row = model.agenda_row(agenda_id)
        assert row is not None
        entry = model.entries[row]
        group = entry.topic_of(ids[1])
        if group is None or group.key != topic_key:
            return None  # and under their own topic
        order = entry.item_ids()
        # onto the topic heading: first of the topic; onto an item: above or below it
        slot = group.items[0] if item_id is None else order.index(item_id) + (1 if below else 0)
        old = order.index(ids[1])
        position = target_position(slot, old)
        if position == old:
            return None
        return partial(self.builder.move_item, agenda_id, ids[1], position)

    def _topic_move_action(self, key: RowKey, dragged: str, below: bool) -> Callable[[], None] | None:
        """A topic heading dropped within its own agenda item: above or below a heading, or in the place of the
        topic whose item it was dropped on."""
        agenda_id, topic_key, item_id = key
        row = self.agenda_model.agenda_row(agenda_id)
        if row is None or topic_key is None:
            return None  # onto the agenda item itself: nothing to do
        keys = [group.key for group in self.agenda_model.entries[row].topics]
        if dragged not in keys or topic_key not in keys:
            return None
        old, at = keys.index(dragged), keys.index(topic_key)
        position = target_position(at + (1 if below else 0), old) if item_id is None else at
        if position == old:
            return None
        return partial(self.builder.move_topic, agenda_id, dragged, position)

    def index_for(self, key: RowKey) -> QModelIndex | QPersistentModelIndex:
        return self.agenda_model.index_of(key)
