"""Who changed what, and a change stamp other copies of the app can watch.

Every table with an ``updated_at`` gets ``updated_by``: the person (the login name on a laptop, the database
role on a server) whose unit of work last changed the row; rows written before this revision say nobody. The
one-row ``library_stamp`` table counts committed changes and names the last writer, so another copy of the app
open on the same library sees that someone else committed (see :mod:`briefing.store.watch`).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _tables_with_updated_at() -> list[str]:
    inspector = sa.inspect(op.get_bind())
    found = []
    for table in inspector.get_table_names():
        columns = {column["name"] for column in inspector.get_columns(table)}
        if "updated_at" in columns and "updated_by" not in columns:
            found.append(table)
    return sorted(found)


def upgrade() -> None:
    for table in _tables_with_updated_at():
        op.add_column(table, sa.Column("updated_by", sa.String(length=200), nullable=True))
    op.create_table(
        "library_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.BigInteger(), nullable=False),
        sa.Column("writer", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_stamp")),
    )
    op.execute("INSERT INTO library_stamp (id, serial, writer) VALUES (1, 0, '')")


def downgrade() -> None:
    op.drop_table("library_stamp")
    inspector = sa.inspect(op.get_bind())
    for table in inspector.get_table_names():
        if "updated_by" in {column["name"] for column in inspector.get_columns(table)}:
            with op.batch_alter_table(table) as batch:
                batch.drop_column("updated_by")
