"""Each translation keeps the source text it was last reviewed against, to show what changed since.

A translation turns stale when its source changes; whoever reviews it again needs to see *what* changed. The
fingerprint only tells that something did, so marking a translation reviewed now also records the source text
itself. Translations reviewed before this revision have none (the interface says so).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("translation") as batch:
        batch.add_column(sa.Column("reviewed_source", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("translation") as batch:
        batch.drop_column("reviewed_source")
