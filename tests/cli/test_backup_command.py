"""``briefing backup`` and ``restore``, and the command line refusing to write over the library or onto a device."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.cli.test_cli import run_cli


def content(path: Path) -> str:
    """The library's SQL content, whatever is still in its -wal."""
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    assert run_cli("demo", "--db", str(path)).returncode == 0
    return path


def test_backup_list_and_restore(demo: Path, tmp_path: Path) -> None:
    made = run_cli("backup", "--db", str(demo))
    assert made.returncode == 0 and "backed up to" in made.stdout
    listed = run_cli("backup", "--list", "--db", str(demo))
    assert listed.returncode == 0 and str(demo.parent / "backups") in listed.stdout
    copy = tmp_path / "before-cleaning.sqlite"
    assert run_cli("backup", "-o", str(copy), "--db", str(demo), lang="fr_FR.UTF-8").stdout.startswith(
        "Bibliothèque"
    )
    connection = sqlite3.connect(demo)
    connection.execute("DELETE FROM action")
    connection.commit()
    connection.close()
    restored = run_cli("restore", str(copy), "--db", str(demo), lang="fr_FR.UTF-8")
    assert restored.returncode == 0, restored.stderr
    assert "restaurée" in restored.stdout and "conservée" in restored.stdout
    assert content(demo) == content(copy)


def test_no_backups_yet(tmp_path: Path) -> None:
    result = run_cli("backup", "--list", "--db", str(tmp_path / "library.sqlite"))
    assert result.returncode == 0 and "no automatic backups" in result.stdout


@pytest.mark.parametrize("lang, expected", [("en_GB.UTF-8", "pg_dump"), ("fr_FR.UTF-8", "outils du serveur")])
def test_on_a_database_server_backups_are_the_servers_job(lang: str, expected: str) -> None:
    for command in (["backup"], ["restore", "copy.sqlite"]):
        result = run_cli(*command, "--db", "postgresql+psycopg://nobody@/briefing", lang=lang)
        assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["export-library", "-o", "{db}"],
        ["export-library", "-o", "{folder}/sub/../library.sqlite-wal"],
        ["export-library", "--format", "xlsx", "-o", "{folder}/link.xlsx"],
        ["export", "jha-council-2024-06", "--allow-missing", "-o", "{db}"],
        ["export", "jha-council-2024-06", "--allow-missing", "--format", "xlsx", "-o", "{folder}/hard-link"],
        ["translations", "export", "-o", "{db}-shm"],
        ["backup", "-o", "{db}"],
    ],
)
def test_outputs_onto_the_library_are_refused_in_both_languages(demo: Path, command: list[str]) -> None:
    folder = demo.parent
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "link.xlsx").symlink_to(demo)
    os.link(demo, folder / "hard-link")
    before = content(demo)
    args = [part.format(db=demo, folder=folder) for part in command]
    for lang, expected in (("en_GB.UTF-8", "would overwrite the library"), ("fr_FR.UTF-8", "écraserait")):
        result = run_cli(*args, "--db", str(demo), lang=lang)
        assert result.returncode == 1 and expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert content(demo) == before


def test_db_naming_a_device_a_fifo_or_a_folder_is_refused_untouched(tmp_path: Path) -> None:
    from briefing.store import Library

    sound_backup = tmp_path / "elsewhere" / "library.sqlite"
    Library.open(sound_backup).close()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    targets = [fifo, tmp_path, Path(os.devnull)]
    if os.geteuid() == 0:
        device = tmp_path / "null-device"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(device)
    for target in targets:
        mode = target.stat().st_mode
        said = {}
        for command in (["meetings"], ["demo"], ["backup"], ["restore", str(sound_backup)]):
            result = run_cli(*command, "--db", str(target), lang="fr_FR.UTF-8")
            assert result.returncode == 1 and "Traceback" not in result.stderr, (command, result.stderr)
            assert target.stat().st_mode == mode
            said[command[0]] = result.stderr
        expected = "est un dossier, pas un fichier" if target.is_dir() else "dossier ou un périphérique"
        assert expected in said["meetings"]


def test_export_onto_a_device_leaves_the_node(demo: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    device = demo.parent / "null-device"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = run_cli("export-library", "-o", str(device), "--db", str(demo))
    assert result.returncode == 1 and "a folder or a device" in result.stderr
    assert stat.S_ISCHR(device.stat().st_mode)
