"""GUI fixtures: the real main window on the sample library, with settings kept in the test's folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.store import Library


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings of the app write under the test's folder, never in the user's configuration."""
    folder = tmp_path / "config"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "config" / "briefing.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def language(qapp: QApplication) -> Iterator[UiLanguage]:
    ui = UiLanguage(qapp)
    ui.set("en")
    yield ui
    ui.set("en")
    ui.deleteLater()


@pytest.fixture
def window(
    qtbot: QtBot, sample_library: Library, settings: Settings, language: UiLanguage
) -> Iterator[MainWindow]:
    main = MainWindow(sample_library, settings, language)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    from tests.gui.settle import settle

    settle(main)  # the library tree is read on the background task
    yield main
    main.close()
