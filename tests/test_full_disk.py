"""A full disk: a clear error, the previous file untouched, nothing half-written, the library intact.

The disk is a real, small tmpfs mounted by the test (the suite runs as root, as scripts/test.sh does on CI), filled
up to the point the test needs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.assemble import PackRequest
from briefing.errors import LibraryError
from briefing.export import ExportRequest, export_pack
from briefing.files import OutputError
from briefing.interchange.demo.builder import create_demo_library
from briefing.interchange.library_json import import_document, validate
from briefing.store import Library
from tests.support.processes import fill, small_tmpfs

DATA = Path(__file__).parent / "data"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB file system of its own."""
    with small_tmpfs(tmp_path) as disk:
        yield disk


def test_pack_on_a_full_disk_is_a_clear_error_and_keeps_the_old_file(
    tmp_path: Path, small_disk: Path
) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    create_demo_library(library)
    target = small_disk / "pack.docx"
    target.write_bytes(b"previous pack")
    fill(small_disk, leave=8 * 1024)
    request = ExportRequest(PackRequest("jha-council-2024-06", "bilingual", allow_missing=True), target)
    with pytest.raises(OutputError) as caught:
        export_pack(library, request)
    assert "disk is full" in caught.value.message("en")
    assert "disque est plein" in caught.value.message("fr")
    assert target.read_bytes() == b"previous pack"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "pack.docx"]
    library.close()


def test_import_into_a_library_on_a_full_disk_changes_nothing(small_disk: Path) -> None:
    path = small_disk / "library.sqlite"
    Library.open(path).close()
    fill(small_disk, leave=64 * 1024)
    big = json.loads((DATA / "sample-library.json").read_text(encoding="utf-8"))
    big["areas"][0]["topics"][0]["items"][0]["text"]["en"] = "Port security. " * 40_000
    library = Library.open(path)
    with pytest.raises(Exception, match="full"), library.unit_of_work() as uow:
        import_document(uow, validate(big))
    library.close()
    (small_disk / "filler.bin").unlink()
    reopened = Library.open(path)
    with reopened.unit_of_work() as uow:
        assert uow.areas.count() == 0 and uow.translations.count() == 0
    reopened.close()


def test_a_new_library_that_does_not_fit_leaves_nothing_behind(small_disk: Path) -> None:
    fill(small_disk, leave=16 * 1024)
    with pytest.raises(LibraryError) as caught:
        Library.open(small_disk / "library.sqlite")
    message = caught.value.message("en")
    assert str(small_disk / "library.sqlite") in message and "sqlite+" not in message
    assert "cannot be set up" in message or "cannot be opened" in message
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]


def test_command_line_on_a_full_disk_says_so_in_one_line(tmp_path: Path, small_disk: Path) -> None:
    db = tmp_path / "library.sqlite"
    env = {**os.environ, "LANG": "fr_BE.UTF-8"}
    subprocess.run(
        [sys.executable, "-m", "briefing", "demo", "--db", str(db)], check=True, capture_output=True
    )
    fill(small_disk, leave=8 * 1024)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "jha-council-2024-06", "--lang", "bilingual",
         "--allow-missing", "--db", str(db), "-o", str(small_disk / "pack.docx")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "disque est plein" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]
