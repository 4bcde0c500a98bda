"""Garbage collection on the UI thread only: cycles another thread leaves are collected by the UI thread's timer,
never on that thread; a background read holds collection until its records are delivered and frozen; stopping
gives collection back to Python.

The checks call the collector's timer slot themselves rather than run the event loop: a delivery from another
window's background task would freeze the test's cycles out of reach."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from briefing.gui.background import Background
from briefing.gui.collector import UiThreadCollector, collection_held


class Cycle:
    """An object in a reference cycle that records on which thread it was collected."""

    def __init__(self, threads: list[str]) -> None:
        self.threads = threads
        self.me = self

    def __del__(self) -> None:
        self.threads.append(threading.current_thread().name)


def leave_cycles(threads: list[str], count: int) -> None:
    """On a thread of its own, leave ``count`` cycles and allocate enough to set off automatic collection."""

    def make() -> None:
        for _ in range(count):
            Cycle(threads)
            _ = [[] for _ in range(50)]

    maker = threading.Thread(target=make, name="maker")
    maker.start()
    maker.join()


def test_without_the_collector_another_thread_collects_cycles_itself() -> None:
    """The hazard itself: Python collects on whichever thread allocates (here, the thread making the cycles)."""
    assert gc.isenabled()
    threads: list[str] = []
    leave_cycles(threads, 2000)
    gc.collect()
    assert "maker" in threads


def test_cycles_left_by_another_thread_are_collected_on_the_ui_thread(qtbot: QtBot) -> None:
    collector = UiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled() and collector.timer.isActive()
        threads: list[str] = []
        leave_cycles(threads, 2000)
        assert threads == []  # nothing collected on the thread that made them
        collector.collect_due()  # as the timer does, on the UI thread
        assert len(threads) == 2000
        assert set(threads) == {threading.main_thread().name}
        assert collector.collections[0] == 1
    finally:
        collector.stop()
    assert gc.isenabled()
    collector.stop()  # a second stop changes nothing
    assert gc.isenabled()


def test_a_held_collection_waits_for_the_hold_to_end(qtbot: QtBot) -> None:
    collector = UiThreadCollector(interval_ms=10)
    threads: list[str] = []
    try:
        with collection_held():
            for _ in range(1000):
                Cycle(threads)
            collector.collect_due()
            assert threads == [] and collector.collections == [0, 0, 0]
        collector.collect_due()
        assert len(threads) == 1000
    finally:
        collector.stop()
    with collection_held():
        assert not gc.isenabled()  # held: no automatic collection either
    assert gc.isenabled()


def test_a_read_holds_collection_while_it_runs_and_its_records_are_frozen_when_delivered(
    qtbot: QtBot,
) -> None:
    background = Background()
    states: list[bool] = []
    frozen: list[int] = []

    def read() -> list[list[int]]:
        states.append(gc.isenabled())
        frozen.append(gc.get_freeze_count())
        return [[] for _ in range(100)]

    background.query(read, lambda _records: frozen.append(gc.get_freeze_count()))
    qtbot.waitUntil(lambda: not background.busy(), timeout=5000)
    assert states == [False]  # no collection while reading
    assert gc.isenabled()  # given back once read
    assert frozen[1] >= frozen[0] + 100  # the records were frozen before they were handed over
    background.stop()
