"""Bulk inserts: a large batch is indexed for search in one statement, and the library keeps its insert trigger."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from briefing.model import TextStatus
from briefing.store import Library
from briefing.store.bulk import INDEX_AFTERWARDS_ROWS, SEARCH_INSERT_TRIGGER, insert_text_blocks


def trigger_sql(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (SEARCH_INSERT_TRIGGER,)
        ).fetchone()
    return None if row is None else str(row[0])


def index_is_sound(path: Path) -> None:
    """FTS5's own check that the index holds exactly the texts of the translation table (raises otherwise)."""
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def blocks(count: int, word: str) -> list[tuple[str, dict[str, tuple[str, TextStatus]]]]:
    return [
        (
            "en",
            {
                "en": (f"Ports {word} number {n}: customs and police.", TextStatus.TRANSLATED),
                "fr": (f"Ports {word} numéro {n} : douanes et police.", TextStatus.TRANSLATED),
            },
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [3, INDEX_AFTERWARDS_ROWS])
def test_new_texts_are_found_whether_indexed_row_by_row_or_in_one_statement(
    library: Library, library_path: Path, count: int
) -> None:
    before = trigger_sql(library_path)
    assert before is not None
    with library.unit_of_work() as uow:
        insert_text_blocks(uow.session, blocks(2, "early"))  # texts already there keep their place
    with library.unit_of_work() as uow:
        insert_text_blocks(uow.session, blocks(count, "zanzibar"))
    assert trigger_sql(library_path) == before
    index_is_sound(library_path)
    with sqlite3.connect(library_path) as connection:
        found = connection.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'zanzibar'"
        ).fetchone()[0]
        early = connection.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'early'"
        ).fetchone()[0]
        folded = connection.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'numero'"
        ).fetchone()[0]
    assert (found, early, folded) == (2 * count, 4, count + 2)
    # the trigger is back: a text saved afterwards is indexed as it is saved
    with library.unit_of_work() as uow:
        insert_text_blocks(uow.session, blocks(1, "afterwards"))
    index_is_sound(library_path)


def test_a_failed_import_leaves_neither_texts_nor_a_missing_trigger(
    library: Library, library_path: Path
) -> None:
    before = trigger_sql(library_path)
    with pytest.raises(RuntimeError), library.unit_of_work() as uow:
        insert_text_blocks(uow.session, blocks(INDEX_AFTERWARDS_ROWS, "rolledback"))
        raise RuntimeError("the import failed after its texts were inserted")
    assert trigger_sql(library_path) == before
    index_is_sound(library_path)
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM translation").fetchone()[0] == 0
        assert (
            connection.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'rolledback'"
            ).fetchone()[0]
            == 0
        )


def test_a_failure_inside_the_batch_puts_the_trigger_back(
    library: Library, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.store import bulk

    before = trigger_sql(library_path)
    original = bulk._executemany

    def failing(session: object, table: object, rows: object) -> None:
        if getattr(table, "name", "") == "translation":
            raise sqlite3.OperationalError("disk I/O error")
        original(session, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "_executemany", failing)
    with library.unit_of_work() as uow:
        with pytest.raises(sqlite3.OperationalError):
            insert_text_blocks(uow.session, blocks(INDEX_AFTERWARDS_ROWS, "broken"))
        connection = uow.session.connection()
        assert (
            connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                (SEARCH_INSERT_TRIGGER,),
            ).scalar()
            == 1
        )
        uow.session.rollback()
    assert trigger_sql(library_path) == before


def test_a_failure_that_rolled_the_transaction_back_is_the_error_raised(
    library: Library, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite rolls a transaction back by itself on some errors (a full disk): the trigger is back already, and
    putting it back again must not hide the error that happened."""
    from briefing.store import bulk

    before = trigger_sql(library_path)
    original = bulk._executemany

    def full_disk(session: Any, table: Any, rows: Any) -> None:
        if table.name == "translation":
            session.connection().exec_driver_sql("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        original(session, table, rows)

    monkeypatch.setattr(bulk, "_executemany", full_disk)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"), library.unit_of_work() as uow:
        insert_text_blocks(uow.session, blocks(INDEX_AFTERWARDS_ROWS, "full"))
    assert trigger_sql(library_path) == before
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM text_block").fetchone()[0] == 0
