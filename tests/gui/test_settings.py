"""Settings declared once with their type and default, read back typed, and upgraded from an older file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from briefing.gui.settings import (
    EXPORT_OPEN_FILE,
    OPTIONS,
    VERSION,
    VERSION_KEY,
    WINDOW_TAB,
    Settings,
    TextOption,
)


def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "briefing.ini"), QSettings.Format.IniFormat)


def test_values_are_read_back_with_their_type_and_a_wrong_one_reads_as_the_default(tmp_path: Path) -> None:
    settings = Settings(store(tmp_path))
    assert settings[WINDOW_TAB] == 0 and settings[EXPORT_OPEN_FILE] is True
    settings[WINDOW_TAB] = 2
    settings[EXPORT_OPEN_FILE] = False
    settings.sync()
    again = Settings(store(tmp_path))
    assert again[WINDOW_TAB] == 2 and again[EXPORT_OPEN_FILE] is False
    again.store.setValue(EXPORT_OPEN_FILE.name, "perhaps")
    assert again[EXPORT_OPEN_FILE] is True
    assert "export/open_file" in OPTIONS


def test_a_setting_is_declared_once() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        TextOption("export/format", "xlsx")


def test_settings_of_version_1_are_upgraded_once(tmp_path: Path) -> None:
    old = store(tmp_path)
    old.setValue(VERSION_KEY, 1)
    old.setValue(WINDOW_TAB.name, "1")
    old.sync()
    settings = Settings(store(tmp_path))
    assert settings.version == VERSION
    assert settings[WINDOW_TAB] == 1
    broken = store(tmp_path / "other")
    broken.setValue(VERSION_KEY, 1)
    broken.setValue(WINDOW_TAB.name, "topic")
    upgraded = Settings(broken)
    assert upgraded.store.value(WINDOW_TAB.name) is None and upgraded[WINDOW_TAB] == 0
