"""Building a meeting's pack in the real widgets: check items, drop topics, presets, preview, preflight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from tests.gui.agenda_rows import (
    agenda_index,
    agenda_rows,
    agenda_titles,
    checked_keys,
    click_check,
    is_checked,
    item_key,
    row_for,
)
from tests.gui.settle import settle

__all__ = ["agenda_rows", "check", "checked_keys", "open_builder", "row_for"]


def open_builder(window: MainWindow, qtbot: QtBot, slug: str = "jha-test") -> None:
    window.tabs.setCurrentWidget(window.builder)
    builder = window.builder
    settle(window)
    builder.meeting.setCurrentIndex(builder.meeting.findData(slug))
    builder.update_preview()
    settle(window)
    assert builder.slug == slug


def check(window: MainWindow, qtbot: QtBot, key: str, on: bool) -> None:
    """Click an item's checkbox and wait for the builder to apply it."""
    before = window.undo_stack.count()
    row = row_for(window, key)
    assert is_checked(row) != on
    click_check(qtbot, window.builder.agenda, row)
    assert is_checked(row_for(window, key)) == on  # shown at once
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
    node = agenda_index(window, 0)
    assert node.data() == "1. Drugs"
    window.builder.drop_topic(int(node.data(Qt.ItemDataRole.UserRole)), "drug-trafficking")
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
    window.builder.agenda.setCurrentIndex(row_for(window, "dt-ltt-1"))
    window.builder.down_button.click()
    settle(window)
    assert checked_keys(window) == ["dt-qa-1", "dt-ltt-1", "dt-bg-1"]
    assert item_key(window.builder.agenda.currentIndex()) == "dt-ltt-1"
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


def test_rename_agenda_item_in_both_languages_through_the_dialog_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from briefing.gui.dialogs import TextsDialog

    open_builder(window, qtbot)
    builder = window.builder
    builder.agenda.setCurrentIndex(agenda_index(window, 1))
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
    builder.agenda.setCurrentIndex(agenda_index(window, 1))
    builder.up_button.click()
    settle(window)
    assert agenda_titles(window) == ["1. Programme", "2. Drug trafficking"]
    assert builder.agenda.currentIndex() == agenda_index(window, 0)
    window.undo_action.trigger()
    settle(window)
    assert agenda_titles(window) == ["1. Drug trafficking", "2. Programme"]


def test_remove_a_topic_from_an_agenda_item_through_its_menu_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    builder.agenda.setCurrentIndex(row_for(window, "dt-qa-1"))
    builder.fill_remove_topic_menu()
    actions = builder.remove_topic_menu.actions()
    assert [a.text() for a in actions] == ["Drug trafficking and organised crime"]
    actions[0].trigger()
    settle(window)
    assert agenda_rows(window, 0) == []
    assert agenda_index(window, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("\nNo topic yet")
    builder.fill_remove_topic_menu()
    assert not builder.remove_topic_menu.actions()[0].isEnabled()
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
