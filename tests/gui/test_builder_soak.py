"""A soak of the real meeting builder on the demo library: thousands of mouse clicks on the checkboxes of items
and topic headings, agenda moves and language switches in one process. The app must stay alive (no "none_dealloc" abort) and the library must hold the final state."""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.interchange.demo.builder import create_demo_library
from briefing.operations.queries import agenda
from briefing.operations.selection import selection_rows
from briefing.store import Library
from tests.gui.agenda_rows import (
    agenda_count,
    agenda_index,
    all_item_rows,
    children,
    click_check,
    ids_of,
    is_checked,
    topic_indexes,
)
from tests.gui.settle import settle

MEETING = "jha-council-2024-06"
TOGGLES = int(os.environ.get("BRIEFING_SOAK_CLICKS", "2000"))
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


def headings(window: MainWindow) -> list[QModelIndex]:
    return [topic for n in range(agenda_count(window)) for topic in topic_indexes(window, n)]


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
    switch_every = max(1, TOGGLES // SWITCHES)
    move_every = max(1, TOGGLES // MOVES)
    for step in range(TOGGLES):
        if step % 10 == 0:  # a topic heading: all its items go in (or out, when all are in)
            row = rng.choice([h for h in headings(window) if children(window, h)])
            rows = children(window, row)
            on = not all(is_checked(r) for r in rows)
            keys = [ids_of(r) for r in rows]
        else:
            row = rng.choice(all_item_rows(window))
            on = not is_checked(row)
            keys = [ids_of(row)]
        before = window.undo_stack.count()
        click_check(qtbot, builder.agenda, row)
        qtbot.waitUntil(lambda before=before: window.undo_stack.count() > before, timeout=5000)
        expected.update(dict.fromkeys(keys, on))
        if step % move_every == 0:
            builder.agenda.setCurrentIndex(agenda_index(window, rng.randrange(agenda_count(window))))
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
    shown = {ids_of(r): is_checked(r) for r in all_item_rows(window)}
    assert shown == stored
    assert sys.getrefcount(None) >= none_refs - 100
