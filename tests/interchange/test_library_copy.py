"""copy-library: a whole library from SQLite to a real PostgreSQL server and back, verified, never over content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

from briefing.interchange.library_copy import CopyError, copy_library
from briefing.interchange.library_json import export_document, write_library_json
from briefing.store import Library


def exported(db: str | Path | URL) -> dict[str, Any]:
    with Library.open(db) as library, library.reading() as uow:
        return export_document(uow)


def test_sqlite_to_postgresql_to_sqlite_is_exact(
    sample_library: Library,
    library_path: Path,
    server: URL,
    tmp_path: Path,
) -> None:
    before = tmp_path / "before.json"
    write_library_json(sample_library, before)
    sample_library.close()
    with Library.open(server) as shared, shared.unit_of_work() as uow:  # a clean server database
        from briefing.interchange.library_copy import empty_library

        empty_library(uow)
    up = copy_library(library_path, server)
    assert up.counts == {"areas": 2, "topics": 2, "items": 8, "actions": 3, "participants": 2, "meetings": 2}
    back = tmp_path / "back.sqlite"
    down = copy_library(server, back)
    assert down == up
    after = tmp_path / "after.json"
    with Library.open(back) as library:
        write_library_json(library, after)
    assert after.read_bytes() == before.read_bytes()
    import hashlib

    assert hashlib.sha256(after.read_bytes()).hexdigest() == up.sha256


def test_a_target_with_content_is_refused_without_force(
    sample_library: Library, library_path: Path, tmp_path: Path, sample_document: dict[str, Any]
) -> None:
    sample_library.close()
    other = tmp_path / "other.sqlite"
    with Library.open(other) as library, library.unit_of_work() as uow:
        from briefing.model import Area, TextBlock

        uow.areas.add(Area(key="mine", title=TextBlock()))
    with pytest.raises(CopyError) as caught:
        copy_library(library_path, other)
    assert "--force" in caught.value.message("en") and "--force" in caught.value.message("fr")
    assert [a["key"] for a in exported(other)["areas"]] == ["mine"]
    copy_library(library_path, other, force=True)
    assert exported(other) == sample_document
    assert list((tmp_path / "backups").iterdir())  # the replaced content was backed up first


def test_the_same_library_is_refused(sample_library: Library, library_path: Path) -> None:
    sample_library.close()
    with pytest.raises(CopyError, match="same library"):
        copy_library(library_path, library_path.parent / "." / library_path.name)


def test_a_copy_that_does_not_verify_writes_nothing(
    sample_library: Library, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.interchange import library_copy
    from briefing.interchange.library_json import ExportSummary

    sample_library.close()
    monkeypatch.setattr(library_copy, "library_summary", lambda uow: ExportSummary({}, "0" * 64))
    target = tmp_path / "target.sqlite"
    with pytest.raises(CopyError, match="does not match the source"):
        copy_library(library_path, target)
    with Library.open(target) as library, library.reading() as uow:
        assert library_copy.content_size(uow) == 0


def test_the_command_in_french(sample_library: Library, library_path: Path, tmp_path: Path) -> None:
    sample_library.close()
    target = tmp_path / "copy.sqlite"
    env = {**os.environ, "LANG": "fr_BE.UTF-8"}
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    command = [
        sys.executable,
        "-m",
        "briefing",
        "copy-library",
        "--from",
        str(library_path),
        "--to",
        str(target),
    ]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0, first.stderr
    assert "8" in first.stdout and "SHA-256" in first.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert again.returncode == 1
    assert len(again.stderr.strip().splitlines()) == 1 and "--force" in again.stderr
    assert "déjà" in again.stderr
