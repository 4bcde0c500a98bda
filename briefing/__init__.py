"""Briefing: a desktop briefing-pack builder for ministerial advisers.

The package is split into a Qt-free core (model, store, i18n, selection, assemble, render, interchange, preflight,
cli) and a thin PySide6 layer in :mod:`briefing.gui`.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """``__version__`` is read from the package metadata when asked for: reading it costs every process
    (every ``briefing export``) a tenth of a second otherwise."""
    if name == "__version__":
        from briefing.versions import package_version

        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
