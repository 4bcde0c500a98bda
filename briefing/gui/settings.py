"""What the app remembers between sessions, declared once with its type and default (Picard style)."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Briefing"
APPLICATION = "Briefing"
VERSION = 1
"""The shape of the stored settings; raise it and upgrade in :meth:`Settings.upgrade` when it changes."""

T = TypeVar("T")


class Settings:
    """Typed access to the app's QSettings (an INI file in the user's configuration folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        self.upgrade()

    def upgrade(self) -> None:
        if self._get("settings_version", 0, int) < VERSION:
            self.store.setValue("settings_version", VERSION)

    def _get(self, key: str, default: T, kind: type[T]) -> T:
        value: Any = self.store.value(key, default)
        if value is None:
            return default
        if kind is bool and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        try:
            return kind(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return default

    def get_str(self, key: str, default: str = "") -> str:
        return self._get(key, default, str)

    def get_bool(self, key: str, default: bool = False) -> bool:
        return self._get(key, default, bool)

    def set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    def get_bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None

    def sync(self) -> None:
        self.store.sync()
