"""Backups of a SQLite library: on demand, automatically in a rotating ``backups/`` folder, and restoring one.

Every copy goes through SQLite's online backup API, which reads one consistent state of a library that may be in
use, and ``PRAGMA integrity_check`` runs on the source before and on the copy after. A backup is a single file
(rollback journal, no ``-wal``), written through :func:`~briefing.files.atomic_output`.

Restoring copies a backup *into* the library through the same API while holding SQLite's exclusive lock: nobody
else can have the library open (another process that has it open makes the restore fail at once), the copy is one
write transaction, and SQLite itself settles the library's own ``-wal``: an old write-ahead log is never replayed
onto the restored copy, as it is when a backup file is copied over a library whose ``-wal`` is still there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from briefing.errors import N_, BriefingError, LibraryError
from briefing.files import BACKUP_FOLDER, atomic_output
from briefing.store.failures import disk_full
from briefing.store.snapshot import APPLICATION_ID, check_library_file

KEEP = 10
"""How many automatic backups the ``backups/`` folder keeps."""
ON_OPEN_EVERY = dt.timedelta(hours=12)
"""Opening a library backs it up when its newest automatic backup is older than this."""
WHILE_EDITING_EVERY = dt.timedelta(minutes=30)
"""A commit backs the library up when its newest automatic backup is older than this."""
LOCK_TIMEOUT_S = 0.5
_SQLITE_FULL = 13
_DMS_BYTE = 128  # SQLite's unix VFS: UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8)
_STAMP = "%Y%m%dT%H%M%S%fZ"


def backup_folder(library: Path) -> Path:
    return library.parent / BACKUP_FOLDER


def automatic_backups(library: Path) -> list[Path]:
    """The automatic backups of ``library``, newest first."""
    found = [
        (stamp, path) for path in _candidates(library) if (stamp := _stamp_of(library, path)) is not None
    ]
    return [path for _stamp, path in sorted(found, reverse=True)]


def backup_time(library: Path, backup: Path) -> dt.datetime | None:
    """When an automatic backup was taken (from its name), or None for another file."""
    return _stamp_of(library, backup)


def last_backup_time(library: Path) -> dt.datetime | None:
    newest = next(iter(automatic_backups(library)), None)
    return None if newest is None else _stamp_of(library, newest)


def backup_library(library: Path, target: Path) -> Path:
    """Copy the library to ``target``, checking the integrity of both; ``target`` appears only when complete."""
    if (
        not library.is_file() or library.stat().st_size == 0
    ):  # not opened here: closing a file drops its locks
        raise LibraryError(N_("There is no library at {path}."), path=library)
    try:
        source = _connect(library)
        try:
            with atomic_output(target) as temporary:
                _copy(source, library, temporary)
        finally:
            source.close()
    except sqlite3.Error as exc:
        if exc.sqlite_errorcode & 0xFF == _SQLITE_FULL:
            raise disk_full() from exc  # said as such: the work that wanted the backup stops for the same reason
        raise LibraryError(
            N_("The library {path} cannot be backed up: {reason}"), path=library, reason=exc
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise disk_full() from exc
        raise
    return target


def make_automatic_backup(library: Path, *, prune: bool = True, now: dt.datetime | None = None) -> Path:
    """A new backup in the ``backups/`` folder beside ``library``; the oldest beyond :data:`KEEP` are removed."""
    folder = backup_folder(library)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise LibraryError(N_("The backup folder {folder} cannot be created: {reason}"), folder=folder,
                           reason=exc.strerror or exc) from exc  # fmt: skip
    stamp = (now or dt.datetime.now(dt.UTC)).strftime(_STAMP)
    target = backup_library(library, folder / f"{library.stem}-{stamp}{library.suffix or '.sqlite'}")
    if prune:
        prune_backups(library)
    return target


def prune_backups(library: Path, keep: int = KEEP) -> None:
    for old in automatic_backups(library)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def restore_library(library: Path, backup: Path) -> Path | None:
    """Replace the content of ``library`` with the backup file ``backup``, in one transaction.

    Refused when another program has the library open or the backup is not a sound Briefing library. The library
    as it was is first saved as an automatic backup (when it can still be read), whose path is returned.
    """
    saved: Path | None = None
    if library.exists() and not library.is_file():
        raise LibraryError(N_("{path} is not a library file (it is a folder or a device)."), path=library)
    if check_library_file(backup):
        raise LibraryError(N_("{path} is empty: it is not a backup of a library."), path=backup)
    if library.exists() and os.path.samefile(library, backup):
        raise LibraryError(N_("{path} is the library itself, not a backup of it."), path=backup)
    incoming = _connect(backup)
    try:
        _check(incoming, backup)
        if not library.exists() or library.stat().st_size == 0 or _unreadable(library):
            _replace_file(library, incoming, backup)
        else:
            with _exclusive(library) as live:
                if live.execute("PRAGMA application_id").fetchone()[0] not in (0, APPLICATION_ID):
                    raise LibraryError(
                        N_("{path} is a database of another application, not a Briefing library."),
                        path=library,
                    )
                with contextlib.suppress(
                    BriefingError, sqlite3.Error
                ):  # a damaged library is not saved first
                    saved = _copy_to_backups(live, library)
                incoming.backup(live)
                _check(live, library)
    except sqlite3.Error as exc:
        raise LibraryError(N_("{path} cannot be restored: {reason}"), path=backup, reason=exc) from exc
    finally:
        incoming.close()
    prune_backups(library)
    return saved


def server_backup_error() -> LibraryError:
    """What ``backup`` and ``restore`` say for a library on a database server."""
    return LibraryError(
        N_(
            "A library on a database server is backed up and restored with the server's own tools "
            "(pg_dump and pg_restore for PostgreSQL), not by Briefing."
        )
    )


def _copy_to_backups(live: sqlite3.Connection, library: Path) -> Path:
    folder = backup_folder(library)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    target = folder / f"{library.stem}-{stamp}{library.suffix or '.sqlite'}"
    with atomic_output(target) as temporary:
        _copy(live, library, temporary)
    return target


@contextlib.contextmanager
def _exclusive(library: Path) -> Iterator[sqlite3.Connection]:
    """A connection holding the library's exclusive lock until the block ends, or a clear refusal."""
    refusal = LibraryError(
        N_("The library {path} is open in another program (or another window): close it, then restore."),
        path=library,
    )
    if _shared_memory_in_use(library):
        raise refusal
    live = sqlite3.connect(library, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    try:
        live.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            live.execute("BEGIN EXCLUSIVE")
            live.execute("COMMIT")  # the exclusive lock stays until the connection closes
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            raise refusal from exc
        yield live
    finally:
        live.close()


def _shared_memory_in_use(library: Path) -> bool:
    """Whether another connection has the library open in WAL mode, even idle.

    Every such connection holds a read lock on the "DMS" byte of the ``-shm`` file for as long as it is open
    (SQLite's unix VFS: byte 128); a write lock on that byte is granted only when nobody does. This process must
    not have the library open itself (closing the probe would drop its own locks), which restoring requires anyway.
    """
    shm = library.with_name(library.name + "-shm")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite's own exclusive lock is the test
        return False
    try:
        handle = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _DMS_BYTE)
    except OSError:
        return True
    finally:
        os.close(handle)
    return False


