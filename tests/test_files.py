"""Atomic output: the file appears complete or not at all, with ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.files import OutputError, atomic_output, atomic_write


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "pack.docx", b"data")
    finally:
        os.umask(umask)
    assert (tmp_path / "pack.docx").stat().st_mode & 0o777 == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "pack.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o640


def test_failure_inside_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "pack.docx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("renderer failed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.docx"]


def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # running as root: permissions are not enforced
            target = folder / "pack.docx"
            target.mkdir()  # a directory where the file should go cannot be replaced
            with pytest.raises(OutputError, match="cannot be written"):
                atomic_write(target, b"data")
        else:
            with pytest.raises(OutputError, match="cannot be written"):
                atomic_write(folder / "pack.docx", b"data")
    finally:
        folder.chmod(0o700)


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write(tmp_path / "nowhere" / "pack.docx", b"data")
