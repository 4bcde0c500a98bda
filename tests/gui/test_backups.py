"""File › Back up now… and File › Restore from backup… on the real window and library files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from briefing.store.backup import automatic_backups, backup_library


def answer(
    window: MainWindow, choice: str | None = None, open_file: str = "", confirm: bool = True
) -> list[str]:
    """Answer the backup dialogs; the messages shown are collected in the returned list."""
    shown: list[str] = []
    commands = window.backups

    def choose_item(
        _parent: object, _title: str, _label: str, items: list[str], *_rest: object
    ) -> tuple[str, bool]:
        shown.append("choices: " + " | ".join(items))
        return (items[0] if choice is None else choice), True

    commands.choose_item = choose_item
    commands.get_open_file_name = lambda *_args: (open_file, "")
    commands.ask = lambda _parent, _title, text: shown.append(text) is None and confirm
    commands.tell = lambda _parent, _title, text: shown.append(text)
    commands.warn = lambda _parent, _title, text: shown.append("warning: " + text)
    return shown


def owner_of_first_topic(window: MainWindow) -> str | None:
    with window.library.reading() as uow:
        return uow.topics.list()[0].owner


def set_owner(window: MainWindow, owner: str) -> None:
    with window.library.unit_of_work() as uow:
        uow.topics.list()[0].owner = owner


def test_the_file_menu_has_back_up_and_restore(window: MainWindow) -> None:
    texts = [action.text() for action in window.file_menu.actions()]
    assert "&Back up now…" in texts and "&Restore from backup…" in texts
    assert window.backup_action.isEnabled() and window.restore_action.isEnabled()


def test_back_up_now_then_restore_it_in_the_same_window(window: MainWindow) -> None:
    assert window.library.path is not None
    library_path = window.library.path
    shown = answer(window)
    set_owner(window, "Before")
    made = window.backups.back_up_now()
    assert made is not None and made in automatic_backups(library_path)
    assert str(made) in shown[-1]
    set_owner(window, "After")
    old_library = window.library
    assert window.backups.restore()
    assert window.library is not old_library and window.ready
    assert owner_of_first_topic(window) == "Before"
    assert "restored" in shown[-1]
    kept = automatic_backups(library_path)[0]  # the library as it was, just before the restore
    assert kept != made
    window.undo_stack.clear()
    set_owner(window, "Edited after the restore")  # the reopened library works
    assert owner_of_first_topic(window) == "Edited after the restore"


def test_restore_from_a_chosen_file(window: MainWindow, tmp_path: Path) -> None:
    assert window.library.path is not None
    set_owner(window, "In the copy")
    copy = backup_library(window.library.path, tmp_path / "elsewhere.sqlite")
    set_owner(window, "Later")
    shown = answer(window, choice="Choose a file…", open_file=str(copy))
    assert window.backups.restore()
    assert owner_of_first_topic(window) == "In the copy"
    assert shown[0].endswith("Choose a file…")


def test_restore_refused_while_another_program_has_the_library(window: MainWindow, qtbot: QtBot) -> None:
    assert window.library.path is not None
    path = window.library.path
    set_owner(window, "Kept")
    window.backups.tell = lambda *_args: None
    window.backups.back_up_now()
    set_owner(window, "Current")
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys\nfrom briefing.store import Library\n"
            f"library = Library.open({str(path)!r})\n"
            "with library.reading() as uow: uow.meetings.count()\n"
            "print('open', flush=True); sys.stdin.read()"
        )], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        shown = answer(window)
        assert not window.backups.restore()
        assert "open in another program" in shown[-1]
    finally:
        holder.communicate("")
    assert window.ready and owner_of_first_topic(window) == "Current"  # the window still works on its library


def test_cancelling_changes_nothing(window: MainWindow) -> None:
    window.backups.tell = lambda *_args: None
    window.backups.back_up_now()
    set_owner(window, "Current")
    library = window.library
    answer(window, confirm=False)
    assert not window.backups.restore()
    assert window.library is library and owner_of_first_topic(window) == "Current"
