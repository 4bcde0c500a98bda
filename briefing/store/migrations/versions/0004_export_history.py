"""Export history: every pack exported (Word, Excel, PDF, addenda), with the outline it was made from.

One row per file written: the meeting and the record's number within it, what was exported (language, copy
type, template, recipient and copy number, the version printed on the cover), when, the SHA-256 of the file, and
the outline as compressed JSON (:mod:`briefing.history.codec`), so the same file can be made again and what
changed since can be shown. Times are ISO 8601 UTC text, written alike by SQLAlchemy and the standard
``sqlite3`` module. Removing a meeting removes its history.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("copy", sa.String(length=16), nullable=False),
        sa.Column("template", sa.String(length=1000), nullable=True),
        sa.Column("template_sha256", sa.String(length=64), nullable=True),
        sa.Column("recipient", sa.String(length=300), nullable=True),
        sa.Column("copy_number", sa.Integer(), nullable=True),
        sa.Column("copy_count", sa.Integer(), nullable=True),
        sa.Column("pack_version", sa.Integer(), nullable=False),
        sa.Column("base_number", sa.Integer(), nullable=True),
        sa.Column("addendum_number", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("app_version", sa.String(length=64), nullable=False),
        sa.Column("outline", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_export_record_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_record")),
        sa.UniqueConstraint("meeting_id", "number", name=op.f("uq_export_record_meeting_id")),
    )


def downgrade() -> None:
    op.drop_table("export_record")
