"""Real drops on the meeting builder: the MIME data the dragged view makes, delivered as Qt's drag events.

QDrag.exec() needs a window system's drag loop, so the test plays the part of that loop: it asks the source
view's model for the MIME data of the dragged index (what Qt would put in the QDrag), then sends the drag-enter,
drag-move and drop events to the agenda's viewport at the target row, as Qt does during a drag.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from briefing.gui.agenda_tree import ROW_MIME
from briefing.gui.library_widgets import TOPIC_MIME
from briefing.gui.main_window import MainWindow
from briefing.operations import queries, selection_rows
from tests.gui.agenda_rows import agenda_index, agenda_rows, children, item_keys, topic_index
from tests.gui.settle import settle


def open_builder(window: MainWindow, slug: str = "jha-test") -> None:
    window.tabs.setCurrentWidget(window.builder)
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData(slug))
    settle(window)
    assert window.builder.slug == slug


def drag_data(view: QTreeView, item: QTreeWidgetItem | QModelIndex) -> QMimeData:
    """What dragging ``item`` out of ``view`` carries: the MIME data its model makes for the index."""
    if isinstance(item, QModelIndex):
        index = item
    else:
        assert isinstance(view, QTreeWidget)
        index = view.indexFromItem(item)
    assert index.isValid() and bool(view.model().flags(index) & Qt.ItemFlag.ItemIsDragEnabled)
    data = view.model().mimeData([index])
    assert data is not None
    return data


def point_in(view: QAbstractItemView, index: QModelIndex, where: str = "middle") -> QPoint:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid()
    y = {"top": rect.top() + 2, "middle": rect.center().y(), "bottom": rect.bottom() - 2}[where]
    return QPoint(rect.center().x(), y)


def drop(
    qtbot: QtBot, window: MainWindow, data: QMimeData, target: QModelIndex, where: str = "middle"
) -> bool:
    """Deliver enter, move and drop to the agenda's viewport at ``target``; whether the drop was accepted."""
    agenda = window.builder.agenda
    viewport = agenda.viewport()
    point = point_in(agenda, target, where)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    before = window.undo_stack.count()
    event = QDropEvent(QPointF(point), actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, event)
    if not event.isAccepted():
        return False
    assert event.dropAction() == Qt.DropAction.CopyAction  # the tree is rebuilt; Qt must not remove the row
    qtbot.waitUntil(lambda: window.undo_stack.count() == before + 1, timeout=2000)
    settle(window)
    return True


def library_item(window: MainWindow, topic_key: str) -> QTreeWidgetItem:
    tree = window.library_panel.tree
    pending = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while pending:
        item = pending.pop(0)
        assert item is not None
        if item.data(0, Qt.ItemDataRole.UserRole) == topic_key:
            return item
        pending += [item.child(i) for i in range(item.childCount())]
    raise AssertionError(f"{topic_key} is not in the library tree")


def agenda_node(window: MainWindow, index: int) -> QModelIndex:
    return agenda_index(window, index)


def item_row(window: MainWindow, number: int, index: int) -> QModelIndex:
    return agenda_rows(window, number)[index]


def agenda_topics(window: MainWindow) -> list[list[str]]:
    return [row.topic_keys for row in queries.agenda(window.library, "jha-test")]


def test_a_topic_dragged_from_the_library_tree_onto_an_agenda_item(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window)
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr"]]
    data = drag_data(window.library_panel.tree, library_item(window, "drug-trafficking"))
    assert bytes(data.data(TOPIC_MIME).data()).decode() == "drug-trafficking"
    assert drop(qtbot, window, data, agenda_node(window, 1))
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr", "drug-trafficking"]]
    assert "dt-ltt-1" in item_keys(window, 1)
    assert window.undo_stack.undoText() == "Add topic to agenda item"
    window.undo_action.trigger()
    settle(window)
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr"]]
    assert "dt-ltt-1" not in item_keys(window, 1)
    window.redo_action.trigger()
    settle(window)
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr", "drug-trafficking"]]


