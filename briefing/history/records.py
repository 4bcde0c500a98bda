"""The export history of a meeting: one record per file written, numbered 1, 2, 3… within the meeting.

Plain SQL with named parameters, run on a standard :mod:`sqlite3` connection (the command line's fast path, which
imports no SQLAlchemy) or through SQLAlchemy (the app, PostgreSQL), as :mod:`briefing.selection.load` does.
:func:`writing` opens the write transaction a record goes in, on the library an export was read from.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.selection.load import Reader, reader

BUSY_SECONDS = 5.0
"""How long a record waits for another writer of the library (as the library's own connections do)."""

PACK = "pack"
ADDENDUM = "addendum"

_COLUMNS = (
    "kind", "format", "mode", "copy", "template", "template_sha256", "recipient", "copy_number", "copy_count",
    "pack_version", "base_number", "addendum_number", "file_name", "sha256", "size", "created_at", "app_version",
)  # fmt: skip
_LISTED = "r.number, m.slug, " + ", ".join(f"r.{name}" for name in _COLUMNS)


def format_time(moment: dt.datetime) -> str:
    """How a record's time is stored: ISO 8601 in UTC, to the second ("2024-06-03T09:15:00Z")."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class NewRecord:
    """What is recorded about a file just written (its number is given when it is recorded)."""

    kind: str
    format: str
    mode: str
    copy: str
    pack_version: int
    file_name: str
    sha256: str
    size: int
    created_at: dt.datetime
    app_version: str
    outline: bytes
    template: str | None = None
    template_sha256: str | None = None
    recipient: str | None = None
    copy_number: int | None = None
    copy_count: int | None = None
    base_number: int | None = None
    addendum_number: int | None = None


@dataclass(frozen=True)
class ExportRecord:
    """A recorded export, as the history lists it."""

    number: int
    meeting: str
    """The meeting's slug."""
    kind: str
    format: str
    mode: str
    copy: str
    template: str | None
    template_sha256: str | None
    recipient: str | None
    copy_number: int | None
    copy_count: int | None
    pack_version: int
    base_number: int | None
    addendum_number: int | None
    file_name: str
    sha256: str
    size: int
    created_at: dt.datetime
    app_version: str

    @property
    def is_addendum(self) -> bool:
        return self.kind == ADDENDUM


def _record(row: Sequence[Any]) -> ExportRecord:
    values = list(row)
    created = _COLUMNS.index("created_at") + 2
    values[created] = parse_time(str(values[created]))
    return ExportRecord(*values)


def meeting_id(read: Reader, meeting: int | str) -> int:
    """The id of ``meeting`` (an id or a slug); :class:`NotFoundError` when there is none."""
    column = "id" if isinstance(meeting, int) else "slug"
    rows = list(read(f"SELECT id FROM meeting WHERE {column} = :key", {"key": meeting}))
    if not rows:
        raise NotFoundError(N_("No {kind} named “{key}” in the library."), kind="meeting", key=meeting)
    return int(rows[0][0])


def insert_record(read: Reader, meeting: int | str, record: NewRecord) -> int:
    """Record ``record`` for ``meeting`` in the open write transaction ``read``; returns its number."""
    ident = meeting_id(read, meeting)
    values = {name: getattr(record, name) for name in _COLUMNS}
    values["created_at"] = format_time(record.created_at)
    names = ", ".join(_COLUMNS)
    placeholders = ", ".join(f":{name}" for name in _COLUMNS)
    read(
        f"INSERT INTO export_record (meeting_id, number, {names}, outline) "
        f"SELECT :meeting, COALESCE(MAX(number), 0) + 1, {placeholders}, :outline "
        "FROM export_record WHERE meeting_id = :meeting",
        {**values, "meeting": ident, "outline": record.outline},
    )
    rows = list(read("SELECT MAX(number) FROM export_record WHERE meeting_id = :m", {"m": ident}))
    return int(rows[0][0])


def list_records(source: Any, meeting: int | str) -> list[ExportRecord]:
    """Every recorded export of ``meeting``, oldest first."""
    read = reader(source)
    ident = meeting_id(read, meeting)
    rows = read(
        f"SELECT {_LISTED} FROM export_record r JOIN meeting m ON m.id = r.meeting_id "
        "WHERE r.meeting_id = :m ORDER BY r.number",
        {"m": ident},
    )
    return [_record(row) for row in rows]


def find_record(source: Any, meeting: int | str, number: int) -> tuple[ExportRecord, bytes]:
    """Record ``number`` of ``meeting`` and its outline snapshot; :class:`NotFoundError` when there is none."""
    read = reader(source)
    ident = meeting_id(read, meeting)
    rows = list(
        read(
            f"SELECT {_LISTED}, r.outline FROM export_record r JOIN meeting m ON m.id = r.meeting_id "
            "WHERE r.meeting_id = :m AND r.number = :n",
            {"m": ident, "n": number},
        )
    )
    if not rows:
        raise NotFoundError(
            N_("The meeting “{meeting}” has no recorded export number {number} (see `briefing history`)."),
            meeting=meeting,
            number=number,
        )
    *listed, outline = rows[0]
    return _record(listed), bytes(outline)


def next_addendum_number(source: Any, meeting: int | str, base: int) -> int:
    """The number of the next addendum to version ``base``: 1 for the first."""
    read = reader(source)
    ident = meeting_id(read, meeting)
    rows = list(
        read(
            "SELECT COUNT(*) FROM export_record WHERE meeting_id = :m AND kind = :kind AND base_number = :base",
            {"m": ident, "kind": ADDENDUM, "base": base},
        )
    )
    return int(rows[0][0]) + 1


class HistoryError(BriefingError):
    """The export could not be recorded in the library's history."""


@contextmanager
def writing(source: Any) -> Iterator[Reader]:
    """A write transaction on the library ``source`` reads from, committed when the block ends normally.

    ``source`` is a :class:`~briefing.store.Library`, a unit of work on one (its read-only snapshot is left
    alone: the record is written beside it) or a :mod:`sqlite3` connection on a library file (then a connection
    of its own writes, with the standard module only).
    """
    if isinstance(source, sqlite3.Connection):
        with _sqlite_writing(source) as read:
            yield read
        return
    engine = getattr(source, "engine", None)
    if engine is None:
        engine = source.session.get_bind()
    with engine.begin() as connection:
        run = reader(connection)
        if connection.dialect.name == "sqlite":
            yield run
            return
        locked = False

        def read(sql: str, params: Any) -> Any:
            nonlocal locked
            if (
                not locked
            ):  # one export recorded at a time per library: numbers never collide between advisers
                run("LOCK TABLE export_record IN SHARE ROW EXCLUSIVE MODE", {})
                locked = True
            return run(sql, params)

        yield read


@contextmanager
def _sqlite_writing(source: sqlite3.Connection) -> Iterator[Reader]:
    path = next((row[2] for row in source.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path:
        raise HistoryError(N_("The export cannot be recorded: the library is not a file."))
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    run = reader(connection)
    begun = False

    def read(sql: str, params: Any) -> Any:
        nonlocal begun
        if not begun:  # the write lock is taken at the first statement, not while the file is being made
            connection.execute("BEGIN IMMEDIATE")
            begun = True
        return run(sql, params)

    try:
        connection.execute("PRAGMA foreign_keys = ON")
        try:
            yield read
        except BaseException:
            if begun:
                connection.execute("ROLLBACK")
            raise
        if begun:
            connection.execute("COMMIT")
    finally:
        connection.close()


__all__ = [
    "ADDENDUM",
    "PACK",
    "ExportRecord",
    "HistoryError",
    "NewRecord",
    "find_record",
    "format_time",
    "insert_record",
    "list_records",
    "meeting_id",
    "next_addendum_number",
    "parse_time",
    "writing",
]
