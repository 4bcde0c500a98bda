"""A pytest plugin that makes Qt unimportable, to prove the core and its tests need no PySide6.

Used as ``python -m pytest -p tests.support.no_qt -p no:pytest-qt …``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


class BlockQt:
    """A meta-path finder that refuses every Qt binding."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".", maxsplit=1)[0] in QT_MODULES:
            raise ImportError(f"Qt is not available in this run: {name}")
        return None


sys.meta_path.insert(0, BlockQt())
