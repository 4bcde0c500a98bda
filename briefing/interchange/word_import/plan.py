"""What importing a brief will do to a library, worked out before anything is written, and doing it.

An imported item that has the same text (in any language, whatever the spacing, apostrophes or quotes) as an item
of the library *is* that item, wherever it is: importing a pack onto the library it came from changes nothing.
A topic whose title (in any language, compared loosely) is already in the library is merged: its other items are
paired with the remaining imported ones kind by kind, in order, and the imported language fills each pair's text;
a different text already there is replaced; imported items beyond the existing ones are added. A language that
is not the text's source language is written as a draft, so French imported onto an English topic becomes its
French draft. Actions already in the library (same text) are not added twice.

:func:`apply_plan` writes a plan in one unit of work: when anything fails, nothing is written.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from briefing.errors import N_, BriefingError
from briefing.interchange.word_import import vocabulary as vocab
from briefing.interchange.word_import.structure import (
    Brief,
    ImportedAction,
    ImportedItem,
    ImportedTopic,
    Texts,
)
from briefing.model import Action, Area, Item, ItemKind, Marking, TextBlock, TextStatus, Topic, Translation
from briefing.operations.base import new_text_block, renumber, slugify, unique_key
from briefing.store import Library, UnitOfWork
from briefing.store.bulk import LanguageTexts, insert_returning_ids, insert_text_blocks

DEFAULT_AREA_KEY = "imported"
DEFAULT_AREA_TITLE = {"en": "Imported from Word", "fr": "Importé de Word"}

NEW, FILL, SAME, UPDATE = "new", "fill", "same", "update"


@dataclass
class PlannedItem:
    item: ImportedItem
    status: str
    """"new", "fill" (adds a language), "same" (nothing to write) or "update" (replaces a text)."""
    existing_key: str | None = None


@dataclass
class PlannedAction:
    action: ImportedAction
    status: str
    """"new" or "same"."""


@dataclass
class PlannedTopic:
    topic: ImportedTopic
    existing_key: str | None
    items: list[PlannedItem] = field(default_factory=list)
    actions: list[PlannedAction] = field(default_factory=list)
    title_fill: Texts = field(default_factory=dict)
    """Title languages the existing topic lacks."""

    @property
    def merged(self) -> bool:
        return self.existing_key is not None


@dataclass
class ImportPlan:
    """The preview of an import: a tree of topics with what happens to each item and action, and counts."""

    source: str
    brief: Brief
    area_key: str
    area_title: Texts
    area_exists: bool
    topics: list[PlannedTopic]
    actions: list[PlannedAction]
    """Actions tied to no topic (the follow-up annex of a pack)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return self.brief.languages

    def counts(self) -> Counter[str]:
        """topics_new, topics_merged, items_new, items_fill, items_same, items_update, actions_new, actions_same,
        unrecognised, skipped."""
        counts: Counter[str] = Counter()
        for topic in self.topics:
            counts["topics_merged" if topic.merged else "topics_new"] += 1
            for item in topic.items:
                counts[f"items_{item.status}"] += 1
            for action in topic.actions:
                counts[f"actions_{action.status}"] += 1
        for action in self.actions:
            counts[f"actions_{action.status}"] += 1
        counts["unrecognised"] = self.brief.unrecognised
        counts["skipped"] = sum(self.brief.skipped.values())
        return counts

    @property
    def empty(self) -> bool:
        counts = self.counts()
        return not any(
            counts[k] for k in ("topics_new", "items_new", "items_fill", "items_update", "actions_new")
        )


# --- planning -----------------------------------------------------------------------------------------------


def _title_keys(block: TextBlock) -> set[str]:
    return {vocab.loose(row.text) for row in block.translations.values() if row.text.strip()}


def same_text(a: str, b: str) -> bool:
    """Equal as a reader sees them: whatever the spaces (no-break ones included), apostrophes and quotes."""
    return _plain(a) == _plain(b)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split())


