"""Atomic output: the file appears complete or not at all, with ordinary permissions."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from briefing.files import OutputError, atomic_output, atomic_write
from briefing.store import Library


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


# --- outputs that would destroy the library, or are not files --------------------------------------------------


def _library(tmp_path: Path) -> Library:
    from briefing.interchange.demo.builder import create_demo_library

    library = Library.open(tmp_path / "library.sqlite")
    create_demo_library(library)
    return library


def _digest(path: Path) -> str:
    """The SQL content of a library (its -wal included), or the bytes of another file."""
    if path.name.endswith(".sqlite"):
        connection = sqlite3.connect(path)
        try:
            return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
        finally:
            connection.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name",
    ["library.sqlite", "sub/../library.sqlite", "library.sqlite-wal", "library.sqlite-shm", "library.sqlite-journal",
     "link-to-library.json", "hard-link.json", "link-to-folder/library.sqlite"],
)  # fmt: skip
def test_an_output_onto_the_open_library_or_its_files_is_refused(tmp_path: Path, name: str) -> None:
    library = _library(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link-to-library.json").symlink_to(tmp_path / "library.sqlite")
    os.link(tmp_path / "library.sqlite", tmp_path / "hard-link.json")
    (tmp_path / "link-to-folder").symlink_to(tmp_path, target_is_directory=True)
    before = _digest(tmp_path / "library.sqlite")
    with pytest.raises(OutputError) as caught:
        atomic_write(tmp_path / name, b"{}")
    assert "would overwrite the library" in caught.value.message("en")
    assert "écraserait la bibliothèque" in caught.value.message("fr")
    library.close()
    assert _digest(tmp_path / "library.sqlite") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_backup_of_the_open_library_is_protected_too(tmp_path: Path) -> None:
    library = _library(tmp_path)
    made = library.back_up()
    assert made is not None
    before = _digest(made)
    with pytest.raises(OutputError):
        atomic_write(made, b"{}")
    assert _digest(made) == before
    library.close()


def test_once_the_library_is_closed_its_name_is_an_ordinary_file(tmp_path: Path) -> None:
    _library(tmp_path).close()
    atomic_write(tmp_path / "library.sqlite-wal", b"not a library any more")  # nobody has it open
    assert (tmp_path / "library.sqlite-wal").read_bytes() == b"not a library any more"


def test_a_fifo_a_folder_and_a_device_are_refused_and_stay_as_they_were(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    targets = [fifo, folder, Path(os.devnull)]
    if os.geteuid() == 0:
        device = tmp_path / "null-device"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(device)
    for target in targets:
        mode = target.stat().st_mode
        with pytest.raises(OutputError) as caught:
            atomic_write(target, b"data")
        assert "a folder or a device" in caught.value.message("en")
        assert "un dossier ou un périphérique" in caught.value.message("fr")
        assert target.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        t.name for t in targets if t.parent == tmp_path
    )
