"""Persistence: where the library lives, opening and migrating it, units of work and search."""

from briefing.store.library import Library
from briefing.store.unit_of_work import UnitOfWork

__all__ = ["Library", "UnitOfWork"]