@dataclass
class ExistingItem:
    """An item of the library as the plan needs it: its texts, part by part and language by language."""

    key: str
    kind: ItemKind
    topic_id: int
    position: int
    parts: dict[str, Texts] = field(default_factory=dict)
    """"body", "question", "answer" → language → text."""


def _existing_items(uow: UnitOfWork) -> dict[str, ExistingItem]:
    """Every item's texts, read in three queries (no objects per row)."""
    items: dict[str, ExistingItem] = {}
    session = uow.session
    for part, column in (("body", Item.body_id), ("question", Item.question_id), ("answer", Item.answer_id)):
        statement = select(
            Item.key, Item.kind, Item.topic_id, Item.position, Translation.lang, Translation.text
        ).join(Translation, Translation.block_id == column)
        for key, kind, topic_id, position, lang, text in session.execute(statement):
            record = items.setdefault(key, ExistingItem(key, ItemKind(kind), topic_id, position))
            record.parts.setdefault(part, {})[lang] = text
    return items


def _pair_status(item: ImportedItem, existing: ExistingItem) -> str:
    parts = ("question", "answer") if item.kind is ItemKind.QA else ("body",)
    status = SAME
    for part in parts:
        current_texts = existing.parts.get(part, {})
        for lang, text in getattr(item, part).items():
            if not text.strip():
                continue
            current = current_texts.get(lang)
            if current is None or not current.strip():
                status = FILL if status == SAME else status
            elif not same_text(current, text):
                status = UPDATE
    return status


@dataclass
class _Library:
    """What the plan compares a brief with: existing items by text, and each topic's items in order."""

    items: dict[str, ExistingItem]
    by_text: dict[tuple[ItemKind, str], str]
    by_topic: dict[int, list[ExistingItem]]

    @classmethod
    def read(cls, uow: UnitOfWork) -> _Library:
        items = _existing_items(uow)
        by_text: dict[tuple[ItemKind, str], str] = {}
        by_topic: dict[int, list[ExistingItem]] = {}
        for record in sorted(items.values(), key=lambda r: (r.topic_id, r.position)):
            by_topic.setdefault(record.topic_id, []).append(record)
            for part in ("body", "question"):
                for text in record.parts.get(part, {}).values():
                    if text.strip():
                        by_text.setdefault((record.kind, _plain(text)), record.key)
        return cls(items, by_text, by_topic)

    def same_item(self, item: ImportedItem, taken: set[str]) -> ExistingItem | None:
        """An item of the library with one of ``item``'s texts, wherever it is."""
        for text in (item.question if item.kind is ItemKind.QA else item.body).values():
            key = self.by_text.get((item.kind, _plain(text)))
            if key is not None and key not in taken:
                return self.items[key]
        return None


def _plan_topic(topic: ImportedTopic, existing: Topic | None, library: _Library) -> PlannedTopic:
    """Each imported item: the same item found by its text anywhere in the library, else the next unpaired
    item of its kind in the merged topic, else a new item."""
    planned = PlannedTopic(topic, existing.key if existing is not None else None)
    if existing is not None:
        planned.title_fill = {
            lang: text for lang, text in topic.title.items() if not (existing.title.text(lang) or "").strip()
        }
    taken: set[str] = set()
    found: list[ExistingItem | None] = []
    for item in topic.items:
        match = library.same_item(item, taken)
        found.append(match)
        if match is not None:
            taken.add(match.key)
    candidates = [r for r in library.by_topic.get(existing.id, []) if r.key not in taken] if existing else []
    for item, same in zip(topic.items, found, strict=True):
        match = same or next((r for r in candidates if r.kind is item.kind and r.key not in taken), None)
        if match is None:
            planned.items.append(PlannedItem(item, NEW))
        else:
            taken.add(match.key)
            planned.items.append(PlannedItem(item, _pair_status(item, match), match.key))
    if existing is None:
        planned.actions = [PlannedAction(action, NEW) for action in topic.actions]
    return planned