def test_a_topic_dropped_on_an_item_row_goes_to_that_rows_agenda_item(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentWidget(window.builder)  # the builder is on screen while topics are dropped on it
    window.builder.load()
    settle(window)
    window.builder.new_meeting("Informal JHA Council")
    settle(window)
    window.builder.add_agenda_item("Drugs")
    settle(window)
    window.builder.add_agenda_item("Programme")
    settle(window)
    data = drag_data(window.library_panel.tree, library_item(window, "programme-fr"))
    assert drop(qtbot, window, data, agenda_node(window, 1))
    assert len(children(window, agenda_node(window, 1))) >= 1
    data = drag_data(window.library_panel.tree, library_item(window, "drug-trafficking"))
    assert drop(qtbot, window, data, item_row(window, 1, 0), "bottom")
    slug = window.builder.slug
    assert [row.topic_keys for row in queries.agenda(window.library, slug)] == [
        [],
        ["programme-fr", "drug-trafficking"],
    ]


def test_items_reordered_by_dragging_within_the_selection_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window)
    agenda = window.builder.agenda
    assert item_keys(window, 0)[:3] == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    first = item_row(window, 0, 0)
    data = drag_data(agenda, first)
    assert data.hasFormat(ROW_MIME)
    target = item_row(window, 0, 2)
    assert drop(qtbot, window, data, target, "bottom")  # below the third row
    assert item_keys(window, 0)[:3] == ["dt-qa-1", "dt-bg-1", "dt-ltt-1"]
    assert window.undo_stack.undoText() == "Reorder items"
    moved = item_row(window, 0, 2)
    data = drag_data(agenda, moved)
    assert drop(qtbot, window, data, item_row(window, 0, 0), "top")
    assert item_keys(window, 0)[:3] == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    window.undo_action.trigger()
    settle(window)
    assert item_keys(window, 0)[:3] == ["dt-qa-1", "dt-bg-1", "dt-ltt-1"]
    window.undo_action.trigger()
    settle(window)
    assert item_keys(window, 0)[:3] == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    agenda_id = queries.agenda(window.library, "jha-test")[0].agenda_item_id
    stored = [row.item_key for row in selection_rows(window.library, agenda_id) if row.included]
    assert stored == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]


def test_agenda_items_reordered_by_dragging_and_an_item_cannot_leave_its_agenda_item(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window)
    agenda = window.builder.agenda
    data = drag_data(agenda, agenda_node(window, 1))
    assert drop(qtbot, window, data, agenda_node(window, 0), "top")
    assert agenda_topics(window) == [["programme-fr"], ["drug-trafficking"]]
    assert str(agenda_node(window, 0).data()).startswith("1. Programme")
    window.undo_action.trigger()
    settle(window)
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr"]]
    item = item_row(window, 0, 0)
    count = window.undo_stack.count()
    refused = not drop(qtbot, window, drag_data(agenda, item), agenda_node(window, 1))
    assert refused and window.undo_stack.count() == count
    assert item_keys(window, 0)[:1] == ["dt-ltt-1"]


def test_the_library_tree_starts_real_drags_and_the_agenda_accepts_them(window: MainWindow) -> None:
    tree = window.library_panel.tree
    assert tree.dragEnabled() and tree.dragDropMode() == QAbstractItemView.DragDropMode.DragOnly
    assert TOPIC_MIME in tree.model().mimeTypes()
    agenda = window.builder.agenda
    assert agenda.acceptDrops() and agenda.viewport().acceptDrops()
    assert ROW_MIME in agenda.model().mimeTypes()


