"""Versions a user reports with a problem: Briefing's own, Python's and the Qt binding's.

Read from the installed package metadata, so the command line can report the Qt binding without importing Qt
(which would cost a second at every start). The metadata of a frozen bundle is copied in by the bundle spec.
"""

from __future__ import annotations

import os
import platform
import sys

#: The distributions that can provide the PySide6 modules, most specific first.
QT_BINDING_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


def package_version() -> str:
    """Briefing's version from its installed metadata (pyproject.toml is the one place it is written)."""
    found = _installed_version("briefing")
    if found is None:  # an unusual layout: ask importlib.metadata, which knows every kind of finder
        from importlib import metadata

        try:
            found = metadata.version("briefing")
        except metadata.PackageNotFoundError:
            found = None
    return found or "0+unknown"


def _installed_version(name: str) -> str | None:
    """The ``Version`` of the first ``name-*.dist-info`` on the import path, as :mod:`importlib.metadata` finds
    it, read without importing that module (and the e-mail parser it brings: a tenth of a second per export)."""
    prefix = f"{name}-"
    bundle = getattr(
        sys, "_MEIPASS", None
    )  # a frozen bundle keeps the metadata it was given in its own folder
    for entry in [bundle, *sys.path] if isinstance(bundle, str) else sys.path:
        try:
            with os.scandir(entry or ".") as found:
                folders = sorted(
                    e.path for e in found if e.name.startswith(prefix) and e.name.endswith(".dist-info")
                )
        except OSError:
            continue
        for folder in folders:
            try:
                with open(os.path.join(folder, "METADATA"), encoding="utf-8") as metadata_file:
                    for line in metadata_file:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():
                            break  # the headers end at the first empty line
            except OSError:
                continue
    return None


def qt_binding_version() -> str | None:
    """The installed PySide6 version, or None when no binding is installed."""
    from importlib import metadata

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
