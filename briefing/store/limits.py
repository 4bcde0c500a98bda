"""The same limits on every back-end, checked before anything is written.

SQLite stores a 5,000-character name in a ``VARCHAR(300)`` column without a word, a lone surrogate makes its
driver fail on encoding, and PostgreSQL refuses both (and a NUL character as well) halfway through a
transaction. So every value bound for a text column is checked here first, whatever the back-end: at most the
column's length, no lone surrogate, no NUL. The check runs before each flush of a unit of work and on the rows
of :mod:`briefing.store.bulk`; a value that breaks a limit raises a :class:`LimitError` naming the field, and
nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from briefing.errors import N_, BriefingError

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


class LimitError(BriefingError):
    """A value does not fit the library: too long, or holding a character no database can store."""


def field_name(table: str, column: str) -> str:
    """How a column is named in messages, e.g. ``participant.name``."""
    return f"{table}.{column}"


def text_problem(field: str, value: str, limit: int | None) -> LimitError | None:
    """What is wrong with ``value`` for a column of at most ``limit`` characters (None when it fits)."""
    if limit is not None and len(value) > limit:
        return LimitError(
            N_("{field} is too long: {length} characters, at most {limit}. Nothing was saved."),
            field=field,
            length=len(value),
            limit=limit,
        )
    bad = _NOT_TEXT.search(value)
    if bad is not None:
        return LimitError(
            N_("{field} holds the character U+{code}, which cannot be stored. Nothing was saved."),
            field=field,
            code=f"{ord(bad.group()):04X}",
        )
    return None


def _text_columns(table: Any) -> list[tuple[str, int | None]]:
    from sqlalchemy import String

    return [
        (column.key, column.type.length)
        for column in table.columns
        if isinstance(column.type, String) and not column.primary_key
    ]


def check_rows(table: Any, rows: Iterable[Mapping[str, Any]]) -> None:
    """Raise a :class:`LimitError` for the first value of ``rows`` that ``table`` cannot hold.

    Each column is first checked as a whole (its longest value, one search of all its values run together),
    which is quick on the tens of thousands of rows of an import; only a column found wrong is gone through
    row by row, to name the first value at fault.
    """
    columns = _text_columns(table)
    rows = rows if isinstance(rows, Sequence) else list(rows)
    if all(_column_fits(rows, key, limit) for key, limit in columns):
        return
    for row in rows:
        for key, limit in columns:
            value = row.get(key)
            if isinstance(value, str):
                problem = text_problem(field_name(table.name, key), value, limit)
                if problem is not None:
                    raise problem


def _column_fits(rows: Sequence[Mapping[str, Any]], key: str, limit: int | None) -> bool:
    values = [value for row in rows if isinstance(value := row.get(key), str)]
    if not values:
        return True
    if limit is not None and max(map(len, values)) > limit:
        return False
    return _NOT_TEXT.search("".join(values)) is None


def check_pending(session: Any, _context: Any = None, _instances: Any = None) -> None:
    """A ``before_flush`` hook: check the loaded values of the new and changed objects of ``session``."""
    from sqlalchemy import String, inspect

    for record in list(session.new) + list(session.dirty):
        state = inspect(record)
        table = getattr(record, "__table__", None)
        if table is None:
            continue
        for prop in state.mapper.column_attrs:
            column = prop.columns[0]
            if not isinstance(column.type, String) or column.primary_key:
                continue
            value = state.dict.get(prop.key)
            if isinstance(value, str):
                problem = text_problem(field_name(table.name, column.key), value, column.type.length)
                if problem is not None:
                    raise problem


__all__ = ["LimitError", "check_pending", "check_rows", "field_name", "text_problem"]
