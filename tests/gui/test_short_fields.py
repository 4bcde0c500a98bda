"""The French of a topic's owner and of who prepared a pack, edited beside their English in the app."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.model.enums import TranslationState
from briefing.operations import queries, update_topic
from tests.gui.settle import settle
from tests.gui.test_meeting_details import open_details
from tests.gui.test_topic_editor import open_topic


def type_into(qtbot: QtBot, box: object, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    assert isinstance(box, QLineEdit)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "x")  # typed by keys (QTest types ASCII only), then the accented French set
    box.setText(text)
    box.setModified(True)
    box.editingFinished.emit()


def test_the_owners_french_is_shown_edited_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    open_topic(window)
    field = window.topic_editor.owner_fr
    assert field.isEnabled() and field.text() == "Unité de coopération policière"
    type_into(qtbot, field, "Service de coopération policière")
    settle(window)
    view = queries.topic_view(window.library, "drug-trafficking")
    assert view.owner_text is not None and view.owner_text.texts["fr"] == "Service de coopération policière"
    window.undo_stack.undo()
    settle(window)
    assert field.text() == "Unité de coopération policière"


def test_a_changed_english_owner_flags_its_french_as_out_of_date(window: MainWindow, qtbot: QtBot) -> None:
    open_topic(window)
    update_topic(window.library, "drug-trafficking", owner="Police cooperation unit")
    window.topic_editor.show_topic("drug-trafficking")
    settle(window)
    field = window.topic_editor.owner_fr
    assert field.state() is TranslationState.STALE
    assert "#b35c00" in field.styleSheet() and field.toolTip()


def test_who_prepared_the_pack_gets_its_french_in_the_meeting_details(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_details(window)
    field = window.builder.details.prepared_by_fr
    assert field.text() == "Unité Affaires intérieures"
    type_into(qtbot, field, "Cellule Affaires intérieures")
    settle(window)
    details = queries.meeting_details(window.library, "jha-test")
    assert details.prepared_by_text is not None
    assert details.prepared_by_text.texts["fr"] == "Cellule Affaires intérieures"
