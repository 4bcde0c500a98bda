"""A colleague saved the same text first: the merge dialog shows both versions and nothing is lost.

Two libraries are opened on one SQLite file, as two copies of the app would; the runner saves through the real
operations and the dialog is driven through its real buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from briefing.gui.changes import Changes
from briefing.gui.conflict_dialog import ConflictDialog
from briefing.gui.runner import Runner
from briefing.operations import set_text
from briefing.store import Library

ORIGINAL = "Security in ports is a shared responsibility."
THEIRS = "Ports are the front line."
MINE = "Port security is shared by all."


@pytest.fixture
def colleague(sample_library: Library, library_path: Path) -> Iterator[Library]:
    other = Library.open(library_path)
    yield other
    other.close()


@pytest.fixture
def runner(qtbot: QtBot, sample_library: Library) -> Runner:
    window = QMainWindow()
    qtbot.addWidget(window)
    return Runner(sample_library, QUndoStack(window), window, lambda: "en")


def block_of(library: Library) -> int:
    with library.unit_of_work() as uow:
        body = uow.items.require("dt-ltt-1").body_id
        assert body is not None
        return body


def stored(library: Library, block: int) -> str | None:
    with library.unit_of_work() as uow:
        return uow.texts.require_id(block).text("en")


def clash(runner: Runner, colleague: Library) -> tuple[int, ConflictDialog]:
    block = block_of(colleague)
    set_text(colleague, block, "en", THEIRS, based_on=ORIGINAL)
    assert runner.run_text("Edit text", block, "en", MINE, ORIGINAL) is None
    dialog = runner.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    return block, dialog


def test_both_versions_are_shown_and_nothing_is_overwritten(runner: Runner, colleague: Library) -> None:
    block, dialog = clash(runner, colleague)
    assert dialog.theirs.toPlainText() == THEIRS and dialog.theirs.isReadOnly()
    assert dialog.mine.toPlainText() == MINE and not dialog.mine.isReadOnly()
    assert stored(colleague, block) == THEIRS
    assert runner.stack.count() == 0


def test_an_edited_merge_is_saved_on_top_of_their_version(
    qtbot: QtBot, runner: Runner, colleague: Library
) -> None:
    block, dialog = clash(runner, colleague)
    assert not dialog.save_merged.isEnabled()
    merged = "Ports are the front line; their security is shared by all."
    dialog.mine.setPlainText(merged)
    assert dialog.save_merged.isEnabled() and not dialog.keep_mine.isEnabled()
    dialog.save_merged.click()
    assert stored(colleague, block) == merged
    assert runner.stack.count() == 1  # the merge is one undo step
    runner.stack.undo()
    assert stored(colleague, block) == THEIRS  # undo goes back to their version, not to the original


def test_keeping_mine_saves_mine(runner: Runner, colleague: Library) -> None:
    block, dialog = clash(runner, colleague)
    dialog.keep_mine.click()
    assert stored(colleague, block) == MINE


def test_keeping_theirs_writes_nothing_and_tells_the_panels(
    qtbot: QtBot, runner: Runner, colleague: Library
) -> None:
    block, dialog = clash(runner, colleague)
    with qtbot.waitSignal(runner.changed, timeout=2000) as heard:
        dialog.keep_theirs.click()
    changes = heard.args[0]
    assert isinstance(changes, Changes) and changes.about("text", block)
    assert stored(colleague, block) == THEIRS
    assert runner.stack.count() == 0


def test_closing_the_dialog_writes_nothing(runner: Runner, colleague: Library) -> None:
    block, dialog = clash(runner, colleague)
    dialog.reject()
    assert stored(colleague, block) == THEIRS
    assert runner.stack.count() == 0


def test_the_dialog_speaks_french(qtbot: QtBot, runner: Runner, colleague: Library, language: object) -> None:
    from briefing.gui.language import UiLanguage

    assert isinstance(language, UiLanguage)
    language.set("fr")
    _, dialog = clash(runner, colleague)
    assert dialog.windowTitle() == "Quelqu’un d’autre a modifié ce texte"
    assert dialog.keep_theirs.text() == "Garder la &leur"
