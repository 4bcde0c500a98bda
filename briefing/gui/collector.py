"""Garbage collection on the UI thread only.

Python collects reference cycles on whichever thread happens to allocate when a generation's count passes its
threshold: the background task reading the library, a worker writing a pack, the loader importing modules. A cycle
holding a Qt object that Python owns (a timer, a text document, a painter kept alive by a frame) is then destroyed
on that thread, while the UI thread may be using it, and Qt objects must be destroyed on their own thread. So the
app turns automatic collection off and collects on a timer of the UI thread instead, by the collector's own
thresholds (a desktop app on PyQt, calibre, has done the same for years).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""How often the UI thread looks whether a collection is due."""


class _Switch:
    """Whether Python collects by itself: only when no UI-thread collector runs and nothing holds collection."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held = 0
        """Blocks of :func:`collection_held` running now (on any thread)."""
        self.timers = 0
        """UI-thread collectors running now."""
        self.automatic = gc.isenabled()
        """Whether the process collected by itself when this module was imported (given back at the end)."""

    def change(self, *, held: int = 0, timers: int = 0) -> None:
        with self.lock:
            self.held += held
            self.timers += timers
            if self.automatic and self.held == 0 and self.timers == 0:
                gc.enable()
            else:
                gc.disable()


_switch = _Switch()


@contextmanager
def collection_held() -> Iterator[None]:
    """No collection while the block runs, neither automatic nor on the UI thread's timer.

    A background read making tens of thousands of records would otherwise set off collections that walk them
    all while the GIL is held (the reader freezes them once they are handed over)."""
    _switch.change(held=1)
    try:
        yield
    finally:
        _switch.change(held=-1)


def collect_young() -> None:
    """Collect the youngest generations now (cheap: few objects are young), unless collection is held.

    Called on the UI thread before a background read starts: whatever cyclic garbage is about then would
    otherwise be frozen with the read's records and never collected."""
    if not _switch.held:
        gc.collect(1)


class UiThreadCollector(QObject):
    """Turns automatic collection off and collects on the UI thread, generation by generation, as Python would.

    :meth:`stop` gives collection back to Python (when the window closes)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = [0, 0, 0]
        """How many collections of each generation this timer ran."""
        _switch.change(timers=1)
        self.running = True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold, and the younger ones with it."""
        counts = gc.get_count()
        if counts[0] <= self.threshold[0] or _switch.held:
            return
        generation = 0
        if counts[1] > self.threshold[1]:
            generation = 1
            if counts[2] > self.threshold[2]:
                generation = 2
        gc.collect(generation)
        self.collections[generation] += 1

    def stop(self) -> None:
        """Give collection back to Python (once; later calls do nothing)."""
        if not self.running:
            return
        self.running = False
        self.timer.stop()
        _switch.change(timers=-1)
