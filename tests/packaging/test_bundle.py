"""The offline desktop bundle, built once by ``scripts/bundle.sh`` and run as an adviser would run it.

The frozen ``briefing`` runs with a fresh HOME, a PATH without the venv and, where the system allows it, no
network at all (a network namespace of its own): it creates the demo library, checks and exports a French Word
pack, an Excel pack and a translation workbook (read back here with python-docx and openpyxl), reports its
version from the copied package metadata, and opens its main window on an X server (Xvfb), whose screenshot is
kept in ``test-artifacts/bundle/``. The desktop entry and AppStream metainfo pass their validators, as installed
by the bundle's install script.

The build takes minutes: it is kept in ``.tools/bundle`` so PyInstaller reuses its analysis on the next run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from briefing.versions import package_version, qt_binding_version

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
BUILD = ROOT / ".tools" / "bundle"
ARTIFACTS = ROOT / "test-artifacts" / "bundle"
MEETING = "jha-council-2024-06"
TARGET_BYTES = 150_000_000

# Grabs the whole X screen (the frozen app's window on it) with the venv's Qt, once it is not blank.
GRAB = """
import sys, time
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
deadline = time.monotonic() + 20
while True:
    image = app.primaryScreen().grabWindow(0).toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 20) for y in range(0, image.height(), 20)}
    if len(colours) > 20 or time.monotonic() > deadline:
        break
    time.sleep(0.2)
