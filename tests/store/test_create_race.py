"""Creating a library is atomic: processes racing to create the same new library never lose it or its data.

Each round starts several real processes at once on the same path that does not exist yet. Whatever each of them
reports, the library must exist afterwards, pass SQLite's integrity check and hold the data the winner wrote.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.store import Library
from briefing.store.migrate import create_sqlite_library

DATA = Path(__file__).parents[1] / "data"


def start_all(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command before waiting for any of them."""
    running = [
        subprocess.Popen([sys.executable, "-m", "briefing", *command], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for command in commands
    ]  # fmt: skip
    results = []
    for process, command in zip(running, commands, strict=True):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def counts(path: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(path)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        meetings = connection.execute("SELECT count(*) FROM meeting").fetchone()[0]
        areas = connection.execute("SELECT count(*) FROM area").fetchone()[0]
    finally:
        connection.close()
    return check, meetings, areas


@pytest.mark.parametrize("round_number", range(3))
def test_demo_processes_racing_on_a_new_library(tmp_path: Path, round_number: int) -> None:
    path = tmp_path / f"race-{round_number}" / "library.sqlite"
    results = start_all([["demo", "--db", str(path)] for _ in range(4)])
    assert any(result.returncode == 0 for result in results), [result.stderr for result in results]
    for result in results:
        assert "Traceback" not in result.stderr
    check, meetings, areas = counts(path)
    assert check == "ok" and meetings > 0 and areas > 0
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # every process removed its own temporary files, and only those


@pytest.mark.parametrize("round_number", range(2))
def test_imports_racing_on_a_new_library_keep_every_committed_import(
    tmp_path: Path, round_number: int
) -> None:
    path = tmp_path / f"race-{round_number}" / "library.sqlite"
    commands = [["import-library", str(DATA / "sample-library.json"), "--db", str(path)] for _ in range(3)]
    results = start_all([*commands, ["meetings", "--db", str(path)]])
    assert any(result.returncode == 0 for result in results[:3])
    check, meetings, areas = counts(path)
    assert check == "ok" and areas > 0 and meetings > 0


def test_when_another_process_created_the_library_first_theirs_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    theirs = Library.open(path)
    from briefing.interchange.demo.builder import create_demo_library

    create_demo_library(theirs)
    before = path.stat().st_ino
    create_sqlite_library(path)  # lost the race: the link fails, nothing of theirs is touched
    assert path.stat().st_ino == before
    assert counts(path)[1] > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    theirs.close()


def test_an_empty_file_someone_made_is_set_up_in_place(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    path.write_bytes(b"")
    before = path.stat().st_ino
    Library.open(path).close()
    assert path.stat().st_ino == before and counts(path)[0] == "ok"
