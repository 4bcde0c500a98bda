"""Another copy of the app committed: the watcher says so; this copy's own commits and reads are not news.

Two libraries are opened on one database — a SQLite file, and a throw-away PostgreSQL server where changes
arrive as notifications — as two advisers' copies of the app would.
"""

from __future__ import annotations

import getpass
import time

from sqlalchemy import text

from briefing.operations import set_text
from briefing.store import Library
from briefing.store.watch import ChangeWatcher


def heard(watcher: ChangeWatcher, seconds: float = 5.0) -> bool:
    """Whether the watcher reports another copy's commit within ``seconds`` (a notification travels)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watcher.poll():
            return True
        time.sleep(0.02)
    return False


def block_of(library: Library, item_key: str = "dt-ltt-1") -> int:
    with library.reading() as uow:
        body = uow.items.require(item_key).body_id
        assert body is not None
        return body


def test_a_commit_by_the_other_copy_is_seen_once(two_copies: tuple[Library, Library]) -> None:
    mine, theirs = two_copies
    watcher = mine.watcher()
    try:
        assert watcher.listening is (mine.engine.dialect.name == "postgresql")
        assert not watcher.poll()
        set_text(theirs, block_of(theirs), "en", "Changed by a colleague.")
        assert heard(watcher)
        assert not watcher.poll()  # told once
    finally:
        watcher.close()


def test_own_commits_and_reads_are_not_news(two_copies: tuple[Library, Library]) -> None:
    mine, theirs = two_copies
    watcher = mine.watcher()
    try:
        block = block_of(mine)
        set_text(mine, block, "en", "My own edit.")
        set_text(mine, block, "fr", "Ma propre modification.")
        with mine.unit_of_work() as uow:  # a unit of work that only reads commits nothing worth telling
            uow.topics.require("drug-trafficking")
        with theirs.reading() as uow:
            uow.topics.require("drug-trafficking")
        assert not watcher.poll()
        set_text(theirs, block, "en", "Theirs after mine.")
        set_text(mine, block, "en", "Mine after theirs.")
        assert heard(watcher)  # their commit is seen among mine
    finally:
        watcher.close()


def test_a_read_only_unit_of_work_leaves_the_stamp_alone(two_copies: tuple[Library, Library]) -> None:
    mine, _ = two_copies

    def serial() -> int:
        with mine.engine.connect() as connection:
            return int(connection.execute(text("SELECT serial FROM library_stamp")).scalar_one())

    before = serial()
    with mine.unit_of_work() as uow:
        uow.topics.require("drug-trafficking")
    with mine.reading() as uow:
        uow.topics.require("drug-trafficking")
    assert serial() == before
    set_text(mine, block_of(mine), "en", "One write.")
    assert serial() == before + 1


def test_each_changed_row_names_its_editor(two_copies: tuple[Library, Library]) -> None:
    mine, _ = two_copies
    expected = "postgres" if mine.engine.dialect.name == "postgresql" else getpass.getuser()
    assert mine.stamp.editor == expected
    block = block_of(mine)
    set_text(mine, block, "en", "Edited here.")
    with mine.reading() as uow:
        translation = uow.texts.require_id(block).translations["en"]
        assert translation.updated_by == expected
        untouched = uow.topics.require("drug-trafficking")
        assert untouched.updated_by in (None, expected)


def test_the_watcher_falls_back_to_the_stamp_when_it_cannot_listen(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    watcher = mine.watcher()
    try:
        watcher._close_listener()  # as if the server had dropped the listening connection
        assert not watcher.listening
        assert not watcher.poll()
        set_text(theirs, block_of(theirs), "en", "Seen without notifications.")
        assert heard(watcher)
    finally:
        watcher.close()
