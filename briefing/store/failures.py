"""What a database error means for the user: busy, full, read-only, damaged, … each with its own true message.

A driver reports very different situations through the same exception classes. Telling someone to restore a
backup because another program held the lock for a few seconds would make them throw away a library that is
fine, so only the errors that really mean a damaged file (SQLite's ``SQLITE_CORRUPT`` and ``SQLITE_NOTADB``)
say so. Everything else says what happened and that nothing was saved: the unit of work rolled back.
"""

from __future__ import annotations

from typing import Any

from briefing.errors import N_, LibraryError

# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_TOOBIG = 18
_SQLITE_CONSTRAINT = 19
_SQLITE_NOTADB = 26
_SQLITE_IOERR_NOMEM = 10 | (12 << 8)

_BUSY_STATES = ("40001", "40P01", "55P03", "55006")
"""PostgreSQL: serialization failure, deadlock, lock not available, object in use."""


def _reason(exc: BaseException) -> Any:
    orig = getattr(exc, "orig", None)
    return orig if orig is not None else exc


def library_failure(exc: BaseException) -> LibraryError | None:
    """The :class:`LibraryError` to show for a database error, or None when ``exc`` is not one."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError, NoSuchModuleError

    if isinstance(exc, NoSuchModuleError):
        return LibraryError(N_("The library address names a kind of database Briefing cannot use."))
    reason = _reason(exc)
    if not isinstance(exc, (DBAPIError, sqlite3.Error)):
        return None
    code = getattr(reason, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _sqlite_failure(code, reason)
    state = getattr(reason, "sqlstate", None) or getattr(reason, "pgcode", None)
    if isinstance(state, str):
        return _postgresql_failure(state, reason)
    return _other_failure(reason)


def _sqlite_failure(code: int, reason: object) -> LibraryError:
    primary = code & 0xFF
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return busy()
    if primary == _SQLITE_FULL:
        return disk_full()
    if primary == _SQLITE_READONLY:
        return read_only()
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return LibraryError(
            N_("The library cannot be read: {reason}. Restore it from a backup copy."), reason=reason
        )
    if primary == _SQLITE_CONSTRAINT:
        return conflict(reason)
    if primary == _SQLITE_TOOBIG:
        return LibraryError(
            N_("A text is too large for the library: {reason}. Nothing was saved."), reason=reason
        )
    if primary == _SQLITE_NOMEM or code == _SQLITE_IOERR_NOMEM:
        return LibraryError(
            N_("There is not enough memory to finish: {reason}. Nothing was saved."), reason=reason
        )
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return LibraryError(
            N_(
                "The library file cannot be reached: {reason}. Nothing was saved; check the disk and try again."
            ),
            reason=reason,
        )
    return _other_failure(reason)


def _postgresql_failure(state: str, reason: object) -> LibraryError:
    if state in _BUSY_STATES:
        return busy()
    if state == "53100":
        return disk_full()
    if state == "25006":
        return read_only()
    if state == "22001":
        return LibraryError(
            N_("A text is too long for the library: {reason}. Nothing was saved."), reason=reason
        )
    if state.startswith("23"):
        return conflict(reason)
    if state.startswith("08") or state.startswith("57"):
        return LibraryError(
            N_("The library's database server cannot be reached: {reason}. Nothing was saved; try again."),
            reason=reason,
        )
    return _other_failure(reason)


def _other_failure(reason: object) -> LibraryError:
    return LibraryError(N_("The library could not do this: {reason}. Nothing was saved."), reason=reason)


def busy() -> LibraryError:
    return LibraryError(N_("The library is busy: another program is saving; try again. Nothing was changed."))


def disk_full() -> LibraryError:
    return LibraryError(
        N_("The disk that holds the library is full: nothing was saved. Free some space and try again.")
    )


def read_only() -> LibraryError:
    return LibraryError(
        N_("The library is read-only here (its file, its folder or the database): nothing was saved.")
    )


def conflict(reason: object) -> LibraryError:
    return LibraryError(
        N_("The change clashes with what the library already holds ({reason}); nothing was saved."),
        reason=reason,
    )


__all__ = ["busy", "conflict", "disk_full", "library_failure", "read_only"]
