"""Wrong advice: "restore it from a backup" only for a damaged library; every other failure says what it is.

Each case is made for real: another process holding the write lock, concurrent imports in separate processes,
a library on a read-only mount, a library on a full tmpfs, a file with damaged pages. The command line must
answer in one line, in the user's language, and leave the library as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from benchmarks.synthetic import synthetic_document
from briefing.errors import LibraryError
from briefing.interchange.library_json import import_document, validate
from briefing.store import Library, bulk
from briefing.store.engine import BUSY_TIMEOUT_MS
from briefing.store.failures import library_failure
from tests.support.processes import briefing as run_briefing
from tests.support.processes import one_line, small_tmpfs

DATA = Path(__file__).parents[1] / "data"
RESTORE = "Restore it from a backup"


def briefing(*args: str, lang: str = "en_GB.UTF-8", wait_ms: int | None = None) -> CompletedProcess[str]:
    """``briefing ARGS``; ``wait_ms`` is how long an import waits for another writer."""
    extra = {} if wait_ms is None else {"BRIEFING_IMPORT_WAIT_MS": str(wait_ms)}
    return run_briefing(*args, lang=lang, **extra)


def counts(path: Path) -> tuple[int, int, int]:
    with Library.open(path) as library, library.unit_of_work() as uow:
        return uow.areas.count(), uow.items.count(), uow.translations.count()


def renamed(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """``document`` with every key prefixed, so that two of them can be imported into one library."""
    text = json.dumps(document)
    for field in ('"key": "', '"slug": "'):
        text = text.replace(field, field + prefix)
    return dict(json.loads(text))


def test_a_lock_held_longer_than_the_busy_timeout_says_busy(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.open(library_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(library_path)!r}); c.execute('BEGIN IMMEDIATE'); print('held', flush=True)\n"
         f"time.sleep({BUSY_TIMEOUT_MS / 1000 + 300}); c.rollback()"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for lang, expected in (
            ("en_GB.UTF-8", "busy: another program is saving; try again"),
            ("fr_BE.UTF-8", "occupée"),
        ):
            line = one_line(briefing("import-library", str(DATA / "sample-library.json"), "--db", str(library_path), lang=lang, wait_ms=BUSY_TIMEOUT_MS))  # fmt: skip
            assert expected in line and RESTORE not in line and "Restaurez" not in line
        document = validate(json.loads((DATA / "sample-library.json").read_text(encoding="utf-8")))
        library = Library.open(library_path)
        monkeypatch.setattr(bulk, "WRITER_WAIT_MS", BUSY_TIMEOUT_MS)
        with pytest.raises(LibraryError) as caught, library.unit_of_work() as uow:  # the app sees the same
            import_document(uow, document)
        library.close()
        assert "busy" in caught.value.message("en")
    finally:
        holder.kill()
        holder.wait()
    assert counts(library_path) == (0, 0, 0)


def test_two_concurrent_imports_both_succeed(tmp_path: Path) -> None:
    base = synthetic_document(1500, seed=3)
    files = []
    for prefix in ("a-", "b-", "c-"):
        path = tmp_path / f"{prefix}library.json"
        path.write_text(json.dumps(renamed(base, prefix)), encoding="utf-8")
        files.append(path)
    expected_items = 3 * sum(len(t["items"]) for a in base["areas"] for t in a["topics"])
    for round_number in range(2):
        db = tmp_path / f"round-{round_number}.sqlite"
        Library.open(db).close()
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "briefing", "import-library", str(path), "--db", str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for path in files
        ]
        results = [(process.wait(), process.communicate()) for process in processes]
        for code, (_out, err) in results:
            assert code == 0, err
        assert counts(db)[1] == expected_items


def test_the_same_file_imported_twice_at_once_updates_instead_of_clashing(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(synthetic_document(1500, seed=5)), encoding="utf-8")
    db = tmp_path / "library.sqlite"
    Library.open(db).close()
    processes = [
        subprocess.Popen([sys.executable, "-m", "briefing", "import-library", str(path), "--db", str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    outputs = [(process.wait(), process.communicate()) for process in processes]
    assert [code for code, _ in outputs] == [0, 0], [err for _, (_, err) in outputs]
    assert sum("0 updated" in out for _, (out, _) in outputs) == 1  # one created, the other updated


def test_an_import_racing_a_translations_import_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    assert briefing("import-library", str(DATA / "sample-library.json"), "--db", str(db)).returncode == 0
    workbook = tmp_path / "todo.xlsx"
    assert (
        briefing("translations", "export", "--lang", "fr", "-o", str(workbook), "--db", str(db)).returncode
        == 0
    )
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    french = header.index("Français") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=french).value = f"Traduction {row}"
    book.save(workbook)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(renamed(synthetic_document(3000, seed=11), "big-")), encoding="utf-8")

    importing = subprocess.Popen([sys.executable, "-m", "briefing", "import-library", str(big), "--db", str(db)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    time.sleep(0.5)
    translating = briefing("translations", "import", str(workbook), "--db", str(db))
    _out, err = importing.communicate()
    assert importing.returncode == 0, err
    assert translating.returncode == 0, translating.stderr
    with Library.open(db) as library, library.unit_of_work() as uow:
        assert uow.items.count() > 3000
        texts = {t.text for t in uow.translations.list() if t.lang == "fr"}
    assert any(text.startswith("Traduction ") for text in texts)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only bind mount, holding a library written before the mount."""
    source = tmp_path / "source"
    source.mkdir()
    library = Library.open(source / "library.sqlite")
    with library.unit_of_work() as uow:
        import_document(uow, validate(json.loads((DATA / "sample-library.json").read_text(encoding="utf-8"))))
    library.close()
    mount_point = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "--bind", str(source), str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.fail("cannot bind-mount a folder here; run the suite as root (as scripts/test.sh does on CI)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount_point)], check=True, capture_output=True)
        yield mount_point
    finally:
        subprocess.run(["umount", "--lazy", str(mount_point)], check=False)


def test_a_library_on_a_read_only_disk_says_so(read_only_folder: Path) -> None:
    db = read_only_folder / "library.sqlite"
    before = db.read_bytes()
    for lang, expected in (("en_GB.UTF-8", "read-only"), ("fr_FR.UTF-8", "lecture seule")):
        line = one_line(
            briefing("import-library", str(DATA / "sample-library.json"), "--db", str(db), lang=lang)
        )
        assert expected in line and RESTORE not in line
    assert db.read_bytes() == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path) as disk:
        yield disk


