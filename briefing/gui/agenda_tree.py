"""The agenda of the meeting builder: agenda items with their items, topics dropped onto them, rows dragged."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefing.gui.library_panel import TOPIC_MIME

if TYPE_CHECKING:
    from briefing.gui.meeting_builder import MeetingBuilder
    from briefing.operations import SelectionRow
    from briefing.operations.queries import AgendaItemRow
    from briefing.selection import PackItem, PackSelection

AGENDA_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ROLE = Qt.ItemDataRole.UserRole + 2
"""The item's key (historical name)."""
TOPIC_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
FRENCH_ROLE = Qt.ItemDataRole.UserRole + 4
"""An item's French: "missing", "stale" or ""."""
ROW_MIME = "application/x-briefing-agenda-row"
"""A row of the agenda dragged within the builder: "agenda item id" or "agenda item id, item id"."""


STATE_BRUSHES = {"missing": QBrush(QColor("#b00020")), "stale": QBrush(QColor("#b35c00"))}
"""The colour of an item whose French is missing or stale (as the text boxes show these states)."""

EXPAND_ALL_ROWS = 2000
"""A larger agenda opens with its agenda items folded (the one worked on open): laying out every row of a
500-item meeting at once held the window for longer than a frame."""

FILL_BUDGET_S = 0.008
"""How long one turn of the event loop may spend adding agenda rows to the tree."""


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item as the tree shows it: its row and its items' rows, in pack order."""

    row: AgendaItemRow
    items: tuple[SelectionRow, ...]
    french: tuple[str, ...] = ()
    """For each item, "missing" or "stale" when a text of it lacks an up-to-date French, else ""."""


def french_state(item: PackItem) -> str:
    """ "missing" or "stale" when one of the item's texts has no up-to-date French, "" otherwise."""
    from briefing.model.enums import TranslationState

    states = {block.state("fr") for block in item.blocks() if (block.source_text or "").strip()}
    if TranslationState.MISSING in states:
        return "missing"
    if TranslationState.STALE in states:
        return "stale"
    return ""


def entries_of(selection: PackSelection) -> tuple[AgendaEntry, ...]:
    """The tree's rows of a meeting's pack selection (on the background task: no Qt, no database)."""
    from briefing.operations.queries import agenda_item_row

    entries = []
    for agenda_item in selection.agenda:
        row = agenda_item_row(agenda_item)
        french = tuple(french_state(item) for item, _on in agenda_item.selection)
        entries.append(AgendaEntry(row, row.selection, french))
    return tuple(entries)


def changed_entries(before: Sequence[AgendaEntry], after: Sequence[AgendaEntry]) -> list[AgendaEntry] | None:
    """The entries of ``after`` that differ from ``before``; ``None`` when the agenda items themselves changed."""
    if [e.row.agenda_item_id for e in before] != [e.row.agenda_item_id for e in after]:
        return None
    return [new for old, new in zip(before, after, strict=True) if old != new]


