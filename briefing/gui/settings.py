"""What the app remembers between sessions, each setting declared once with its type and default (Picard's
``options.py``).

A module that needs a setting imports its declaration and reads ``settings[OPTION]``; a value stored with
another type, or not stored at all, reads as the default. :data:`VERSION` is the shape of the stored settings:
when it changes, :data:`UPGRADES` turns an older file into the current shape once, on start-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

ORGANISATION = "Briefing"
APPLICATION = "Briefing"

T = TypeVar("T")

OPTIONS: dict[str, Option[Any]] = {}
"""Every declared setting, by name."""


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key in the settings file and its default."""

    name: str
    default: T

    def __post_init__(self) -> None:
        if self.name in OPTIONS:
            raise ValueError(f"setting {self.name!r} declared twice")
        OPTIONS[self.name] = self

    def convert(self, value: object) -> T:
        """``value`` as read from the file, as this setting's type (raise ``TypeError``/``ValueError`` if not)."""
        raise NotImplementedError


@dataclass(frozen=True)
class TextOption(Option[str]):
    def convert(self, value: object) -> str:
        if not isinstance(value, str | int | float):
            raise TypeError(value)
        return str(value)


@dataclass(frozen=True)
class BoolOption(Option[bool]):
    def convert(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError(value)


@dataclass(frozen=True)
class IntOption(Option[int]):
    def convert(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(value)
        return int(value)


@dataclass(frozen=True)
class TextMapOption(Option[dict[str, str]]):
    """Texts by name (e.g. the last export folder of each meeting), kept as one JSON object."""

    def convert(self, value: object) -> dict[str, str]:
        if not isinstance(value, str):
            raise TypeError(value)
        loaded = json.loads(value)
        if not isinstance(loaded, dict):
            raise ValueError(value)
        return {str(k): str(v) for k, v in loaded.items() if isinstance(v, str)}


@dataclass(frozen=True)
class BytesOption(Option[QByteArray | None]):
    """Saved window geometry and the like: no default."""

    def convert(self, value: object) -> QByteArray | None:
        if not isinstance(value, QByteArray):
            raise TypeError(value)
        return value


# --- the settings --------------------------------------------------------------------------------------------

UI_LANGUAGE = TextOption("ui/language", "")
"""The interface language ("" until chosen: the system's)."""

WINDOW_GEOMETRY = BytesOption("window/geometry", None)
WINDOW_STATE = BytesOption("window/state", None)
WINDOW_SPLITTER = BytesOption("window/splitter", None)
WINDOW_TAB = IntOption("window/tab", 0)
LAST_TOPIC = TextOption("window/last_topic", "")
"""The topic open when the window was last closed: opened again on start."""
EDITOR_SPLITTER = BytesOption("editor/splitter", None)
"""The topic editor's split between the topic's details and its items."""
TEXTS_SPLITTER = BytesOption("texts/splitter", None)
TEXTS_HEADER = BytesOption("texts/header", None)
"""The texts table's column widths and sort order."""

BUILDER_MEETING = TextOption("builder/meeting", "")
BUILDER_MODE = TextOption("builder/mode", "en")
BUILDER_COPY = TextOption("builder/copy", "internal")
BUILDER_SPLITTER = BytesOption("builder/splitter", None)
BUILDER_PREVIEW_SPLITTER = BytesOption("builder/preview_splitter", None)

EXPORT_FORMAT = TextOption("export/format", "docx")
EXPORT_MODE = TextOption("export/mode", "en")
EXPORT_COPY = TextOption("export/copy", "internal")
EXPORT_TEMPLATE = TextOption("export/template", "")
EXPORT_FOLDER = TextOption("export/folder", "")
EXPORT_OPEN_FILE = BoolOption("export/open_file", True)
EXPORT_OPEN_FOLDER = BoolOption("export/open_folder", False)
EXPORT_MEETING_FOLDERS = TextMapOption("export/meeting_folders", {})
"""The folder each meeting's pack was last exported to, by meeting slug."""
LIBRARY_EXPORT_FOLDER = TextOption("export/library_folder", "")

TRANSLATIONS_LANG = TextOption("translations/lang", "fr")
TRANSLATIONS_FOLDER = TextOption("translations/folder", "")
TRANSLATIONS_OPEN_FILE = BoolOption("translations/open_file", True)

IMPORT_FOLDER = TextOption("import/folder", "")

VERSION_KEY = "settings_version"
VERSION = 2
"""The shape of the stored settings; raise it and add an upgrade to :data:`UPGRADES` when it changes."""


def _tab_as_number(store: QSettings) -> None:
    """Version 1 kept the open tab as text and could keep a value that is not a tab number; 2 keeps a number."""
    value = store.value(WINDOW_TAB.name)
    if value is None:
        return
    text = str(value)
    if text.isdigit():
        store.setValue(WINDOW_TAB.name, int(text))
    else:
        store.remove(WINDOW_TAB.name)


UPGRADES: dict[int, Callable[[QSettings], None]] = {2: _tab_as_number}
"""The step bringing settings of version ``n - 1`` to version ``n``, by ``n``."""


class Settings:
    """Typed access to the app's QSettings (an INI file in the user's configuration folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        self.upgrade()

    @property
    def version(self) -> int:
        try:
            return int(str(self.store.value(VERSION_KEY, 0)))
        except ValueError:
            return 0

    def upgrade(self) -> None:
        """Bring settings written by an older version of the app to the current shape, one step at a time."""
        version = self.version
        if version >= VERSION:
            return
        for step in range(max(version, 1) + 1, VERSION + 1):
            UPGRADES[step](self.store)
        self.store.setValue(VERSION_KEY, VERSION)

    def __getitem__(self, option: Option[T]) -> T:
        value = self.store.value(option.name)
        if value is None:
            return option.default
        try:
            return option.convert(value)
        except (TypeError, ValueError):
            return option.default

    def __setitem__(self, option: Option[T], value: T) -> None:
        if value is None:
            self.store.remove(option.name)
        elif isinstance(option, TextMapOption):
            self.store.setValue(option.name, json.dumps(value, ensure_ascii=False, sort_keys=True))
        else:
            self.store.setValue(option.name, value)

    def sync(self) -> None:
        self.store.sync()


def remember_splitter(settings: Settings, splitter: QSplitter, option: BytesOption) -> None:
    """Give ``splitter`` the sizes the user last left it at, and keep them whenever the user moves it."""
    state = settings[option]
    if state is not None:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda _pos, _index: settings.__setitem__(option, splitter.saveState()))
