"""Opening the library behind a window that is already on screen.

SQLAlchemy, the mapped model, the operations and Babel's locale data take most of the app's start-up to load. :class:`LibraryLoader`
imports them on a worker thread while the event loop keeps the window responsive, then, on the GUI thread,
imports the panels that edit the library, opens the :class:`~briefing.store.Library` and hands it over. The worker
thread imports only modules of the Qt-free core (PySide6 creates its types and enums lazily, which is not meant to
happen on two threads at once); it never touches Qt objects or the database.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.store import Library

CORE_MODULES = (
    "briefing.store.library",
    "briefing.store.search",
    "briefing.operations",
    "briefing.operations.queries",
    "briefing.suggest",
    "briefing.assemble",
    "briefing.preflight",
    "briefing.render.html",
)
"""The Qt-free modules the library's panels need, imported on the worker thread."""

PANEL_MODULES = (
    "briefing.gui.commands",
    "briefing.gui.runner",
    "briefing.gui.worker",
    "briefing.gui.background",
    "briefing.gui.changes",
    "briefing.gui.preview",
    "briefing.gui.suggestions",
    "briefing.gui.text_pair",
    "briefing.gui.tables",
    "briefing.gui.topic_editor",
    "briefing.gui.preflight_panel",
    "briefing.gui.meeting_builder",
)
"""The panels that read and change the library, imported on the GUI thread."""

POLL_MS = 10


def import_core_modules() -> None:
    """Import SQLAlchemy, the mapped model and the operations, and read the pack locales' data (quick when it
    is done already)."""
    from briefing.i18n.dates import load_locales
    from briefing.model import load_mapped_classes

    for name in CORE_MODULES:
        importlib.import_module(name)
    load_mapped_classes()
    load_locales()


def import_panel_modules() -> None:
    for name in PANEL_MODULES:
        importlib.import_module(name)


class LibraryLoader(QObject):
    """Imports the heavy modules off the GUI thread, then opens the library on it.

    :attr:`loaded` carries the open library, :attr:`failed` the :class:`~briefing.errors.BriefingError` that
    prevented it. :attr:`timings` records how long each stage took (seconds), for the start-up benchmark.
    """

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, open_library: Callable[[], Library], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_library = open_library
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._import, name="briefing-imports")
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.timings: dict[str, float] = {}
        self._started = 0.0

    def start(self) -> None:
        self._started = time.perf_counter()
        self._thread.start()
        self._timer.start()

    def wait(self) -> None:
        """Block until the worker thread has finished importing (before the window goes away)."""
        if self._thread.is_alive():
            self._thread.join()

    def _import(self) -> None:
        # An import that fails is tried again on the GUI thread, where its error is raised (see _poll).
        try:
            with contextlib.suppress(Exception):
                import_core_modules()
        finally:
            self._done.set()

    def _poll(self) -> None:
        if not self._done.is_set():
            return
        self._timer.stop()
        self.timings["core imports"] = time.perf_counter() - self._started
        import_core_modules()  # raises here, with its traceback, whatever failed on the worker thread
        QTimer.singleShot(0, self, self._import_panels)  # one short step per turn of the event loop

    def _import_panels(self) -> None:
        started = time.perf_counter()
        import_panel_modules()
        self.timings["panel imports"] = time.perf_counter() - started
        QTimer.singleShot(0, self, self._open)

    def _open(self) -> None:
        started = time.perf_counter()
        try:
            library = self._open_library()
        except BriefingError as error:
            self.failed.emit(error)
            return
        self.timings["open"] = time.perf_counter() - started
        self.loaded.emit(library)