@dataclass(frozen=True)
class Labels:
    """How the tree words its rows, in the interface language (given by the builder, which translates them)."""

    lang: str
    """The language of the texts shown (the pack's)."""
    topics: str
    no_topic: str
    kind: Callable[[object], str]
    french: Mapping[str, str] = field(default_factory=dict)
    """The marker shown on an item whose French is "missing" or "stale"."""


ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemIsDragEnabled
)
AGENDA_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsDragEnabled
)


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

    filled = Signal()
    """Every agenda item of the last :meth:`show_agenda` is in the tree."""

    def __init__(self, builder: MeetingBuilder) -> None:
        super().__init__(builder)
        self.builder = builder
        self.entries: list[AgendaEntry] = []
        self.nodes: dict[int, QTreeWidgetItem] = {}
        """The top-level node of each agenda item shown, by agenda item id."""
        self._pending: list[AgendaEntry] = []
        self._built: list[tuple[int, QTreeWidgetItem]] = []
        self._relabelling = False
        self._labels: Labels | None = None
        self._remembered: tuple[int | None, int | None] | None = None
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_some)
        self.setUniformRowHeights(True)  # one line per row: the view need not measure thousands of rows
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QTreeWidget.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    # --- showing the agenda ------------------------------------------------------------------------------

    @property
    def filling(self) -> bool:
        return bool(self._pending)

    def show_agenda(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        """Show ``entries`` instead of what the tree shows.

        The new rows are made off the tree, a few agenda items per turn of the event loop, and put in the tree
        at once when all are made (one layout of the view, not one per agenda item); until then the tree
        shows what it showed.
        """
        current = self.currentItem()
        if current is not None and self._remembered is None:
            self._remembered = (current.data(0, AGENDA_ROLE), current.data(0, ITEM_ROLE))
        self.entries = list(entries)
        self._labels = labels
        self._built = []
        self._relabelling = False
        self._pending = list(reversed(self.entries))
        self._fill_timer.stop()
        self._fill_some()

    def relabel(self, labels: Labels) -> None:
        """Word the rows shown again (interface or pack language changed), in place, a few per turn."""
        if self.filling and not self._relabelling:
            self.show_agenda(self.entries, labels)  # rows are being made: make them with the new words
            return
        self._labels = labels
        self._relabelling = True
        self._pending = list(reversed(self.entries))
        self._fill_timer.stop()
        self._fill_some()

    def _fill_some(self) -> None:
        started = time.perf_counter()
        labels = self._labels
        assert labels is not None
        relabelling = self._relabelling
        if relabelling:
            self.blockSignals(True)
        model = self.model()
        try:
            while self._pending and time.perf_counter() - started < FILL_BUDGET_S:
                entry = self._pending.pop()
                if relabelling:
                    node = self.nodes.get(entry.row.agenda_item_id)
                    if node is not None:
                        # Rows worded again, none added or taken (one line each): the view is not told row by
                        # row (each a search of its thousands of rows), it paints the new words below.
                        model.blockSignals(node.childCount() == len(entry.items))
                        self._describe(node, entry, labels)
                        model.blockSignals(False)
                    continue
                node = QTreeWidgetItem()
                self._describe(node, entry, labels)
                self._built.append((entry.row.agenda_item_id, node))
        finally:
            if relabelling:
                model.blockSignals(False)
                self.blockSignals(False)
                self.viewport().update()
        if self._pending:
            self._fill_timer.start()
            return
        if relabelling:
            self._relabelling = False
            self.filled.emit()
            return
        self._swap_in()

    def _swap_in(self) -> None:
        """Put the rows made by :meth:`_fill_some` in place of the tree's, keeping the current row."""
        built, self._built = self._built, []
        remembered, self._remembered = self._remembered, None
        self.blockSignals(True)
        try:
            old = self.invisibleRootItem().takeChildren()
            self.addTopLevelItems([node for _ident, node in built])
            self.nodes = dict(built)
            if sum(node.childCount() for _ident, node in built) <= EXPAND_ALL_ROWS:
                self.expandAll()
            if remembered is not None:
                found = self.row_of(remembered[0], remembered[1])
                if found is not None:
                    self.setCurrentItem(found)
        finally:
            self.blockSignals(False)
        del old
        self.filled.emit()

    def row_of(self, agenda_id: int | None, item_id: int | None) -> QTreeWidgetItem | None:
        """The row of an agenda item (``item_id`` None) or of one of its items, if shown."""
        node = self.nodes.get(agenda_id) if agenda_id is not None else None
        if node is None or item_id is None:
            return node
        return next((child for child in self.children_of(node) if child.data(0, ITEM_ROLE) == item_id), None)

    @staticmethod
    def children_of(node: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
        for index in range(node.childCount()):
            child = node.child(index)
            if child is not None:
                yield child

    def update_entries(self, entries: Sequence[AgendaEntry], labels: Labels) -> None:
        """Show ``entries`` in place of the same agenda items' rows (the rest of the tree stays as it is)."""
        by_id = {entry.row.agenda_item_id: entry for entry in entries}
        self.entries = [by_id.get(e.row.agenda_item_id, e) for e in self.entries]
        if self.filling and not self._relabelling:  # rows are being made: make them again from the newest
            self.show_agenda(self.entries, labels)
            return
        if self._relabelling:
            self._pending = [by_id.get(e.row.agenda_item_id, e) for e in self._pending]
        current = self.currentItem()
        keep = (current.data(0, AGENDA_ROLE), current.data(0, ITEM_ROLE)) if current is not None else None
        self.blockSignals(True)
        try:
            for ident, entry in by_id.items():
                node = self.nodes.get(ident)
                if node is not None:
                    self._describe(node, entry, labels)
            now = self.currentItem()
            if keep is not None and (
                now is None or (now.data(0, AGENDA_ROLE), now.data(0, ITEM_ROLE)) != keep
            ):
                found = self.row_of(*keep)  # the current row follows its item, wherever the item now is
                if found is not None:
                    self.setCurrentItem(found)
        finally:
            self.blockSignals(False)

    def _describe(self, node: QTreeWidgetItem, entry: AgendaEntry, labels: Labels) -> None:
        """Give ``node`` the agenda item's title and one checkable child per item, reusing the children it has."""
        row, lang = entry.row, labels.lang
        node.setText(0, f"{row.number}. {row.title(lang)}")
        node.setData(0, AGENDA_ROLE, row.agenda_item_id)
        topics = "\n".join(f"• {row.topic_title(key, lang)}" for key in row.topic_keys)
        node.setToolTip(0, labels.topics + "\n" + topics if topics else labels.no_topic)
        node.setFlags(AGENDA_FLAGS)
        while node.childCount() > len(entry.items):
            node.takeChild(node.childCount() - 1)
        french = entry.french or ("",) * len(entry.items)
        kinds: dict[object, str] = {}
        for index, (item, state) in enumerate(zip(entry.items, french, strict=True)):
            child = node.child(index)
            if child is None:
                child = QTreeWidgetItem(node)
                child.setFlags(ITEM_FLAGS)
            text = item.texts.get(lang) or item.texts.get("en") or next(iter(item.texts.values()), "")
            kind = kinds.get(item.kind)
            if kind is None:
                kind = kinds[item.kind] = labels.kind(item.kind)
            marker = labels.french.get(state, "") if state else ""
            label = f"[{kind}] {' '.join(text.split())[:90]}"
            child.setText(0, f"⚠ {label}" if marker else label)  # first: a long text is cut at the end
            child.setForeground(0, STATE_BRUSHES[state] if state else QBrush())
            tip = f"{row.topic_title(item.topic_key, lang)}\n{text}"
            child.setToolTip(0, f"{tip}\n⚠ {marker}" if marker else tip)
            child.setData(0, AGENDA_ROLE, row.agenda_item_id)
            child.setData(0, ITEM_ROLE, item.item_id)
            child.setData(0, TOPIC_ROLE, item.item_key)
            child.setData(0, TOPIC_KEY_ROLE, item.topic_key)
            child.setData(0, FRENCH_ROLE, state)
            child.setCheckState(0, Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked)
        node.setExpanded(True)

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
