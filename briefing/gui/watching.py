"""Others' changes reach the window: the library is watched from the background task every few seconds.

When another copy of the app (a colleague on the shared PostgreSQL library, or a second window on the same file)
commits a change, the panels hear of it as any change, with :data:`EXTERNAL` as its initiator and no keys —
"anything may have changed" — and refresh what they show through their usual background reads. The watch
itself reads on the background task, never on the UI thread.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from briefing.gui.background import NORMAL, URGENT
from briefing.gui.changes import Changes
from briefing.operations import Changed

if TYPE_CHECKING:
    from briefing.gui.runner import Runner
    from briefing.store.watch import ChangeWatcher

POLL_MS = 2000
"""How often the library is asked whether someone else committed."""

EXTERNAL = "external"
"""The initiator of changes made by someone else."""

EVERYTHING = functools.reduce(operator.or_, Changed)
"""Every kind of change: what another copy of the app changed is not known in detail."""


class LibraryWatch(QObject):
    """Asks the library every :data:`POLL_MS` whether another copy committed, and tells the panels if so."""

    def __init__(self, runner: Runner, interval_ms: int = POLL_MS) -> None:
        super().__init__(runner)
        self.runner = runner
        self._watcher: ChangeWatcher | None = None
        self._asking = False
        self.heard = 0
        """How many times others' changes were passed on."""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.ask)
        self.timer.start()
        self.ask(
            URGENT
        )  # the watcher starts before the panels' first reads: nothing committed between is missed

    def ask(self, priority: int = NORMAL) -> None:
        """Ask now (one question at a time)."""
        if self._asking:
            return
        self._asking = True
        self.runner.background.query(
            self._poll, self._answered, failed=self._failed, channel="library.watch", priority=priority
        )

    def stop(self) -> None:
        self.timer.stop()
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.close()

    def _poll(self) -> bool:  # on the background thread
        if self._watcher is None:
            self._watcher = self.runner.library.watcher()
            return False
        return self._watcher.poll()

    def _answered(self, others_committed: bool) -> None:
        self._asking = False
        if others_committed:
            self.heard += 1
            self.runner.changed.emit(Changes(EVERYTHING), EXTERNAL)

    def _failed(self, _error: Exception) -> None:  # a busy or unreachable library: ask again next time
        self._asking = False


__all__ = ["EVERYTHING", "EXTERNAL", "POLL_MS", "LibraryWatch"]
