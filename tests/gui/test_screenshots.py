"""Screenshots of the main window in English and French, taken on a real X server (Xvfb).

They are kept in ``test-artifacts/screenshots/`` for people to look at; the test checks they exist, have
the window's size and are not blank.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
SIZE = (1280, 800)

SCRIPT = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.interchange.library_json import import_document, validate
from briefing.store import Library

folder, lang, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
library = Library.open(folder / f"library-{lang}.sqlite")
with library.unit_of_work() as uow:
    import_document(uow, validate(json.loads(Path(sys.argv[4]).read_text(encoding="utf-8"))))
app = QApplication([])
settings = Settings(QSettings(str(folder / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
language = UiLanguage(app)
language.set(lang)
window = MainWindow(library, settings, language)
window.resize(1280, 800)
window.show()


def settle(seconds=0.6):
    deadline = time.monotonic() + 30
    while not window.idle() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    end = time.monotonic() + seconds  # let the layout and the paint happen
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


settle()
window.library_panel.select_topic("drug-trafficking")
settle()
window.grab().save(str(out / f"main-window-{lang}.png"))
window.tabs.setCurrentWidget(window.builder)
settle(1.0)
window.builder.meeting.setCurrentIndex(window.builder.meeting.findData("jha-test"))
settle(1.5)
window.grab().save(str(out / f"builder-{lang}.png"))
window.builder.preflight.grab().save(str(out / f"preflight-{lang}.png"))
window.builder.sections.setCurrentIndex(1)
settle()
window.grab().save(str(out / f"builder-details-{lang}.png"))
window.builder.sections.setCurrentIndex(2)
settle()
window.grab().save(str(out / f"builder-participants-{lang}.png"))
window.tabs.setCurrentWidget(window.participants)
settle(1.0)
window.grab().save(str(out / f"participants-{lang}.png"))
window.tabs.setCurrentWidget(window.texts)
settle(1.0)
window.grab().save(str(out / f"texts-{lang}.png"))
dialog = window.export_pack()
settle()
dialog.grab().save(str(out / f"export-dialog-{lang}.png"))
dialog.open_url = lambda _url: False  # no viewer here: the dialog says so
dialog.destination.setText(str(folder / f"pack-{lang}.docx"))
dialog.start()
while not dialog.idle():
    settle(0.1)
settle()
dialog.grab().save(str(out / f"export-dialog-done-{lang}.png"))
dialog.reject()
workbook = window.export_translations()
settle()
workbook.grab().save(str(out / f"translation-export-dialog-{lang}.png"))
workbook.reject()
window.close()
"""

SHOTS = ["main-window", "builder", "builder-details", "builder-participants", "participants", "texts"]
"""Screenshots of the whole window (1280×800); the preflight panel and the export dialog are taken alone."""


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    """An X server on a display number it picks itself (-displayfd), so parallel test runs never collide."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (scripts/test.sh installs it)")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    number = server.stdout.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_screenshots(xvfb: str, lang: str, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    names = [*SHOTS, "preflight", "export-dialog", "export-dialog-done", "translation-export-dialog"]
    for name in names:
        (ARTIFACTS / f"{name}-{lang}.png").unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb}
    sample = ROOT / "tests" / "data" / "sample-library.json"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), lang, str(ARTIFACTS), str(sample)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in names:
        image = QImage(str(ARTIFACTS / f"{name}-{lang}.png"))
        assert not image.isNull(), name
        if name in SHOTS:
            assert (image.width(), image.height()) == SIZE, name  # nothing widened the window
        samples = [
            image.pixelColor(x, y).lightness()
            for x in range(0, image.width(), 16)
            for y in range(0, image.height(), 16)
        ]
        mean = sum(samples) / len(samples)
        variance = sum((s - mean) ** 2 for s in samples) / len(samples)
        assert variance > 50, f"the screenshot {name} looks blank"
