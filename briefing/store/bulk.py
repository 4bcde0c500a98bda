"""Fast inserts of many new records at once, for imports and the demo library.

The ORM unit of work costs tens of microseconds per object; an import of ten thousand items needs set-based
inserts instead. These helpers insert rows in batches with RETURNING, in parameter order, inside the caller's
transaction, so they commit or roll back with everything else. The search index follows through its triggers.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from briefing.model import TextBlock, TextStatus, Translation, fingerprint
from briefing.model.base import Base
from briefing.model.texts import STALE_FINGERPRINT
from briefing.store.engine import BUSY_TIMEOUT_MS
from briefing.store.limits import check_rows

WRITER_WAIT_MS = int(os.environ.get("BRIEFING_IMPORT_WAIT_MS", "120000"))
"""How long an import waits for another writer to finish before it says the library is busy (a long import by
another process is worth waiting for; ``BRIEFING_IMPORT_WAIT_MS`` shortens it for scripts and tests)."""
WRITER_LOCK = 0x42524946
"""The PostgreSQL advisory lock Briefing's bulk writers take (the library's application id, "BRIF")."""

LanguageTexts = Mapping[str, tuple[str, TextStatus]]
"""Text and status per language code."""


def insert_returning_ids(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``model``'s table; the new primary keys, in the order of ``rows``.

    On SQLite the keys are assigned here, after the highest existing one, and the rows go in as one
    ``executemany``. The highest key is read while holding the write lock (the transaction is begun with
    ``BEGIN IMMEDIATE`` if it has not written yet), so a concurrent import waits for this one instead of
    picking the same keys. Other databases hand the keys back with RETURNING.
    """
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[assignment]
    check_rows(table, rows)
    primary_key = model.__mapper__.primary_key[0]
    key = str(primary_key.key)
    if session.get_bind().dialect.name == "sqlite":
        hold_write_lock(session)
        first = int(session.scalar(select(func.coalesce(func.max(primary_key), 0))) or 0) + 1
        ids = list(range(first, first + len(rows)))
        _executemany(session, table, [{key: i, **row} for i, row in zip(ids, rows, strict=True)])
        return ids
    statement = insert(model).returning(primary_key, sort_by_parameter_order=True)
    return list(session.execute(statement, list(rows)).scalars().all())


def hold_write_lock(session: Session) -> None:
    """Make the session's transaction the library's only writer until it ends (waiting for another one).

    On SQLite a transaction that has already written holds the write lock; one that has not is begun with
    ``BEGIN IMMEDIATE``, which waits up to the busy timeout (SQLite's driver has not begun a transaction yet:
    it begins one only before the first write). On PostgreSQL a transaction-scoped advisory lock does the same
    for every Briefing writer that asks for it. Imports call this first, so that what they read (the keys
    already in the library, the highest id) is still true when they write.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        if driver is not None and not driver.in_transaction:
            # A whole import waits for another one to finish rather than failing as busy after a few seconds.
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {WRITER_WAIT_MS}")
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def insert_text_blocks(
    session: Session,
    blocks: Sequence[tuple[str, LanguageTexts]],
    stale: Sequence[Collection[str]] | None = None,
) -> list[int]:
    """Create one text block per ``(source_lang, texts)``; translations get the source text's fingerprint.

    ``stale``, when given, holds for each block the languages already known to be out of date.
    """
    ids = insert_returning_ids(session, TextBlock, [{"source_lang": source} for source, _ in blocks])
    rows: list[dict[str, Any]] = []
    stale_per_block = stale if stale is not None else [()] * len(blocks)
    for block_id, (source_lang, texts), outdated in zip(ids, blocks, stale_per_block, strict=True):
        source = texts.get(source_lang)
        source_print = fingerprint(source[0]) if source is not None else None
        for lang, (text, status) in texts.items():
            rows.append(
                {
                    "block_id": block_id,
                    "lang": lang,
                    "text": text,
                    "status": status,
                    "source_fingerprint": None
                    if lang == source_lang
                    else STALE_FINGERPRINT
                    if lang in outdated
                    else source_print,
                }
            )
    if rows:
        translation_table: Table = Translation.__table__  # type: ignore[assignment]
        check_rows(translation_table, rows)
        if session.get_bind().dialect.name == "sqlite":
            _insert_translations(session, translation_table, rows)
        else:
            session.execute(insert(translation_table), rows)
    return ids


SEARCH_INSERT_TRIGGER = "translation_search_insert"
"""The SQLite trigger that adds each new translation to the search index (migration 0001)."""
INDEX_AFTERWARDS_ROWS = 200
"""From this many translations inserted at once, the search index takes them in one statement afterwards."""


def _insert_translations(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert translation rows on SQLite, the search index following.

    Indexing row by row through the insert trigger costs about three times what indexing the same rows in one
    ``INSERT … SELECT`` does, so a large batch is inserted with the trigger dropped, indexed in one statement,
    and the trigger put back as it was — all inside the import's transaction (which holds the write lock), so
    no other connection ever sees the library without it, and a failure rolls the whole back.
    """
    connection = session.connection()
    trigger = _trigger_sql(connection) if len(rows) >= INDEX_AFTERWARDS_ROWS else None
    if trigger is None:
        _executemany(session, table, rows)
        return
    last = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM translation").scalar()
    connection.exec_driver_sql(f'DROP TRIGGER "{SEARCH_INSERT_TRIGGER}"')
    try:
        _executemany(session, table, rows)
        connection.exec_driver_sql(
            "INSERT INTO search_fts(rowid, text, lang) SELECT id, text, lang FROM translation WHERE id > ?",
            (last,),
        )
    finally:
        # A failure may have rolled the transaction back, trigger included: put it back only if it is missing,
        # so that the error raised is the one that happened.
        if _trigger_sql(connection) is None:
            connection.exec_driver_sql(trigger)


def _trigger_sql(connection: Any) -> str | None:
    """The statement that created the search index's insert trigger, or None when there is none."""
    found = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (SEARCH_INSERT_TRIGGER,)
    ).scalar()
    return None if found is None else str(found)


def _executemany(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One driver-level ``executemany`` with the columns' own bind processing.

    Column defaults are worked out once per batch (every row of an import gets the same timestamps), which
    saves most of the per-value overhead of a compiled ``insert()`` on tens of thousands of rows.
    """
    dialect = session.get_bind().dialect
    given = list(rows[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.key in given or column.default is None:
            continue
        default = column.default
        if default.is_scalar:
            defaults[column.key] = default.arg  # type: ignore[attr-defined]
        elif default.is_callable:
            defaults[column.key] = default.arg(None)  # type: ignore[attr-defined]
    names = given + list(defaults)
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
    fixed = [
        processor(defaults[name]) if processor is not None else defaults[name]
        for name, processor in zip(names[len(given) :], processors[len(given) :], strict=True)
    ]
    values_by_column = []
    for name, processor in zip(given, processors[: len(given)], strict=True):
        values = [row[name] for row in rows]
        values_by_column.append(list(map(processor, values)) if processor is not None else values)
    values_by_column += [[value] * len(rows) for value in fixed]
    parameters = list(zip(*values_by_column, strict=True))
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    session.connection().exec_driver_sql(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', parameters
    )
