"""A soak of the real meeting builder on the demo library: thousands of ticks, agenda moves and language switches
in one process. The app must stay alive (no "none_dealloc" abort) and the library must hold the final state."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.meeting_builder import AGENDA_ROLE, ITEM_ROLE
from briefing.gui.settings import Settings
from briefing.interchange.demo.builder import create_demo_library
from briefing.operations.queries import agenda
from briefing.operations.selection import selection_rows
from briefing.store import Library
from tests.gui.settle import settle

MEETING = "jha-council-2024-06"
TOGGLES = 2000
MOVES = 200
SWITCHES = 40


@pytest.fixture
def demo_window(
    qtbot: QtBot, tmp_path: Path, settings: Settings, language: UiLanguage
) -> Iterator[MainWindow]:
    library = Library.open(tmp_path / "library.sqlite")
    create_demo_library(library)
    main = MainWindow(library, settings, language)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    library.close()


def item_rows(window: MainWindow) -> list[QTreeWidgetItem]:
    tree = window.builder.agenda
    rows = []
    for i in range(tree.topLevelItemCount()):
        node = tree.topLevelItem(i)
        assert node is not None
        rows += [node.child(j) for j in range(node.childCount())]  # type: ignore[misc]
    return rows


def test_thousands_of_builder_clicks_keep_the_app_alive_and_the_library_right(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    builder.load()
    settle(window)
    builder.meeting.setCurrentIndex(builder.meeting.findData(MEETING))
    settle(window)
    assert builder.slug == MEETING
    none_refs = sys.getrefcount(None)
    rng = random.Random(20240613)
    expected: dict[tuple[int, int], bool] = {}
    switch_every = TOGGLES // SWITCHES
    move_every = TOGGLES // MOVES
    for step in range(TOGGLES):
        rows = item_rows(window)
        row = rows[rng.randrange(len(rows))]
        key = (int(row.data(0, AGENDA_ROLE)), int(row.data(0, ITEM_ROLE)))
        on = row.checkState(0) != Qt.CheckState.Checked
        before = window.undo_stack.count()
        row.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        qtbot.waitUntil(lambda before=before: window.undo_stack.count() > before, timeout=5000)
        expected[key] = on
        if step % move_every == 0:
            count = builder.agenda.topLevelItemCount()
            builder.agenda.setCurrentItem(builder.agenda.topLevelItem(rng.randrange(count)))
            builder.move_current(rng.choice((-1, 1)))
        if step % switch_every == 0:
            (window.french_action if window.language.code == "en" else window.english_action).trigger()
            QApplication.processEvents()
        if step % 100 == 0:
            builder.update_preview()
    QApplication.processEvents()
    settle(window)  # the last reads and the preview arrive from the background task
    assert window.isVisible()
    assert builder.preview.toPlainText()
    # The library holds what the last clicks asked for, read back through a fresh unit of work.
    stored = {
        (row.agenda_item_id, item.item_id): item.included
        for row in agenda(window.library, MEETING)
        for item in selection_rows(window.library, row.agenda_item_id)
    }
    assert {key: stored[key] for key in expected} == expected
    # And what the tree shows is what the library holds.
    shown = {
        (int(r.data(0, AGENDA_ROLE)), int(r.data(0, ITEM_ROLE))): r.checkState(0) == Qt.CheckState.Checked
        for r in item_rows(window)
    }
    assert shown == stored
    assert sys.getrefcount(None) >= none_refs - 100
