"""The bounded-zip checks shared by the workbook, template and Word-brief readers, on real archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.zip_bounds import Overflow, PartTooLargeError, ZipBounds, check_directory, read_part

BOUNDS = ZipBounds(max_entries=3, max_part_bytes=1000, max_total_bytes=1500)


def _archive(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _directory(path: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as archive:
        return archive.infolist()


def test_an_archive_within_its_bounds_has_no_problem(tmp_path: Path) -> None:
    path = _archive(tmp_path / "ok.zip", {"a.xml": b"a" * 900, "b.xml": b"b" * 500})
    assert check_directory(_directory(path), BOUNDS) is None


def test_too_many_entries_are_counted(tmp_path: Path) -> None:
    path = _archive(tmp_path / "many.zip", {f"{n}.xml": b"x" for n in range(4)})
    problem = check_directory(_directory(path), BOUNDS)
    assert problem is not None
    assert (problem.overflow, problem.found, problem.limit) == (Overflow.ENTRIES, 4, 3)


def test_one_big_part_is_named(tmp_path: Path) -> None:
    path = _archive(tmp_path / "big.zip", {"small.xml": b"s", "big.xml": b"0" * 1001})
    problem = check_directory(_directory(path), BOUNDS)
    assert problem is not None
    assert (problem.overflow, problem.part, problem.found) == (Overflow.PART, "big.xml", 1001)


def test_parts_too_big_together(tmp_path: Path) -> None:
    path = _archive(tmp_path / "total.zip", {"a.xml": b"a" * 800, "b.xml": b"b" * 800})
    problem = check_directory(_directory(path), BOUNDS)
    assert problem is not None
    assert (problem.overflow, problem.found) == (Overflow.TOTAL, 1600)


def test_a_part_is_stopped_once_it_inflates_past_its_limit(tmp_path: Path) -> None:
    path = _archive(tmp_path / "bomb.zip", {"bomb.xml": b"0" * 5_000_000})
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("bomb.xml")
        assert entry.compress_size < 10_000  # a few kilobytes on disk
        with pytest.raises(PartTooLargeError) as raised:
            read_part(archive, entry, limit=2 * 1024 * 1024)
    assert (raised.value.part, raised.value.limit) == ("bomb.xml", 2 * 1024 * 1024)


def test_a_part_within_its_limit_is_read_whole(tmp_path: Path) -> None:
    path = _archive(tmp_path / "fine.zip", {"doc.xml": b"<w/>" * 1000})
    with zipfile.ZipFile(path) as archive:
        assert read_part(archive, archive.getinfo("doc.xml"), limit=4000) == b"<w/>" * 1000
