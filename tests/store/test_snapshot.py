"""The first screen's look at a library with ``sqlite3``: the same tree as the ORM, read-only, refusals."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.errors import LibraryError
from briefing.operations import create_topic, queries
from briefing.store import Library
from briefing.store.engine import make_engine
from briefing.store.location import sqlite_url
from briefing.store.migrate import migrate
from briefing.store.snapshot import HEAD_REVISION, LibrarySnapshot, read_snapshot


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def as_plain(areas: list[queries.AreaEntry] | LibrarySnapshot) -> list[tuple[object, ...]]:
    rows = areas.areas if isinstance(areas, LibrarySnapshot) else areas
    return [
        (
            a.key,
            a.titles,
            [(t.key, t.titles, t.owner, t.marking, t.reviewed_on, t.area_key) for t in a.topics],
        )
        for a in rows
    ]


def test_the_snapshot_reads_the_same_tree_as_the_orm(sample_library: Library, library_path: Path) -> None:
    snapshot = read_snapshot(library_path)
    assert snapshot is not None
    assert snapshot.path == library_path
    assert snapshot.has_content
    assert as_plain(snapshot) == as_plain(queries.library_tree(sample_library))
    topic = snapshot.areas[0].topics[0]
    assert topic.key == "drug-trafficking" and topic.marking is not None and topic.reviewed_on is not None
    assert topic.title("fr") != topic.title("en")
    assert topic.title("de") == topic.title("en")  # falls back like the tree of the open library


def test_the_snapshot_sees_what_an_open_library_committed(
    sample_library: Library, library_path: Path
) -> None:
    area = queries.library_tree(sample_library)[0].key
    create_topic(sample_library, area, {"en": "Visa liberalisation"})
    snapshot = read_snapshot(library_path)  # the library is still open, in WAL mode
    assert snapshot is not None
    assert as_plain(snapshot) == as_plain(queries.library_tree(sample_library))
    assert "Visa liberalisation" in [t.title("en") for t in snapshot.areas[0].topics]


def test_reading_changes_nothing(sample_library: Library, library_path: Path) -> None:
    sample_library.close()
    before = digest(library_path)
    assert read_snapshot(library_path) is not None
    assert digest(library_path) == before
    wal = library_path.with_name(library_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite may leave an empty log: nothing was written


def test_an_empty_library_has_no_content(library: Library, library_path: Path) -> None:
    snapshot = read_snapshot(library_path)
    assert snapshot is not None
    assert snapshot.areas == [] and not snapshot.has_content


@pytest.mark.parametrize("content", [None, b""])
def test_a_new_or_empty_file_is_left_to_library_open(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "library.sqlite"
    if content is not None:
        path.write_bytes(content)
    assert read_snapshot(path) is None
    assert not path.exists() or path.read_bytes() == content


def test_an_older_library_is_left_to_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate(engine, "0001")
    engine.dispose()
    before = digest(path)
    assert read_snapshot(path) is None
    assert digest(path) == before


def test_a_file_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("Lines to take for the Council\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="not an SQLite database"):
        read_snapshot(text_file)
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE topic (id INTEGER PRIMARY KEY, key TEXT)")
    connection.commit()
    connection.close()
    before = digest(other)
    with pytest.raises(LibraryError, match="another application"):
        read_snapshot(other)
    assert digest(other) == before


def test_a_damaged_library_is_refused_cleanly(sample_library: Library, library_path: Path) -> None:
    sample_library.close()
    data = bytearray(library_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the header that names the application
    library_path.write_bytes(bytes(data))
    with pytest.raises(LibraryError):
        read_snapshot(library_path)


def test_the_head_revision_is_the_newest_migration() -> None:
    from briefing.store.migrate import HEAD_REVISION as MIGRATE_HEAD
    from briefing.store.migrate import head_revision

    assert HEAD_REVISION == MIGRATE_HEAD == head_revision()


def test_the_snapshot_needs_no_sqlalchemy(sample_library: Library, library_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from briefing.store.snapshot import read_snapshot; "
        f"s = read_snapshot(Path({str(library_path)!r})); "
        "print(len(s.areas), 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(len(queries.library_tree(sample_library))), "False"]
