"""Starting the desktop app: the Qt application, the interface language, the library, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from briefing.gui.main_window import MainWindow
    from briefing.store import Library


def ensure_content(library: Library) -> None:
    """An empty library gets the demo library, when the demo builder is installed."""
    try:
        from briefing.interchange.demo.builder import ensure_demo_library
    except ImportError:  # the demo builder is optional: an empty library is still usable
        return
    ensure_demo_library(library)


def start(db: str | None = None, argv: Sequence[str] | None = None) -> tuple[QApplication, MainWindow] | None:
    """The application and its shown main window, or None when the library cannot be opened (already said)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from briefing.errors import BriefingError
    from briefing.gui.language import UiLanguage, system_language
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import APPLICATION, ORGANISATION, Settings
    from briefing.store import Library

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    language = UiLanguage(app)
    language.set(settings.get_str("ui/language") or system_language())
    try:
        library = Library.open(db)
        ensure_content(library)
    except BriefingError as error:
        QMessageBox.critical(None, APPLICATION, error.message(language.code))
        return None
    window = MainWindow(library, settings, language)
    window.show()
    return app, window


def run(db: str | None = None) -> int:
    """Open the library and show the main window until the user quits."""
    started = start(db)
    if started is None:
        return 1
    app, window = started
    status = int(app.exec())
    window.library.close()
    return status
