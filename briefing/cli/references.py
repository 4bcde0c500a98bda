"""How the command line finds what it is told to work on: the library to read, and the meeting a word names.

The only place where a meeting named on the command line may be an id: ``briefing export 2`` is the meeting whose
slug is "2" when there is one, and the meeting with id 2 only when no slug matches. Everywhere else, ids are
ints and slugs are strings, and neither is taken for the other.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.store import Library, UnitOfWork


def meeting_reference(source: Any, text: str) -> int | str:
    """The meeting ``text`` names: its slug when a meeting has that slug, else the id it spells, if one exists.

    Returns the slug (a string) or the id (an int) to give :func:`briefing.selection.load_pack_selection` or a
    :class:`~briefing.assemble.PackRequest`; an unknown meeting comes back as the slug it was written as, so
    loading it reports "no meeting named …" in the user's words.
    """
    from briefing.selection.load import reader

    read = reader(source)
    if list(read("SELECT id FROM meeting WHERE slug = :slug", {"slug": text})):
        return text
    is_number = text.isascii() and text.isdigit()
    if is_number and list(read("SELECT id FROM meeting WHERE id = :id", {"id": int(text)})):
        return int(text)
    return text


@contextmanager
def reading(
    db: str | os.PathLike[str] | None, *, demo_created: Callable[[os.PathLike[str] | str], None] | None = None
) -> Iterator[sqlite3.Connection | UnitOfWork]:
    """Somewhere to read a pack from, in one read transaction (a consistent snapshot while others save): a
    read-only :mod:`sqlite3` connection on a SQLite library ready as it is (nothing to create or migrate), which
    needs neither SQLAlchemy nor the mapped model; otherwise a read-only unit of work on the library opened the
    usual way (PostgreSQL, a new library, one to migrate).

    With ``demo_created``, an empty library gets the demo content first and ``demo_created`` is told where.
    """
    from briefing.store.location import library_file
    from briefing.store.snapshot import open_read_only

    path = library_file(db)
    connection = open_read_only(path) if path is not None else None
    if connection is not None:
        from briefing.files import protect_library, release_library

        assert path is not None
        protect_library(path)  # no output of this command may land on the library it reads
        try:
            connection.execute("BEGIN")  # one read transaction: every statement sees the same snapshot
            yield connection
        finally:
            connection.rollback()
            connection.close()
            release_library(path)
        return
    with opened(db) as library:
        if demo_created is not None:
            from briefing.interchange.demo.builder import ensure_demo_library

            if ensure_demo_library(library):
                demo_created(library.path or str(library.url))
        with library.reading() as uow:
            yield uow


def opened(db: str | os.PathLike[str] | None) -> Library:
    from briefing.store import Library

    return Library.open(db)


__all__ = ["meeting_reference", "opened", "reading"]
