"""A meeting's details, objectives and participants edited in the real widgets of the builder, with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.model import MeetingKind
from briefing.model.enums import TranslationState
from briefing.operations import queries
from tests.gui.settle import settle


def open_details(window: MainWindow, slug: str = "jha-test") -> None:
    window.tabs.setCurrentWidget(window.builder)
    settle(window)
    builder = window.builder
    builder.meeting.setCurrentIndex(builder.meeting.findData(slug))
    settle(window)
    builder.sections.setCurrentIndex(1)
    settle(window)
    assert builder.details.view is not None and builder.details.view.slug == slug


def stored(window: MainWindow, slug: str = "jha-test") -> queries.MeetingDetails:
    return queries.meeting_details(window.library, slug)


def test_title_location_and_prepared_by_are_saved_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    open_details(window)
    settle(window)
    details = window.builder.details
    title = details.title_pair
    assert title.editors["fr"].toPlainText() == "Conseil Justice et affaires intérieures"
    title.editors["en"].setPlainText("JHA Council (June)")
    settle(window)
    title.commit()
    settle(window)
    assert stored(window).title.texts["en"] == "JHA Council (June)"
    assert stored(window).title.states["fr"] is TranslationState.STALE
    assert "stale" in details.title_pair.status.text()
    assert window.builder.meeting.currentText().startswith("JHA Council (June)")
    details.title_pair.changes_button.click()  # marking stale French reviewed is offered with the changes shown
    details.title_pair.review.click()
    settle(window)
    assert stored(window).title.states["fr"] is TranslationState.REVIEWED
    location = details.location_pair
    location.editors["fr"].setPlainText("Luxembourg-Ville")
    settle(window)
    location.commit()
    settle(window)
    assert stored(window).location.texts["fr"] == "Luxembourg-Ville"  # type: ignore[union-attr]
    details.prepared_by.setFocus()
    settle(window)
    details.prepared_by.selectAll()
    settle(window)
    qtbot.keyClicks(details.prepared_by, "Migration unit")
    settle(window)
    qtbot.keyClick(details.prepared_by, Qt.Key.Key_Return)
    settle(window)
    assert stored(window).prepared_by == "Migration unit"
    for _ in range(4):
        window.undo_action.trigger()
        settle(window)
    after = stored(window)
    assert after.title.texts["en"] == "Justice and Home Affairs Council"
    assert after.title.states["fr"] is TranslationState.TRANSLATED
    assert after.location is not None and after.location.texts["fr"] == "Luxembourg"
    assert after.prepared_by == "Home Affairs unit"
    assert details.title_pair.editors["en"].toPlainText() == "Justice and Home Affairs Council"
    assert details.prepared_by.text() == "Home Affairs unit"
    assert window.builder.meeting.currentText().startswith("Justice and Home Affairs Council")


def test_an_empty_english_title_is_refused(window: MainWindow) -> None:
    open_details(window)
    settle(window)
    title = window.builder.details.title_pair
    title.editors["en"].setPlainText("   ")
    settle(window)
    title.commit()
    settle(window)
    assert stored(window).title.texts["en"] == "Justice and Home Affairs Council"
    assert title.editors["en"].toPlainText() == "Justice and Home Affairs Council"
    assert window.undo_stack.count() == 0


def test_a_location_is_created_for_a_meeting_without_one_and_undo_removes_it(window: MainWindow) -> None:
    open_details(window, "empty-meeting")
    settle(window)
    location = window.builder.details.location_pair
    assert "missing" in location.status.text()
    location.editors["en"].setPlainText("Brussels")
    settle(window)
    location.commit()
    settle(window)
    assert stored(window, "empty-meeting").location is not None
    assert "French: missing" in window.builder.details.location_pair.status.text()
    window.undo_action.trigger()
    settle(window)
    assert stored(window, "empty-meeting").location is None
    assert window.builder.details.location_pair.editors["en"].toPlainText() == ""
    window.redo_action.trigger()
    settle(window)
    assert stored(window, "empty-meeting").location.texts == {"en": "Brussels"}  # type: ignore[union-attr]


def test_kind_from_the_keyboard_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    open_details(window)
    settle(window)
    kind = window.builder.details.kind
    assert kind.currentData() == "council"
    kind.setFocus()
    settle(window)
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    settle(window)
    assert stored(window).kind is MeetingKind.BILATERAL
    assert window.builder.details.kind.currentText() == "Bilateral"
    window.undo_action.trigger()
    settle(window)
    assert stored(window).kind is MeetingKind.COUNCIL
    assert window.builder.details.kind.currentData() == "council"


def test_dates_end_before_start_is_refused_with_a_message_and_moving_the_start_keeps_the_length(
    window: MainWindow,
) -> None:
    open_details(window)
    settle(window)
    details = window.builder.details
    assert details.starts.value() == dt.date(2024, 6, 13)
    assert details.ends.value() == dt.date(2024, 6, 14)
    assert details.starts.calendarPopup()
    details.ends.set_value_by_user(dt.date(2024, 6, 12))
    settle(window)
    assert not details.date_error.isHidden()
    assert "cannot end before it starts" in details.date_error.text()
    assert "June 13, 2024" in details.date_error.text()
    assert details.ends.value() == dt.date(2024, 6, 14)
    assert stored(window).ends_on == dt.date(2024, 6, 14)
    assert window.undo_stack.count() == 0
    details.starts.set_value_by_user(dt.date(2024, 10, 20))
    settle(window)
    assert details.date_error.isHidden()
    assert (stored(window).starts_on, stored(window).ends_on) == (
        dt.date(2024, 10, 20),
        dt.date(2024, 10, 21),
    )
    assert details.ends.value() == dt.date(2024, 10, 21)
    details.ends.set_value_by_user(dt.date(2024, 10, 22))
    settle(window)
    assert stored(window).ends_on == dt.date(2024, 10, 22)
    details.ends.set_value_by_user(None)
    settle(window)
    assert stored(window).ends_on is None
    assert details.ends.text() == "No date"
    for _ in range(3):
        window.undo_action.trigger()
        settle(window)
    assert (stored(window).starts_on, stored(window).ends_on) == (dt.date(2024, 6, 13), dt.date(2024, 6, 14))
    assert details.starts.value() == dt.date(2024, 6, 13)


def test_typing_a_date_is_saved_once_typing_stops(window: MainWindow, qtbot: QtBot) -> None:
    open_details(window)
    settle(window)
    ends = window.builder.details.ends
    ends.setFocus()
    settle(window)
    ends.setCurrentSection(ends.Section.DaySection)
    settle(window)
    qtbot.keyClick(ends, Qt.Key.Key_Up)
    settle(window)
    qtbot.keyClick(ends, Qt.Key.Key_Up)
    settle(window)
    qtbot.waitUntil(lambda: stored(window).ends_on == dt.date(2024, 6, 16), timeout=3000)
    assert window.undo_stack.count() == 1


def objective_texts(window: MainWindow) -> list[str]:
    return [text.texts.get("en", "") for _id, text in stored(window).objectives]


def test_objectives_add_edit_side_by_side_reorder_delete_and_undo(window: MainWindow) -> None:
    open_details(window)
    settle(window)
    details = window.builder.details
    assert [row.pair.editors["en"].toPlainText() for row in details.objective_rows] == [
        "Agree on the next steps."
    ]
    details.add_objective_button.click()
    settle(window)
    assert len(details.objective_rows) == 2
    new = details.objective_rows[1]
    assert new.number.text() == "2."
    new.pair.editors["en"].setPlainText("Secure support for the alliance.")
    settle(window)
    new.pair.commit()
    settle(window)
    assert "French: missing" in details.objective_rows[1].pair.status.text()
    details.objective_rows[1].pair.editors["fr"].setPlainText("Obtenir le soutien à l’alliance.")
    settle(window)
    details.objective_rows[1].pair.commit()
    settle(window)
    assert stored(window).objectives[1][1].states["fr"] is TranslationState.TRANSLATED
    assert "translated" in details.objective_rows[1].pair.status.text()
    details.objective_rows[1].up.click()
    settle(window)
    assert objective_texts(window) == ["Secure support for the alliance.", "Agree on the next steps."]
    assert details.objective_rows[0].pair.editors["fr"].toPlainText() == "Obtenir le soutien à l’alliance."
    assert not details.objective_rows[0].up.isEnabled()
    details.objective_rows[1].delete.click()
    settle(window)
    assert objective_texts(window) == ["Secure support for the alliance."]
    window.builder.update_preview()
    settle(window)
    assert "Secure support for the alliance." in window.builder.preview.toPlainText()
    window.undo_action.trigger()
    settle(window)
    assert objective_texts(window) == ["Secure support for the alliance.", "Agree on the next steps."]
    window.undo_action.trigger()
    settle(window)
    assert objective_texts(window) == ["Agree on the next steps.", "Secure support for the alliance."]
    for _ in range(3):
        window.undo_action.trigger()
        settle(window)
    assert objective_texts(window) == ["Agree on the next steps."]
    assert len(details.objective_rows) == 1


def participant_keys(window: MainWindow, slug: str = "jha-test") -> list[str]:
    return [p.key for p in stored(window, slug).participants]


def test_meeting_participants_add_remove_reorder_and_undo(window: MainWindow) -> None:
    open_details(window, "empty-meeting")
    settle(window)
    panel = window.builder.participants
    window.builder.sections.setCurrentWidget(panel)
    settle(window)
    assert panel.list.count() == 0
    assert [panel.choices.itemData(i) for i in range(panel.choices.count())] == ["p-minister", "p-adviser"]
    panel.choices.setCurrentIndex(panel.choices.findData("p-adviser"))
    settle(window)
    panel.add_button.click()
    settle(window)
    panel.add_button.click()
    settle(window)
    assert participant_keys(window, "empty-meeting") == ["p-adviser", "p-minister"]
    assert panel.list.item(1).text() == "Jeanne Exemple — Minister of the Interior — Ministry of the Interior"  # type: ignore[union-attr]
    assert panel.choices.count() == 0 and not panel.add_button.isEnabled()
    panel.list.setCurrentRow(1)
    settle(window)
    panel.up_button.click()
    settle(window)
    assert participant_keys(window, "empty-meeting") == ["p-minister", "p-adviser"]
    assert panel.current_key() == "p-minister"
    panel.list.setCurrentRow(1)
    settle(window)
    panel.remove_button.click()
    settle(window)
    assert participant_keys(window, "empty-meeting") == ["p-minister"]
    window.undo_action.trigger()
    settle(window)
    window.undo_action.trigger()
    settle(window)
    assert participant_keys(window, "empty-meeting") == ["p-adviser", "p-minister"]
    window.undo_action.trigger()
    settle(window)
    window.undo_action.trigger()
    settle(window)
    assert participant_keys(window, "empty-meeting") == []
    assert panel.list.count() == 0


def test_the_new_panels_in_french(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_details(window)
    settle(window)
    window.topic_editor.show_topic("drug-trafficking")
    settle(window)
    window.french_action.trigger()
    settle(window)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    builder, details = window.builder, window.builder.details
    assert [builder.sections.tabText(i) for i in range(3)] == ["Ordre du jour", "Détails", "Participants"]
    assert builder.rename_agenda_button.text() == "Renommer…"
    assert details.objectives_box.title() == "Objectifs de la réunion"
    assert details.kind.currentText() == "Conseil"
    assert details.title_pair.status.text() == "Français\u00a0: traduit, non relu"
    details.ends.set_value_by_user(dt.date(2024, 6, 1))
    settle(window)
    assert details.date_error.text() == (
        "La réunion ne peut pas finir avant de commencer\u00a0: choisissez un dernier jour le jeudi 13 juin 2024 "
        "ou après."
    )
    details.ends.set_value_by_user(None)
    settle(window)
    assert details.ends.text() == "Sans date"
    editor = window.topic_editor
    assert editor.reviewed_today.text() == "Relu aujourd’hui"
    assert (
        editor.sources.placeholderText()
        == "Séparés par des points-virgules\u00a0: ST 10270/24\u202f; COM(2024) 64"
    )
    editor.delete_button.click()
    settle(window)
    box = editor.findChild(QMessageBox, "confirmBox")
    assert box is not None
    assert box.text().startswith(
        "Supprimer le sujet «\u202fTrafic de drogue et criminalité organisée\u202f» avec 7 éléments\u202f?"
    )
    box.reject()
    settle(window)
    assert (
        window.participants.details.title()
        == "Choisissez un participant pour modifier sa fonction et sa biographie"
    )
    window.english_action.trigger()
    settle(window)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)
    assert details.ends.text() == "No date"
