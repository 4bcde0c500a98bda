"""The Texts tab: every text in a sortable, filterable table; bulk edits are one undoable step each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing.defaults import review_overdue
from briefing.gui.main_window import MainWindow
from briefing.gui.texts_table import OWNER, REVIEWED, ROW_ROLE, STATE, TextsPanel
from briefing.model.enums import Marking, TranslationState
from tests.gui.settle import settle


def open_texts(window: MainWindow) -> TextsPanel:
    window.tabs.setCurrentWidget(window.texts)
    settle(window)
    assert window.texts.rows
    return window.texts


def shown(panel: TextsPanel, column: int) -> list[str]:
    return [str(panel.proxy.index(r, column).data()) for r in range(panel.proxy.rowCount())]


def keys_shown(panel: TextsPanel) -> list[tuple[str, str]]:
    rows = [panel.rows[int(panel.proxy.index(r, 0).data(ROW_ROLE))] for r in range(panel.proxy.rowCount())]
    return [(row.topic_key, row.item_key) for row in rows]


def test_every_text_is_listed_and_filters_narrow_the_list(window: MainWindow) -> None:
    panel = open_texts(window)
    assert ("drug-trafficking", "") in keys_shown(panel)  # the title
    assert ("drug-trafficking", "dt-ltt-1") in keys_shown(panel)
    total = panel.proxy.rowCount()
    assert panel.count.text() == f"{total} of {total} texts"
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("missing"))
    assert set(shown(panel, STATE)) == {"missing"}
    assert ("drug-trafficking", "dt-press-1") in keys_shown(panel)
    panel.state_filter.setCurrentIndex(0)
    panel.filter_text.setText("securite des ports")  # accents aside
    assert keys_shown(panel) == [("drug-trafficking", "dt-ltt-1")]
    panel.filter_text.clear()
    panel.overdue.setChecked(True)  # the shared review-age rule: never reviewed, or too long ago
    expected = {row.topic_key for row in panel.rows if review_overdue(row.reviewed_on, dt.date.today())}
    assert "programme-fr" in expected
    assert {key for key, _item in keys_shown(panel)} == expected
    assert "Never" in shown(panel, REVIEWED)


def test_sorting_by_state_and_by_review_date(window: MainWindow) -> None:
    panel = open_texts(window)
    panel.table.sortByColumn(STATE, Qt.SortOrder.AscendingOrder)
    states = [
        panel.rows[int(panel.proxy.index(r, 0).data(ROW_ROLE))].state for r in range(panel.proxy.rowCount())
    ]
    assert states[0] is TranslationState.MISSING
    order = [
        TranslationState.MISSING,
        TranslationState.STALE,
        TranslationState.DRAFT,
        TranslationState.TRANSLATED,
        TranslationState.REVIEWED,
        TranslationState.SOURCE,
    ]
    assert [order.index(s) for s in states] == sorted(order.index(s) for s in states)
    panel.table.sortByColumn(REVIEWED, Qt.SortOrder.DescendingOrder)
    assert shown(panel, REVIEWED)[0] == "30 May 2024"
    assert shown(panel, REVIEWED)[-1] == "Never"


def test_bulk_mark_reviewed_set_owner_and_marking_are_one_undo_step_each(window: MainWindow) -> None:
    panel = open_texts(window)
    translated = {row.block_id for row in panel.rows if row.state is TranslationState.TRANSLATED}
    draft = {row.block_id for row in panel.rows if row.state is TranslationState.DRAFT}
    assert len(translated) + len(draft) >= 2
    panel.select_rows(translated | draft)
    assert panel.review_button.isEnabled()
    panel.review_button.click()
    settle(window)
    states = {row.block_id: row.state for row in panel.rows}
    assert all(states[b] is TranslationState.REVIEWED for b in translated | draft)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText().startswith("Mark ")

    panel.select_rows({row.block_id for row in panel.rows if row.topic_key == "programme-fr"})
    panel.set_owner("Unit B.2")
    settle(window)
    assert {row.owner for row in panel.rows if row.topic_key == "programme-fr"} == {"Unit B.2"}
    assert "Unit B.2" in shown(panel, OWNER)

    ltt = next(row for row in panel.rows if row.item_key == "dt-ltt-1")
    panel.select_rows({ltt.block_id})
    panel.set_marking(Marking.RESTREINT_UE)
    settle(window)
    with window.library.unit_of_work() as uow:
        assert uow.items.require("dt-ltt-1").marking is Marking.RESTREINT_UE
    assert window.undo_stack.count() == 3

    for _ in range(3):
        window.undo_action.trigger()
    settle(window)
    with window.library.unit_of_work() as uow:
        assert uow.items.require("dt-ltt-1").marking is None
        assert uow.topics.require("programme-fr").owner != "Unit B.2"
    states = {row.block_id: row.state for row in panel.rows}
    assert all(states[b] is TranslationState.TRANSLATED for b in translated)
    assert all(states[b] is TranslationState.DRAFT for b in draft)


def test_double_click_opens_the_text_in_the_topic_editor(window: MainWindow) -> None:
    panel = open_texts(window)
    ltt = next(row for row in panel.rows if row.item_key == "dt-ltt-1")
    panel.select_rows({ltt.block_id})
    index = panel.table.selectionModel().selectedRows(0)[0]
    panel.table.doubleClicked.emit(index)
    settle(window)
    assert window.tabs.currentWidget() is window.topic_editor
    assert window.topic_editor.view is not None and window.topic_editor.view.key == "drug-trafficking"
    pair = window.topic_editor.frames["dt-ltt-1"].pairs[0]
    assert pair.editors["en"].hasFocus() or window.focusWidget() is pair.editors["en"]


def test_the_texts_tab_in_french(window: MainWindow, qtbot: QtBot) -> None:
    panel = open_texts(window)
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: panel.review_button.text() == "Marquer le français comme relu", timeout=2000)
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == [
        "Sujet",
        "Texte",
        "Anglais",
        "Français",
        "Responsable",
        "Marquage",
        "Dernière relecture",
    ]
    assert "30 mai 2024" in shown(panel, REVIEWED)
    assert "Jamais" in shown(panel, REVIEWED)


def test_bulk_review_leaves_stale_translations_to_the_editor(window: MainWindow) -> None:
    from briefing.operations import set_text

    panel = open_texts(window)
    ltt = next(row for row in panel.rows if row.item_key == "dt-ltt-1")
    window.runner.run("Edit text", lambda: set_text(window.library, ltt.block_id, "en", "Ports first."))
    settle(window)
    stale = next(row for row in panel.rows if row.item_key == "dt-ltt-1")
    assert stale.state is TranslationState.STALE
    panel.select_rows({stale.block_id})
    assert not panel.review_button.isEnabled()  # not without the view of what changed
    translated = next(row for row in panel.rows if row.state is TranslationState.TRANSLATED)
    panel.select_rows({stale.block_id, translated.block_id})
    panel.review_button.click()
    settle(window)
    states = {row.block_id: row.state for row in panel.rows}
    assert states[stale.block_id] is TranslationState.STALE
    assert states[translated.block_id] is TranslationState.REVIEWED
