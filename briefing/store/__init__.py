"""Persistence: where the library lives, opening and migrating it, units of work and search.

:class:`Library` and :class:`UnitOfWork` need SQLAlchemy; they are imported on first use (PEP 562), so the light
modules of this package (:mod:`~briefing.store.location`, :mod:`~briefing.store.snapshot`) import without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.store.library import Library
    from briefing.store.unit_of_work import UnitOfWork


def __getattr__(name: str) -> Any:
    if name == "Library":
        from briefing.store.library import Library

        return Library
    if name == "UnitOfWork":
        from briefing.store.unit_of_work import UnitOfWork

        return UnitOfWork
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Library", "UnitOfWork"]
