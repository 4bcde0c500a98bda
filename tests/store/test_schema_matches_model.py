"""The migrations build exactly the schema the model maps, on SQLite and on PostgreSQL.

Several revisions are written by hand; this compares a freshly migrated library with the mapped model, as
Alembic's autogenerate would, so a column added to the model without a migration (or the other way round) fails
here rather than in an adviser's library.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import URL

import briefing.model  # noqa: F401 - every mapped class registered on the metadata
from briefing.model.base import Base
from briefing.store import Library

OUTSIDE_THE_MODEL = ("search_", "library_stamp", "export_record", "alembic_version", "ix_translation_search")
"""Tables and indexes the store keeps by itself: the search index (FTS5's tables, PostgreSQL's expression
index), the change stamp, the export history (written with plain SQL by briefing.history)."""


def _outside_the_model(difference: Any) -> bool:
    return bool(
        difference[0] in ("remove_table", "remove_index") and difference[1].name.startswith(OUTSIDE_THE_MODEL)
    )


def test_a_migrated_library_has_the_models_schema(database: str | URL) -> None:
    with Library.open(database) as library, library.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, Base.metadata) if not _outside_the_model(d)]
    assert differences == []