def _unreadable(library: Path) -> bool:
    """Whether SQLite cannot read the library at all (a damaged header): then the file itself is replaced."""
    try:
        connection = _connect(library)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return "locked" not in str(exc) and "busy" not in str(exc)
    return False


def _replace_file(library: Path, incoming: sqlite3.Connection, backup: Path) -> None:
    """Put a copy of the backup in place of a library SQLite cannot read (or that does not exist yet)."""
    temporary = library.with_name(f".{library.name}.restoring")
    try:
        _copy(incoming, backup, temporary)
        for side in ("-wal", "-shm", "-journal"):  # they belong to the damaged file: never replay them
            library.with_name(library.name + side).unlink(missing_ok=True)
        os.replace(temporary, library)
    except OSError as exc:
        raise LibraryError(
            N_("{path} cannot be restored: {reason}"), path=backup, reason=exc.strerror or exc
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _copy(source: sqlite3.Connection, source_path: Path, target: Path) -> None:
    _check(source, source_path)
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one file
        _check(copy, target)
    finally:
        copy.close()


def _check(connection: sqlite3.Connection, path: Path) -> None:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        raise LibraryError(
            N_("{path} is damaged (SQLite integrity check: {reason})."), path=path, reason="; ".join(rows[:3])
        )


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=5)


def _candidates(library: Path) -> list[Path]:
    folder = backup_folder(library)
    try:
        return [path for path in folder.iterdir() if path.is_file()]
    except OSError:
        return []


def _stamp_of(library: Path, backup: Path) -> dt.datetime | None:
    name = backup.name
    prefix, suffix = f"{library.stem}-", library.suffix or ".sqlite"
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    try:
        return dt.datetime.strptime(name[len(prefix) : len(name) - len(suffix)], _STAMP).replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


__all__ = [
    "KEEP",
    "ON_OPEN_EVERY",
    "WHILE_EDITING_EVERY",
    "automatic_backups",
    "backup_folder",
    "backup_library",
    "backup_time",
    "last_backup_time",
    "make_automatic_backup",
    "prune_backups",
    "restore_library",
    "server_backup_error",
]
