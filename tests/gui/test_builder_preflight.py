"""The meeting builder as an adviser uses it: French markers, context menus, warnings, preflight that opens the
box needing work, and a preview that follows the pack and the agenda item worked on (real widgets, offscreen)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.agenda_model import AGENDA_ROLE, FRENCH_ROLE
from briefing.gui.main_window import MainWindow
from briefing.gui.preflight_panel import SEVERITY_COLOURS, Line
from tests.gui.agenda_rows import agenda_index, all_item_rows, item_key
from tests.gui.settle import settle
from tests.gui.test_meeting_builder import agenda_rows, check, checked_keys, open_builder, row_for

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.selection import PackSelection
    from briefing.store import Library


def row_colour(index: QModelIndex) -> str:
    return str(index.data(Qt.ItemDataRole.ForegroundRole).color().name())


def test_agenda_marks_items_whose_french_is_missing(window: MainWindow, qtbot: QtBot) -> None:
    open_builder(window, qtbot)
    rows = all_item_rows(window)
    tip = Qt.ItemDataRole.ToolTipRole
    missing = [row for row in rows if row.data(FRENCH_ROLE) == "missing"]
    done = [row for row in rows if row.data(FRENCH_ROLE) == ""]
    assert missing and done
    assert all(str(row.data()).startswith("⚠ [") for row in missing)
    assert all(str(row.data(tip)).endswith("\n⚠ no French") for row in missing)
    assert all("⚠" not in str(row.data()) + str(row.data(tip)) for row in done)
    assert row_colour(missing[0]) == "#b00020"
    assert "›" not in str(missing[0].data(tip))  # the tooltip names the topic's title, not keys


def test_preflight_shows_severity_by_icon_and_colour_and_the_double_click_lands_in_the_french_box(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    builder.mode.setCurrentIndex(builder.mode.findData("fr"))
    settle(window)
    panel = builder.preflight
    target = next(i for i, line in enumerate(panel.lines) if line.item_key and line.lang == "fr")
    line = panel.lines[target]
    row = panel.list.topLevelItem(target)
    assert row is not None
    assert not row.icon(0).isNull()
    assert row.foreground(0).color().name() == SEVERITY_COLOURS[line.severity]
    assert row.toolTip(2) == line.message
    assert panel.list.header().stretchLastSection()
    window.activateWindow()
    panel.list.itemDoubleClicked.emit(row, 0)
    assert window.tabs.currentWidget() is window.topic_editor
    settle(window)  # the topic is read on the background task; the cursor lands once its frames are built
    frame = window.topic_editor.frames[str(line.item_key)]
    assert frame.lineWidth() == 3  # highlighted
    boxes = [pair.editors["fr"] for pair in frame.pairs]
    qtbot.waitUntil(lambda: QApplication.focusWidget() in boxes, timeout=5000)
    focused = QApplication.focusWidget()
    pair = next(p for p in frame.pairs if p.editors["fr"] is focused)
    assert pair.view.states["fr"].value in ("missing", "stale", "draft")


def test_context_menu_leaves_an_item_out_and_undo_keeps_the_row_selected(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    row = row_for(window, "dt-qa-1")
    menu = builder.agenda_menu(row)
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "Leave out of the pack"
    assert "Mark French reviewed" in texts and "Open in the topic editor" in texts
    assert "Remove topic “Drug trafficking and organised crime” from this agenda item" in texts
    before = window.undo_stack.count()
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == before + 1, timeout=2000)
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-bg-1"]
    window.undo_action.trigger()
    settle(window)
    assert checked_keys(window) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    assert item_key(builder.agenda.currentIndex()) == "dt-qa-1"
    node_menu = builder.agenda_menu(agenda_index(window, 0))
    assert node_menu is not None
    assert [a.text() for a in node_menu.actions()] == [
        "Rename…",
        "Move up",
        "Move down",
        "",
        "Remove agenda item",
    ]


def test_mark_french_reviewed_from_the_context_menu_is_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    row = next(r for r in all_item_rows(window) if r.data(FRENCH_ROLE) == "")
    menu = builder.agenda_menu(row)
    assert menu is not None
    review = next(a for a in menu.actions() if a.objectName() == "markFrenchReviewed")
    assert review.isEnabled()
    before = window.undo_stack.count()
    review.trigger()
    settle(window)
    assert window.undo_stack.count() == before + 1
    assert window.undo_stack.undoText() == "Mark French reviewed"
    missing = next(r for r in all_item_rows(window) if r.data(FRENCH_ROLE) == "missing")
    menu = builder.agenda_menu(missing)
    assert menu is not None
    assert not next(a for a in menu.actions() if a.objectName() == "markFrenchReviewed").isEnabled()


def test_a_topic_dropped_on_a_second_agenda_item_is_added_with_a_warning(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    second = agenda_index(window, 1)
    rows_before = len(agenda_rows(window, 1))
    builder.drop_topics(int(second.data(AGENDA_ROLE)), ["drug-trafficking"])
    settle(window)
    assert builder.notice.isVisible()
    assert builder.notice.text() == (
        "“Drug trafficking and organised crime” is already on agenda item 1, “Drug trafficking”: "
        "it will be in the pack twice."
    )
    assert len(agenda_rows(window, 1)) == rows_before + len(agenda_rows(window, 0))  # added all the same
    window.undo_action.trigger()
    settle(window)
    assert len(agenda_rows(window, 1)) == rows_before
    first = agenda_index(window, 0)
    builder.drop_topics(int(first.data(AGENDA_ROLE)), ["drug-trafficking"])
    assert not builder.notice.isVisible()


def test_preview_shows_page_breaks_and_pages_and_scrolls_to_the_agenda_item_clicked(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    text = builder.preview.toPlainText()
    assert "page break" in text
    assert builder.live.pages_text.startswith("About ") and builder.live.pages_text in text
    assert "Programme" in text
    bar = builder.preview.verticalScrollBar()
    assert bar.maximum() > 0
    builder.agenda.setCurrentIndex(agenda_index(window, 1))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    lower = bar.value()
    builder.agenda.setCurrentIndex(agenda_index(window, 0))
    qtbot.waitUntil(lambda: 0 < bar.value() < lower, timeout=2000)


def test_one_read_of_the_selection_feeds_the_agenda_the_preview_and_preflight(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.gui import preview

    open_builder(window, qtbot)
    builder = window.builder
    read: list[PackSelection] = []
    checked: list[PackSelection] = []
    real_read, real_lines = preview.read_selection, preview.lines_of

    def counting_read(library: Library, meeting: int | str) -> PackSelection:
        read.append(real_read(library, meeting))
        return read[-1]

    def recording_lines(selection: PackSelection, request: PackRequest, lang: str) -> list[Line]:
        checked.append(selection)
        return real_lines(selection, request, lang)

    monkeypatch.setattr(preview, "read_selection", counting_read)
    monkeypatch.setattr(preview, "lines_of", recording_lines)
    check(window, qtbot, "dt-press-1", True)
    settle(window)
    assert len(read) == 1  # one read for the agenda, the preview and preflight
    assert len(checked) == 1 and checked[0] is read[0] is builder.live.selection
    assert "Europe stands together against organised crime." in builder.preview.toPlainText()
    assert "dt-press-1" in [item_key(r) for r in all_item_rows(window)]


def test_a_long_pack_is_assembled_only_around_the_agenda_item_worked_on(
    window: MainWindow, qtbot: QtBot
) -> None:
    from briefing.assemble import PackRequest
    from briefing.gui.preview import part_bounds, render_part

    open_builder(window, qtbot)
    selection = window.builder.live.selection
    assert selection is not None
    request = PackRequest("jha-test", "en", "internal", allow_missing=True)
    whole = render_part(selection, request, None)
    assert whole.window is None and "Programme" in whole.html
    assert part_bounds([5, 5, 5, 5, 5], 2, budget=12) == (2, 3)  # forwards first, then backwards
    assert part_bounds([30, 1, 1], 0, budget=12) == (0, 0)
    agenda = tuple(
        dataclasses.replace(item, number=n, id=1000 + n)
        for n, item in enumerate(selection.agenda * 30, start=1)
    )
    long = dataclasses.replace(selection, agenda=agenda)
    part = render_part(long, request, 31)
    assert part.window is not None and part.window.total == 60
    assert part.window.first <= 31 <= part.window.last and part.window.last - part.window.first < 59
    assert "Agenda item 31" in part.html and "Agenda item 1 " not in part.html
    assert part.pages > whole.pages


def test_switching_the_interface_language_rewords_preflight_without_reading_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_builder(window, qtbot)
    builder = window.builder
    before, english = builder.live.selection, builder.preflight.lines
    assert "No objective for this agenda item." in [line.message for line in english]
    window.french_action.trigger()
    settle(window)
    assert builder.live.selection is before  # the same snapshot, worded again
    french = builder.preflight.lines
    assert len(french) == len(english)
    assert "No objective for this agenda item." not in [line.message for line in french]
    header = builder.preflight.list.headerItem()
    assert header is not None and header.text(2) != "Finding"
    row = builder.preflight.list.topLevelItem(0)
    assert row is not None and row.text(0) in ("Bloquant", "Avertissement", "Information")
