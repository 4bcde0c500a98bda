"""Full-text search index over every translation, kept in sync by triggers.

The index is an external-content FTS5 table on ``translation``: accents and case are folded by the
``unicode61`` tokenizer (``remove_diacritics 2``), and 2- and 3-character prefix indexes make search-as-you-type
fast. Libraries made before this revision get their existing texts indexed when they are upgraded.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATEMENTS = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        text, lang UNINDEXED,
        content='translation', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER translation_search_insert AFTER INSERT ON translation BEGIN
        INSERT INTO search_fts(rowid, text, lang) VALUES (new.id, new.text, new.lang);
    END
    """,
    """
    CREATE TRIGGER translation_search_delete AFTER DELETE ON translation BEGIN
        INSERT INTO search_fts(search_fts, rowid, text, lang) VALUES ('delete', old.id, old.text, old.lang);
    END
    """,
    """
    CREATE TRIGGER translation_search_update AFTER UPDATE OF text, lang ON translation BEGIN
        INSERT INTO search_fts(search_fts, rowid, text, lang) VALUES ('delete', old.id, old.text, old.lang);
        INSERT INTO search_fts(rowid, text, lang) VALUES (new.id, new.text, new.lang);
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("translation_search_insert", "translation_search_delete", "translation_search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_fts")
