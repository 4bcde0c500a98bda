"""Time to a shown, usable main window on a 10 000-item library, next to a bare PySide6 window.

Each is measured in a fresh process with QT_QPA_PLATFORM=offscreen, from just before the process is started to
the first ``QTimer.singleShot(0)`` after ``show()`` (the first turn of the event loop, when the window has been
laid out and can take input). Run with ``python -m benchmarks.startup``; the target is at most twice the bare
window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

APP = """
import sys, time
from PySide6.QtCore import QTimer
from briefing.gui.app import start
app, window = start(sys.argv[1], ["briefing"])
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""


def build_library(path: Path) -> None:
    from benchmarks.synthetic import synthetic_document
    from briefing.interchange.library_json import import_document, validate
    from briefing.store import Library

    with Library.open(path) as library, library.unit_of_work() as uow:
        import_document(uow, validate(synthetic_document(10_000)))


def measure(script: str, *args: str, env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1]) - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library.sqlite"
        build_library(library)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            "HOME": folder,
        }
        measure(APP, str(library), env=env)  # warm the file cache and the first-run settings
        bare = [measure(BARE, env=env) for _ in range(RUNS)]
        app = [measure(APP, str(library), env=env) for _ in range(RUNS)]
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window:           median {bare_median * 1000:6.0f} ms  (runs: {_ms(bare)})")
    print(f"Briefing, 10 000-item library: median {app_median * 1000:6.0f} ms  (runs: {_ms(app)})")
    print(f"ratio: {app_median / bare_median:.2f} (target ≤ 2.00)")
    return 0


def _ms(values: list[float]) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values)


if __name__ == "__main__":
    raise SystemExit(main())
