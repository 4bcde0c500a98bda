"""The About box names the versions a user reports with a problem."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion

from briefing import __version__
from briefing.gui.main_window import MainWindow


def test_about_names_briefing_python_pyside_and_qt(window: MainWindow) -> None:
    text = window.about_text()
    assert f"Briefing {__version__}" in text
    assert f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, Qt {qVersion()}" in text


def test_about_in_french(window: MainWindow) -> None:
    window.french_action.trigger()
    assert f"PySide6 {PySide6.__version__}" in window.about_text()
    assert "dossiers de réunion ministériels" in window.about_text()