def plan_brief(uow: UnitOfWork, brief: Brief, source: str, area: str | None = None) -> ImportPlan:
    """How ``brief`` goes into the library ``uow`` reads: new and merged topics, item by item."""
    areas = uow.areas.list()
    area_key, area_title, area_exists = DEFAULT_AREA_KEY, dict(DEFAULT_AREA_TITLE), False
    wanted = area.strip() if area else None
    for candidate in areas:
        if wanted is None and candidate.key == DEFAULT_AREA_KEY:
            area_exists = True
        elif wanted is not None and (
            candidate.key == wanted or vocab.loose(wanted) in _title_keys(candidate.title)
        ):
            area_key, area_exists = candidate.key, True
            area_title = {lang: row.text for lang, row in candidate.title.translations.items()}
            break
    else:
        if wanted is not None:
            area_key = slugify(wanted, DEFAULT_AREA_KEY)
            area_title = {brief.languages[0]: wanted}
            area_exists = area_key in {a.key for a in areas}
    by_title: dict[str, Topic] = {}
    for record in uow.topics.list(Topic.position):
        for key in _title_keys(record.title):
            by_title.setdefault(key, record)
    topics = []
    actions: list[PlannedAction] = []
    existing_actions = {
        vocab.loose(row.text) for action in uow.actions.list() for row in action.text.translations.values()
    }
    library = _Library.read(uow)
    for imported in brief.topics:
        match = next(
            (by_title[k] for k in (vocab.loose(t) for t in imported.title.values()) if k in by_title), None
        )
        planned = _plan_topic(imported, match, library)
        if match is not None:
            planned.actions = [
                PlannedAction(a, SAME if _action_known(a, existing_actions) else NEW)
                for a in imported.actions
            ]
        topics.append(planned)
    for action in brief.unattached_actions:
        actions.append(PlannedAction(action, SAME if _action_known(action, existing_actions) else NEW))
    return ImportPlan(source, brief, area_key, area_title, area_exists, topics, actions)


def _action_known(action: ImportedAction, known: set[str]) -> bool:
    return any(vocab.loose(text) in known for text in action.text.values())


# --- applying -----------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    counts: Counter[str]
    topic_keys: list[str]


def _source_of(texts: Texts, preferred: str) -> str:
    if texts.get(preferred, "").strip():
        return preferred
    return next((lang for lang, text in texts.items() if text.strip()), preferred)


def _block(texts: Texts, preferred: str) -> TextBlock:
    texts = {lang: text for lang, text in texts.items() if text.strip()}
    return new_text_block(texts, _source_of(texts, preferred))


def _fill(block: TextBlock | None, texts: Texts) -> None:
    if block is None:
        return
    for lang, text in texts.items():
        if not text.strip() or same_text(block.text(lang) or "", text):
            continue
        block.set_text(lang, text, TextStatus.DRAFT)


def _ensure_area(uow: UnitOfWork, plan: ImportPlan) -> Area:
    area = uow.areas.by_key(plan.area_key)
    if area is not None:
        return area
    area = Area(
        key=plan.area_key,
        position=max((a.position for a in uow.areas.list()), default=-1) + 1,
        title=_block(plan.area_title, plan.languages[0]),
    )
    uow.areas.add(area)
    uow.flush()
    return area


def _new_items(uow: UnitOfWork, topic: Topic, items: list[ImportedItem], taken: set[str]) -> None:
    """Add ``items`` to ``topic``, each after the last item of its slot or of an earlier one (brief order)."""
    current = list(topic.items)
    for item in items:
        key = unique_key(f"{topic.key}-{len(current) + 1}", taken.__contains__)
        taken.add(key)
        record = Item(key=key, kind=item.kind, internal=item.internal, marking=item.marking)
        if item.kind is ItemKind.QA:
            record.question = _block(item.question, topic.source_lang)
            record.answer = _block(item.answer, topic.source_lang)
        else:
            record.body = _block(item.body, topic.source_lang)
        order = item.kind.brief_order
        index = max((i + 1 for i, other in enumerate(current) if other.kind.brief_order <= order), default=0)
        current.insert(index, record)
    topic.items = current
    renumber(current)


