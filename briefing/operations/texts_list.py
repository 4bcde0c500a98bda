"""Every text of the library as one row (the texts table), and the bulk edits made on a selection of rows.

:func:`text_rows` reads the whole list in a fixed number of statements (topics, their items and texts loaded
eagerly). The bulk edits — mark the translations reviewed, set the owner, set the marking — each make one
:class:`~briefing.operations.base.Batch` of ordinary operations, undone together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from briefing.errors import N_, BriefingError
from briefing.model import Area, Item, ItemKind, Marking, TextBlock, Topic
from briefing.model.enums import TranslationState
from briefing.operations.base import Batch, Change, Changed, Target, unit_of_work
from briefing.operations.library import update_item, update_topic
from briefing.operations.texts import mark_reviewed

EXCERPT_CHARS = 160
"""How much of a text a row shows."""


@dataclass(frozen=True, slots=True)
class TextRow:
    """One text: where it is (topic, item, role), its English and translation state, and its topic's details."""

    block_id: int
    topic_key: str
    topic_titles: dict[str, str]
    item_key: str
    """"" for the topic's title."""
    kind: ItemKind | None
    """None for the topic's title."""
    role: str
    """"title", "body", "question" or "answer"."""
    source_lang: str
    excerpts: dict[str, str]
    """The start of the text in each language it has."""
    state: TranslationState
    """The state of the translation (French for an English text)."""
    owner: str
    marking: Marking | None
    """The item's marking or, failing it, its topic's."""
    reviewed_on: dt.date | None
    """When the topic was last reviewed."""

    def topic_title(self, lang: str) -> str:
        return self.topic_titles.get(lang) or next(iter(self.topic_titles.values()), self.topic_key)

    @property
    def target_lang(self) -> str:
        return "en" if self.source_lang == "fr" else "fr"


def _excerpts(block: TextBlock) -> dict[str, str]:
    return {lang: " ".join(row.text.split())[:EXCERPT_CHARS] for lang, row in block.translations.items()}


def _row(topic: Topic, item: Item | None, role: str, block: TextBlock) -> TextRow:
    target = "en" if block.source_lang == "fr" else "fr"
    marking = Marking.highest([item.marking, topic.marking]) if item is not None else topic.marking
    return TextRow(
        block.id,
        topic.key,
        {lang: row.text for lang, row in topic.title.translations.items()},
        item.key if item is not None else "",
        item.kind if item is not None else None,
        role,
        block.source_lang,
        _excerpts(block),
        block.state(target),
        topic.owner or "",
        marking,
        topic.reviewed_on,
    )


def text_rows(target: Target) -> list[TextRow]:
    """Every topic title and item text of the library, topic by topic in library order, items in brief order."""
    with unit_of_work(target) as uow:
        topics = uow.session.scalars(
            select(Topic)
            .join(Topic.area)
            .order_by(Area.position, Area.id, Topic.position, Topic.id)
            .options(selectinload(Topic.items))
        ).all()
        rows: list[TextRow] = []
        for topic in topics:
            rows.append(_row(topic, None, "title", topic.title))
            for item in sorted(topic.items, key=lambda i: (i.kind.brief_order, i.position, i.id)):
                for role, block in (
                    ("body", item.body),
                    ("question", item.question),
                    ("answer", item.answer),
                ):
                    if block is not None:
                        rows.append(_row(topic, item, role, block))
        return rows


def mark_many_reviewed(target: Target, texts: Iterable[tuple[int, str]]) -> Batch:
    """Mark each (block id, language) reviewed; texts with nothing to review in that language are left alone.

    Refused when none of them has a text to review.
    """
    with unit_of_work(target) as uow:
        changes: list[Change] = []
        for block_id, lang in dict.fromkeys(texts):
            block = uow.session.get(TextBlock, block_id)
            if block is None or block.state(lang) in (TranslationState.MISSING, TranslationState.SOURCE):
                continue
            changes.append(mark_reviewed(uow, block_id, lang))
        if not changes:
            raise BriefingError(N_("None of the texts chosen has a translation to review."))
        return Batch(tuple(changes), Changed.TEXT)


def set_owner_of_topics(target: Target, topic_keys: Sequence[str], owner: str) -> Batch:
    """Give every topic of ``topic_keys`` the owner ``owner`` ("" for none)."""
    with unit_of_work(target) as uow:
        changes = [update_topic(uow, key, owner=owner) for key in dict.fromkeys(topic_keys)]
        return Batch(tuple(changes), Changed.TOPICS)


def set_marking_of(
    target: Target, item_keys: Sequence[str], topic_keys: Sequence[str], marking: Marking | None
) -> Batch:
    """Give the items ``item_keys`` and the topics ``topic_keys`` the marking ``marking`` (None: no marking)."""
    value = marking.value if marking is not None else None
    with unit_of_work(target) as uow:
        changes: list[Change] = [update_item(uow, key, marking=value) for key in dict.fromkeys(item_keys)]
        changes += [update_topic(uow, key, marking=value) for key in dict.fromkeys(topic_keys)]
        return Batch(tuple(changes), Changed.ITEMS | Changed.TOPICS)
