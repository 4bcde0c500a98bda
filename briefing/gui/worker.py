"""Work that may take a moment (reading or writing a workbook, looking up suggestions), off the GUI thread.

:class:`Task` runs one function in a :class:`~PySide6.QtCore.QThread` and reports its result or the exception
it raised. Connect :attr:`Task.succeeded` and :attr:`Task.failed` to methods of a ``QObject`` living on the GUI
thread (not to lambdas), so that the slot runs there; the function itself must not touch Qt widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal


class Task(QThread):
    """Runs ``work`` once in its own thread: :attr:`succeeded` carries what it returned, :attr:`failed` what
    it raised (a :class:`~briefing.errors.BriefingError` is shown in the user's language)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported on the GUI thread
            self.failed.emit(error)
            return
        self.succeeded.emit(result)
