"""The library read in batches with plain queries, for the streaming export.

Topics, their items and actions are read a batch of topics at a time and handed out as light records with the
same attribute names as the mapped classes (``key``, ``title``, ``items``, ``body``…), so the functions that turn
a record into its JSON object read a row exactly as they read a mapped object, and a library of any size is never
an ORM object graph in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.model import Action, ActionStatus, Area, Item, ItemKind, Marking, Topic
from briefing.model.library import TopicSource
from briefing.store.text_blocks import StoredBlock, chunks, read_blocks

TOPIC_BATCH = 200
"""Topics (with their items and actions) read from the database at a time."""


@dataclass(slots=True)
class AreaRow:
    id: int
    key: str
    title: StoredBlock


@dataclass(slots=True)
class ItemRow:
    key: str
    kind: ItemKind
    marking: Marking | None
    internal: bool
    body: StoredBlock | None
    question: StoredBlock | None
    answer: StoredBlock | None


@dataclass(slots=True)
class ActionRow:
    key: str
    text: StoredBlock
    owner_block: StoredBlock | None
    deadline: dt.date | None
    status: ActionStatus
    source_block: StoredBlock | None


@dataclass(slots=True)
class SourceLinkRow:
    """One source a topic cites (its title is a short text)."""

    title: StoredBlock


@dataclass(slots=True)
class TopicRow:
    id: int
    key: str
    title: StoredBlock
    source_lang: str
    owner_block: StoredBlock | None
    tags: list[str]
    marking: Marking | None
    reviewed_on: dt.date | None
    source_links: list[SourceLinkRow] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)


def read_areas(session: Session) -> list[AreaRow]:
    """Every area in library order, with its title (areas are few: one query for all)."""
    rows = session.execute(select(Area.id, Area.key, Area.title_id).order_by(Area.position, Area.id)).all()
    blocks = read_blocks(session, (row.title_id for row in rows))
    return [AreaRow(row.id, row.key, blocks[row.title_id]) for row in rows]


def topics_with_actions(session: Session, area_id: int) -> Iterator[tuple[TopicRow, list[ActionRow]]]:
    """The topics of one area in brief order, each with its items and actions, read :data:`TOPIC_BATCH` at a time."""
    ids = list(
        session.scalars(select(Topic.id).where(Topic.area_id == area_id).order_by(Topic.position, Topic.id))
    )
    for batch in chunks(ids, TOPIC_BATCH):
        yield from _topic_batch(session, batch)


def _topic_batch(session: Session, ids: Sequence[int]) -> Iterator[tuple[TopicRow, list[ActionRow]]]:
    topic_rows = session.execute(
        select(
            Topic.id,
            Topic.key,
            Topic.title_id,
            Topic.source_lang,
            Topic.owner_id,
            Topic.tags,
            Topic.marking,
            Topic.reviewed_on,
        ).where(Topic.id.in_(ids))
    ).all()
    source_rows = session.execute(
        select(TopicSource.topic_id, TopicSource.title_id)
        .where(TopicSource.topic_id.in_(ids))
        .order_by(TopicSource.topic_id, TopicSource.position, TopicSource.id)
    ).all()
    item_rows = session.execute(
        select(
            Item.topic_id,
            Item.key,
            Item.kind,
            Item.marking,
            Item.internal,
            Item.body_id,
            Item.question_id,
            Item.answer_id,
        )
        .where(Item.topic_id.in_(ids))
        .order_by(Item.topic_id, Item.position, Item.id)
    ).all()
    action_rows = _action_rows(session, Action.topic_id.in_(ids))
    block_ids: list[int | None] = [row.title_id for row in topic_rows]
    block_ids += (row.owner_id for row in topic_rows)
    block_ids += (row.title_id for row in source_rows)
    for item in item_rows:
        block_ids += (item.body_id, item.question_id, item.answer_id)
    for action in action_rows:
        block_ids += (action.text_id, action.owner_id, action.source_id)
    blocks = read_blocks(session, block_ids)
    topics: dict[int, TopicRow] = {}
    for row in topic_rows:
        topics[row.id] = TopicRow(
            row.id,
            row.key,
            blocks[row.title_id],
            row.source_lang,
            _block(blocks, row.owner_id),
            list(row.tags or []),
            row.marking,
            row.reviewed_on,
        )
    for source in source_rows:
        topics[source.topic_id].source_links.append(SourceLinkRow(blocks[source.title_id]))
    for item in item_rows:
        topics[item.topic_id].items.append(
            ItemRow(
                item.key,
                item.kind,
                item.marking,
                item.internal,
                _block(blocks, item.body_id),
                _block(blocks, item.question_id),
                _block(blocks, item.answer_id),
            )
        )
    actions: dict[int, list[ActionRow]] = {}
    for action in action_rows:
        actions.setdefault(action.topic_id, []).append(_action_row(action, blocks))
    for ident in ids:
        yield topics[ident], actions.get(ident, [])


def loose_actions(session: Session) -> Iterator[ActionRow]:
    """Actions that belong to no topic, in their order, read a batch at a time."""
    ids = list(
        session.scalars(
            select(Action.id).where(Action.topic_id.is_(None)).order_by(Action.position, Action.id)
        )
    )
    for batch in chunks(ids, TOPIC_BATCH * 10):
        rows = {row.id: row for row in _action_rows(session, Action.id.in_(batch))}
        blocks = read_blocks(
            session, (ident for row in rows.values() for ident in (row.text_id, row.owner_id, row.source_id))
        )
        for ident in batch:
            yield _action_row(rows[ident], blocks)


def has_loose_actions(session: Session) -> bool:
    return session.scalar(select(Action.id).where(Action.topic_id.is_(None)).limit(1)) is not None


def _action_rows(session: Session, where: Any) -> Sequence[Any]:
    return session.execute(
        select(
            Action.id,
            Action.topic_id,
            Action.key,
            Action.text_id,
            Action.owner_id,
            Action.deadline,
            Action.status,
            Action.source_id,
        )
        .where(where)
        .order_by(Action.position, Action.id)
    ).all()


def _action_row(row: Any, blocks: dict[int, StoredBlock]) -> ActionRow:
    return ActionRow(
        row.key,
        blocks[row.text_id],
        _block(blocks, row.owner_id),
        row.deadline,
        row.status,
        _block(blocks, row.source_id),
    )


def _block(blocks: dict[int, StoredBlock], ident: int | None) -> StoredBlock | None:
    return blocks[ident] if ident is not None else None
