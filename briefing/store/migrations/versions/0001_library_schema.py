"""The library schema: areas, topics, items, texts, actions, participants, meetings.

Revision ID: 0001
Revises: 
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


APPLICATION_ID = 0x42524946  # "BRIF"; never change: it is how a file is recognised

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('text_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_lang', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_text_block'))
    )
    op.create_table('area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['title_id'], ['text_block.id'], name=op.f('fk_area_title_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area')),
    sa.UniqueConstraint('key', name=op.f('uq_area_key'))
    )
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('prepared_by', sa.String(length=300), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['text_block.id'], name=op.f('fk_meeting_location_id_text_block')),
    sa.ForeignKeyConstraint(['title_id'], ['text_block.id'], name=op.f('fk_meeting_title_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('slug', name=op.f('uq_meeting_slug'))
    )
    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('function_id', sa.Integer(), nullable=False),
    sa.Column('bio_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bio_id'], ['text_block.id'], name=op.f('fk_participant_bio_id_text_block')),
    sa.ForeignKeyConstraint(['function_id'], ['text_block.id'], name=op.f('fk_participant_function_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant')),
    sa.UniqueConstraint('key', name=op.f('uq_participant_key'))
    )
    op.create_table('translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source_fingerprint', sa.String(length=32), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['text_block.id'], name=op.f('fk_translation_block_id_text_block'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_translation')),
    sa.UniqueConstraint('block_id', 'lang', name=op.f('uq_translation_block_id'))
    )
    with op.batch_alter_table('translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translation_block_id'), ['block_id'], unique=False)

    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_id', sa.Integer(), nullable=False),
    sa.Column('select_all', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['title_id'], ['text_block.id'], name=op.f('fk_agenda_item_title_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_objective',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_objective_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['text_id'], ['text_block.id'], name=op.f('fk_meeting_objective_text_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_objective'))
    )
    with op.batch_alter_table('meeting_objective', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_objective_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_participant',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_participant_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_meeting_participant_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'participant_id', name=op.f('pk_meeting_participant'))
    )
    op.create_table('selection_preset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_selection_preset_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_preset')),
    sa.UniqueConstraint('meeting_id', 'name', name=op.f('uq_selection_preset_meeting_id'))
    )
    with op.batch_alter_table('selection_preset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_preset_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('marking', sa.String(length=40), nullable=True),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('source_lang', sa.String(length=8), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_topic_area_id_area'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['title_id'], ['text_block.id'], name=op.f('fk_topic_title_id_text_block')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic')),
    sa.UniqueConstraint('key', name=op.f('uq_topic_key'))
    )
    with op.batch_alter_table('topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topic_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_topic_title_id'), ['title_id'], unique=False)

    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['text_id'], ['text_block.id'], name=op.f('fk_action_text_id_text_block')),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_action_topic_id_topic'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action')),
    sa.UniqueConstraint('key', name=op.f('uq_action_key'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_topic_id'), ['topic_id'], unique=False)

    op.create_table('agenda_topic',
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_agenda_topic_agenda_item_id_agenda_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_agenda_topic_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agenda_item_id', 'topic_id', name=op.f('pk_agenda_topic'))
    )
    op.create_table('item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('marking', sa.String(length=40), nullable=True),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('answer_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['text_block.id'], name=op.f('fk_item_answer_id_text_block')),
    sa.ForeignKeyConstraint(['body_id'], ['text_block.id'], name=op.f('fk_item_body_id_text_block')),
    sa.ForeignKeyConstraint(['question_id'], ['text_block.id'], name=op.f('fk_item_question_id_text_block')),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_item_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item')),
    sa.UniqueConstraint('key', name=op.f('uq_item_key'))
    )
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_answer_id'), ['answer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_topic_id'), ['topic_id'], unique=False)

    op.create_table('selection_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('included', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_selection_entry_agenda_item_id_agenda_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_selection_entry_item_id_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_entry')),
    sa.UniqueConstraint('agenda_item_id', 'item_id', name=op.f('uq_selection_entry_agenda_item_id'))
    )
    with op.batch_alter_table('selection_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_entry_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_selection_entry_item_id'), ['item_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
    with op.batch_alter_table('selection_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_selection_entry_item_id'))
        batch_op.drop_index(batch_op.f('ix_selection_entry_agenda_item_id'))

    op.drop_table('selection_entry')
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_topic_id'))
        batch_op.drop_index(batch_op.f('ix_item_question_id'))
        batch_op.drop_index(batch_op.f('ix_item_body_id'))
        batch_op.drop_index(batch_op.f('ix_item_answer_id'))

    op.drop_table('item')
    op.drop_table('agenda_topic')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_topic_id'))

    op.drop_table('action')
    with op.batch_alter_table('topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_topic_title_id'))
        batch_op.drop_index(batch_op.f('ix_topic_area_id'))

    op.drop_table('topic')
    with op.batch_alter_table('selection_preset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_selection_preset_meeting_id'))

    op.drop_table('selection_preset')
    op.drop_table('meeting_participant')
    with op.batch_alter_table('meeting_objective', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_objective_meeting_id'))

    op.drop_table('meeting_objective')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_block_id'))

    op.drop_table('translation')
    op.drop_table('participant')
    op.drop_table('meeting')
    op.drop_table('area')
    op.drop_table('text_block')
