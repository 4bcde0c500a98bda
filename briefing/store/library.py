"""The library: an opened, migrated database and the units of work that read and change it."""

from __future__ import annotations

import os

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import sessionmaker

from briefing.store.limits import check_pending
from briefing.store.location import resolve_location, sqlite_path
from briefing.store.migrate import open_engine
from briefing.store.unit_of_work import UnitOfWork


class Library:
    """An opened library. Use :meth:`unit_of_work` for every read or change."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=True)
        event.listen(self._sessions, "before_flush", check_pending)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | URL | None = None, *, create: bool = True) -> Library:
        """Open (creating and migrating when needed) the library at ``db``, ``BRIEFING_DB`` or the default."""
        url = db if isinstance(db, URL) else resolve_location(db)
        return cls(open_engine(url, create=create))

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def path(self) -> os.PathLike[str] | None:
        return sqlite_path(self.engine.url)

    def unit_of_work(self) -> UnitOfWork:
        """A transaction: committed when the ``with`` block ends normally, rolled back on an exception."""
        return UnitOfWork(self._sessions)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
