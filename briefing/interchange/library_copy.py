"""Copying a whole library from one database to another (SQLite ↔ PostgreSQL), verified.

The copy goes through the library JSON format, streaming both ways: the source is exported into a temporary file,
the file is checked as a whole, and the target is filled from it in one transaction (emptied first when
``force`` allows it). Before that transaction commits, the target is exported again in memory-flat fashion and
must give the same counts and the same SHA-256 as the source's export, or nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.engine import URL

from briefing.errors import N_, BriefingError
from briefing.interchange.library_json import (
    check_library_file,
    import_checked_file,
    library_summary,
    write_library_json,
)
from briefing.model.base import Base
from briefing.store import Library, UnitOfWork
from briefing.store.bulk import hold_write_lock

COUNTED = ("areas", "topics", "items", "actions", "participants", "meetings")


class CopyError(BriefingError):
    """The library could not be copied; the target is as it was."""


@dataclass(frozen=True)
class CopyReport:
    """What was copied: records by kind, and the SHA-256 of the library JSON both sides export."""

    counts: dict[str, int]
    sha256: str


def copy_library(
    source: str | os.PathLike[str] | URL, target: str | os.PathLike[str] | URL, *, force: bool = False
) -> CopyReport:
    """Copy the library at ``source`` into ``target`` (a file path or a database URL, as ``--db`` takes).

    A target that already holds content is refused unless ``force``; then its content is replaced (a SQLite
    target is backed up first). Raises :class:`CopyError` when the copy does not verify; the target is then
    unchanged.
    """
    with Library.open(source, create=False) as origin, Library.open(target) as destination:
        if _same_database(origin, destination):
            raise CopyError(N_("The source and the target are the same library: nothing was copied."))
        with tempfile.TemporaryDirectory(prefix="briefing-copy-") as folder:
            exported = Path(folder) / "library.json"
            expected = write_library_json(origin, exported)
            checked = check_library_file(exported)
            with destination.reading() as uow:
                held = content_size(uow)
            if held and not force:
                raise CopyError(
                    N_(
                        "{target} already holds a library ({count} records): nothing was copied. "
                        "Add --force to replace its content."
                    ),
                    target=_shown(destination),
                    count=held,
                )
            if held:
                destination.back_up()
            with destination.unit_of_work() as uow:
                hold_write_lock(uow.session)
                if held:
                    empty_library(uow)
                import_checked_file(uow, checked)
                uow.flush()
                copied = library_summary(uow)
                if copied.sha256 != expected.sha256 or _counts(copied.counts) != _counts(expected.counts):
                    raise CopyError(
                        N_(
                            "The copy in {target} does not match the source ({found} against {expected}): "
                            "nothing was copied."
                        ),
                        target=_shown(destination),
                        found=_describe(copied.counts),
                        expected=_describe(expected.counts),
                    )
    return CopyReport(_counts(expected.counts), expected.sha256)


def content_size(uow: UnitOfWork) -> int:
    """How many records the library holds (texts included): 0 for an empty library."""
    session = uow.session
    return sum(
        int(session.scalar(select(func.count()).select_from(table)) or 0)
        for table in Base.metadata.sorted_tables
    )


def empty_library(uow: UnitOfWork) -> None:
    """Delete every record of the library, in the caller's transaction (the schema stays)."""
    session = uow.session
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))


def _counts(counts: dict[str, int]) -> dict[str, int]:
    return {kind: counts.get(kind, 0) for kind in COUNTED}


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {number}" for kind, number in _counts(counts).items())


def _shown(library: Library) -> str:
    return str(library.path) if library.path is not None else library.url.render_as_string(hide_password=True)


def _same_database(one: Library, other: Library) -> bool:
    if one.path is not None and other.path is not None:
        try:
            return one.path.resolve().samefile(other.path.resolve())
        except OSError:
            return False
    return one.url.render_as_string(hide_password=False) == other.url.render_as_string(hide_password=False)
