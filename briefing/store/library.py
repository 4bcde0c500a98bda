"""The library: an opened, migrated database and the units of work that read and change it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import sessionmaker

from briefing.errors import BriefingError
from briefing.files import protect_library, release_library
from briefing.store import backup
from briefing.store.limits import check_pending
from briefing.store.location import resolve_location, sqlite_path
from briefing.store.migrate import open_engine
from briefing.store.unit_of_work import UnitOfWork
from briefing.store.watch import ChangeStamp, ChangeWatcher, editor_name


class Library:
    """An opened library. Use :meth:`unit_of_work` for every change and :meth:`reading` for read-only jobs.

    While it is open, no output file may be written over the library or its working files
    (:func:`~briefing.files.protect_library`). A SQLite library is backed up automatically into the ``backups/``
    folder beside it: when opened (at most every :data:`~briefing.store.backup.ON_OPEN_EVERY`) and while it is
    being changed (at most every :data:`~briefing.store.backup.WHILE_EDITING_EVERY`).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=True)
        event.listen(self._sessions, "before_flush", check_pending)
        self.stamp = ChangeStamp(engine, self._sessions, editor_name(engine))
        """Stamps every commit and names each row's editor (see :mod:`briefing.store.watch`)."""
        self._file = sqlite_path(engine.url)
        self._last_backup: dt.datetime | None = None
        self._protected = self._file is not None
        if self._file is not None:
            protect_library(self._file)
            self._last_backup = backup.last_backup_time(self._file)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | URL | None = None, *, create: bool = True) -> Library:
        """Open (creating and migrating when needed) the library at ``db``, ``BRIEFING_DB`` or the default."""
        url = db if isinstance(db, URL) else resolve_location(db)
        path = sqlite_path(url)
        existed = path is not None and path.is_file() and path.stat().st_size > 0
        library = cls(open_engine(url, create=create))
        if existed:
            library._back_up_if_older_than(backup.ON_OPEN_EVERY)
        else:
            library._last_backup = dt.datetime.now(
                dt.UTC
            )  # a new library: the first backup after some editing
        return library

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def path(self) -> Path | None:
        return self._file

    def unit_of_work(self) -> UnitOfWork:
        """A transaction: committed when the ``with`` block ends normally, rolled back on an exception."""
        return UnitOfWork(self._sessions, after_commit=self._after_commit)

    def reading(self) -> UnitOfWork:
        """A read-only transaction on one consistent snapshot of the library, for exports, checks and listings.

        Nothing is written: the transaction is rolled back when the block ends.
        """
        return UnitOfWork(self._sessions, read_only=True)

    def watcher(self) -> ChangeWatcher:
        """A watcher telling whether another copy of the app committed a change; close it when done."""
        return ChangeWatcher(self.engine, self.stamp)

    def back_up(self) -> Path | None:
        """An automatic backup now, before a wholesale change; None for a library on a database server."""
        if self._file is None:
            return None
        made = backup.make_automatic_backup(self._file)
        self._last_backup = dt.datetime.now(dt.UTC)
        return made

    def _after_commit(self) -> None:
        self._back_up_if_older_than(backup.WHILE_EDITING_EVERY)

    def _back_up_if_older_than(self, age: dt.timedelta) -> None:
        """An automatic backup when the last one is older than ``age``; a failure never stops the work."""
        if self._file is None:
            return
        now = dt.datetime.now(dt.UTC)
        if self._last_backup is not None and now - self._last_backup < age:
            return
        self._last_backup = now  # tried once per period, even when it fails (a full disk)
        with contextlib.suppress(BriefingError, OSError):
            backup.make_automatic_backup(self._file)

    def close(self) -> None:
        self.engine.dispose()
        if self._file is not None and self._protected:
            release_library(self._file)
            self._protected = False

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
