"""Short fields become translatable texts: owners, sources, who prepared a pack, organisations.

A topic's and an action's owner, an action's source, a meeting's "prepared by" and a participant's organisation
were plain strings, and a topic's sources a JSON list of them. Each becomes a text block (the topic's sources one
``topic_source`` row each, in order), so it has a French version and a translation state like any other text.
Every existing value is moved into a block as its source-language text (the topic's language for a topic's
fields and an action's, English otherwise); nothing is lost, and the downgrade moves the source texts back.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, old string column, new block column); the topic's sources are moved apart (a list).
FIELDS = (
    ("topic", "owner", "owner_id"),
    ("action", "owner", "owner_id"),
    ("action", "source", "source_id"),
    ("meeting", "prepared_by", "prepared_by_id"),
    ("participant", "organisation", "organisation_id"),
)
"""Every short field moved, with its old and new column."""

_LANGUAGE = {
    "topic": "SELECT t.id, t.{old}, t.source_lang FROM topic t",
    "action": (
        "SELECT a.id, a.{old}, COALESCE(tb.source_lang, 'en') FROM action a "
        "LEFT JOIN text_block tb ON tb.id = a.text_id"
    ),
    "meeting": "SELECT id, {old}, 'en' FROM meeting",
    "participant": "SELECT id, {old}, 'en' FROM participant",
}
"""Each record's old value with the language it is written in."""

_metadata = sa.MetaData()
_text_block = sa.Table(
    "text_block",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_lang", sa.String(8)),
)
_translation = sa.Table(
    "translation",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("block_id", sa.Integer),
    sa.Column("lang", sa.String(8)),
    sa.Column("text", sa.Text),
    sa.Column("status", sa.String(16)),
    sa.Column("source_fingerprint", sa.String(32)),
    sa.Column("version", sa.Integer),
    sa.Column("created_at", sa.DateTime),
    sa.Column("updated_at", sa.DateTime),
)
_topic_source = sa.Table(
    "topic_source",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("topic_id", sa.Integer),
    sa.Column("position", sa.Integer),
    sa.Column("title_id", sa.Integer),
)


def _new_block(connection: sa.Connection, text: str, lang: str, now: dt.datetime) -> int:
    """A block holding ``text`` as its source-language text; its id."""
    block_id = connection.execute(
        sa.insert(_text_block).values(source_lang=lang).returning(_text_block.c.id)
    ).scalar_one()
    connection.execute(
        sa.insert(_translation).values(
            block_id=block_id,
            lang=lang,
            text=text,
            status="draft",
            source_fingerprint=None,
            version=1,
            created_at=now,
            updated_at=now,
        )
    )
    return int(block_id)


def _add_block_column(table: str, column: str, sqlite: bool) -> None:
    if sqlite:  # SQLite adds a column with its reference in place; a table rebuild would cascade deletes
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES text_block (id)")
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(op.f(f"fk_{table}_{column}_text_block"), table, "text_block", [column], ["id"])


def _drop_column(table: str, column: str, sqlite: bool) -> None:
    if sqlite:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def upgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    op.create_table(
        "topic_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_topic_source_topic_id_topic"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["title_id"], ["text_block.id"], name=op.f("fk_topic_source_title_id_text_block")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_source")),
    )
    op.create_index(op.f("ix_topic_source_topic_id"), "topic_source", ["topic_id"], unique=False)

    for table, old, new in FIELDS:
        _add_block_column(table, new, sqlite)
        rows = connection.execute(sa.text(_LANGUAGE[table].format(old=old))).all()
        for ident, value, lang in rows:
            if value is None or not str(value).strip():
                continue
            block_id = _new_block(connection, str(value), str(lang), now)
            connection.execute(
                sa.text(f"UPDATE {table} SET {new} = :block WHERE id = :id"), {"block": block_id, "id": ident}
            )

    for ident, sources, lang in connection.execute(sa.text("SELECT id, sources, source_lang FROM topic")).all():
        titles: Any = json.loads(sources) if isinstance(sources, str) else (sources or [])
        position = 0
        for title in titles:
            if not str(title).strip():
                continue
            block_id = _new_block(connection, str(title), str(lang), now)
            connection.execute(
                sa.insert(_topic_source).values(topic_id=ident, position=position, title_id=block_id)
            )
            position += 1

    for table, old, _new in FIELDS:
        _drop_column(table, old, sqlite)
    _drop_column("topic", "sources", sqlite)


def _source_texts(connection: sa.Connection, table: str, column: str) -> list[tuple[int, str]]:
    return [
        (int(ident), str(text))
        for ident, text in connection.execute(
            sa.text(
                f"SELECT r.id, tr.text FROM {table} r JOIN text_block tb ON tb.id = r.{column} "
                "JOIN translation tr ON tr.block_id = tb.id AND tr.lang = tb.source_lang"
            )
        ).all()
    ]


def downgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    lengths = {"topic": 200, "action": 200, "meeting": 300, "participant": 300}
    for table, old, new in FIELDS:
        op.add_column(table, sa.Column(old, sa.String(length=lengths[table]), nullable=True))
        for ident, text in _source_texts(connection, table, new):
            connection.execute(
                sa.text(f"UPDATE {table} SET {old} = :text WHERE id = :id"), {"text": text, "id": ident}
            )
    op.add_column("topic", sa.Column("sources", sa.JSON(), nullable=True))
    sources: dict[int, list[str]] = {}
    for topic_id, text in connection.execute(
        sa.text(
            "SELECT ts.topic_id, tr.text FROM topic_source ts JOIN text_block tb ON tb.id = ts.title_id "
            "JOIN translation tr ON tr.block_id = tb.id AND tr.lang = tb.source_lang "
            "ORDER BY ts.topic_id, ts.position, ts.id"
        )
    ).all():
        sources.setdefault(int(topic_id), []).append(str(text))
    value = ":sources" if sqlite else "CAST(:sources AS JSON)"
    for (ident,) in connection.execute(sa.text("SELECT id FROM topic")).all():
        connection.execute(
            sa.text(f"UPDATE topic SET sources = {value} WHERE id = :id"),
            {"sources": json.dumps(sources.get(int(ident), []), ensure_ascii=False), "id": ident},
        )
    op.drop_index(op.f("ix_topic_source_topic_id"), table_name="topic_source")
    op.drop_table("topic_source")
    if sqlite:  # SQLite drops no column that references another table: the block columns stay, unused
        return
    for table, _old, new in FIELDS:
        op.drop_constraint(op.f(f"fk_{table}_{new}_text_block"), table, type_="foreignkey")
        op.drop_column(table, new)
