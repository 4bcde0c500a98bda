"""The builder's agenda shows topics as headings under each agenda item (real widgets, offscreen): the French of
each item and a summary on its topic, a tick on a heading for all its items, the context menus of headings and
items, the preview following the row clicked, and undo keeping the row and the folds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from briefing.gui.agenda_model import FRENCH_ROLE, TOPIC_KEY_ROLE
from briefing.gui.main_window import MainWindow
from briefing.operations import queries, selection_rows
from tests.gui.agenda_rows import (
    CHECK,
    agenda_index,
    agenda_rows,
    checked_keys,
    children,
    click_check,
    click_row,
    item_key,
    level,
    row_for,
    topic_index,
    topic_indexes,
    topic_key,
)
from tests.gui.settle import settle
from tests.gui.test_meeting_builder import open_builder

TOPIC = "Drug trafficking and organised crime"


def stored_included(window: MainWindow, number: int = 0) -> list[str]:
    agenda_id = queries.agenda(window.library, "jha-test")[number].agenda_item_id
    return [row.item_key for row in selection_rows(window.library, agenda_id) if row.included]


def test_items_sit_under_their_topic_heading_with_the_french_of_each_and_a_summary(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    heading = topic_index(window, 0)
    assert level(agenda_index(window, 0)) == "agenda" and level(heading) == "topic"
    assert heading.data(TOPIC_KEY_ROLE) == "drug-trafficking"
    items = children(window, heading)
    assert len(items) == 7 and all(level(row) == "item" for row in items)
    lacking = [row for row in items if row.data(FRENCH_ROLE)]
    assert lacking and len(lacking) < len(items)
    summary = f"{len(lacking)} of {len(items)} without current French"
    assert heading.data() == f"{TOPIC} — ⚠ {summary}"
    assert heading.data(Qt.ItemDataRole.ToolTipRole) == f"{TOPIC}\n⚠ {summary}"
    worst = "missing" if any(row.data(FRENCH_ROLE) == "missing" for row in lacking) else "stale"
    assert heading.data(FRENCH_ROLE) == worst
    assert heading.data(Qt.ItemDataRole.ForegroundRole).color().name() in ("#b00020", "#b35c00")
    assert all(str(row.data()).startswith("⚠ [") for row in lacking)
    window.french_action.trigger()
    settle(window)
    assert f"{len(lacking)} sur {len(items)} sans français à jour" in str(topic_index(window, 0).data())


def test_ticking_a_topic_heading_ticks_all_its_items_as_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    agenda = window.builder.agenda
    heading = topic_index(window, 0)
    assert Qt.CheckState(heading.data(CHECK)) == Qt.CheckState.PartiallyChecked
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    every = [item_key(row) for row in agenda_rows(window, 0)]
    count = window.undo_stack.count()
    click_check(qtbot, agenda, heading)  # a partly ticked heading: all its items go in
    assert Qt.CheckState(topic_index(window, 0).data(CHECK)) == Qt.CheckState.Checked  # shown at once
    qtbot.waitUntil(lambda: window.undo_stack.count() == count + 1, timeout=3000)
    settle(window)
    assert window.undo_stack.undoText() == "Include items"
    assert checked_keys(window) == every
    assert sorted(stored_included(window)) == sorted(every)
    click_check(qtbot, agenda, topic_index(window, 0))  # all in: all out
    qtbot.waitUntil(lambda: window.undo_stack.count() == count + 2, timeout=3000)
    settle(window)
    assert checked_keys(window) == [] and stored_included(window) == []
    assert Qt.CheckState(topic_index(window, 0).data(CHECK)) == Qt.CheckState.Unchecked
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == every
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    assert stored_included(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    assert Qt.CheckState(topic_index(window, 0).data(CHECK)) == Qt.CheckState.PartiallyChecked


def test_a_topic_headings_menu_adds_it_to_another_agenda_item_with_a_warning_and_removes_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    menu = builder.agenda_menu(topic_index(window, 0))
    assert menu is not None
    assert builder.agenda.currentIndex() == topic_index(window, 0)
    texts = [action.text() for action in menu.actions()]
    assert texts == [
        "Put all the topic's items in the pack",
        "Mark French reviewed",
        "Open in the topic editor",
        "Move up",
        "Move down",
        "",
        f"Add “{TOPIC}” to agenda item",
        f"Remove topic “{TOPIC}” from this agenda item",
    ]
    assert [a.isEnabled() for a in menu.actions()[3:5]] == [False, False]  # the agenda item's only topic
    submenu = menu.findChild(QMenu, "addToAgendaItem")
    assert submenu is not None
    assert [a.text() for a in submenu.actions()] == ["2. Programme"]
    count = window.undo_stack.count()
    submenu.actions()[0].trigger()
    settle(window)
    assert window.undo_stack.count() == count + 1
    assert [row.topic_keys for row in queries.agenda(window.library, "jha-test")] == [
        ["drug-trafficking"],
        ["programme-fr", "drug-trafficking"],
    ]
    assert builder.notice.isVisible()
    assert builder.notice.text().startswith(f"“{TOPIC}” is already on agenda item 1")
    assert [topic_index(window, 1, t).data(TOPIC_KEY_ROLE) for t in range(2)] == [
        "programme-fr",
        "drug-trafficking",
    ]
    menu = builder.agenda_menu(topic_index(window, 1, 1))
    assert menu is not None
    submenu = menu.findChild(QMenu, "addToAgendaItem")
    assert submenu is not None and not submenu.actions()[0].isEnabled()  # it is on agenda item 1 already
    up, down = menu.findChild(QAction, "moveUp"), menu.findChild(QAction, "moveDown")
    assert up.isEnabled() and not down.isEnabled()  # the second of the agenda item's two topics
    count = window.undo_stack.count()
    up.trigger()  # as the Move up button does: one undo step, the pack follows
    settle(window)
    assert window.undo_stack.count() == count + 1
    assert [row.topic_keys for row in queries.agenda(window.library, "jha-test")][1] == [
        "drug-trafficking",
        "programme-fr",
    ]
    window.undo_action.trigger()
    settle(window)
    menu = builder.agenda_menu(topic_index(window, 1, 1))
    assert menu is not None
    menu.actions()[-1].trigger()
    settle(window)
    assert [row.topic_keys for row in queries.agenda(window.library, "jha-test")] == [
        ["drug-trafficking"],
        ["programme-fr"],
    ]


def test_a_topic_headings_menu_puts_its_items_in_and_marks_their_french_reviewed(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    menu = builder.agenda_menu(topic_index(window, 0))
    assert menu is not None
    count = window.undo_stack.count()
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == count + 1, timeout=3000)
    settle(window)
    assert len(checked_keys(window)) == 7
    menu = builder.agenda_menu(topic_index(window, 0))
    assert menu is not None
    assert menu.actions()[0].text() == "Leave the topic's items out of the pack"
    review = next(a for a in menu.actions() if a.objectName() == "markFrenchReviewed")
    assert review.isEnabled()  # some items have a current French
    review.trigger()
    settle(window)
    assert window.undo_stack.count() == count + 2
    assert window.undo_stack.undoText() == "Mark French reviewed"


def test_clicking_a_row_scrolls_the_preview_to_its_agenda_item_topic_or_item(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    agenda = window.builder.agenda
    bar = window.builder.preview.verticalScrollBar()
    click_row(qtbot, agenda, agenda_index(window, 1))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    second = bar.value()
    click_row(qtbot, agenda, agenda_index(window, 0))
    qtbot.waitUntil(lambda: 0 < bar.value() < second, timeout=2000)
    first = bar.value()
    click_row(qtbot, agenda, row_for(window, "dt-bg-1"))  # background comes after the lines to take
    qtbot.waitUntil(lambda: first < bar.value() < second, timeout=2000)
    background = bar.value()
    click_row(qtbot, agenda, topic_index(window, 0))  # the topic's first item in the pack
    qtbot.waitUntil(lambda: first <= bar.value() < background, timeout=2000)
    assert window.builder.focus_anchor() == "dt-ltt-1"


def test_undo_keeps_the_row_and_the_folds(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    agenda = builder.agenda
    agenda.collapse(agenda_index(window, 1))
    assert agenda.isExpanded(topic_index(window, 0))
    agenda.setCurrentIndex(row_for(window, "dt-qa-1"))
    menu = builder.agenda_menu(row_for(window, "dt-qa-1"))
    assert menu is not None
    count = window.undo_stack.count()
    menu.actions()[0].trigger()  # leave it out
    qtbot.waitUntil(lambda: window.undo_stack.count() == count + 1, timeout=3000)
    settle(window)
    window.undo_action.trigger()
    settle(window)
    assert item_key(agenda.currentIndex()) == "dt-qa-1"
    assert not agenda.isExpanded(agenda_index(window, 1))
    # An undo that makes the agenda again (a topic removed and back) keeps them too.
    builder.remove_topic(int(agenda_index(window, 1).data(Qt.ItemDataRole.UserRole)), "programme-fr")
    settle(window)
    agenda.setCurrentIndex(row_for(window, "dt-bg-1"))
    window.undo_action.trigger()
    settle(window)
    assert topic_index(window, 1).data(TOPIC_KEY_ROLE) == "programme-fr"
    assert item_key(agenda.currentIndex()) == "dt-bg-1"
    assert not agenda.isExpanded(agenda_index(window, 1))
    assert agenda.isExpanded(topic_index(window, 0))
    agenda.collapse(topic_index(window, 0))
    builder.move_agenda_item(int(agenda_index(window, 1).data(Qt.ItemDataRole.UserRole)), 0)
    settle(window)  # the agenda items swapped places: the folds follow them
    assert not agenda.isExpanded(agenda_index(window, 0)) and agenda.isExpanded(agenda_index(window, 1))
    assert not agenda.isExpanded(topic_index(window, 1))
    assert item_key(agenda.currentIndex()) == "dt-bg-1"


def test_a_tick_the_library_refuses_shows_what_the_library_holds(window: MainWindow, qtbot: QtBot) -> None:
    from briefing.operations import remove_topic_from_agenda

    open_builder(window, qtbot)
    agenda_id = int(agenda_index(window, 0).data(Qt.ItemDataRole.UserRole))
    remove_topic_from_agenda(window.library, agenda_id, "drug-trafficking")  # behind the builder's back
    count = window.undo_stack.count()
    click_check(qtbot, window.builder.agenda, row_for(window, "dt-press-1"))
    qtbot.waitUntil(lambda: not topic_indexes_of(window), timeout=5000)  # the agenda shows the library again
    settle(window)
    assert window.undo_stack.count() == count  # nothing was written, nothing to undo
    assert stored_included(window) == []


def topic_indexes_of(window: MainWindow) -> list[str]:
    return [str(topic.data(TOPIC_KEY_ROLE)) for topic in children(window, agenda_index(window, 0))]


def two_topics(window: MainWindow, qtbot: QtBot) -> int:
    """The first agenda item of jha-test with a second topic; its id."""
    open_builder(window, qtbot)
    agenda_id = int(agenda_index(window, 0).data(Qt.ItemDataRole.UserRole))
    window.builder.drop_topics(agenda_id, ["programme-fr"])
    settle(window)
    assert [topic_key(index) for index in topic_indexes(window, 0)] == ["drug-trafficking", "programme-fr"]
    return agenda_id


def preview_topic_order(window: MainWindow) -> list[str]:
    """The two topics of the first agenda item in the order the preview first names them."""
    text = window.builder.preview.toPlainText()
    titles = {"drug-trafficking": TOPIC, "programme-fr": PROGRAMME}
    assert all(title in text for title in titles.values())
    return sorted(titles, key=lambda key: text.index(titles[key]))


PROGRAMME = "Presidency programme"


def test_move_down_on_a_topic_heading_reorders_the_topics_as_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    agenda_id = two_topics(window, qtbot)
    builder, agenda = window.builder, window.builder.agenda
    assert preview_topic_order(window) == ["drug-trafficking", "programme-fr"]
    agenda.collapse(topic_index(window, 0, 1))  # the programme folded, the drugs open
    agenda.setCurrentIndex(topic_index(window, 0, 0))
    count = window.undo_stack.count()
    builder.down_button.click()
    settle(window)
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Reorder topics"
    assert [topic_key(index) for index in topic_indexes(window, 0)] == ["programme-fr", "drug-trafficking"]
    assert list(queries.agenda(window.library, "jha-test")[0].topic_keys) == [
        "programme-fr",
        "drug-trafficking",
    ]
    assert agenda.current_key() == (agenda_id, "drug-trafficking", None)  # the row followed its topic
    assert not agenda.isExpanded(topic_index(window, 0, 0)) and agenda.isExpanded(topic_index(window, 0, 1))
    assert preview_topic_order(window) == ["programme-fr", "drug-trafficking"]
    builder.down_button.click()  # the last topic: nothing to do
    settle(window)
    assert window.undo_stack.count() == count + 1
    window.undo_action.trigger()
    settle(window)
    assert [topic_key(index) for index in topic_indexes(window, 0)] == ["drug-trafficking", "programme-fr"]
    assert agenda.current_key() == (agenda_id, "drug-trafficking", None)
    assert agenda.isExpanded(topic_index(window, 0, 0)) and not agenda.isExpanded(topic_index(window, 0, 1))
    assert preview_topic_order(window) == ["drug-trafficking", "programme-fr"]
