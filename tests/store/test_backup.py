"""Backups and restoring: SQLite's online backup API, integrity checks, the rotating backups/ folder."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.errors import LibraryError
from briefing.interchange.demo.builder import create_demo_library
from briefing.store import Library, backup
from briefing.store.backup import automatic_backups, backup_library, make_automatic_backup, restore_library


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    library = Library.open(path)
    create_demo_library(library)
    library.close()
    return path


def test_a_backup_is_one_sound_file_with_everything(demo: Path, tmp_path: Path) -> None:
    copy = backup_library(demo, tmp_path / "copy.sqlite")
    assert integrity(copy) == "ok" and count(copy, "meeting") == count(demo, "meeting") > 0
    assert not copy.with_name("copy.sqlite-wal").exists()
    with copy.open("rb") as handle:
        assert handle.read(20)[18:20] == b"\x01\x01"  # rollback journal: the backup needs no -wal to be read


def test_restore_over_a_library_with_a_leftover_wal_never_replays_it(demo: Path, tmp_path: Path) -> None:
    saved = backup_library(demo, tmp_path / "saved.sqlite")
    actions = count(demo, "action")
    # a process that deleted every action and was killed before any checkpoint: its -wal stays behind
    subprocess.run([sys.executable, "-c", (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(demo)!r}); c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute('DELETE FROM action'); c.commit(); os._exit(9)"
    )], check=False)  # fmt: skip
    assert demo.with_name("library.sqlite-wal").stat().st_size > 0 and count(demo, "action") == 0
    restore_library(demo, saved)
    assert count(demo, "action") == actions and integrity(demo) == "ok"
    library = Library.open(demo)  # the app opens it as usual
    with library.reading() as uow:
        assert uow.actions.count() == actions
    library.close()


def test_restore_keeps_the_library_as_it_was(demo: Path, tmp_path: Path) -> None:
    saved = backup_library(demo, tmp_path / "saved.sqlite")
    connection = sqlite3.connect(demo)
    connection.execute("DELETE FROM action")
    connection.commit()
    connection.close()
    kept = restore_library(demo, saved)
    assert kept is not None and kept.parent == demo.parent / "backups"
    assert count(kept, "action") == 0 and count(demo, "action") > 0


def test_restore_is_refused_while_another_process_has_the_library_open(demo: Path, tmp_path: Path) -> None:
    saved = backup_library(demo, tmp_path / "saved.sqlite")
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time\nfrom briefing.store import Library\n"
            f"library = Library.open({str(demo)!r})\n"
            "with library.reading() as uow: uow.meetings.count()\n"
            "print('open', flush=True); sys.stdin.read()"
        )], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = count(demo, "meeting")
        with pytest.raises(LibraryError) as caught:
            restore_library(demo, saved)
        assert "open in another program" in caught.value.message("en")
        assert "ouverte dans un autre programme" in caught.value.message("fr")
        assert count(demo, "meeting") == before
    finally:
        holder.communicate("")
    restore_library(demo, saved)  # once it is closed


def test_restore_refuses_a_damaged_backup_and_leaves_the_library(demo: Path, tmp_path: Path) -> None:
    damaged = backup_library(demo, tmp_path / "damaged.sqlite")
    data = bytearray(damaged.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a page of the backup overwritten
    damaged.write_bytes(bytes(data))
    before = count(demo, "meeting")
    with pytest.raises(LibraryError) as caught:
        restore_library(demo, damaged)
    assert "damaged" in caught.value.message("en") or "cannot be restored" in caught.value.message("en")
    assert count(demo, "meeting") == before and integrity(demo) == "ok"


def test_restore_puts_a_backup_in_place_of_a_library_sqlite_cannot_read(demo: Path, tmp_path: Path) -> None:
    saved = backup_library(demo, tmp_path / "saved.sqlite")
    demo.write_bytes(b"\x00" * 8192)  # the header is gone
    with pytest.raises(LibraryError):
        Library.open(demo)
    restore_library(demo, saved)
    assert integrity(demo) == "ok" and count(demo, "meeting") > 0


def test_another_file_is_not_restored(demo: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    with pytest.raises(LibraryError):
        restore_library(demo, text)
    with pytest.raises(LibraryError, match="the library itself"):
        restore_library(demo, demo)
    assert integrity(demo) == "ok"


def test_automatic_backups_rotate(demo: Path) -> None:
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for hour in range(backup.KEEP + 3):
        make_automatic_backup(demo, now=start + dt.timedelta(hours=hour))
    kept = automatic_backups(demo)
    assert len(kept) == backup.KEEP
    assert backup.backup_time(demo, kept[0]) == start + dt.timedelta(hours=backup.KEEP + 2)
    assert backup.backup_time(demo, kept[-1]) == start + dt.timedelta(hours=3)
    assert all(integrity(path) == "ok" for path in kept)


def test_opening_backs_up_when_the_last_backup_is_old(demo: Path) -> None:
    assert automatic_backups(demo) == []  # a new library is not backed up when it is created
    Library.open(demo).close()
    first = automatic_backups(demo)
    assert len(first) == 1
    Library.open(demo).close()
    assert automatic_backups(demo) == first  # at most once per period
    old = dt.datetime.now(dt.UTC) - backup.ON_OPEN_EVERY - dt.timedelta(minutes=1)
    first[0].rename(first[0].with_name(f"library-{old.strftime('%Y%m%dT%H%M%S%fZ')}.sqlite"))
    Library.open(demo).close()
    assert len(automatic_backups(demo)) == 2


def test_editing_backs_up_every_period(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(demo)
    opened = len(automatic_backups(demo))
    with library.unit_of_work() as uow:
        uow.topics.list()[0].owner = "A. Adviser"
    assert len(automatic_backups(demo)) == opened  # the period has not passed
    monkeypatch.setattr(backup, "WHILE_EDITING_EVERY", dt.timedelta(0))
    time.sleep(0.01)
    with library.unit_of_work() as uow:
        uow.topics.list()[0].owner = "B. Adviser"
    library.close()
    assert len(automatic_backups(demo)) == opened + 1


def test_demo_force_backs_up_first(demo: Path) -> None:
    library = Library.open(demo)
    before = len(automatic_backups(demo))
    create_demo_library(library, force=True)
    library.close()
    assert len(automatic_backups(demo)) == before + 1


def test_a_failing_automatic_backup_does_not_stop_the_work(demo: Path) -> None:
    (demo.parent / "backups").write_text("a file where the folder should be")
    library = Library.open(demo)  # the backup on open fails quietly
    with library.reading() as uow:
        assert uow.meetings.count() > 0
    library.close()
    assert os.path.isfile(demo.parent / "backups")
