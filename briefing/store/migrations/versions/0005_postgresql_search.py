"""Search on PostgreSQL: texts folded like SQLite's index folds them (case and accents), in a GIN index.

``briefing_fold(text)`` lowers a text and removes its accents (the ``unaccent`` extension), and
``briefing_search_vector(text)`` turns the first 100 000 characters of a text into a ``tsvector`` of its folded
words (the ``simple`` configuration: no stemming, as on SQLite). Both are immutable, so a GIN index on
``briefing_search_vector(text)`` serves searches with prefixes (``secur:*``). The extension is created when the
role may; otherwise the upgrade stops with a message naming what to ask the database administrator. Nothing is done
on SQLite, whose FTS5 index (revision 0002) does the same.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SEARCH_INDEX_CHARS = 100_000
"""Characters of a text indexed for search on PostgreSQL (a tsvector holds at most 1 MB)."""

STATEMENTS = [
    """
    CREATE OR REPLACE FUNCTION briefing_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, lower(value)) $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION briefing_search_vector(value text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT to_tsvector('pg_catalog.simple'::regconfig, briefing_fold(left(value, {SEARCH_INDEX_CHARS}))) $$
    """,
    "CREATE INDEX ix_translation_search ON translation USING gin (briefing_search_vector(text))",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _unaccent_schema(bind)
    if schema is None:
        _create_unaccent(bind)
        schema = _unaccent_schema(bind)
    for statement in STATEMENTS:
        op.execute(statement.replace("{schema}", f'"{schema}"'))


def _unaccent_schema(bind: object) -> str | None:
    row = bind.execute(  # type: ignore[attr-defined]
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
    ).first()
    return None if row is None else str(row[0])


def _create_unaccent(bind: object) -> None:
    from briefing.store.search_setup import unaccent_refused

    database = bind.execute(text("SELECT current_database()")).scalar_one()  # type: ignore[attr-defined]
    try:
        with bind.begin_nested():  # type: ignore[attr-defined]
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))  # type: ignore[attr-defined]
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise unaccent_refused(database, reason) from exc


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_translation_search")
    op.execute("DROP FUNCTION IF EXISTS briefing_search_vector(text)")
    op.execute("DROP FUNCTION IF EXISTS briefing_fold(text)")
