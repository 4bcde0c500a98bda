"""What setting up search on PostgreSQL may need from the database administrator (used by revision 0005)."""

from __future__ import annotations

from briefing.errors import N_, LibraryError


def unaccent_refused(database: str, reason: object) -> LibraryError:
    """The role may not create the ``unaccent`` extension: say what to ask the administrator for."""
    return LibraryError(
        N_(
            "Search on PostgreSQL needs the unaccent extension, which this database role may not create: "
            "ask the database administrator to run “CREATE EXTENSION unaccent;” in the database {database} "
            "(PostgreSQL's contrib package provides it), then open the library again. ({reason})"
        ),
        database=database,
        reason=reason,
    )
