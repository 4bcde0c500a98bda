"""The Participants tab: a participant's function and biography in English and French side by side."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.model.enums import TranslationState
from briefing.operations import queries
from tests.gui.settle import settle


def person(window: MainWindow, key: str) -> queries.ParticipantRow:
    return next(p for p in queries.participants(window.library) if p.key == key)


def choose(window: MainWindow, key: str) -> None:
    table = window.participants
    window.tabs.setCurrentWidget(table)
    settle(window)
    row = next(i for i, p in enumerate(table.rows) if p.key == key)
    table.table.setCurrentCell(row, 0)
    settle(window)
    assert table.person_key == key


def test_function_and_bio_side_by_side_with_their_translation_state(window: MainWindow) -> None:
    table = window.participants
    window.tabs.setCurrentWidget(table)
    settle(window)
    assert not table.details.isEnabled()
    choose(window, "p-adviser")
    settle(window)
    assert table.details.title() == "Function and biography of Karl Muster"
    assert table.function_pair.editors["en"].toPlainText() == "Adviser"
    assert "French: missing" in table.function_pair.status.text()
    assert "French: missing" in table.bio_pair.status.text()
    table.bio_pair.editors["en"].setPlainText("Adviser on migration since 2022.")
    settle(window)
    table.bio_pair.commit()
    settle(window)
    table.bio_pair.editors["fr"].setPlainText("Conseiller pour les migrations depuis 2022.")
    settle(window)
    table.bio_pair.commit()
    settle(window)
    assert person(window, "p-adviser").bio.states["fr"] is TranslationState.TRANSLATED
    assert "translated" in table.bio_pair.status.text()
    choose(window, "p-minister")
    settle(window)
    assert table.function_pair.editors["fr"].toPlainText() == "Ministre de l'Intérieur"
    table.function_pair.editors["en"].setPlainText("Minister of the Interior and Migration")
    settle(window)
    table.function_pair.commit()
    settle(window)
    assert person(window, "p-minister").function.states["fr"] is TranslationState.STALE
    assert "stale" in table.function_pair.status.text()
    assert table.table.item(table.table.currentRow(), 2).text() == "Minister of the Interior and Migration"  # type: ignore[union-attr]
    table.function_pair.changes_button.click()  # marking stale French reviewed is offered with the changes shown
    table.function_pair.review.click()
    settle(window)
    assert person(window, "p-minister").function.states["fr"] is TranslationState.REVIEWED
    for _ in range(4):
        window.undo_action.trigger()
        settle(window)
    assert person(window, "p-minister").function.texts["en"] == "Minister of the Interior"
    assert person(window, "p-adviser").bio.texts == {}
    assert table.function_pair.editors["en"].toPlainText() == "Minister of the Interior"


def test_an_edit_in_the_table_shows_below(window: MainWindow, qtbot: QtBot) -> None:
    choose(window, "p-adviser")
    settle(window)
    table = window.participants
    row = table.table.currentRow()
    table.table.item(row, 3).setText("Conseiller")  # type: ignore[union-attr]
    settle(window)
    assert person(window, "p-adviser").function.texts["fr"] == "Conseiller"
    assert table.function_pair.editors["fr"].toPlainText() == "Conseiller"
    assert "translated" in table.function_pair.status.text()


def test_the_organisation_is_edited_in_french_below_the_table(window: MainWindow) -> None:
    choose(window, "p-minister")
    settle(window)
    table = window.participants
    pair = table.organisation_pair
    assert pair.isEnabled()
    assert pair.editors["en"].toPlainText() == "Ministry of the Interior"
    assert pair.editors["fr"].toPlainText() == "Ministère de l'Intérieur"
    pair.editors["fr"].setPlainText("Ministère de l’Intérieur et des Migrations")
    settle(window)
    pair.commit()
    settle(window)
    organisation = person(window, "p-minister").organisation_text
    assert (
        organisation is not None and organisation.texts["fr"] == "Ministère de l’Intérieur et des Migrations"
    )
    assert organisation.states["fr"] is TranslationState.TRANSLATED
    choose(window, "p-adviser")  # no organisation: nothing to translate
    settle(window)
    assert not table.organisation_pair.isEnabled()