def _new_actions(
    uow: UnitOfWork, topic: Topic | None, actions: list[ImportedAction], taken: set[str], after: int
) -> None:
    """Add ``actions`` (to ``topic``, or to none), at the positions following ``after``."""
    for position, action in enumerate(actions, start=after + 1):
        base = f"{topic.key}-action" if topic is not None else "action"
        key = unique_key(base, taken.__contains__)
        taken.add(key)
        uow.actions.add(
            Action(
                key=key,
                topic=topic,
                position=position,
                text=_block(action.text, topic.source_lang if topic is not None else "en"),
                owner=action.owner,
                deadline=action.deadline,
                status=action.status,
                source=action.source,
            )
        )


def _merge_item(record: Item, item: ImportedItem) -> None:
    if item.kind is ItemKind.QA:
        _fill(record.question, item.question)
        _fill(record.answer, item.answer)
    else:
        _fill(record.body, item.body)
    if item.marking is not None:
        record.marking = Marking.highest([record.marking, item.marking])
    record.internal = record.internal or item.internal


def _texts_row(texts: Texts, preferred: str) -> tuple[str, LanguageTexts]:
    """A text block for :func:`insert_text_blocks`, written as :func:`new_text_block` would write it."""
    kept = {lang: text for lang, text in texts.items() if text.strip()}
    source = _source_of(kept, preferred)
    rows: dict[str, tuple[str, TextStatus]] = {source: (kept.get(source, ""), TextStatus.DRAFT)}
    for lang, text in kept.items():
        if lang != source:
            rows[lang] = (text, TextStatus.TRANSLATED)
    return source, rows


@dataclass
class _Keys:
    """Keys taken so far, so new records get free ones without asking the database each time."""

    topics: set[str]
    items: set[str]
    actions: set[str]

    def take(self, taken: set[str], base: str) -> str:
        key = unique_key(base, taken.__contains__)
        taken.add(key)
        return key


def _short_row(blocks: list[tuple[str, LanguageTexts]], value: str | None, lang: str) -> int | None:
    """Add a short field (an action's owner or source) to ``blocks``; its index there, None when empty."""
    if value is None or not value.strip():
        return None
    blocks.append((lang, {lang: (value, TextStatus.DRAFT)}))
    return len(blocks) - 1


def _block_id(block_ids: list[int], index: int | None) -> int | None:
    return block_ids[index] if index is not None else None


def _insert_new_topics(
    uow: UnitOfWork, area: Area, topics: list[PlannedTopic], position: int, keys: _Keys, language: str
) -> list[str]:
    """Insert new topics with their items and actions as batched rows (the ORM costs too much per object)."""
    session = uow.session
    titles, rows = [], []
    for offset, planned in enumerate(topics, start=1):
        source, texts = _texts_row(planned.topic.title, language)
        titles.append((source, texts))
        rows.append(
            {
                "key": keys.take(keys.topics, slugify(texts[source][0], "topic")),
                "area_id": area.id,
                "position": position + offset,
                "source_lang": source,
                "marking": planned.topic.marking,
                "tags": [],
            }
        )
    for row, title_id in zip(rows, insert_text_blocks(session, titles), strict=True):
        row["title_id"] = title_id
    topic_ids = insert_returning_ids(session, Topic, rows)
    blocks: list[tuple[str, LanguageTexts]] = []
    items: list[dict[str, Any]] = []
    actions: list[dict[str, Any]] = []
    for planned, row, topic_id in zip(topics, rows, topic_ids, strict=True):
        source, topic_key = str(row["source_lang"]), str(row["key"])
        ordered = sorted(
            (i.item for i in planned.items if i.status == NEW), key=lambda item: item.kind.brief_order
        )
        for index, item in enumerate(ordered):
            record: dict[str, Any] = {
                "key": keys.take(keys.items, f"{topic_key}-{index + 1}"),
                "topic_id": topic_id,
                "kind": item.kind,
                "position": index,
                "marking": item.marking,
                "internal": item.internal,
                "body_id": None,
                "question_id": None,
                "answer_id": None,
            }
            for part in ("question", "answer") if item.kind is ItemKind.QA else ("body",):
                record[f"{part}_id"] = len(blocks)
                blocks.append(_texts_row(getattr(item, part), source))
            items.append(record)
        for index, planned_action in enumerate(planned.actions):
            action = planned_action.action
            text_id = len(blocks)
            blocks.append(_texts_row(action.text, source))
            actions.append(
                {
                    "key": keys.take(keys.actions, f"{topic_key}-action"),
                    "topic_id": topic_id,
                    "position": index,
                    "text_id": text_id,
                    "owner_id": _short_row(blocks, action.owner, source),
                    "deadline": action.deadline,
                    "status": action.status,
                    "source_id": _short_row(blocks, action.source, source),
                }
            )
    block_ids = insert_text_blocks(session, blocks)
    for item_row in items:
        for part in ("body_id", "question_id", "answer_id"):
            if item_row[part] is not None:
                item_row[part] = block_ids[item_row[part]]
    for action_row in actions:
        for part in ("text_id", "owner_id", "source_id"):
            action_row[part] = _block_id(block_ids, action_row[part])
    insert_returning_ids(session, Item, items)
    insert_returning_ids(session, Action, actions)
    return [str(row["key"]) for row in rows]