def test_a_topic_heading_dragged_onto_a_second_agenda_item_is_added_there_with_a_warning(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window)
    builder = window.builder
    heading = topic_index(window, 0)
    data = drag_data(builder.agenda, heading)
    assert bytes(data.data(TOPIC_MIME).data()).decode() == "drug-trafficking"
    count = window.undo_stack.count()
    assert not drop(qtbot, window, data, agenda_node(window, 0))  # onto its own agenda item: nothing to do
    assert window.undo_stack.count() == count and not builder.notice.isVisible()
    assert drop(qtbot, window, drag_data(builder.agenda, topic_index(window, 0)), agenda_node(window, 1))
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr", "drug-trafficking"]]
    assert builder.notice.isVisible()
    assert "is already on agenda item 1" in builder.notice.text()
    assert [topic_index(window, 1, t).data(Qt.ItemDataRole.UserRole + 3) for t in range(2)] == [
        "programme-fr",
        "drug-trafficking",
    ]
    window.undo_action.trigger()
    settle(window)
    assert agenda_topics(window) == [["drug-trafficking"], ["programme-fr"]]


def test_an_item_cannot_be_dragged_out_of_its_topic(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.builder)
    window.builder.load()
    settle(window)
    window.builder.new_meeting("Two topics")
    settle(window)
    window.builder.add_agenda_item("Both")
    settle(window)
    node = agenda_node(window, 0)
    window.builder.drop_topics(int(node.data(Qt.ItemDataRole.UserRole)), ["programme-fr", "drug-trafficking"])
    settle(window)
    first, second = topic_index(window, 0, 0), topic_index(window, 0, 1)
    dragged = children(window, first)[0]
    count = window.undo_stack.count()
    assert not drop(qtbot, window, drag_data(window.builder.agenda, dragged), children(window, second)[0])
    assert window.undo_stack.count() == count
    moved = children(window, second)[1]
    key = str(moved.data(Qt.ItemDataRole.UserRole + 2))
    before = [str(row.data(Qt.ItemDataRole.UserRole + 2)) for row in children(window, second)]
    assert drop(qtbot, window, drag_data(window.builder.agenda, moved), second)  # onto its topic's heading
    after = [
        str(row.data(Qt.ItemDataRole.UserRole + 2)) for row in children(window, topic_index(window, 0, 1))
    ]
    assert after == [key] + [k for k in before if k != key]  # first of its topic


def test_a_topic_heading_dragged_above_another_in_its_agenda_item_reorders_the_topics(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window)
    builder = window.builder
    agenda_id = int(agenda_node(window, 0).data(Qt.ItemDataRole.UserRole))
    builder.drop_topics(agenda_id, ["programme-fr"])
    settle(window)
    builder.update_preview()
    settle(window)
    text = builder.preview.toPlainText()
    assert text.index("Drug trafficking") < text.index("Presidency programme")
    second = topic_index(window, 0, 1)
    assert drop(qtbot, window, drag_data(builder.agenda, second), topic_index(window, 0, 0), "top")
    assert window.undo_stack.undoText() == "Reorder topics"
    assert agenda_topics(window)[0] == ["programme-fr", "drug-trafficking"]
    keys = [topic_index(window, 0, t).data(Qt.ItemDataRole.UserRole + 3) for t in range(2)]
    assert keys == ["programme-fr", "drug-trafficking"]
    text = builder.preview.toPlainText()
    assert "Presidency programme; Drug trafficking and organised crime" in text
    assert text.index("Text written in French first") < text.index("Internal assessment")
    count = window.undo_stack.count()  # onto itself, or back onto its own place: nothing to do
    assert not drop(
        qtbot, window, drag_data(builder.agenda, topic_index(window, 0, 0)), topic_index(window, 0, 1), "top"
    )
    assert window.undo_stack.count() == count
    # onto an item of the other topic: it takes that topic's place
    items = children(window, topic_index(window, 0, 1))
    assert drop(qtbot, window, drag_data(builder.agenda, topic_index(window, 0, 0)), items[0])
    assert agenda_topics(window)[0] == ["drug-trafficking", "programme-fr"]
    window.undo_action.trigger()
    settle(window)
    assert agenda_topics(window)[0] == ["programme-fr", "drug-trafficking"]
