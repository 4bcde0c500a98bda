"""Seeing that someone else changed the library, and who last changed each record.

Several copies of the app can have one library open: advisers sharing a PostgreSQL library, or two windows on
one file. Every unit of work that writes also bumps the one-row ``library_stamp`` table in the same transaction
(its serial number and this copy's writer id), and on PostgreSQL sends ``NOTIFY briefing_library`` with both,
delivered when the transaction commits. A :class:`ChangeWatcher` tells a copy of the app whether *another*
writer committed since it last asked: it drains the notifications it ``LISTEN``\\s to on PostgreSQL, and falls
back to reading the stamp (on SQLite, and on a server where listening is not possible).

Each row written by a unit of work also records its editor in ``updated_by``: the database role on a server
(give every adviser a role of their own), the login name on a laptop.
"""

from __future__ import annotations

import contextlib
import getpass
import threading
import uuid
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from briefing.model.base import Timestamped

CHANNEL = "briefing_library"
"""The PostgreSQL notification channel."""
_WROTE = "briefing_wrote"
"""Key in a DBAPI connection's ``info``: a statement that writes ran in the current transaction."""
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_MOST_SERIALS_CHECKED = 10_000


def editor_name(engine: Engine) -> str:
    """Who the rows this process writes are attributed to: the database role, or the login name."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            role = connection.execute(text("SELECT session_user")).scalar()
        if role:
            return str(role)[:200]
    try:
        return getpass.getuser()[:200]
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "?"


class ChangeStamp:
    """The hooks a library installs on its engine and sessions: stamp each commit, name each row's editor."""

    def __init__(self, engine: Engine, sessions: sessionmaker[Session], editor: str) -> None:
        self.engine = engine
        self.editor = editor
        self.writer_id = uuid.uuid4().hex
        """This copy of the app, as the stamp and the notifications name it."""
        self._own: set[int] = set()
        self._lock = threading.Lock()
        self._postgresql = engine.dialect.name == "postgresql"
        event.listen(engine, "before_cursor_execute", _note_write)
        event.listen(engine, "rollback", _forget_write)
        event.listen(sessions, "before_flush", self._name_editor)
        event.listen(sessions, "before_commit", self._stamp)

    def own(self, serial: int) -> bool:
        """Whether the commit numbered ``serial`` was made by this copy of the app."""
        with self._lock:
            return serial in self._own

    def _name_editor(self, session: Session, _context: Any, _instances: Any) -> None:
        for record in (*session.new, *session.dirty):
            if isinstance(record, Timestamped) and (
                record in session.new or session.is_modified(record, include_collections=False)
            ):
                record.updated_by = self.editor

    def _stamp(self, session: Session) -> None:
        session.flush()
        connection = session.connection()
        if not connection.info.pop(_WROTE, False):
            return
        serial = _bump(connection, self.writer_id)
        with self._lock:
            self._own.add(serial)
        if self._postgresql:
            connection.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": f"{self.writer_id}:{serial}"},
            )


def _bump(connection: Connection, writer: str) -> int:
    connection.execute(
        text("UPDATE library_stamp SET serial = serial + 1, writer = :writer WHERE id = 1"),
        {"writer": writer},
    )
    return int(connection.execute(text("SELECT serial FROM library_stamp WHERE id = 1")).scalar_one())


def _note_write(connection: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
    verb = statement.lstrip()[:7].upper()
    if verb.startswith(_WRITES) and "library_stamp" not in statement:
        connection.info[_WROTE] = True


def _forget_write(connection: Connection) -> None:
    connection.info.pop(_WROTE, None)


class ChangeWatcher:
    """Tells whether another copy of the app committed a change since the last :meth:`poll`.

    Made and polled from one thread (the app's background task); :meth:`close` when done.
    """

    def __init__(self, engine: Engine, stamp: ChangeStamp) -> None:
        self._engine = engine
        self._stamp = stamp
        self._seen = self._read_serial()
        self._listener: Any = None
        if engine.dialect.name == "postgresql":
            self._listener = self._listen()

    @property
    def listening(self) -> bool:
        """Whether changes arrive as PostgreSQL notifications (otherwise the stamp is read)."""
        return self._listener is not None

    def poll(self) -> bool:
        """Whether someone else committed since the last call (or since the watcher was made)."""
        if self._listener is not None:
            try:
                return self._drain()
            except Exception:  # a lost listening connection: fall back to reading the stamp
                self._close_listener()
        serial = self._read_serial()
        first, self._seen = self._seen, serial
        if serial - first > _MOST_SERIALS_CHECKED:
            return True
        return any(not self._stamp.own(number) for number in range(first + 1, serial + 1))

    def close(self) -> None:
        self._close_listener()

    def _read_serial(self) -> int:
        with self._engine.connect() as connection:
            return int(connection.execute(text("SELECT serial FROM library_stamp WHERE id = 1")).scalar_one())

    def _listen(self) -> Any:
        try:
            raw = create_engine(self._engine.url, poolclass=NullPool).raw_connection()
            driver: Any = raw.driver_connection
            driver.autocommit = True
            driver.execute(f"LISTEN {CHANNEL}")
        except Exception:  # e.g. a pooler that does not pass notifications: read the stamp
            return None
        return raw

    def _drain(self) -> bool:
        others = False
        for note in self._listener.driver_connection.notifies(timeout=0):
            writer, _, serial = str(note.payload).partition(":")
            if serial.isdigit():
                self._seen = max(self._seen, int(serial))
            others = others or writer != self._stamp.writer_id
        return others

    def _close_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None


__all__ = ["CHANNEL", "ChangeStamp", "ChangeWatcher", "editor_name"]
