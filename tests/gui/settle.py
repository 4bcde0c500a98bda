"""Waiting for the window to show what the library holds: reads run on the background task, results arrive later."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop

from briefing.gui.main_window import MainWindow


def settle(window: MainWindow, timeout: float = 20.0) -> None:
    """Run the event loop until no read, agenda fill or preview of the window is on its way."""
    deadline = time.monotonic() + timeout
    while not window.idle():
        if time.monotonic() > deadline:
            raise AssertionError("the window still had reads on their way after the timeout")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.002)
