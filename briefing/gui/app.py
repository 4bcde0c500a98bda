"""Starting the desktop app: the Qt application, the interface language, the library, the main window.

An existing library at the current schema is shown at once: its tree is read with the standard ``sqlite3`` module
(:mod:`briefing.store.snapshot`), the window is shown, and SQLAlchemy is imported and the library opened behind
it (:meth:`MainWindow.open_later <briefing.gui.main_window.MainWindow.open_later>`). A new, empty or older library
is opened (created, filled with the demo, migrated) before the window is shown.

The application carries its icon (:func:`app_icon`) and the name of its desktop entry, so that window managers
and docks show the Briefing icon and group its windows under the installed ``org.briefing.Briefing.desktop``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from briefing.errors import BriefingError
    from briefing.gui.main_window import MainWindow
    from briefing.store import Library


DESKTOP_FILE_NAME = "org.briefing.Briefing"
"""The desktop entry's name without ``.desktop`` (packaging/org.briefing.Briefing.desktop)."""

# briefing/gui/app.py -> parents[2] is the project root holding resources/ (the bundle's folder when frozen).
ICON_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "icons"
"""``briefing.svg``, and in the desktop bundle the PNG sizes rendered from it (``hicolor/<n>x<n>/apps/*.png``)."""


def app_icon(folder: Path = ICON_FOLDER) -> QIcon:
    """The application icon: every PNG size found in ``folder``, and the SVG where Qt can draw SVG.

    The desktop bundle leaves Qt's SVG module out, so it ships PNG sizes as well; from a source tree or a venv
    the SVG alone gives every size.
    """
    from PySide6.QtGui import QIcon, QImageReader

    icon = QIcon()
    for png in sorted(folder.glob("**/*.png")):
        icon.addFile(str(png))
    svg = folder / "briefing.svg"
    if svg.is_file() and b"svg" in {bytes(name.data()) for name in QImageReader.supportedImageFormats()}:
        icon.addFile(str(svg))
    return icon


def ensure_content(library: Library) -> None:
    """An empty library gets the demo library, when the demo builder is installed."""
    try:
        from briefing.interchange.demo.builder import ensure_demo_library
    except ImportError:  # the demo builder is optional: an empty library is still usable
        return
    ensure_demo_library(library)


def start(db: str | None = None, argv: Sequence[str] | None = None) -> tuple[QApplication, MainWindow] | None:
    """The application and its shown main window, or None when the library cannot be opened (already said).

    The window may still be opening the library when this returns: ``window.ready`` tells, and
    ``window.libraryReady`` is emitted when it is done. Should opening fail then, the error is shown and the
    application's event loop exits with status 1.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from briefing.errors import BriefingError
    from briefing.gui.collector import UiThreadCollector
    from briefing.gui.language import UiLanguage, system_language
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import APPLICATION, ORGANISATION, UI_LANGUAGE, Settings
    from briefing.store.location import library_file
    from briefing.store.snapshot import read_snapshot

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    collector = UiThreadCollector(app)  # before any other thread runs: cycles are collected on this one only
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    settings = Settings()
    language = UiLanguage(app)
    language.set(settings[UI_LANGUAGE] or system_language())
    try:
        path = library_file(db)
        snapshot = read_snapshot(path) if path is not None else None
        if snapshot is None or not snapshot.has_content:
            library = _open_now(db)
            window = MainWindow(library, settings, language)
            window.collector = collector
            window.show()
            return app, window
    except BriefingError as error:
        collector.stop()
        QMessageBox.critical(None, APPLICATION, error.message(language.code))
        return None
    window = MainWindow(None, settings, language, snapshot=snapshot)
    window.collector = collector
    window.show()

    def failed(error: BriefingError) -> None:
        QMessageBox.critical(window, APPLICATION, error.message(language.code))
        app.exit(1)

    window.libraryFailed.connect(failed)
    window.open_later(partial(_open_existing, snapshot.path))
    return app, window


def _open_now(db: str | None) -> Library:
    from briefing.store import Library

    library = Library.open(db)
    try:
        ensure_content(library)
    except BaseException:
        library.close()
        raise
    return library


def _open_existing(path: Path) -> Library:
    from briefing.store import Library

    return Library.open(path, create=False)


def run(db: str | None = None) -> int:
    """Open the library and show the main window until the user quits."""
    started = start(db)
    if started is None:
        return 1
    app, window = started
    status = int(app.exec())
    window.close_library()
    return status