def _merge_topic(uow: UnitOfWork, topic: Topic, planned: PlannedTopic, keys: _Keys, last_action: int) -> None:
    """Fill the imported languages of a topic already in the library, and add what it lacks."""
    _fill(topic.title, planned.title_fill)
    if planned.topic.marking is not None:
        topic.marking = Marking.highest([topic.marking, planned.topic.marking])
    _new_items(uow, topic, [i.item for i in planned.items if i.status == NEW], keys.items)
    _new_actions(
        uow, topic, [a.action for a in planned.actions if a.status == NEW], keys.actions, last_action
    )


def apply_plan(library: Library, plan: ImportPlan) -> ImportReport:
    """Write ``plan`` in one unit of work and report what was done; a failure leaves the library as it was.

    Merged topics are changed through the model; new topics, their items and actions go in as batched rows.
    """
    written: list[str] = []
    with library.unit_of_work() as uow:
        session = uow.session
        area = _ensure_area(uow, plan)
        keys = _Keys(uow.topics.keys(), uow.items.keys(), uow.actions.keys())
        merged_keys = [t.existing_key for t in plan.topics if t.existing_key is not None]
        merged = {t.key: t for t in session.scalars(select(Topic).where(Topic.key.in_(merged_keys)))}
        rows = session.execute(select(Action.topic_id, func.max(Action.position)).group_by(Action.topic_id))
        last_action: dict[int | None, int] = {topic_id: last for topic_id, last in rows}
        for planned in plan.topics:
            if planned.existing_key is None:
                continue
            topic = merged.get(planned.existing_key)
            if topic is None:
                raise BriefingError(
                    N_("The topic “{key}” was deleted while the import was prepared; nothing was imported."),
                    key=planned.existing_key,
                )
            _merge_topic(uow, topic, planned, keys, last_action.get(topic.id, -1))
            written.append(topic.key)
        for planned in plan.topics:
            for item in planned.items:
                if item.status in (FILL, UPDATE) and item.existing_key is not None:
                    _merge_item(uow.items.require(item.existing_key), item.item)
        unattached = [a.action for a in plan.actions if a.status == NEW]
        _new_actions(uow, None, unattached, keys.actions, last_action.get(None, -1))
        uow.flush()
        new = [planned for planned in plan.topics if planned.existing_key is None]
        if new:
            position = session.scalar(select(func.max(Topic.position)).where(Topic.area_id == area.id))
            start = -1 if position is None else position
            written += _insert_new_topics(uow, area, new, start, keys, plan.languages[0])
    return ImportReport(plan.counts(), written)
