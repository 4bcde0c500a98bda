"""Versions a user reports with a problem: Briefing's own, Python's and the Qt binding's.

Read from the installed package metadata, so the command line can report the Qt binding without importing Qt
(which would cost a second at every start). The metadata of a frozen bundle is copied in by the bundle spec.
"""

from __future__ import annotations

import platform
from importlib import metadata

#: The distributions that can provide the PySide6 modules, most specific first.
QT_BINDING_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


def package_version() -> str:
    """Briefing's version from its installed metadata (pyproject.toml is the one place it is written)."""
    try:
        return metadata.version("briefing")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def qt_binding_version() -> str | None:
    """The installed PySide6 version, or None when no binding is installed."""
    for name in QT_BINDING_DISTRIBUTIONS:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def version_report() -> str:
    """One line for ``briefing --version``: Briefing, Python and PySide6 versions."""
    qt = qt_binding_version()
    binding = f"PySide6 {qt}" if qt else "PySide6 not installed"
    return f"briefing {package_version()} (Python {platform.python_version()}, {binding})"
