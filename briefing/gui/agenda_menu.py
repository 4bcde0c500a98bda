"""The context menus of the builder's agenda: what can be done to an agenda item, a topic heading or an item."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import QMenu

from briefing.gui.agenda_editing import AgendaEditing
from briefing.gui.agenda_model import RowKey

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from briefing.gui.agenda_entries import AgendaEntry


class AgendaMenus(AgendaEditing):
    """Mix in before the builder's Qt class: the agenda's context menus and its "Remove topic" menu."""

    if TYPE_CHECKING:
        jump: SignalInstance
        remove_topic_menu: QMenu

    def show_agenda_menu(self, point: QPoint) -> None:
        menu = self.agenda_menu(self.agenda.indexAt(point))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.agenda.viewport().mapToGlobal(point))

    def agenda_menu(self, index: QModelIndex | QPersistentModelIndex | RowKey | None) -> QMenu | None:
        """What can be done to an agenda row (made current): an agenda item (renamed, removed), a topic heading
        (its items in or out, its French reviewed, added to another agenda item, removed) or an item (in or
        out, French reviewed, opened, its topic added elsewhere or removed)."""
        if isinstance(index, tuple):
            index = self.agenda.index_for(index)
        key = self.agenda.agenda_model.key(index) if index is not None else None
        if key is None:
            return None
        self.agenda.set_current_key(key)
        agenda_id, topic_key, item_id = key
        menu = QMenu(self)
        menu.setObjectName("agendaMenu")
        if topic_key is None:
            menu.addAction(self.tr("Rename…"), partial(self.rename_agenda_item, None))
            self._move_actions(menu, key)
            menu.addSeparator()
            menu.addAction(self.tr("Remove agenda item"), self.remove_agenda_item)
            return menu
        entry = next(e for e in self.agenda.entries if e.row.agenda_item_id == agenda_id)
        group = entry.topic(topic_key)
        assert group is not None
        if item_id is None:
            self._topic_actions(menu, entry, topic_key)
        else:
            self._item_actions(menu, entry, item_id)
        self._move_actions(menu, key)
        menu.addSeparator()
        title = entry.row.topic_title(topic_key, self.pack_lang())
        self._add_elsewhere_menu(menu, agenda_id, topic_key, title)
        menu.addAction(
            self.tr("Remove topic “%1” from this agenda item").replace("%1", title),
            partial(self.remove_topic, agenda_id, topic_key),
        )
        return menu

    def _move_actions(self, menu: QMenu, key: RowKey) -> None:
        """Move up and Move down, as the buttons under the agenda do (disabled for the first or last row)."""
        for text, name, step in ((self.tr("Move up"), "moveUp", -1), (self.tr("Move down"), "moveDown", 1)):
            move = self.move_of(key, step)
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(move is not None)
            if move is not None:
                action.triggered.connect(move)

    def _topic_actions(self, menu: QMenu, entry: AgendaEntry, topic_key: str) -> None:
        group = entry.topic(topic_key)
        assert group is not None
        agenda_id = entry.row.agenda_item_id
        ids = [entry.items[i].item_id for i in group.items]
        all_in = bool(ids) and all(entry.items[i].included for i in group.items)
        include = menu.addAction(
            self.tr("Leave the topic's items out of the pack")
            if all_in
            else self.tr("Put all the topic's items in the pack"),
            partial(self.set_items_included, agenda_id, ids, not all_in),
        )
        include.setEnabled(bool(ids))
        current = [entry.items[i].item_id for i in group.items if not entry.french_of(i)]
        review = menu.addAction(self.tr("Mark French reviewed"), partial(self.mark_french_reviewed, current))
        review.setObjectName("markFrenchReviewed")
        review.setEnabled(bool(self.reviewable(current)))
        review.setToolTip(self.tr("The items whose French is up to date; open the others to review them"))
        menu.addAction(self.tr("Open in the topic editor"), partial(self.jump.emit, topic_key, ""))

    def _item_actions(self, menu: QMenu, entry: AgendaEntry, item_id: int) -> None:
        agenda_id = entry.row.agenda_item_id
        position = entry.item_ids().index(item_id)
        item, french = entry.items[position], entry.french_of(position)
        menu.addAction(
            self.tr("Leave out of the pack") if item.included else self.tr("Put in the pack"),
            partial(self.set_included, agenda_id, item_id, not item.included),
        )
        review = menu.addAction(self.tr("Mark French reviewed"), partial(self.mark_french_reviewed, item_id))
        review.setObjectName("markFrenchReviewed")
        review.setEnabled(french == "")
        if french == "stale":
            review.setToolTip(self.tr("Open the item to see what changed in the English first"))
        menu.addAction(
            self.tr("Open in the topic editor"), partial(self.jump.emit, item.topic_key, item.item_key)
        )

    def _add_elsewhere_menu(self, menu: QMenu, agenda_id: int, topic_key: str, title: str) -> None:
        """A submenu of the other agenda items, each adding the topic to it (with the warning of a drop)."""
        submenu = menu.addMenu(self.tr("Add “%1” to agenda item").replace("%1", title))
        submenu.setObjectName("addToAgendaItem")
        lang = self.pack_lang()
        others = [row for row in self.agenda_rows if row.agenda_item_id != agenda_id]
        for row in others:
            action = submenu.addAction(f"{row.number}. {row.title(lang)}")
            action.setEnabled(topic_key not in row.topic_keys)
            action.triggered.connect(partial(self.drop_topics, row.agenda_item_id, [topic_key]))
        if not others:
            submenu.addAction(self.tr("No other agenda item")).setEnabled(False)

    def fill_remove_topic_menu(self) -> None:
        """The topics of the current agenda item, each an action removing it."""
        self.remove_topic_menu.clear()
        row = self.agenda_row(self.current_agenda_id())
        if row is None or not row.topic_keys:
            action = self.remove_topic_menu.addAction(self.tr("No topic on this agenda item"))
            action.setEnabled(False)
            return
        lang = self.pack_lang()
        for key in row.topic_keys:
            action = self.remove_topic_menu.addAction(row.topic_title(key, lang))
            action.setData(key)
            action.triggered.connect(partial(self.remove_topic, row.agenda_item_id, key))
