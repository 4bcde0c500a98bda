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


def source_views(window: MainWindow) -> list[queries.TextView]:
    return queries.topic_view(window.library, "drug-trafficking").source_texts


def test_the_french_of_the_topics_sources_is_framed_while_missing_and_saved_as_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_topic(window)
    editor = window.topic_editor
    field = editor.sources_fr
    assert field.isEnabled() and field.text() == "ST 10270/24"
    assert field.state() is TranslationState.TRANSLATED and field.styleSheet() == ""
    type_into(qtbot, editor.sources, "ST 10270/24; Joint communiqué, 11 June 2018")
    settle(window)
    assert field.text() == "ST 10270/24; "
    assert field.state() is TranslationState.MISSING and "#b00020" in field.styleSheet()
    assert field.toolTip() == "French: missing"

    steps = window.undo_stack.count()
    type_into(qtbot, field, "ST 10270/24; Communiqué conjoint du 11 juin 2018")
    settle(window)
    assert [view.texts.get("fr") for view in source_views(window)] == [
        "ST 10270/24",
        "Communiqué conjoint du 11 juin 2018",
    ]
    assert window.undo_stack.count() == steps + 1
    assert field.state() is TranslationState.TRANSLATED and field.styleSheet() == ""
    window.undo_stack.undo()
    settle(window)
    assert [view.texts.get("fr") for view in source_views(window)] == ["ST 10270/24", None]
    assert field.text() == "ST 10270/24; "


def test_a_french_list_of_another_length_is_refused_and_nothing_is_written(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_topic(window)
    type_into(qtbot, window.topic_editor.sources_fr, "ST 10270/24; Communiqué conjoint")
    settle(window)
    assert [view.texts.get("fr") for view in source_views(window)] == ["ST 10270/24"]
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert any("one text for each entry, separated by semicolons (1 in all)" in box.text() for box in boxes)


def test_an_actions_owner_and_source_get_their_french_in_the_actions_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    from briefing.gui.actions_table import OWNER, OWNER_FR, SOURCE_FR
    from briefing.operations import update_action

    open_topic(window)
    table = window.topic_editor.actions_table
    headers = [table.table.horizontalHeaderItem(c).text() for c in range(table.table.columnCount())]  # type: ignore[union-attr]
    assert headers[OWNER : OWNER_FR + 1] == ["Owner (EN)", "Owner (FR)"]
    assert headers[SOURCE_FR - 1 : SOURCE_FR + 1] == ["Source (EN)", "Source (FR)"]
    owner, source = table.french_box(0, OWNER_FR), table.french_box(0, SOURCE_FR)
    assert owner is not None and source is not None
    assert (owner.text(), source.text()) == ("Commission", "ST 10270/24")
    assert owner.accessibleName() == "Owner of the action, in French"

    update_action(window.library, "dt-act-1", owner="European Commission")
    window.topic_editor.show_topic("drug-trafficking")
    settle(window)
    owner = table.french_box(0, OWNER_FR)
    assert owner is not None and owner.state() is TranslationState.STALE and "#b35c00" in owner.styleSheet()

    steps = window.undo_stack.count()
    type_into(qtbot, owner, "Commission européenne")
    settle(window)
    action = queries.topic_view(window.library, "drug-trafficking").actions[0]
    assert action.owner_text is not None and action.owner_text.texts["fr"] == "Commission européenne"
    assert action.owner_text.states["fr"] is TranslationState.TRANSLATED
    assert window.undo_stack.count() == steps + 1
    source = table.french_box(0, SOURCE_FR)
    assert source is not None
    type_into(qtbot, source, "ST 10270/24 (FR)")
    settle(window)
    action = queries.topic_view(window.library, "drug-trafficking").actions[0]
    assert action.source_text is not None and action.source_text.texts["fr"] == "ST 10270/24 (FR)"
    window.undo_stack.undo()
    window.undo_stack.undo()
    settle(window)
    action = queries.topic_view(window.library, "drug-trafficking").actions[0]
    assert action.owner_text is not None and action.owner_text.texts["fr"] == "Commission"
    assert action.source_text is not None and action.source_text.texts["fr"] == "ST 10270/24"
    owner = table.french_box(0, OWNER_FR)
    assert owner is not None and owner.text() == "Commission"


def test_the_french_boxes_and_their_labels_speak_french(window: MainWindow, qtbot: QtBot) -> None:
    from briefing.gui.actions_table import OWNER_FR, SOURCE_FR

    open_topic(window)
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    settle(window)
    editor = window.topic_editor
    assert editor.owner_label.text() == "Responsable (EN / FR)"
    assert editor.sources_label.text() == "Sources (EN / FR)"
    assert editor.sources_fr.placeholderText() == "Français, séparés par des points-virgules"
    table = editor.actions_table
    assert table.table.horizontalHeaderItem(OWNER_FR).text() == "Responsable (FR)"  # type: ignore[union-attr]
    assert table.table.horizontalHeaderItem(SOURCE_FR).text() == "Source (FR)"  # type: ignore[union-attr]
    source = table.french_box(0, SOURCE_FR)
    assert source is not None and source.accessibleName() == "Source de l’action, en français"
