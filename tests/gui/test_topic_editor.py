"""Editing a topic in the real widgets: translation states follow, review in one click, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.gui.text_pair import TextPair
from briefing.model import ItemKind
from briefing.model.enums import TranslationState
from tests.gui.settle import settle


def open_topic(window: MainWindow, key: str = "drug-trafficking") -> None:
    window.library_panel.select_topic(key)
    settle(window)  # the topic is read on the background task
    assert window.topic_editor.view is not None and window.topic_editor.view.key == key


def pair_of(window: MainWindow, item_key: str) -> TextPair:
    settle(window)
    return window.topic_editor.frames[item_key].pairs[0]


def stored_text(window: MainWindow, item_key: str, lang: str) -> str | None:
    with window.library.unit_of_work() as uow:
        body = uow.items.require(item_key).body
        assert body is not None
        return body.text(lang)


def test_items_are_listed_in_brief_order_with_their_status(window: MainWindow) -> None:
    open_topic(window)
    assert list(window.topic_editor.frames) == [
        "dt-obj-1", "dt-ltt-1", "dt-pos-1", "dt-bg-1", "dt-fact-1", "dt-qa-1", "dt-press-1",
    ]  # fmt: skip
    assert "missing" in pair_of(window, "dt-press-1").status.text()
    assert "draft" in pair_of(window, "dt-fact-1").status.text()


def test_editing_english_makes_french_stale_and_one_click_reviews_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    assert pair.state is TranslationState.TRANSLATED
    pair.editors["en"].setFocus()
    pair.editors["en"].setPlainText("Port security is a shared responsibility of all.")
    qtbot.waitUntil(lambda: pair_of(window, "dt-ltt-1").state is TranslationState.STALE, timeout=3000)
    pair = pair_of(window, "dt-ltt-1")
    assert "stale" in pair.status.text()
    assert stored_text(window, "dt-ltt-1", "en") == "Port security is a shared responsibility of all."
    assert not pair.review.isVisibleTo(pair) and not pair.review.isEnabled()  # not without seeing the change
    assert "out of date" in pair.headers["fr"].text()
    assert pair.editors["fr"].styleSheet()  # the French box itself shows it
    qtbot.mouseClick(pair.changes_button, Qt.MouseButton.LeftButton)
    assert pair.changes.isVisibleTo(pair)
    assert (
        "not kept" in pair.changes.text()
    )  # reviewed before the library kept the English it was checked against
    assert pair.review.isEnabled()
    qtbot.mouseClick(pair.review, Qt.MouseButton.LeftButton)
    pair = pair_of(window, "dt-ltt-1")
    assert pair.state is TranslationState.REVIEWED
    assert "reviewed" in pair.status.text()
    assert not pair.review.isEnabled()


def test_undo_and_redo_of_a_text_edit(window: MainWindow) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    pair.editors["fr"].setPlainText("La sécurité portuaire")
    pair.commit()
    pair.editors["fr"].setPlainText("La sécurité portuaire est partagée.")
    pair.commit()
    assert stored_text(window, "dt-ltt-1", "fr") == "La sécurité portuaire est partagée."
    assert window.undo_stack.count() == 1  # typing in one text undoes at once
    window.undo_action.trigger()
    original = "La sécurité des ports est une responsabilité partagée."
    assert stored_text(window, "dt-ltt-1", "fr") == original
    assert pair_of(window, "dt-ltt-1").editors["fr"].toPlainText() == original
    window.redo_action.trigger()
    assert stored_text(window, "dt-ltt-1", "fr") == "La sécurité portuaire est partagée."
    assert pair_of(window, "dt-ltt-1").editors["fr"].toPlainText() == "La sécurité portuaire est partagée."


def test_new_topic_add_item_and_undo(window: MainWindow) -> None:
    window.library_panel.select_topic("drug-trafficking")
    window.new_topic("Maritime security")
    settle(window)
    assert window.topic_editor.view is not None and window.topic_editor.view.key == "maritime-security"
    assert window.library_panel.current_topic() == "maritime-security"
    window.topic_editor.add_item(ItemKind.KEY_FACT)
    settle(window)
    assert len(window.topic_editor.frames) == 1
    window.undo_action.trigger()
    settle(window)
    assert window.topic_editor.frames == {}
    window.undo_action.trigger()
    settle(window)
    with window.library.unit_of_work() as uow:
        assert uow.topics.by_key("maritime-security") is None


def test_search_as_you_type_finds_accented_text_without_accents(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.library_panel.search, "securite des po")
    tree = window.library_panel.tree

    def shows_hits() -> bool:
        top = tree.topLevelItem(0)
        return top is not None and top.text(0) == "Drug trafficking and organised crime"

    qtbot.waitUntil(shows_hits, timeout=2000)
    top = tree.topLevelItem(0)
    assert top is not None
    assert top.childCount() >= 1


def test_filters_narrow_the_tree(window: MainWindow) -> None:
    panel = window.library_panel
    panel.marking.setCurrentIndex(panel.marking.findData("LIMITE"))
    settle(window)
    topics = [
        panel.tree.topLevelItem(0).child(i).text(0) for i in range(panel.tree.topLevelItem(0).childCount())
    ]  # type: ignore[union-attr]
    assert topics == ["Drug trafficking and organised crime"]
    panel.marking.setCurrentIndex(0)
    panel.translation.setCurrentIndex(panel.translation.findData("stale"))
    settle(window)
    assert panel.tree.topLevelItemCount() == 0
    panel.translation.setCurrentIndex(panel.translation.findData("missing"))
    settle(window)
    assert panel.tree.topLevelItemCount() == 1


def stored_topic(window: MainWindow, key: str = "drug-trafficking") -> tuple[object, list[str], list[str]]:
    with window.library.unit_of_work() as uow:
        topic = uow.topics.require(key)
        return topic.reviewed_on, list(topic.tags), list(topic.sources)


def test_delete_topic_asks_first_and_undo_brings_it_back_on_its_agendas(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from briefing.operations import queries

    open_topic(window)
    editor = window.topic_editor
    editor.delete_button.click()
    box = editor.findChild(QMessageBox, "confirmBox")
    assert box is not None and box.isVisible()
    assert "Drug trafficking and organised crime" in box.text() and "7 item(s)" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.undo_stack.count() == 0
    editor.delete_button.click()
    box = [b for b in editor.findChildren(QMessageBox, "confirmBox") if b.isVisible()][-1]
    confirm = box.findChild(QAbstractButton, "confirmButton")
    assert confirm is not None and confirm.text() == "Delete topic"
    confirm.click()
    settle(window)
    with window.library.unit_of_work() as uow:
        assert uow.topics.by_key("drug-trafficking") is None
    assert editor.view is None
    assert window.library_panel.current_topic() != "drug-trafficking"
    assert queries.agenda(window.library, "jha-test")[0].topic_keys == []
    window.undo_action.trigger()
    settle(window)
    assert queries.agenda(window.library, "jha-test")[0].topic_keys == ["drug-trafficking"]
    assert editor.view is not None and editor.view.key == "drug-trafficking"
    assert len(editor.frames) == 7
    window.redo_action.trigger()
    settle(window)
    assert editor.view is None


def test_review_date_from_the_calendar_and_reviewed_today(window: MainWindow) -> None:
    import datetime as dt

    open_topic(window)
    editor = window.topic_editor
    assert editor.reviewed.calendarPopup()
    before = stored_topic(window)[0]
    editor.reviewed.set_value_by_user(dt.date(2024, 5, 2))
    assert stored_topic(window)[0] == dt.date(2024, 5, 2)
    editor.reviewed_today.click()
    settle(window)
    assert stored_topic(window)[0] == dt.date.today()
    assert editor.reviewed.value() == dt.date.today()
    editor.reviewed_today.click()  # already today: nothing to undo
    assert window.undo_stack.count() == 2
    window.undo_action.trigger()
    settle(window)
    assert editor.reviewed.value() == dt.date(2024, 5, 2)
    window.undo_action.trigger()
    settle(window)
    assert stored_topic(window)[0] == before
    assert editor.reviewed.value() == before


def test_tags_and_sources_from_their_line_edits_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    open_topic(window)
    editor = window.topic_editor
    assert editor.tags.text() == "organised crime, ports"
    assert editor.sources.text() == "ST 10270/24"
    editor.tags.setFocus()
    editor.tags.selectAll()
    qtbot.keyClicks(editor.tags, "ports,  drugs , organised crime,ports,")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)
    settle(window)
    assert stored_topic(window)[1] == ["ports", "drugs", "organised crime"]
    assert editor.tags.text() == "ports, drugs, organised crime"
    editor.sources.setFocus()
    editor.sources.end(False)
    qtbot.keyClicks(editor.sources, "; Council conclusions of 9 June 2024, point 3")
    qtbot.keyClick(editor.sources, Qt.Key.Key_Return)
    assert stored_topic(window)[2] == ["ST 10270/24", "Council conclusions of 9 June 2024, point 3"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    settle(window)
    assert stored_topic(window)[1:] == (["organised crime", "ports"], ["ST 10270/24"])
    assert editor.tags.text() == "organised crime, ports"


def test_a_stale_french_shows_a_word_diff_of_the_english_since_it_was_reviewed(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    qtbot.mouseClick(pair.review, Qt.MouseButton.LeftButton)  # translated: reviewed in one click
    pair = pair_of(window, "dt-ltt-1")
    assert pair.state is TranslationState.REVIEWED
    before = pair.view.texts["en"]
    pair.editors["en"].setPlainText(before.replace("shared", "common") + " Always.")
    pair.commit()
    pair = pair_of(window, "dt-ltt-1")
    assert pair.state is TranslationState.STALE
    assert pair.view.reviewed_source["fr"] == before
    pair.changes_button.setChecked(True)
    shown = pair.changes.text()
    assert "line-through" in shown and ">shared<" in shown  # removed
    assert "underline" in shown and ">common<" in shown and "Always" in shown  # added
    assert pair.review.isEnabled()
    window.undo_action.trigger()  # the English back: the French is reviewed again, the view gone
    pair = pair_of(window, "dt-ltt-1")
    assert pair.state is TranslationState.REVIEWED
    assert not pair.changes.isVisibleTo(pair) and not pair.changes_button.isVisibleTo(pair)


def test_ctrl_z_in_a_text_box_undoes_on_the_window_history(window: MainWindow, qtbot: QtBot) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    original = pair.editors["fr"].toPlainText()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts work in the active window
    editor = pair.editors["fr"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Toujours.")
    assert window.undo_stack.count() == 0  # not saved yet: still being typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert stored_text(window, "dt-ltt-1", "fr") == original  # saved, then undone on the window's stack
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0
    assert pair_of(window, "dt-ltt-1").editors["fr"].toPlainText() == original
    assert not editor.isUndoRedoEnabled()  # no second, invisible history in the box
    qtbot.keyClick(
        pair_of(window, "dt-ltt-1").editors["fr"],
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle(window)
    assert stored_text(window, "dt-ltt-1", "fr") == original + " Toujours."


def test_action_deadlines_read_in_the_interface_language_and_are_picked_with_a_date_box(
    window: MainWindow, qtbot: QtBot
) -> None:
    import datetime as dt

    from briefing.gui.actions_table import DEADLINE
    from briefing.gui.tables import DateDelegate
    from briefing.gui.widgets import DateEdit

    open_topic(window)
    table = window.topic_editor.actions_table.table
    assert table.item(0, DEADLINE).text() == "31 December 2024"  # type: ignore[union-attr]
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    window.topic_editor.actions_table.show_actions(window.topic_editor.view)
    assert table.item(0, DEADLINE).text() == "31 décembre 2024"  # type: ignore[union-attr]
    delegate = table.itemDelegateForColumn(DEADLINE)
    assert isinstance(delegate, DateDelegate)
    index = table.model().index(0, DEADLINE)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, DateEdit)
    delegate.setEditorData(editor, index)
    assert editor.value() == dt.date(2024, 12, 31)
    editor.set_value(dt.date(2025, 1, 15))
    delegate.setModelData(editor, table.model(), index)
    settle(window)
    with window.library.unit_of_work() as uow:
        assert uow.actions.require("dt-act-1").deadline == dt.date(2025, 1, 15)
    assert window.undo_stack.count() == 1
    assert window.topic_editor.actions_table.table.item(0, DEADLINE).text() == "15 janvier 2025"  # type: ignore[union-attr]
