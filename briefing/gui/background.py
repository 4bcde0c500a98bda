"""The window's one background task: database reads off the UI thread, results back on it (Anki's ``QueryOp``).

:meth:`Background.query` queues a read; the read runs on the background thread and opens its own unit of work
(so its own SQLAlchemy session and pooled connection: no session or ORM object crosses threads, only the frozen
rows the read returns). Its result is handed to ``done`` on the UI thread, in the order the reads were queued.

A read may name a *channel* ("builder.agenda", "builder.preview"…): a newer read on the same channel makes the
older one stale, so a stale read that has not started is skipped and a stale result is dropped instead of
shown. Reads of higher priority (a lower number) are taken first; reads of one priority keep their order, so a
view never shows a snapshot older than one it showed before.

The read must not touch Qt widgets; PySide6 holds the GIL for the Qt calls it makes, so heavy Qt work (laying out
a large document) does not belong here either.

The garbage collector holds the GIL too, and a full collection walks every object of the process: a read making
tens of thousands of records used to set off collections of up to a second on this thread, and the window froze
for as long. A read therefore runs with collection held (:func:`~briefing.gui.collector.collection_held`), and
its result (plain records that form no cycles) is frozen out of the collector's sight (:func:`gc.freeze`) as it
is delivered, on the UI thread: the collections the window makes (on the UI thread only:
:mod:`briefing.gui.collector`) walk what is new. Before a read starts, the UI thread collects its young garbage,
so that little cyclic garbage is ever frozen with a result.

A result shown makes work for the UI thread that Qt does after ``done`` returns: a view lays out and paints
the rows it was given, calling the Python model row by row, and each call waits for the GIL whenever this thread
runs. So once a result is delivered the next read waits until the UI thread has been round its event loop
(:data:`SETTLE_TURNS` turns, or at most :data:`SETTLE_TIMEOUT_S`): the window lays out what it was given on its
own, and the preflight that follows a preview no longer doubles the time the agenda takes to appear.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from briefing.gui.collector import collect_young, collection_held

T = TypeVar("T")

URGENT = 0
"""Priority of reads a user waits for (the rows of the agenda after a tick)."""
NORMAL = 1
"""Priority of reads that may wait (the preview, preflight)."""
LATER = 2
"""Priority of work nobody waits for (freeing what the window no longer shows)."""
SWITCH_INTERVAL_S = 0.0005
"""How long a thread holds the interpreter lock another one asks for, set when the task starts. Each call Qt makes
into Python on the UI thread (an item model's data, a slot, an event handler) waits for the lock; with Python's
default of 5 ms, a read running here made each of them wait that long, and a view painting a Python model froze
the window for hundreds of them."""
SETTLE_TURNS = 2
"""Turns of the UI thread's event loop after a delivery before the next read starts: the first runs the view's
delayed layout, the second the paint it asks for."""
SETTLE_TIMEOUT_S = 0.25
"""The longest the next read waits for those turns (a UI thread busy elsewhere does not hold the reads up)."""
HOLD_LIMIT_S = 1.0
"""The longest :meth:`Background.hold` keeps the next read from starting."""


@dataclass(eq=False)
class Job(Generic[T]):
    """One queued read; :meth:`cancel` drops its result (the read still finishes if it has started)."""

    read: Callable[[], T]
    done: Callable[[T], None]
    failed: Callable[[Exception], None] | None
    channel: str | None
    generation: int
    cancelled: bool = False
    result: Any = field(default=None, repr=False)
    error: Exception | None = None

    def cancel(self) -> None:
        self.cancelled = True


class Background(QObject):
    """Runs reads one at a time on one background thread and delivers their results on the UI thread."""

    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Condition()
        self._queue: list[tuple[int, int, Job[Any]]] = []
        self._order = itertools.count()
        self._generations: dict[str, int] = {}
        self._pending = 0
        """Jobs queued, running, or finished but not yet delivered."""
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._settled = True
        """Whether the UI thread has been round its event loop since the last delivery."""
        self._holds = 0
        """Holds on the next read (:meth:`hold`)."""
        self.ran = 0
        """How many reads ran (skipped stale ones are not counted)."""
        self._delivered.connect(self._deliver)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        gc.freeze()  # what the window was made of lives as long as it: no collection need walk it again

    # --- the UI thread ------------------------------------------------------------------------------------

    def query(
        self,
        read: Callable[[], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[Exception], None] | None = None,
        channel: str | None = None,
        priority: int = NORMAL,
    ) -> Job[T]:
        """Queue ``read``; ``done(result)`` (or ``failed(error)``) runs on the UI thread unless it went stale."""
        with self._lock:
            if self._stopping:  # the window is closing: nothing more is read
                job: Job[T] = Job(read, done, failed, channel, 0, cancelled=True)
                return job
            generation = 0
            if channel is not None:
                generation = self._generations.get(channel, 0) + 1
                self._generations[channel] = generation
            job = Job(read, done, failed, channel, generation)
            heapq.heappush(self._queue, (priority, next(self._order), job))
            self._pending += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="briefing-background", daemon=True)
                self._thread.start()
            self._lock.notify()
        return job

    def dispose(self, garbage: list[Any]) -> None:
        """Empty ``garbage`` on the background thread, one entry at a time: what only it held is freed there.

        Freeing a snapshot the window no longer shows (tens of thousands of records) holds the GIL for as long
        as it takes, in one go when its last reference goes; given as the snapshot then its parts (e.g. a
        selection, then its agenda items), it is freed a part at a time between reads, and the UI thread can
        take the GIL between two parts. The caller keeps no other reference to what it hands over.
        """
        garbage.reverse()

        def drop() -> None:
            while garbage:
                garbage.pop()

        self.query(drop, lambda _none: None, priority=LATER)

    def hold(self) -> None:
        """Start no read until :meth:`release` (or for at most :data:`HOLD_LIMIT_S`): the UI thread is about to
        work over several turns of its event loop (the language switch) and each call Qt makes into Python
        would otherwise wait for the GIL a read holds. A read running already runs on."""
        with self._lock:
            self._holds += 1

    def release(self) -> None:
        with self._lock:
            self._holds = max(0, self._holds - 1)
            self._lock.notify_all()

    def held(self) -> bool:
        with self._lock:
            return self._holds > 0

    def invalidate(self, channel: str) -> None:
        """Make every read queued on ``channel`` stale (e.g. the meeting it reads is no longer shown)."""
        with self._lock:
            self._generations[channel] = self._generations.get(channel, 0) + 1

    def is_current(self, job: Job[Any]) -> bool:
        if job.cancelled:
            return False
        if job.channel is None:
            return True
        with self._lock:
            return self._generations.get(job.channel, 0) == job.generation

    def busy(self) -> bool:
        """Whether a read is queued, running, or waiting to be delivered."""
        with self._lock:
            return self._pending > 0

    def stop(self) -> None:
        """Let the running read finish, drop the queued ones, and end the thread (before the library closes).

        Reads queued afterwards are dropped."""
        with self._lock:
            self._stopping = True
            dropped = len(self._queue)
            self._queue.clear()
            self._pending -= dropped
            thread, self._thread = self._thread, None
            self._lock.notify_all()
        if thread is not None:
            thread.join()

    def _deliver(self, job: Job[Any]) -> None:
        with self._lock:
            self._pending -= 1
        gc.freeze()  # what the read made, out of the sight of the collections to come
        try:
            if not self.is_current(job):
                return
            if job.error is not None:
                if job.failed is not None:
                    job.failed(job.error)
                return
            job.done(job.result)
        finally:
            self._settle(SETTLE_TURNS)

    def _settle(self, turns: int) -> None:
        """Let the next read start once the event loop has gone round ``turns`` more times (collecting the young
        garbage of the UI thread first: it would be frozen with the next read's records)."""
        if turns > 0:
            QTimer.singleShot(0, self, lambda: self._settle(turns - 1))
            return
        collect_young()
        with self._lock:
            self._settled = True
            self._lock.notify_all()

    # --- the background thread ----------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._settled or self._stopping, SETTLE_TIMEOUT_S)
                while not self._queue and not self._stopping:
                    self._lock.wait()
                self._lock.wait_for(lambda: not self._holds or self._stopping, HOLD_LIMIT_S)
                if self._stopping:
                    return
                _priority, _order, job = heapq.heappop(self._queue)
                stale = job.cancelled or (
                    job.channel is not None and self._generations.get(job.channel, 0) != job.generation
                )
                if stale:
                    self._pending -= 1
                    continue
            with collection_held():
                try:
                    job.result = job.read()
                except Exception as error:  # handed to the UI thread
                    job.error = error
            self.ran += 1
            with self._lock:
                if self._stopping:
                    self._pending -= 1
                    return
                self._settled = False
                try:
                    self._delivered.emit(job)
                except RuntimeError:  # the window went away without stopping its task
                    return
