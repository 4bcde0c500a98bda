"""Translation suggestions in the topic editor and the meeting details: offered for missing French, used only
on a click, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.gui.text_pair import TextPair
from briefing.model import ItemKind, TextStatus
from briefing.model.enums import TranslationState
from briefing.operations import Created, add_item
from tests.gui.settle import settle

ENGLISH = "Security in the ports is a shared responsibility."
FRENCH = "La sécurité des ports est une responsabilité partagée."  # dt-ltt-1: "Security in ports is …"


def new_background(window: MainWindow, english: str = ENGLISH) -> TextPair:
    window.library_panel.select_topic("drug-trafficking")
    settle(window)  # the topic is read on the background task
    change = window.runner.run(
        "Add item", lambda: add_item(window.library, "drug-trafficking", ItemKind.BACKGROUND, {"en": english})
    )
    assert isinstance(change, Created)
    settle(window)
    return window.topic_editor.frames[change.key].pairs[0]


def click(button: QAbstractButton, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not button.rect().isEmpty(), timeout=2000)  # laid out (after a language change)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_suggestions(pair: TextPair, qtbot: QtBot) -> None:
    panel = pair.suggestions
    assert panel is not None and panel.isVisibleTo(pair)
    assert panel.suggestions is None  # nothing is looked up until asked
    click(panel.toggle, qtbot)
    qtbot.waitUntil(lambda: panel.suggestions is not None, timeout=5000)


def stored_french(window: MainWindow, block_id: int) -> tuple[str | None, TextStatus | None]:
    with window.library.unit_of_work() as uow:
        block = uow.texts.get(block_id)
        assert block is not None
        row = block.translations.get("fr")
        return (row.text, row.status) if row is not None else (None, None)


def test_a_text_without_french_is_offered_the_french_of_a_similar_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    pair = new_background(window)
    assert pair.state is TranslationState.MISSING
    open_suggestions(pair, qtbot)
    panel = pair.suggestions
    assert panel is not None and panel.rows
    best = panel.rows[0]
    assert best.french.text() == FRENCH
    assert best.score.text() == "93%"  # 7 of the words in order, out of 8 and 7
    assert "Security in ports is a shared responsibility." in best.use.toolTip()
    assert pair.editors["fr"].toPlainText() == ""  # offered, not applied
    assert stored_french(window, pair.view.block_id) == (None, None)

    undo_count = window.undo_stack.count()
    click(best.use, qtbot)
    settle(window)
    pair = window.topic_editor.pairs[pair.view.block_id]
    assert pair.editors["fr"].toPlainText() == FRENCH
    assert pair.state is TranslationState.DRAFT
    assert pair.status.text() == "French: draft"
    assert stored_french(window, pair.view.block_id) == (FRENCH, TextStatus.DRAFT)
    assert window.undo_stack.count() == undo_count + 1
    assert window.undo_stack.undoText() == "Use suggestion"
    assert pair.suggestions is not None and not pair.suggestions.isVisibleTo(pair)  # the French is there now

    window.undo_action.trigger()
    settle(window)
    pair = window.topic_editor.pairs[pair.view.block_id]
    assert pair.editors["fr"].toPlainText() == ""
    assert pair.state is TranslationState.MISSING
    assert stored_french(window, pair.view.block_id) == (None, None)
    assert pair.suggestions is not None and pair.suggestions.isVisibleTo(pair)


def test_translated_texts_offer_nothing_and_unlike_texts_find_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.library_panel.select_topic("drug-trafficking")
    settle(window)
    translated = window.topic_editor.frames["dt-ltt-1"].pairs[0]
    assert translated.suggestions is not None and not translated.suggestions.isVisibleTo(translated)
    french_first = None
    window.library_panel.select_topic("programme-fr")
    settle(window)
    french_first = window.topic_editor.frames["pf-bg-1"].pairs[0]
    assert french_first.suggestions is not None and not french_first.suggestions.isVisibleTo(french_first)

    pair = new_background(window, "Visa reciprocity with third countries remains unresolved.")
    open_suggestions(pair, qtbot)
    assert pair.suggestions is not None and pair.suggestions.rows == []
    assert pair.suggestions.message.text() == "No similar text in the library has a French translation."


def test_stale_french_is_offered_suggestions_that_follow_the_english(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.library_panel.select_topic("drug-trafficking")
    settle(window)
    pair = window.topic_editor.frames["dt-fact-1"].pairs[0]
    pair.editors["en"].setPlainText("Security in ports is a shared responsibility of all.")
    pair.commit()
    settle(window)
    pair = window.topic_editor.frames["dt-fact-1"].pairs[0]
    assert pair.state is TranslationState.STALE
    open_suggestions(pair, qtbot)
    panel = pair.suggestions
    assert panel is not None and panel.rows[0].french.text() == FRENCH
    new_english = "Half of the networks traffic drugs and smuggle migrants at sea."
    pair.editors["en"].setPlainText(new_english)
    pair.commit()
    qtbot.waitUntil(lambda: panel.english == new_english, timeout=5000)  # the open panel looks again
    qtbot.waitUntil(lambda: panel.suggestions is not None, timeout=5000)
    assert all(row.french.text() != FRENCH for row in panel.rows)


def test_suggestions_in_french(window: MainWindow, qtbot: QtBot) -> None:
    pair = new_background(window)
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    open_suggestions(pair, qtbot)
    panel = pair.suggestions
    assert panel is not None
    assert panel.toggle.text() == "Suggestions"
    row = panel.rows[0]
    assert row.score.text() == "93\u202f%"
    assert row.use.text() == "Utiliser"
    assert "Traduction de\u00a0: Security in ports" in row.use.toolTip()
    window.english_action.trigger()
    qtbot.waitUntil(lambda: row.score.text() == "93%", timeout=2000)
    assert row.use.text() == "Use"


def test_an_objective_without_french_is_offered_a_suggestion_used_as_a_draft_and_undone(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentWidget(window.builder)
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
    window.builder.sections.setCurrentIndex(1)
    settle(window)
    details = window.builder.details
    assert details.location_pair.suggestions is None  # a place name is not translated from the library
    details.add_objective_button.click()
    settle(window)
    pair = details.objective_rows[-1].pair
    pair.editors["en"].setPlainText(ENGLISH)
    pair.commit()
    settle(window)
    pair = details.objective_rows[-1].pair
    block_id = pair.view.block_id
    assert pair.state is TranslationState.MISSING
    open_suggestions(pair, qtbot)
    panel = pair.suggestions
    assert panel is not None and panel.rows
    best = panel.rows[0]
    assert best.french.text() == FRENCH
    assert pair.editors["fr"].toPlainText() == ""  # offered, not applied
    assert stored_french(window, block_id) == (None, None)

    undo_count = window.undo_stack.count()
    click(best.use, qtbot)
    settle(window)
    pair = details.objective_rows[-1].pair
    assert pair.editors["fr"].toPlainText() == FRENCH
    assert pair.state is TranslationState.DRAFT
    assert pair.status.text() == "French: draft"
    assert stored_french(window, block_id) == (FRENCH, TextStatus.DRAFT)
    assert window.undo_stack.count() == undo_count + 1
    assert window.undo_stack.undoText() == "Use suggestion"
    assert pair.suggestions is not None and not pair.suggestions.isVisibleTo(pair)

    window.undo_action.trigger()
    settle(window)
    pair = details.objective_rows[-1].pair
    assert pair.editors["fr"].toPlainText() == ""
    assert pair.state is TranslationState.MISSING
    assert stored_french(window, block_id) == (None, None)
    assert pair.suggestions is not None and pair.suggestions.isVisibleTo(pair)
    assert window.undo_stack.undoText() == "Edit objective"  # the English stays


def test_a_meeting_title_whose_french_is_stale_is_offered_suggestions(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentWidget(window.builder)
    settle(window)
    window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
    window.builder.sections.setCurrentIndex(1)
    settle(window)
    title = window.builder.details.title_pair
    assert title.suggestions is not None and not title.suggestions.isVisibleTo(title)  # translated
    title.editors["en"].setPlainText(ENGLISH)
    title.commit()
    settle(window)
    title = window.builder.details.title_pair
    assert title.state is TranslationState.STALE
    open_suggestions(title, qtbot)
    assert title.suggestions is not None and title.suggestions.rows[0].french.text() == FRENCH
    click(title.suggestions.rows[0].use, qtbot)
    settle(window)
    assert title.editors["fr"].toPlainText() == FRENCH
    assert title.state is TranslationState.DRAFT
    assert window.undo_stack.undoText() == "Use suggestion"
