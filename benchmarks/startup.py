"""Time to a shown, usable main window on a 10 000-item library, next to a bare PySide6 window.

Each start is measured in a fresh process with QT_QPA_PLATFORM=offscreen, from just before the process is started
to a point the process reports with ``time.time()``:

- bare: the first turn of the event loop after ``show()`` of an empty ``QMainWindow`` (laid out, takes input);
- usable: the first turn of the event loop after :func:`briefing.gui.app.start` returned, where the script checks
  that the window is visible, the library tree holds every area and the search box has the keyboard focus (what
  one types goes there; the tree can be browsed). The library itself may still be opening behind it;
- loaded: ``window.libraryReady`` (SQLAlchemy imported, the library open, every panel built and working), or the
  usable point when the window was complete at once;
- opened first: the window built on a library opened before it is shown (``MainWindow(Library.open(...))``, how
  the app started before the first screen was read with ``sqlite3``), to its first turn of the event loop.

Run with ``python -m benchmarks.startup``; the target is a usable window in at most twice the bare window's time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("usable", time.time()), print("loaded", time.time()), app.quit()))
app.exec()
"""

APP = """
import sys, time
from PySide6.QtCore import QTimer
from briefing.gui.app import start
app, window = start(sys.argv[1], ["briefing"])

def usable():
    panel = window.library_panel
    assert window.isVisible(), "the window is not shown"
    assert panel.tree.topLevelItemCount() == int(sys.argv[2]), "the tree is not filled"
    assert window.focusWidget() is panel.search, "the search box does not have the focus"
    print("usable", time.time())
    if window.ready:
        loaded()
    else:
        window.libraryReady.connect(loaded)

def loaded():
    print("loaded", time.time())
    if window.loader is not None:
        print("stages", " ".join(f"{k.replace(' ', '_')}={v * 1000:.0f}" for k, v in window.loader.timings.items()))
    app.quit()

QTimer.singleShot(0, usable)
app.exec()
"""

OPENED_FIRST = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.store import Library
app = QApplication(["briefing"])
language = UiLanguage(app)
language.set("en")
window = MainWindow(Library.open(sys.argv[1]), Settings(), language)
window.show()
QTimer.singleShot(0, lambda: (print("usable", time.time()), print("loaded", time.time()), app.quit()))
app.exec()
"""

AREAS = 10


def build_library(path: Path) -> None:
    from benchmarks.synthetic import synthetic_document
    from briefing.interchange.library_json import import_document, validate
    from briefing.store import Library

    with Library.open(path) as library, library.unit_of_work() as uow:
        import_document(uow, validate(synthetic_document(10_000)))


def measure(script: str, *args: str, env: dict[str, str]) -> dict[str, float | str]:
    """Seconds from the process start to each point the script reports (and its stage timings, as text)."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=True
    )
    points: dict[str, float | str] = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        points[name] = value if name == "stages" else float(value) - started
    return points


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
        measure(APP, str(library), str(AREAS), env=env)  # warm the file cache and the first-run settings
        bare, app, first = [], [], []
        for _ in range(RUNS):  # interleaved, so a slow moment of the machine does not favour one of them
            bare.append(measure(BARE, env=env))
            app.append(measure(APP, str(library), str(AREAS), env=env))
            first.append(measure(OPENED_FIRST, str(library), env=env))
    bare_usable = _median(bare, "usable")
    rows = [
        ("bare PySide6 window", bare, "usable"),
        ("Briefing, usable (tree, search focused)", app, "usable"),
        ("Briefing, library loaded (every panel)", app, "loaded"),
        ("Briefing, library opened before showing", first, "usable"),
    ]
    print("10 000-item library, 500 topics in 10 areas; time from process start, median of", RUNS, "runs")
    for label, runs, point in rows:
        median = _median(runs, point)
        values = ", ".join(f"{float(r[point]) * 1000:.0f}" for r in runs)
        print(f"{label:42s} {median * 1000:6.0f} ms  ×{median / bare_usable:4.2f}  (runs: {values})")
    print("stages of loading behind the window (ms, last run):", app[-1].get("stages", "-"))
    ratio = _median(app, "usable") / bare_usable
    print(f"usable/bare ratio: {ratio:.2f} (target ≤ 2.00)")
    return 0


def _median(runs: list[dict[str, float | str]], point: str) -> float:
    return statistics.median(float(r[point]) for r in runs)


if __name__ == "__main__":
    raise SystemExit(main())
