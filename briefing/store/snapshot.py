"""A quick, read-only look at a library file with the standard ``sqlite3`` module, for the app's first screen.

Importing SQLAlchemy and the mapped model takes longer than everything else the desktop app does before its
window can be shown. This module recognises a library file and reads the tree of areas and topics (keys, titles
in every language, owner, marking, review date) without either, so the window can show the library while the real
:class:`~briefing.store.Library` is still being opened. It reads the same schema the ORM maps, never writes, and
answers only for a library already at the app's schema revision: a new file or one that needs migrating is left
to :meth:`Library.open <briefing.store.Library.open>`.

It also holds what a file must look like to be a Briefing library, which :mod:`briefing.store.migrate` uses.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import N_, LibraryError
from briefing.model.enums import Marking

HEAD_REVISION = "0004"
"""The newest migration. Opening a library at this revision needs no Alembic import (a test keeps it in step)."""

APPLICATION_ID = 0x42524946  # "BRIF": marks a SQLite file as a Briefing library
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class TopicEntry:
    """A topic as the library tree shows it, from the snapshot or from ``operations.queries.library_tree``."""

    key: str
    titles: dict[str, str]
    owner: str | None
    marking: Marking | None
    reviewed_on: dt.date | None
    area_key: str

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), self.key)


@dataclass(frozen=True, slots=True)
class AreaEntry:
    """A policy area and its topics, in order."""

    key: str
    titles: dict[str, str]
    topics: list[TopicEntry]

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), self.key)


@dataclass(frozen=True, slots=True)
class LibrarySnapshot:
    """What the first screen shows of a library, read in one read transaction."""

    path: Path
    areas: list[AreaEntry]
    has_content: bool
    """Whether the library holds any area, meeting, participant or action (an empty one gets the demo)."""


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_library_file(path: Path) -> bool:
    """Refuse a file that is not a Briefing library. Returns True when the file is new or empty.

    A folder, a device or a pipe is refused without being opened.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise LibraryError(
            N_("{path} cannot be read as a library: {reason}"), path=path, reason=exc.strerror
        ) from exc
    if not stat.S_ISREG(status.st_mode):
        raise LibraryError(N_("{path} is not a library file (it is a folder or a device)."), path=path)
    if status.st_size == 0:
        return True
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise LibraryError(N_("{path} is not a Briefing library (it is not an SQLite database)."), path=path)
    try:
        connection = _read_only(path)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[
                0
            ]
            unmarked_library = app_id == 0 and tables > 0 and _looks_like_briefing(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if _read_only_here(path):  # SQLite cannot make its shared-memory file next to a library in WAL mode
            raise LibraryError(
                N_(
                    "The library {path} is on a read-only disk or folder: copy it somewhere you can write to."
                ),
                path=path,
            ) from exc
        raise LibraryError(N_("{path} cannot be read as a library: {reason}"), path=path, reason=exc) from exc
    if app_id == APPLICATION_ID or unmarked_library:
        return False
    if tables == 0:
        return True
    raise LibraryError(N_("{path} is a database of another application, not a Briefing library."), path=path)


def _looks_like_briefing(connection: sqlite3.Connection) -> bool:
    """Whether a file without an application id is a library made before Briefing marked its files.

    Such a file has Briefing's tables and one of its schema revisions (four digits); the id is set when it
    is next opened for writing (see :func:`briefing.store.migrate.open_engine`).
    """
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "text_block", "translation", "topic"} <= names:
        return False
    revision = _revision(connection)
    return revision is not None and len(revision) == 4 and revision.isdigit()


def _read_only_here(path: Path) -> bool:
    import os

    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def read_snapshot(path: Path) -> LibrarySnapshot | None:
    """The tree of the library at ``path``, or None when the file is new, empty or not at :data:`HEAD_REVISION`.

    A file that is not a Briefing library raises the same :class:`~briefing.errors.LibraryError` as opening it.
    """
    if check_library_file(path):
        return None
    try:
        connection = _read_only(path)
        try:
            connection.execute("BEGIN")
            if _revision(connection) != HEAD_REVISION:
                return None
            return _read(connection, path)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(N_("{path} cannot be read as a library: {reason}"), path=path, reason=exc) from exc


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only :mod:`sqlite3` connection on the library at ``path``, for commands that only read.

    Only for a library that is ready as it is: an existing Briefing library at :data:`HEAD_REVISION` with some
    content. Otherwise None, and the caller opens it with :meth:`Library.open <briefing.store.Library.open>`,
    which creates, migrates or fills it. A file that is not a Briefing library raises :class:`LibraryError`.
    """
    if check_library_file(path):
        return None
    try:
        connection = _read_only(path)
        try:
            if _revision(connection) == HEAD_REVISION and _has_content(connection):
                return connection
        except BaseException:
            connection.close()
            raise
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(N_("{path} cannot be read as a library: {reason}"), path=path, reason=exc) from exc
    return None


def _has_content(connection: sqlite3.Connection) -> bool:
    return any(
        connection.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        for table in ("area", "meeting", "participant", "action")
    )


def _revision(connection: sqlite3.Connection) -> str | None:
    exists = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not exists:
        return None
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _read(connection: sqlite3.Connection, path: Path) -> LibrarySnapshot:
    titles: dict[int, dict[str, str]] = {}
    for block_id, lang, text in connection.execute(
        "SELECT block_id, lang, text FROM translation WHERE block_id IN "
        "(SELECT title_id FROM area UNION ALL SELECT title_id FROM topic) ORDER BY id"
    ):
        titles.setdefault(block_id, {})[lang] = text
    areas = connection.execute("SELECT id, key, title_id FROM area ORDER BY position, id").fetchall()
    keys = {area_id: key for area_id, key, _title in areas}
    by_area: dict[int, list[TopicEntry]] = {}
    for area_id, key, title_id, owner, marking, reviewed_on in connection.execute(
        "SELECT area_id, key, title_id, owner, marking, reviewed_on FROM topic ORDER BY position, id"
    ):
        by_area.setdefault(area_id, []).append(
            TopicEntry(
                key,
                titles.get(title_id, {}),
                owner,
                Marking(marking) if marking is not None else None,
                dt.date.fromisoformat(reviewed_on) if reviewed_on else None,
                keys[area_id],
            )
        )
    entries = [
        AreaEntry(key, titles.get(title_id, {}), by_area.get(area_id, [])) for area_id, key, title_id in areas
    ]
    has_content = bool(entries) or _has_content(connection)
    return LibrarySnapshot(path, entries, has_content)
