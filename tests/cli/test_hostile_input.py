"""What used to end in a traceback: each is now one clear line in the user's language, the library unchanged."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.store import Library
from briefing.store.snapshot import APPLICATION_ID
from tests.support.processes import briefing, fill, one_line, small_tmpfs

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "library.sqlite"
    assert briefing("import-library", str(DATA / "sample-library.json"), "--db", str(db)).returncode == 0
    return db


def test_db_naming_something_that_cannot_be_a_library(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("notes", encoding="utf-8")
    cases = {
        str(tmp_path): ("is a folder", "est un dossier"),
        "": ("No library was named", "Aucune bibliothèque"),
        str(a_file / "library.sqlite"): ("is a file, not a folder", "est un fichier, pas un dossier"),
        "foo://host/library": ("is not a library Briefing can open", "n’est pas une bibliothèque"),
        "mysql://host/library": ("is not a library Briefing can open", "n’est pas une bibliothèque"),
        "postgresql+asyncpg://host/library": ("driver", "pilote"),
    }
    for db, (english, french) in cases.items():
        assert english in one_line(briefing("meetings", "--db", db)), db
        assert french in one_line(briefing("meetings", "--db", db, lang="fr_FR.UTF-8")), db
    assert a_file.read_text(encoding="utf-8") == "notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("limit", ["100000000000000000000", "0", "-5", "twenty"])
def test_search_limit_out_of_range(library: Path, limit: str) -> None:
    result = briefing("search", "port", "--limit", limit, "--db", str(library))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "expected a whole number from 1 to 1000" in result.stderr.splitlines()[-1]


def test_a_lone_surrogate_in_a_search_query(library: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "search", b"s\xed\xa0\x80curit", "--db", str(library)],
        capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1) and b"Traceback" not in result.stderr
    with Library.open(library) as opened, opened.unit_of_work() as uow:
        assert uow.search("\ud800") == []
        assert uow.search("s\ud800curit\udfff ports") is not None


def test_output_the_terminal_cannot_encode_is_escaped(library: Path) -> None:
    result = briefing("search", "sécurité", "--db", str(library), PYTHONIOENCODING="ascii")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "[fr]" in result.stdout and "s\\xe9curit\\xe9" in result.stdout.lower()
    nothing = briefing("search", "zzzé", "--db", str(library), lang="fr_FR.UTF-8", PYTHONIOENCODING="ascii")
    assert nothing.returncode == 1 and "Aucun r\\xe9sultat" in nothing.stdout


def test_a_workbook_id_of_ten_to_the_24(library: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = tmp_path / "todo.xlsx"
    assert (
        briefing(
            "translations", "export", "--lang", "fr", "-o", str(workbook), "--db", str(library)
        ).returncode
        == 0
    )
    book = load_workbook(workbook)
    book.worksheets[0].cell(row=2, column=1).value = 10**24
    book.save(workbook)
    before = library.read_bytes()
    for lang, expected in (("en_GB.UTF-8", "expected the ID of a text"), ("fr_FR.UTF-8", "cellule A2")):
        assert expected in one_line(
            briefing("translations", "import", str(workbook), "--db", str(library), lang=lang)
        )
    assert library.read_bytes() == before


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path) as disk:
        fill(disk, leave=8 * 1024)
        yield disk


def test_xlsx_exports_on_a_full_disk_give_one_line_and_no_noise(tmp_path: Path, full_disk: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert briefing("demo", "--db", str(db)).returncode == 0
    commands = [
        ("export", "jha-council-2024-06", "--lang", "bilingual", "--allow-missing", "-o", str(full_disk / "pack.xlsx")),
        ("export-library", "-o", str(full_disk / "library.xlsx")),
        ("translations", "export", "--lang", "fr", "-o", str(full_disk / "todo.xlsx")),
    ]  # fmt: skip
    for command in commands:
        line = one_line(briefing(*command, "--db", str(db), lang="fr_BE.UTF-8"))
        assert "disque est plein" in line, line
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler.bin"]


def test_a_database_of_another_application_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "tiles.mbtiles"
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA application_id = 1297105496")  # MBTiles
    connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    assert "another application" in one_line(briefing("meetings", "--db", str(other)))
    assert "autre application" in one_line(briefing("meetings", "--db", str(other), lang="fr_FR.UTF-8"))
    assert other.read_bytes() == before


def test_a_library_made_before_it_was_marked_is_opened_and_marked(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    assert briefing("import-library", str(DATA / "sample-library.json"), "--db", str(db)).returncode == 0
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA application_id = 0")
    connection.commit()
    connection.close()
    result = briefing("meetings", "--db", str(db))
    assert result.returncode == 0 and "jha-test" in result.stdout, result.stderr
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
