"""Starting the desktop app."""

from __future__ import annotations

import sys


def run(db: str | None = None) -> int:
    """Open the library and show the main window until the user quits."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from briefing.store import Library

    app = QApplication.instance() or QApplication(sys.argv)
    library = Library.open(db)
    window = QMainWindow()
    window.setWindowTitle("Briefing")
    window.setCentralWidget(QLabel(str(library.url)))
    window.show()
    return int(app.exec())
