"""Finding and clicking the rows of the builder's agenda (agenda items → topic headings → items) in the view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from briefing.gui.agenda_model import AGENDA_ROLE, ITEM_ROLE, LEVEL_ROLE, TOPIC_KEY_ROLE, TOPIC_ROLE
from briefing.gui.agenda_tree import AgendaTree
from briefing.gui.main_window import MainWindow

CHECK = Qt.ItemDataRole.CheckStateRole


def agenda_of(window: MainWindow) -> AgendaTree:
    return window.builder.agenda


def agenda_index(window: MainWindow, number: int) -> QModelIndex:
    """The row of the agenda item at ``number`` (from 0)."""
    index = agenda_of(window).model().index(number, 0)
    assert index.isValid(), f"no agenda item {number}"
    return index


def agenda_count(window: MainWindow) -> int:
    return agenda_of(window).model().rowCount()


def topic_indexes(window: MainWindow, number: int) -> list[QModelIndex]:
    model, node = agenda_of(window).model(), agenda_index(window, number)
    return [model.index(t, 0, node) for t in range(model.rowCount(node))]


def topic_index(window: MainWindow, number: int, topic: int = 0) -> QModelIndex:
    return topic_indexes(window, number)[topic]


def children(window: MainWindow, parent: QModelIndex) -> list[QModelIndex]:
    model = agenda_of(window).model()
    return [model.index(i, 0, parent) for i in range(model.rowCount(parent))]


def agenda_rows(window: MainWindow, number: int) -> list[QModelIndex]:
    """The item rows of an agenda item, topic after topic."""
    return [row for topic in topic_indexes(window, number) for row in children(window, topic)]


def all_item_rows(window: MainWindow) -> list[QModelIndex]:
    return [row for n in range(agenda_count(window)) for row in agenda_rows(window, n)]


def item_key(index: QModelIndex) -> str:
    return str(index.data(TOPIC_ROLE))


def item_keys(window: MainWindow, number: int) -> list[str]:
    return [item_key(row) for row in agenda_rows(window, number)]


def is_checked(index: QModelIndex) -> bool:
    return Qt.CheckState(index.data(CHECK)) == Qt.CheckState.Checked


def checked_keys(window: MainWindow, number: int = 0) -> list[str]:
    return [item_key(row) for row in agenda_rows(window, number) if is_checked(row)]


def row_for(window: MainWindow, key: str, number: int = 0) -> QModelIndex:
    return next(row for row in agenda_rows(window, number) if item_key(row) == key)


def ids_of(index: QModelIndex) -> tuple[int, int]:
    return int(index.data(AGENDA_ROLE)), int(index.data(ITEM_ROLE))


def level(index: QModelIndex) -> str:
    return str(index.data(LEVEL_ROLE))


def topic_key(index: QModelIndex) -> str:
    return str(index.data(TOPIC_KEY_ROLE))


def agenda_titles(window: MainWindow) -> list[str]:
    return [str(agenda_index(window, n).data()) for n in range(agenda_count(window))]


def check_point(view: AgendaTree, index: QModelIndex) -> QPoint:
    """The middle of a row's checkbox, where a user clicks to tick it."""
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.index = index
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    element = QStyle.SubElement.SE_ItemViewItemCheckIndicator
    rect = view.style().subElementRect(element, option, view)
    assert rect.isValid() and view.viewport().rect().contains(rect.center())
    return rect.center()


def click_check(qtbot: QtBot, view: AgendaTree, index: QModelIndex) -> None:
    """Tick or untick a row with the mouse, on its checkbox."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=check_point(view, index))


def click_row(qtbot: QtBot, view: AgendaTree, index: QModelIndex) -> None:
    """Click a row's text (it becomes the current row)."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