def test_an_import_into_a_library_on_a_full_disk_says_the_disk_is_full(
    small_disk: Path, tmp_path: Path
) -> None:
    db = small_disk / "library.sqlite"
    Library.open(db).close()
    stats = os.statvfs(small_disk)
    (small_disk / "filler.bin").write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - 64 * 1024))
    big = tmp_path / "big.json"
    big.write_text(json.dumps(synthetic_document(2000, seed=2)), encoding="utf-8")
    for lang, expected in (("en_GB.UTF-8", "disk that holds the library is full"), ("fr_BE.UTF-8", "plein")):
        line = one_line(briefing("import-library", str(big), "--db", str(db), lang=lang))
        assert expected in line and RESTORE not in line
    (small_disk / "filler.bin").unlink()
    assert counts(db) == (0, 0, 0)


def test_a_damaged_library_is_still_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    assert briefing("import-library", str(DATA / "sample-library.json"), "--db", str(db)).returncode == 0
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # every page but the header's: the file is recognised
        data[start : start + page] = os.urandom(page)
    db.write_bytes(bytes(data))
    result = briefing("meetings", "--db", str(db))
    line = one_line(result)
    assert RESTORE in line or "cannot be read" in line


def test_classification_of_driver_errors() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def failure(code: int, text: str) -> str:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        wrapped = OperationalError("INSERT …", {}, error)
        found = library_failure(wrapped)
        assert found is not None
        return found.message("en")

    assert "busy" in failure(5, "database is locked")
    assert "busy" in failure(5 | (2 << 8), "database is locked")  # SQLITE_BUSY_SNAPSHOT
    assert "full" in failure(13, "database or disk is full")
    assert "read-only" in failure(8, "attempt to write a readonly database")
    assert RESTORE in failure(11, "database disk image is malformed")
    assert RESTORE in failure(26, "file is not a database")
    assert RESTORE not in failure(19, "UNIQUE constraint failed: area.key")
    assert library_failure(ValueError("not a database error")) is None