image.save(sys.argv[1])
"""


def isolated() -> list[str]:
    """A prefix that runs a command without network, when this system lets us make a network namespace."""
    if shutil.which("unshare") and subprocess.run(["unshare", "--net", "true"], check=False).returncode == 0:
        return ["unshare", "--net"]
    return []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle unpacked from the .tar.gz that scripts/bundle.sh built."""
    env = {
        **os.environ,
        "BRIEFING_BUNDLE_DIR": str(BUILD),
        "BRIEFING_VENV": sys.prefix,
        "WITH_TEST_EXTRAS": "1",
    }
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "bundle.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    found = re.search(r"^bundle: (.+\.tar\.gz)$", result.stdout, re.MULTILINE)
    assert found, result.stdout
    assert re.search(r"^size: [\d.]+ MB unpacked", result.stdout, re.MULTILINE), result.stdout
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(found.group(1)) as archive:
        archive.extractall(unpacked, filter="tar")
    (folder,) = unpacked.iterdir()
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """A fresh user: no venv on PATH, no Python variables, nothing of the test run's environment."""
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def run(bundle: Path, home: Path, *args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*isolated(), str(bundle / "briefing"), *args],
        env=frozen_env(home, LANG=lang),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_bundle_is_small_and_holds_only_what_the_app_uses(bundle: Path) -> None:
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    assert size < TARGET_BYTES, f"{size / 1e6:.1f} MB unpacked"
    internal = bundle / "_internal"
    names = {path.name for path in internal.rglob("*")}
    assert not [n for n in names if re.match(r"libQt6(Qml|Quick|Network|WebEngine|Pdf|Svg)", n)]
    assert not [n for n in names if re.match(r"(libgtk|libpango|libcairo)", n)]
    plugins = {
        p.relative_to(internal / "PySide6" / "Qt" / "plugins").as_posix()
        for p in (internal / "PySide6" / "Qt" / "plugins").rglob("*.so")
    }
    assert {"platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/libqminimal.so"} <= plugins
    assert not [p for p in plugins if p.startswith(("platforms/libqwayland", "platformthemes", "wayland"))]
    qt_catalogues = {p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert qt_catalogues <= {"qtbase_fr.qm", "qtbase_en.qm"}
    assert "qtbase_fr.qm" in qt_catalogues
    babel = {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")}
    assert {"root", "en", "fr", "fr_FR"} <= babel
    assert "de" not in babel
    assert (internal / "briefing" / "gui" / "i18n" / "briefing_fr.qm").is_file()
    assert (internal / "briefing" / "i18n" / "locale" / "fr" / "LC_MESSAGES" / "briefing.mo").is_file()
    assert list((internal / "briefing" / "store" / "migrations" / "versions").glob("*.py"))
    assert list((internal / "resources" / "seeds").glob("*.txt"))


def test_the_frozen_command_line_works_without_python_or_network(bundle: Path, home: Path) -> None:
    version = run(bundle, home, "--version")
    assert version.returncode == 0, version.stderr
    assert f"briefing {package_version()} " in version.stdout
    assert f"PySide6 {qt_binding_version()}" in version.stdout

    demo = run(bundle, home, "demo")
    assert demo.returncode == 0, demo.stderr
    assert (home / ".local" / "share" / "Briefing" / "library.sqlite").is_file()
    meetings = run(bundle, home, "meetings")
    assert MEETING in meetings.stdout, meetings.stderr

    check = run(bundle, home, "check", MEETING, "--lang", "fr", "--json")
    assert check.returncode in (0, 1), check.stderr
    assert isinstance(json.loads(check.stdout), (list, dict))

    docx = run(bundle, home, "export", MEETING, "--lang", "fr", "--allow-missing", "-o", "pack-fr.docx")
    assert docx.returncode == 0, docx.stderr
    text = "\n".join(p.text for p in Document(str(home / "pack-fr.docx")).paragraphs)
    assert "Conseil" in text
    assert "\u00a0:" in text or "\u202f:" in text, "no French typography in the French pack"

    xlsx = run(bundle, home, "export", MEETING, "--lang", "fr", "--allow-missing", "-o", "pack-fr.xlsx")
    assert xlsx.returncode == 0, xlsx.stderr
    workbook = load_workbook(home / "pack-fr.xlsx", read_only=True)
    cells = [str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert len(cells) > 20

    todo = run(bundle, home, "translations", "export", MEETING, "--lang", "fr", "-o", "todo.xlsx")
    assert todo.returncode == 0, todo.stderr
    assert load_workbook(home / "todo.xlsx", read_only=True).sheetnames

    # The gettext catalogue travels: a mistake is reported in French after LANG.
    missing = run(
        bundle, home, "export", "no-such-meeting", "--lang", "fr", "-o", "x.docx", lang="fr_FR.UTF-8"
    )
    assert missing.returncode != 0
    assert "no-such-meeting" in missing.stderr
    assert (
        run(bundle, home, "export", "no-such-meeting", "--lang", "fr", "-o", "x.docx").stderr
        != missing.stderr
    )
    assert not (home / "x.docx").exists()


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    """An X server on a display number it picks itself (-displayfd), so parallel test runs never collide."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (scripts/test.sh installs it)")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
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


def window_shown(display: str, title: str) -> bool:
    info = subprocess.run(
        ["xwininfo", "-display", display, "-name", title], capture_output=True, text=True, check=False
    )
    return "IsViewable" in info.stdout


def test_the_frozen_app_opens_its_main_window_on_x(bundle: Path, tmp_path: Path, xvfb: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "main-window-frozen.png"
    shot.unlink(missing_ok=True)
    app = subprocess.Popen(
        [str(bundle / "briefing")],
        env=frozen_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not window_shown(xvfb, "Briefing") and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert app.poll() is None, app.communicate()[1]
        assert window_shown(xvfb, "Briefing"), "no Briefing window on the screen"
        # The window carries the app's icon (drawn from the bundled PNG sizes: Qt's SVG module is left out)
        # and names the desktop entry, so docks show the icon and match the window to the installed entry.
        properties = subprocess.run(
            ["xprop", "-display", xvfb, "-name", "Briefing", "_GTK_APPLICATION_ID", "_NET_WM_ICON"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        assert '_GTK_APPLICATION_ID(UTF8_STRING) = "org.briefing.Briefing"' in properties
        assert re.search(r"Icon \((\d+) x \1\)", properties), properties[:300]
        grab = subprocess.run(
            [sys.executable, "-c", GRAB, str(shot)],
            env={**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert grab.returncode == 0, grab.stderr
        assert app.poll() is None, "the app quit while on screen"
    finally:
        app.send_signal(signal.SIGTERM)
        _, stderr = app.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull()
    samples = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 16)
        for y in range(0, image.height(), 16)
    ]
    mean = sum(samples) / len(samples)
    assert sum((s - mean) ** 2 for s in samples) / len(samples) > 50, "the screenshot looks blank"
    # The demo library was created on first start, in the fresh HOME.
    assert (tmp_path / ".local" / "share" / "Briefing" / "library.sqlite").is_file()


def test_the_desktop_files_validate_and_install_into_local(bundle: Path, tmp_path: Path) -> None:
    desktop = bundle / "share" / "applications" / "org.briefing.Briefing.desktop"
    metainfo = bundle / "share" / "metainfo" / "org.briefing.Briefing.metainfo.xml"
    for tool in ("desktop-file-validate", "appstreamcli"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed (scripts/test.sh installs it)")
    checked = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    validated = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout
    assert f'<release version="{package_version()}"' in metainfo.read_text(encoding="utf-8")

    installed = subprocess.run(
        [str(bundle / "install-desktop.sh")],
        env=frozen_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    local = tmp_path / ".local"
    entry = local / "share" / "applications" / "org.briefing.Briefing.desktop"
    checked = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    assert f'Exec="{local}/lib/briefing/briefing"' in entry.read_text(encoding="utf-8")
    assert (local / "share" / "metainfo" / "org.briefing.Briefing.metainfo.xml").is_file()
    from PySide6.QtGui import QImage

    for size in (16, 32, 48, 64, 128, 256, 512):
        icon = QImage(
            str(
                local
                / "share"
                / "icons"
                / "hicolor"
                / f"{size}x{size}"
                / "apps"
                / "org.briefing.Briefing.png"
            )
        )
        assert (icon.width(), icon.height()) == (size, size)
    version = subprocess.run(
        [str(local / "bin" / "briefing"), "--version"],
        env=frozen_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.returncode == 0 and package_version() in version.stdout, version.stderr
