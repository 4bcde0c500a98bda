"""Reads on the window's background task: results come back on the UI thread, stale ones are dropped, hidden
panels catch up when shown, and a tick updates the agenda in place and then the preview."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.background import Background
from briefing.gui.main_window import MainWindow
from briefing.operations import update_participant
from tests.gui.agenda_rows import click_check, is_checked, row_for
from tests.gui.settle import settle


def test_a_result_is_delivered_on_the_ui_thread_and_a_late_one_is_dropped(qtbot: QtBot) -> None:
    background = Background()
    release = threading.Event()
    threads: list[bool] = []
    delivered: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    def done(result: str) -> None:
        threads.append(QThread.currentThread() is QApplication.instance().thread())  # type: ignore[union-attr]
        delivered.append(result)

    background.query(slow, done, channel="preview")
    background.query(lambda: "new", done, channel="preview")  # the first read is now stale
    release.set()
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert delivered == ["new"]
    assert threads == [True]
    assert background.ran >= 1

    errors: list[Exception] = []
    background.query(lambda: 1 // 0, done, failed=errors.append)
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert [type(e) for e in errors] == [ZeroDivisionError]
    background.stop()
    background.query(lambda: "after", done)  # the window is closing: nothing more is read
    assert not background.busy()
    assert delivered == ["new"]


def test_a_hidden_panel_only_marks_itself_dirty_and_refreshes_when_shown(window: MainWindow) -> None:
    table = window.participants
    window.tabs.setCurrentWidget(table)
    settle(window)
    names = [table.table.item(r, 0).text() for r in range(table.table.rowCount())]  # type: ignore[union-attr]
    assert "Karl Muster" in names
    window.tabs.setCurrentWidget(window.topic_editor)
    ran = window.runner.background.ran
    window.runner.run("Rename", lambda: update_participant(window.library, "p-adviser", name="Karl Beispiel"))
    settle(window)
    assert table.dirty
    assert window.runner.background.ran == ran  # nothing read for a panel nobody sees
    names = [table.table.item(r, 0).text() for r in range(table.table.rowCount())]  # type: ignore[union-attr]
    assert "Karl Muster" in names
    window.tabs.setCurrentWidget(table)
    settle(window)
    assert not table.dirty
    names = [table.table.item(r, 0).text() for r in range(table.table.rowCount())]  # type: ignore[union-attr]
    assert "Karl Beispiel" in names and "Karl Muster" not in names


def test_a_tick_updates_its_agenda_item_in_place_then_the_preview(window: MainWindow, qtbot: QtBot) -> None:
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    settle(window)
    builder.meeting.setCurrentIndex(builder.meeting.findData("jha-test"))
    settle(window)
    model = builder.agenda.model()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    row = row_for(window, "dt-press-1")
    assert not is_checked(row)
    assert "Europe stands together" not in builder.preview.toPlainText()
    shown = builder.live.shown_generation
    click_check(qtbot, builder.agenda, row)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)
    settle(window)
    # the same rows, updated in place: the rest of the agenda was not made again
    assert not resets
    assert is_checked(row_for(window, "dt-press-1"))
    assert builder.live.shown_generation > shown
    assert "Europe stands together against organised crime." in builder.preview.toPlainText()
    window.undo_action.trigger()  # an undo is told to the tree too (its initiator is the undo stack)
    settle(window)
    assert not resets
    assert not is_checked(row_for(window, "dt-press-1"))
    assert "Europe stands together" not in builder.preview.toPlainText()


def test_a_preview_result_that_is_no_longer_current_is_not_shown(window: MainWindow) -> None:
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    settle(window)
    builder.meeting.setCurrentIndex(builder.meeting.findData("jha-test"))
    settle(window)
    shown: list[int] = []
    builder.live.shown.connect(lambda: shown.append(builder.live.shown_generation))
    builder.update_preview()
    first = builder.live.generation
    builder.mode.setCurrentIndex(builder.mode.findData("fr"))  # a newer request before the first arrives
    builder.update_preview()
    settle(window)
    assert first not in shown
    assert shown == [builder.live.generation]
    assert "Point 1 de l’ordre du jour" in builder.preview.toPlainText()


class Freed:
    """Records the thread that frees it."""

    def __init__(self, threads: list[str]) -> None:
        self.threads = threads

    def __del__(self) -> None:
        self.threads.append(threading.current_thread().name)


def test_what_the_window_no_longer_shows_is_freed_on_the_background_thread(qtbot: QtBot) -> None:
    import sys

    background = Background()
    assert sys.getswitchinterval() <= 0.001  # the UI thread waits at most a millisecond for the GIL
    threads: list[str] = []
    garbage: list[object] = [Freed(threads) for _ in range(3)]
    background.dispose(garbage)
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert garbage == []
    assert threads == ["briefing-background"] * 3
    background.stop()


def test_the_next_read_waits_until_the_ui_thread_has_shown_a_result(qtbot: QtBot) -> None:
    """A view given a result lays it out and paints it after ``done`` returns, calling Python row by row; the
    next read starts only once the event loop has gone round, so it does not take the GIL from those calls."""
    from PySide6.QtCore import QTimer

    background = Background()
    went_round = threading.Event()
    seen: list[bool] = []

    def shown(_result: str) -> None:
        QTimer.singleShot(0, went_round.set)  # what the view does after the result is given to it

    background.query(lambda: "agenda", shown)
    background.query(lambda: seen.append(went_round.is_set()), lambda _none: None)
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert seen == [True]
    background.stop()


def test_a_busy_ui_thread_does_not_hold_the_reads_up(qtbot: QtBot) -> None:
    import time

    from briefing.gui.background import SETTLE_TIMEOUT_S

    background = Background()
    in_done = threading.Event()
    during: list[bool] = []

    def long_done(_result: str) -> None:
        in_done.set()
        time.sleep(SETTLE_TIMEOUT_S * 3)  # the UI thread does not go round its loop for a while
        in_done.clear()

    background.query(lambda: "first", long_done)
    background.query(lambda: during.append(in_done.is_set()), lambda _none: None)
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert during == [True]  # the second read ran while the UI thread was still busy
    background.stop()


def test_a_hold_keeps_queued_reads_from_starting_until_released(qtbot: QtBot) -> None:
    import time

    background = Background()
    background.query(lambda: None, lambda _none: None)  # the thread is up and waiting for work
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    started: list[float] = []
    background.hold()
    assert background.held()
    background.query(lambda: started.append(time.monotonic()), lambda _none: None)
    qtbot.wait(300)
    assert started == []  # queued while held: not started
    released = time.monotonic()
    background.release()
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert not background.held()
    assert len(started) == 1 and started[0] >= released
    background.stop()


def test_a_hold_never_keeps_reads_waiting_for_longer_than_its_limit(qtbot: QtBot) -> None:
    import time

    from briefing.gui.background import HOLD_LIMIT_S

    background = Background()
    background.hold()  # never released
    queued = time.monotonic()
    done: list[float] = []
    background.query(lambda: done.append(time.monotonic()), lambda _none: None)
    qtbot.waitUntil(lambda: not background.busy(), timeout=int(HOLD_LIMIT_S * 1000) + 5000)
    assert HOLD_LIMIT_S * 0.9 <= done[0] - queued < HOLD_LIMIT_S + 3
    background.stop()
