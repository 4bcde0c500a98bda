"""Opening libraries: new files, upgrades with a backup, and files that must be left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from briefing.errors import LibraryError
from briefing.store import Library
from briefing.store.engine import make_engine
from briefing.store.location import sqlite_url
from briefing.store.migrate import APPLICATION_ID, head_revision, migrate


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head_with_connection_settings(library_path: Path) -> None:
    library = Library.open(library_path)
    with library.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert connection.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    library.close()


def test_library_made_by_first_revision_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO text_block (id, source_lang) VALUES (1, 'en')"))
        connection.execute(
            text(
                "INSERT INTO translation (block_id, lang, text, status, version, created_at, updated_at) "
                "VALUES (1, 'fr', 'Sécurité intérieure', 'translated', 1, '2024-01-01', '2024-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO area (key, position, title_id, version, created_at, updated_at) "
                "VALUES ('internal-security', 0, 1, 1, '2024-01-01', '2024-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO topic (key, area_id, position, title_id, tags, sources, source_lang, version, created_at,"
                " updated_at) VALUES ('sec', 1, 0, 1, '[]', '[]', 'en', 1, '2024-01-01', '2024-01-01')"
            )
        )
    engine.dispose()

    library = Library.open(path)
    backups = list(tmp_path.glob("old.backup-0001-*.sqlite"))
    assert len(backups) == 1
    with library.unit_of_work() as uow:
        hits = uow.search("securite")  # the upgrade indexed the texts that were already there
        assert [(h.topic_key, h.lang) for h in hits] == [("sec", "fr")]
    library.close()
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert copy.execute("SELECT key FROM area").fetchall() == [("internal-security",)]
    assert copy.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0] == 0
    copy.close()


def test_library_from_a_newer_app_is_refused_untouched(library_path: Path) -> None:
    Library.open(library_path).close()
    connection = sqlite3.connect(library_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = digest(library_path)
    with pytest.raises(LibraryError, match="newer version of Briefing"):
        Library.open(library_path)
    assert digest(library_path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('x')")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(LibraryError, match="another application"):
        Library.open(path)
    assert digest(path) == before
    assert not list(tmp_path.glob("*.backup-*"))


@pytest.mark.parametrize(
    "content", [b"PK\x03\x04 this is a zip", b"hello world" * 100, b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_files_that_are_not_libraries_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "library.sqlite"
    path.write_bytes(content)
    with pytest.raises(LibraryError):
        Library.open(path)
    assert path.read_bytes() == content


def test_missing_library_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library"):
        Library.open(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()


def test_the_fast_path_knows_the_head_revision() -> None:
    from briefing.store.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
