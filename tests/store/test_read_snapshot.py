"""Read-only jobs see one snapshot: an export taken while someone saves never mixes old and new data.

A writer process changes the titles of two topics (the first and the last) in one transaction, hundreds of times a
second; the exports running meanwhile must always show both titles from the same round. The same check runs on
PostgreSQL in test_postgresql.py.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from briefing.interchange.demo.builder import create_demo_library
from briefing.store import Library
from tests.support.concurrent_writer import (
    exports_while_writing,
    start_writer,
    watched_topics,
)


def test_library_exports_on_sqlite_are_never_half_old_half_new(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    library = Library.open(db)
    create_demo_library(library)
    seen = exports_while_writing(library, str(db), tmp_path)
    library.close()
    assert len(seen) >= 4
    assert [pair for pair in seen if pair[0] != pair[1]] == []
    assert any(pair[0] != "round 0" for pair in seen)  # the exports did see the writer's changes


def test_a_reading_unit_of_work_writes_nothing(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    create_demo_library(library)
    with library.reading() as uow:
        topic = uow.topics.list()[0]
        topic.owner = "someone else"
        key = topic.key
    with library.reading() as uow:
        assert uow.topics.require(key).owner != "someone else"
    library.close()


def test_a_snapshot_holds_until_the_job_ends(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    library = Library.open(db)
    create_demo_library(library)
    _keys, ids = watched_topics(library)
    with library.reading() as uow:
        before = uow.topics.count()
        writer = start_writer(str(db), ids, 0.5)
        writer.communicate()
        time.sleep(0.1)
        after = _titles_now(uow, ids)
    assert before > 0 and after == ["round 0", "round 0"]
    with library.reading() as uow:
        rounds = _titles_now(uow, ids)
    assert rounds[0] == rounds[1] != "round 0"
    library.close()


def _titles_now(uow: Any, ids: list[int]) -> list[str]:
    return [
        str(
            uow.session.execute(
                text("SELECT text FROM translation WHERE id = :id"), {"id": ident}
            ).scalar_one()
        )
        for ident in ids
    ]
