"""Work that may take a moment (writing a pack, reading or writing a workbook), off the GUI thread.

:class:`Task` runs one function in a :class:`~PySide6.QtCore.QThread` and reports its progress, its result or
the exception it raised. :class:`TaskDialog` is the dialog every such piece of work is started from: one task at
a time, a progress bar, cancel when the work allows it, and a close that waits for the work to end.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QDialog, QProgressBar, QWidget

from briefing.gui.retranslate import Retranslating
from briefing.progress import Cancelled, Progress

Work = Callable[[Progress, Cancelled], object]
"""Called with the progress callback (the fraction done, 0 to 1, or :data:`~briefing.progress.BUSY`) and the
question "cancelled?" asked between steps."""


class Task(QThread):
    """Runs ``work(progress, cancelled)`` once in its own thread: :attr:`succeeded` carries what it returned,
    :attr:`failed` what it raised (a :class:`~briefing.errors.BriefingError` is shown in the user's language)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int)
    """Percent done, each value once (-1: busy, for a stage whose length cannot be known)."""

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = False

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        self._cancel = True

    @property
    def cancelling(self) -> bool:
        return self._cancel

    def run(self) -> None:
        reported = None

        def progress(fraction: float) -> None:
            nonlocal reported
            percent = -1 if fraction < 0 else int(fraction * 100)
            if percent != reported:  # a signal per percent, not per row
                reported = percent
                self.progressed.emit(percent)

        try:
            result = self._work(progress, lambda: self._cancel)
        except Exception as error:  # reported on the GUI thread
            self.failed.emit(error)
            return
        self.succeeded.emit(result)


class TaskDialog(Retranslating, QDialog):
    """A dialog that runs one :class:`Task` at a time, shows its progress and waits for it before closing.

    A subclass calls :meth:`run_task` and implements :meth:`task_succeeded` and :meth:`task_failed` (both run
    on the GUI thread); :meth:`task_ended` is where it enables its buttons again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: Task | None = None
        self._measured = False
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def run_task(self, work: Work, *, measured: bool = False) -> bool:
        """Start ``work``; ``measured`` work reports its progress, other work shows a busy bar.

        Returns whether it started (not when a task is running already).
        """
        if self.worker is not None:
            return False
        self._measured = measured
        if measured:
            self.progress.setRange(0, 100)
        else:
            self.progress.setRange(0, 0)  # busy
        self.progress.setValue(0)
        worker = Task(work, self)
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self.worker = worker
        worker.start()
        return True

    def cancel_task(self) -> bool:
        """Ask the running task to stop; returns whether there was one."""
        if self.worker is None:
            return False
        self.worker.cancel()
        return True

    def wait_task(self) -> None:
        """Block until the running task has ended (a file half written or read is let finish)."""
        if self.worker is not None:
            self.worker.wait()

    def _from_current(self) -> bool:
        """Whether the signal being handled comes from the task running now: a cancelled task's progress or
        result, sent before it was let go but handled after, says nothing of the dialog any more."""
        return self.worker is not None and self.sender() is self.worker

    def _progressed(self, percent: int) -> None:
        if not self._measured or not self._from_current():
            return
        if percent < 0:
            if self.progress.maximum() != 0:
                self.progress.setRange(0, 0)
                self.task_busy()
            return
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
            self.task_measured()
        self.progress.setValue(percent)

    def _succeeded(self, result: object) -> None:
        if not self._from_current():
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.task_succeeded(result)

    def _failed(self, error: object) -> None:
        if not self._from_current():
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.task_failed(error)

    def _finished(self) -> None:
        if not self._from_current():
            return
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.task_ended()

    def task_succeeded(self, result: object) -> None:
        raise NotImplementedError

    def task_failed(self, error: object) -> None:
        raise NotImplementedError

    def task_busy(self) -> None:
        """The task began a stage whose length cannot be known: the bar shows it is busy."""

    def task_measured(self) -> None:
        """The task's progress is measured again after a busy stage."""

    def task_ended(self) -> None:
        """The task is over (after :meth:`task_succeeded` or :meth:`task_failed`)."""

    def done(self, result: int) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().done(result)


__all__ = ["Cancelled", "Progress", "Task", "TaskDialog", "Work"]
