"""Work off the GUI thread: what a cancelled task sent before it was let go is not shown after."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from briefing.gui.file_export import FileExportDialog
from briefing.gui.settings import Settings
from briefing.gui.worker import Work
from briefing.progress import Cancelled, Progress


class HeldExport(FileExportDialog):
    """An export dialog whose work reports 40 % and then waits to be let go (the real dialog's cancel)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, lambda: "en")
        self.reported = threading.Event()
        self.release = threading.Event()

    def make_work(self, path: Path) -> Work:
        def work(progress: Progress, cancelled: Cancelled) -> object:
            progress(0.4)
            self.reported.set()
            self.release.wait(5)
            if cancelled():
                raise RuntimeError("cancelled")
            return path

        return work

    def succeeded_text(self, result: object) -> str:
        return "written"


def test_progress_sent_before_a_cancel_and_handled_after_it_is_not_shown(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    dialog = HeldExport(settings)
    qtbot.addWidget(dialog)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.destination.setText(str(folder / "pack.docx"))
    dialog.start()
    assert dialog.reported.wait(5)  # 40 % is sent, not yet handled: the UI thread has not gone round its loop
    dialog.cancel()
    assert dialog.progress.value() == 0
    QCoreApplication.processEvents()  # the 40 % sent before the cancel is handled now
    dialog.release.set()
    qtbot.waitUntil(dialog.idle, timeout=5000)
    assert dialog.progress.value() == 0
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert list(folder.iterdir()) == []
