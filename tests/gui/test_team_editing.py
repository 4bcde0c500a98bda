"""Two copies of the app on one library: a colleague's save reaches the open topic, and typing is never lost.

The colleague is a second library opened on the same SQLite file (as a second window, or a colleague on a
shared server, would be); this window's watch is made to ask often so the test need not wait two seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from briefing.gui.conflict_dialog import ConflictDialog
from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.interchange.library_json import import_document, validate
from briefing.operations import set_text
from briefing.store import Library
from tests.gui.settle import settle
from tests.gui.test_startup import tree_titles
from tests.gui.test_topic_editor import open_topic, pair_of, stored_text

ORIGINAL = "Security in ports is a shared responsibility."
THEIRS = "Ports are the front line."


@pytest.fixture
def colleague(window: MainWindow, library_path: Path) -> Iterator[Library]:
    window.watch.timer.setInterval(50)
    other = Library.open(library_path)
    yield other
    other.close()


def block_of(library: Library, item_key: str = "dt-ltt-1") -> int:
    with library.reading() as uow:
        body = uow.items.require(item_key).body_id
        assert body is not None
        return body


def test_a_colleagues_save_appears_in_the_open_topic(
    window: MainWindow, qtbot: QtBot, colleague: Library
) -> None:
    open_topic(window)
    box = pair_of(window, "dt-ltt-1").editors["en"]
    assert box.toPlainText() == ORIGINAL
    frames = dict(window.topic_editor.frames)
    set_text(colleague, block_of(colleague), "en", THEIRS)
    qtbot.waitUntil(lambda: pair_of(window, "dt-ltt-1").editors["en"].toPlainText() == THEIRS, timeout=10_000)
    assert window.topic_editor.frames == frames  # updated in place: the editor was not rebuilt
    assert window.watch.heard >= 1
    assert window.topic_editor.last_change.text().startswith("Last changed by ")


def test_typing_during_a_colleagues_save_is_kept_and_merged(
    window: MainWindow, qtbot: QtBot, colleague: Library
) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    box = pair.editors["en"]
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Mine.")  # typed, not yet saved
    set_text(colleague, block_of(colleague), "en", THEIRS)
    qtbot.waitUntil(lambda: window.watch.heard >= 1, timeout=10_000)
    settle(window)
    assert box.toPlainText() == ORIGINAL + " Mine."  # the colleague's save did not wipe the typing

    pair.commit("en")  # the save the pause in typing would make
    dialog = window.runner.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert dialog.theirs.toPlainText() == THEIRS
    assert dialog.mine.toPlainText() == ORIGINAL + " Mine."
    assert stored_text(window, "dt-ltt-1", "en") == THEIRS  # nothing overwritten yet

    dialog.mine.setPlainText(THEIRS + " Mine.")
    dialog.save_merged.click()
    settle(window)
    assert stored_text(window, "dt-ltt-1", "en") == THEIRS + " Mine."
    qtbot.waitUntil(lambda: box.toPlainText() == THEIRS + " Mine.", timeout=5000)


def test_own_typing_saved_twice_is_no_conflict(window: MainWindow, qtbot: QtBot, colleague: Library) -> None:
    open_topic(window)
    pair = pair_of(window, "dt-ltt-1")
    box = pair.editors["fr"]
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Un.")
    pair.commit("fr")
    qtbot.keyClicks(box, " Deux.")  # saved again before the editor has read the first save back
    pair.commit("fr")
    settle(window)
    assert window.runner.conflict_dialog is None
    assert (stored_text(window, "dt-ltt-1", "fr") or "").endswith(" Un. Deux.")


@pytest.fixture
def team_window(
    qtbot: QtBot, server: URL, sample_document: dict[str, Any], settings: Settings, language: UiLanguage
) -> Iterator[tuple[MainWindow, Library]]:
    """The app on a library shared on the throw-away PostgreSQL server, and a colleague's copy of it."""
    from briefing.interchange.demo.builder import create_demo_library

    mine = Library.open(server)
    create_demo_library(mine, force=True)
    with mine.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    main = MainWindow(mine, settings, language)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle(main)
    main.watch.timer.setInterval(50)
    colleague = Library.open(server)
    yield main, colleague
    main.close()
    colleague.close()
    mine.close()


def test_a_colleagues_new_title_on_the_team_server_reaches_the_tree(
    qtbot: QtBot, team_window: tuple[MainWindow, Library]
) -> None:
    window, colleague = team_window
    assert window.watch._watcher is not None  # started with the window, before its first reads
    with colleague.reading() as uow:
        block = uow.topics.require("drug-trafficking").title_id
    set_text(colleague, block, "en", "Drugs and organised crime (renamed by a colleague)")
    qtbot.waitUntil(
        lambda: "  Drugs and organised crime (renamed by a colleague)" in tree_titles(window), timeout=10_000
    )
    assert window.watch._watcher is not None and window.watch._watcher.listening  # heard through NOTIFY
