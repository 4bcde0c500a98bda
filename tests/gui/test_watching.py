"""A colleague's commit reaches the panels as a change from outside; this window's own edits do not echo back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from briefing.gui.changes import Changes
from briefing.gui.runner import Runner
from briefing.gui.watching import EXTERNAL, LibraryWatch
from briefing.operations import set_text
from briefing.store import Library


@pytest.fixture
def colleague(sample_library: Library, library_path: Path) -> Iterator[Library]:
    other = Library.open(library_path)
    yield other
    other.close()


@pytest.fixture
def watch(qtbot: QtBot, sample_library: Library) -> Iterator[LibraryWatch]:
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = Runner(sample_library, QUndoStack(window), window, lambda: "en")
    watching = LibraryWatch(runner, interval_ms=50)
    qtbot.waitUntil(lambda: watching._watcher is not None, timeout=5000)
    yield watching
    watching.stop()
    runner.background.stop()


def block_of(library: Library) -> int:
    with library.reading() as uow:
        body = uow.items.require("dt-ltt-1").body_id
        assert body is not None
        return body


def test_a_colleagues_commit_is_heard_as_an_outside_change(
    qtbot: QtBot, watch: LibraryWatch, colleague: Library
) -> None:
    heard: list[tuple[Changes, object]] = []
    watch.runner.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    set_text(colleague, block_of(colleague), "en", "A colleague's wording.")
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    changes, initiator = heard[0]
    assert initiator == EXTERNAL
    assert changes.about("text", 1) and changes.about(
        "topic", "drug-trafficking"
    )  # anything may have changed
    qtbot.wait(300)
    assert len(heard) == 1  # heard once


def test_own_edits_are_not_heard_again(qtbot: QtBot, watch: LibraryWatch) -> None:
    runner = watch.runner
    block = block_of(runner.library)
    shown = "Security in ports is a shared responsibility."
    for n in range(3):
        assert runner.run_text("Edit text", block, "en", f"My wording {n}.", based_on=shown) is not None
        shown = f"My wording {n}."
    with runner.library.reading() as uow:
        assert uow.texts.require_id(block).text("en") == "My wording 2."
    qtbot.wait(400)
    assert watch.heard == 0
