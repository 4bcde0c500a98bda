"""``briefing backup`` and ``briefing restore``: copies of a SQLite library and putting one back.

The handlers take the parsed arguments and return the exit status; :func:`add_backup_commands` puts them on the
command line. The work is done by :mod:`briefing.store.backup`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.cli.commands import say
from briefing.cli.language import tr
from briefing.errors import N_


def add_backup_commands(
    subparsers: argparse._SubParsersAction[Any], add_db: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Register ``backup`` and ``restore`` on ``subparsers``; ``add_db`` gives each the ``--db`` option."""
    backup_help = tr(N_("copy the library to a backup file (default: a new automatic backup)"))
    backup = subparsers.add_parser("backup", help=backup_help, description=backup_help)
    add_db(backup)
    backup.add_argument("-o", "--output", metavar="FILE", help=tr(N_("the backup file to write")))
    backup.add_argument(
        "--list",
        action="store_true",
        help=tr(N_("list the automatic backups beside the library, newest first")),
    )
    backup.set_defaults(handler=backup_command)

    restore_help = tr(
        N_("replace the library's content with a backup (the library must be closed everywhere)")
    )
    restore = subparsers.add_parser("restore", help=restore_help, description=restore_help)
    add_db(restore)
    restore.add_argument("file", metavar="FILE", help=tr(N_("a backup file (see `briefing backup --list`)")))
    restore.set_defaults(handler=restore_command)


def _library_file(args: argparse.Namespace) -> Path:
    from briefing.store.backup import server_backup_error
    from briefing.store.location import library_file

    path = library_file(getattr(args, "db", None))
    if path is None:
        raise server_backup_error()
    return path


def backup_command(args: argparse.Namespace) -> int:
    """Write a backup, or list the automatic ones."""
    from briefing.files import protect_library, release_library
    from briefing.store.backup import automatic_backups, backup_library, backup_time, make_automatic_backup

    library = _library_file(args)
    if args.list:
        backups = automatic_backups(library)
        for found in backups:
            taken = backup_time(library, found)
            when = taken.astimezone().strftime("%Y-%m-%d %H:%M:%S") if taken else ""
            print(f"{when}\t{found.stat().st_size}\t{found}")
        if not backups:
            say(N_("There are no automatic backups of {path} yet."), path=library)
        return 0
    protect_library(library)  # the output may not be the library itself
    try:
        made = backup_library(library, Path(args.output)) if args.output else make_automatic_backup(library)
    finally:
        release_library(library)
    say(N_("Library {library} backed up to {path}."), library=library, path=made)
    return 0


def restore_command(args: argparse.Namespace) -> int:
    """Put a backup in place of the library's content."""
    from briefing.store.backup import restore_library

    library = _library_file(args)
    saved = restore_library(library, Path(args.file))
    say(N_("Library {library} restored from {path}."), library=library, path=args.file)
    if saved is not None:
        say(N_("The library as it was is kept in {path}."), path=saved)
    return 0


__all__ = ["add_backup_commands", "backup_command", "restore_command"]
