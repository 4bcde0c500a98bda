"""Briefing: a desktop briefing-pack builder for ministerial advisers.

The package is split into a Qt-free core (model, store, i18n, assemble, render, interchange, preflight, cli)
and a thin PySide6 layer in :mod:`briefing.gui`.
"""

from briefing.versions import package_version

__version__ = package_version()
