"""Building a meeting's pack in the real widgets: check items, drop topics, presets, preview, preflight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.gui.meeting_builder import ITEM_ROLE, TOPIC_ROLE
from tests.gui.settle import settle


def open_builder(window: MainWindow, qtbot: QtBot, slug: str = "jha-test") -> None:
    window.tabs.setCurrentWidget(window.builder)
    builder = window.builder
    settle(window)
    builder.meeting.setCurrentIndex(builder.meeting.findData(slug))
    builder.update_preview()
    settle(window)
    assert builder.slug == slug


def agenda_rows(window: MainWindow, index: int) -> list[QTreeWidgetItem]:
    node = window.builder.agenda.topLevelItem(index)
    assert node is not None
    return [node.child(i) for i in range(node.childCount())]  # type: ignore[misc]


def checked_keys(window: MainWindow, index: int = 0) -> list[str]:
    return [
        str(row.data(0, TOPIC_ROLE))
        for row in agenda_rows(window, index)
        if row.checkState(0) == Qt.CheckState.Checked
    ]


def row_for(window: MainWindow, item_key: str, index: int = 0) -> QTreeWidgetItem:
    return next(row for row in agenda_rows(window, index) if row.data(0, TOPIC_ROLE) == item_key)


def check(window: MainWindow, qtbot: QtBot, item_key: str, on: bool) -> None:
    """Click an item's checkbox and wait for the builder to apply it."""
    before = window.undo_stack.count()
    row_for(window, item_key).setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: window.undo_stack.count() == before + 1, timeout=2000)
    settle(window)


def test_checking_items_builds_the_pack_and_undo_redo(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    assert "Europe stands together" not in window.builder.preview.toPlainText()
    check(window, qtbot, "dt-press-1", True)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1", "dt-press-1"]
    window.builder.update_preview()
    settle(window)
    assert "Europe stands together against organised crime." in window.builder.preview.toPlainText()
    check(window, qtbot, "dt-ltt-1", False)
    assert checked_keys(window) == ["dt-qa-1", "dt-bg-1", "dt-press-1"]
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1", "dt-press-1"]
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    window.redo_action.trigger()
    settle(window)
    window.redo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-qa-1", "dt-bg-1", "dt-press-1"]


def test_new_meeting_from_scratch_with_a_dropped_topic(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    window.builder.new_meeting("Informal JHA Council")
    settle(window)
    assert window.builder.slug == "informal-jha-council"
    window.builder.add_agenda_item("Drugs")
    settle(window)
    node = window.builder.agenda.topLevelItem(0)
    assert node is not None and node.text(0) == "1. Drugs"
    window.builder.drop_topic(int(node.data(0, Qt.ItemDataRole.UserRole)), "drug-trafficking")
    settle(window)
    assert len(checked_keys(window)) == 7
    window.builder.update_preview()
    settle(window)
    assert "Security in ports is a shared responsibility." in window.builder.preview.toPlainText()


def test_copy_meeting_and_reorder_with_move_buttons(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    window.builder.copy_meeting("JHA Council, October")
    settle(window)
    assert window.builder.slug != "jha-test"
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    window.builder.agenda.setCurrentItem(row_for(window, "dt-ltt-1"))
    window.builder.down_button.click()
    settle(window)
    assert checked_keys(window) == ["dt-qa-1", "dt-ltt-1", "dt-bg-1"]
    assert window.builder.agenda.currentItem().data(0, TOPIC_ROLE) == "dt-ltt-1"  # type: ignore[union-attr]
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]


def test_presets_save_and_apply(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    window.builder.presets.setCurrentIndex(window.builder.presets.findData("Short"))
    window.builder.apply_preset()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1"]
    check(window, qtbot, "dt-qa-1", True)
    window.builder.save_preset("Two points")
    settle(window)
    assert [window.builder.presets.itemText(i) for i in range(window.builder.presets.count())] == [
        "Short",
        "Two points",
    ]


def test_preview_follows_language_and_copy_and_preflight_jumps_to_the_item(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    builder.mode.setCurrentIndex(builder.mode.findData("fr"))
    settle(window)
    builder.update_preview()
    settle(window)
    assert "La sécurité des ports est une responsabilité partagée." in builder.preview.toPlainText()
    assert "Point 1 de l’ordre du jour" in builder.preview.toPlainText()
    assert builder.preview.toHtml().count("Non traduit") >= 1
    builder.copy.setCurrentIndex(builder.copy.findData("external"))
    settle(window)
    builder.update_preview()
    settle(window)
    assert "Internal assessment" not in builder.preview.toPlainText()
    lines = builder.preflight.lines
    assert lines and any(line.severity == "blocking" for line in lines)
    target = next(i for i, line in enumerate(lines) if line.topic_key)
    row = builder.preflight.list.topLevelItem(target)
    assert row is not None
    builder.preflight.list.itemDoubleClicked.emit(row, 0)
    settle(window)  # the topic is read on the background task
    assert window.tabs.currentWidget() is window.topic_editor
    assert window.topic_editor.view is not None
    assert window.topic_editor.view.key == lines[target].topic_key
    assert ITEM_ROLE  # rows carry the item id for drag and drop


def agenda_titles(window: MainWindow) -> list[str]:
    agenda = window.builder.agenda
    return [agenda.topLevelItem(i).text(0) for i in range(agenda.topLevelItemCount())]  # type: ignore[union-attr]


def test_rename_agenda_item_in_both_languages_through_the_dialog_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from briefing.gui.dialogs import TextsDialog

    open_builder(window, qtbot)
    builder = window.builder
    builder.agenda.setCurrentItem(builder.agenda.topLevelItem(1))
    builder.rename_agenda_button.click()
    dialog = builder.findChild(TextsDialog, "textsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.edits["en"].text() == "Programme" and dialog.edits["fr"].text() == ""
    dialog.edits["en"].clear()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # an agenda item needs an English title
    dialog.edits["en"].setText("Presidency programme")
    dialog.edits["fr"].setText("Programme de la présidence")
    ok.click()
    settle(window)
    assert agenda_titles(window) == ["1. Drug trafficking", "2. Presidency programme"]
    builder.mode.setCurrentIndex(builder.mode.findData("fr"))
    settle(window)
    assert agenda_titles(window) == ["1. Trafic de drogue", "2. Programme de la présidence"]
    window.undo_action.trigger()
    settle(window)
    assert agenda_titles(window) == ["1. Trafic de drogue", "2. Programme"]
    assert window.undo_stack.count() == 1


def test_agenda_items_move_with_the_buttons_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    builder.agenda.setCurrentItem(builder.agenda.topLevelItem(1))
    builder.up_button.click()
    settle(window)
    assert agenda_titles(window) == ["1. Programme", "2. Drug trafficking"]
    assert builder.agenda.currentItem() is builder.agenda.topLevelItem(0)
    window.undo_action.trigger()
    settle(window)
    assert agenda_titles(window) == ["1. Drug trafficking", "2. Programme"]


def test_remove_a_topic_from_an_agenda_item_through_its_menu_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    builder.agenda.setCurrentItem(row_for(window, "dt-qa-1"))
    builder.fill_remove_topic_menu()
    actions = builder.remove_topic_menu.actions()
    assert [a.text() for a in actions] == ["Drug trafficking and organised crime"]
    actions[0].trigger()
    settle(window)
    assert agenda_rows(window, 0) == []
    assert builder.agenda.topLevelItem(0).toolTip(0) == "No topic yet"  # type: ignore[union-attr]
    builder.fill_remove_topic_menu()
    assert not builder.remove_topic_menu.actions()[0].isEnabled()
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
