"""Applying a validated library document to a library, by key, in one unit of work.

Records are applied a batch at a time: a batch of topics with their items and actions, of participants, of
actions without a topic. Each batch looks up the records the library already has with its keys, updates those
through the ORM and inserts the others in bulk, then lets go of them, so an import of any size runs in flat
memory, all in the caller's one transaction (all or nothing).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.errors import N_, InterchangeError, Message
from briefing.interchange.library_json.library_file import (
    ActionPart,
    AreaHeader,
    CheckedFile,
    ParticipantPart,
    TopicPart,
    check_library_file,
)
from briefing.interchange.library_json.schema import (
    ActionRecord,
    AgendaRecord,
    LibraryDocument,
    MeetingRecord,
    ParticipantRecord,
    TextMap,
)
from briefing.model import (
    Action,
    AgendaItem,
    AgendaTopic,
    Area,
    Item,
    Meeting,
    MeetingObjective,
    MeetingParticipant,
    Participant,
    SelectionEntry,
    SelectionPreset,
    TextBlock,
    TextStatus,
    Topic,
    TopicSource,
)
from briefing.model.base import Base
from briefing.store import Library, UnitOfWork
from briefing.store.bulk import LanguageTexts, hold_write_lock, insert_returning_ids, insert_text_blocks

M = TypeVar("M", bound=Base)
CHUNK = 500
"""Keys looked up in one query."""
BATCH_RECORDS = 2000
"""Records (topics, items, actions, participants) applied at a time."""


@dataclass
class ImportSummary:
    """How many records an import created and updated, by kind."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1


def import_library_json(library: Library, path: Path) -> ImportSummary:
    """Validate the whole file, back the library up, then import it in one transaction (nothing is written on any
    error). The file is read twice, a record at a time, and never held in memory as a whole."""
    checked = check_library_file(path)
    library.back_up()
    with library.unit_of_work() as uow:
        return import_checked_file(uow, checked)


def import_checked_file(uow: UnitOfWork, checked: CheckedFile) -> ImportSummary:
    """Create or update (by key) everything in a file :func:`check_library_file` accepted, reading it again."""
    hold_write_lock(uow.session)
    return _Importer(uow.session).run(checked.areas, checked.parts(), checked.meetings)


def import_document(uow: UnitOfWork, document: LibraryDocument) -> ImportSummary:
    """Create or update (by key) everything in ``document``; waits for another import to finish first."""
    hold_write_lock(uow.session)
    headers = [AreaHeader(i, area.key, area.title) for i, area in enumerate(document.areas)]
    return _Importer(uow.session).run(headers, _document_parts(document), document.meetings)


def _document_parts(document: LibraryDocument) -> Iterator[TopicPart | ParticipantPart | ActionPart]:
    for a, area in enumerate(document.areas):
        for t, topic in enumerate(area.topics):
            yield TopicPart(a, t, topic)
    for i, action in enumerate(document.actions):
        yield ActionPart(i, action)
    for i, person in enumerate(document.participants):
        yield ParticipantPart(i, person)


def new_key(prefix: str) -> str:
    """A key for content that arrived without one."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def apply_texts(block: TextBlock, texts: TextMap, statuses: dict[str, TextStatus], source_lang: str) -> None:
    """Write a text map into ``block``: the source language first, so translations get its fingerprint.

    A translation whose text is unchanged keeps its fingerprint and status (unless the file gives one), so
    importing a new English text does not silently confirm the French made from the old one.
    """
    block.source_lang = source_lang
    ordered = sorted(texts.items(), key=lambda pair: pair[0] != source_lang)
    for lang, text in ordered:
        existing = block.translations.get(lang)
        if existing is not None and existing.text == text:
            if lang in statuses:
                existing.status = statuses[lang]
            continue
        block.set_text(lang, text, statuses.get(lang, TextStatus.TRANSLATED))


def short_block(block: TextBlock | None, texts: TextMap | None, source_lang: str) -> TextBlock | None:
    """A short field's block after importing ``texts`` into it (None empties the field)."""
    if not texts:
        return None
    if block is None:
        return text_block(texts, {}, source_lang)
    apply_texts(block, texts, {}, block.source_lang)
    return block


def mark_stale(blocks: Iterable[TextBlock], languages: Iterable[str]) -> None:
    """Keep translations the file says are out of date out of date."""
    for block in blocks:
        for lang in languages:
            block.mark_stale(lang)


def text_block(
    texts: TextMap, statuses: dict[str, TextStatus] | None = None, source_lang: str = "en"
) -> TextBlock:
    block = TextBlock(source_lang=source_lang)
    apply_texts(block, texts, statuses or {}, source_lang)
    return block


def language_texts(texts: TextMap, statuses: dict[str, TextStatus] | None = None) -> LanguageTexts:
    statuses = statuses or {}
    return {lang: (text, statuses.get(lang, TextStatus.TRANSLATED)) for lang, text in texts.items()}


class _Importer:
    """Existing records (found by key) are updated through the ORM; new ones are inserted in bulk."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.summary = ImportSummary()
        self.participants: dict[str, Participant] = {}
        self.topics: dict[str, Topic] = {}
        self.items: dict[str, Item] = {}

    def _existing(self, model: type[M], column: str, keys: Iterable[str | None]) -> dict[str, M]:
        wanted = sorted({k for k in keys if k is not None})
        attribute = getattr(model, column)
        found: dict[str, M] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for record in self.session.scalars(select(model).where(attribute.in_(chunk))):
                found[getattr(record, column)] = record
        return found

    def run(
        self,
        areas: list[AreaHeader],
        parts: Iterable[TopicPart | ParticipantPart | ActionPart],
        meetings: list[MeetingRecord],
    ) -> ImportSummary:
        with self.session.no_autoflush:
            area_ids = self._import_areas(areas)
            topics: list[TopicPart] = []
            loose: list[ActionPart] = []
            people: list[ParticipantPart] = []
            size = 0
            for part in parts:
                if isinstance(part, TopicPart):
                    topics.append(part)
                    size += 1 + len(part.record.items) + len(part.record.actions)
                elif isinstance(part, ActionPart):
                    loose.append(part)
                    size += 1
                else:
                    people.append(part)
                    size += 1
                if size >= BATCH_RECORDS:
                    self._batch(topics, loose, people, area_ids)
                    size = 0
            self._batch(topics, loose, people, area_ids)
        for m, meeting in enumerate(meetings):
            self._meeting(meeting, f"meetings[{m}]")
        self.session.flush()
        return self.summary

    def _batch(
        self,
        topics: list[TopicPart],
        loose: list[ActionPart],
        people: list[ParticipantPart],
        area_ids: dict[int, int],
    ) -> None:
        """Apply the records gathered so far, then forget them (the lists are emptied)."""
        if topics:
            topic_ids = self._import_topics(topics, area_ids)
            self._import_items(topics, topic_ids)
            self._import_actions(
                [(a, p.record.key, i) for p in topics for i, a in enumerate(p.record.actions)], topic_ids
            )
        if loose:
            self._import_actions([(p.record, None, p.index) for p in loose], {})
        if people:
            self._import_participants([p.record for p in people])
        self.session.flush()
        topics.clear()
        loose.clear()
        people.clear()

    def _import_areas(self, records: list[AreaHeader]) -> dict[int, int]:
        """Every area of the file (they are few), before their topics; the ids by the area's index in the file."""
        existing = self._existing(Area, "key", (a.key for a in records))
        ids: dict[int, int] = {}
        new: list[AreaHeader] = []
        for record in records:
            area = existing.get(record.key)
            if area is None:
                new.append(record)
                continue
            apply_texts(area.title, record.title, {}, area.title.source_lang)
            area.position = record.index
            ids[record.index] = area.id
            self.summary.count("areas", False)
        titles = insert_text_blocks(self.session, [("en", language_texts(r.title)) for r in new])
        rows = [{"key": r.key, "position": r.index, "title_id": t} for r, t in zip(new, titles, strict=True)]
        for record, new_id in zip(new, insert_returning_ids(self.session, Area, rows), strict=True):
            ids[record.index] = new_id
            self.summary.count("areas", True)
        return ids

    def _import_topics(self, records: list[TopicPart], area_ids: dict[int, int]) -> dict[str, int]:
        existing = self._existing(Topic, "key", (p.record.key for p in records))
        ids: dict[str, int] = {}
        new: list[tuple[TopicPart, dict[str, Any]]] = []
        for part in records:
            record = part.record
            fields = {
                "area_id": area_ids[part.area],
                "position": part.index,
                "tags": list(record.tags),
                "marking": record.marking,
                "reviewed_on": record.reviewed_on,
                "source_lang": record.source_language,
            }
            topic = existing.get(record.key)
            if topic is None:
                new.append((part, fields))
                continue
            apply_texts(topic.title, record.title, {}, record.source_language)
            for name, value in fields.items():
                setattr(topic, name, value)
            topic.owner_block = short_block(topic.owner_block, record.owner, record.source_language)
            kept = {link.title.source_text: link for link in topic.source_links}
            links = []
            for number, texts in enumerate(record.sources):
                link = kept.pop(texts.get(record.source_language), None)
                block = short_block(link.title if link else None, texts, record.source_language)
                assert block is not None
                links.append(link or TopicSource(title=block))
                links[-1].position = number
            topic.source_links = links
            ids[record.key] = topic.id
            self.summary.count("topics", False)
        titles = insert_text_blocks(
            self.session, [(p.record.source_language, language_texts(p.record.title)) for p, _ in new]
        )
        owners = self._short_blocks([(p.record.source_language, p.record.owner) for p, _ in new])
        rows = [
            {"key": p.record.key, "title_id": t, "owner_id": o, **f}
            for (p, f), t, o in zip(new, titles, owners, strict=True)
        ]
        for (part, _), new_id in zip(new, insert_returning_ids(self.session, Topic, rows), strict=True):
            ids[part.record.key] = new_id
            self.summary.count("topics", True)
        sources = [
            (ids[p.record.key], n, p.record.source_language, texts)
            for p, _ in new
            for n, texts in enumerate(p.record.sources)
        ]
        source_ids = self._short_blocks([(lang, texts) for _, _, lang, texts in sources])
        insert_returning_ids(
            self.session,
            TopicSource,
            [
                {"topic_id": topic_id, "position": n, "title_id": title_id}
                for (topic_id, n, _, _), title_id in zip(sources, source_ids, strict=True)
            ],
        )
        return ids

    def _short_blocks(self, fields: list[tuple[str, TextMap | None]]) -> list[int | None]:
        """New blocks for short fields given as (source language, texts); None for an empty field."""
        given = [(lang, language_texts(texts)) for lang, texts in fields if texts]
        made = iter(insert_text_blocks(self.session, given))
        return [next(made) if texts else None for _, texts in fields]

    def _import_items(self, records: list[TopicPart], topic_ids: dict[str, int]) -> None:
        existing = self._existing(Item, "key", (i.key for p in records for i in p.record.items))
        blocks: list[tuple[str, LanguageTexts]] = []
        stale: list[list[str]] = []
        rows: list[dict[str, Any]] = []
        for part in records:
            topic = part.record
            source = topic.source_language
            for position, record in enumerate(topic.items):
                fields = {
                    "topic_id": topic_ids[topic.key],
                    "kind": record.kind,
                    "position": position,
                    "marking": record.marking,
                    "internal": record.internal,
                }
                item = existing.get(record.key) if record.key else None
                if item is not None:
                    for name, value in fields.items():
                        setattr(item, name, value)
                    item.body = self._block(item.body, record.text, record.status, source)
                    item.question = self._block(item.question, record.question, record.status, source)
                    item.answer = self._block(item.answer, record.answer, record.status, source)
                    mark_stale(item.blocks(), record.stale)
                    self.summary.count("items", False)
                    continue
                row: dict[str, Any] = {
                    "key": record.key or new_key("item"),
                    "body_id": None,
                    "question_id": None,
                    "answer_id": None,
                    **fields,
                }
                for column, texts in (
                    ("body_id", record.text),
                    ("question_id", record.question),
                    ("answer_id", record.answer),
                ):
                    if texts is not None:
                        row[column] = len(blocks)
                        blocks.append((source, language_texts(texts, record.status)))
                        stale.append(record.stale)
                rows.append(row)
                self.summary.count("items", True)
        block_ids = insert_text_blocks(self.session, blocks, stale)
        for row in rows:
            for column in ("body_id", "question_id", "answer_id"):
                if row[column] is not None:
                    row[column] = block_ids[row[column]]
        insert_returning_ids(self.session, Item, rows)

    @staticmethod
    def _block(
        block: TextBlock | None, texts: TextMap | None, statuses: dict[str, TextStatus], source_lang: str
    ) -> TextBlock | None:
        if texts is None:
            return None
        if block is None:
            return text_block(texts, statuses, source_lang)
        apply_texts(block, texts, statuses, source_lang)
        return block

    def _import_actions(
        self, records: list[tuple[ActionRecord, str | None, int]], topic_ids: dict[str, int]
    ) -> None:
        existing = self._existing(Action, "key", (r.key for r, _, _ in records))
        new: list[dict[str, Any]] = []
        new_shorts: list[tuple[TextMap | None, TextMap | None]] = []
        texts: list[tuple[str, LanguageTexts]] = []
        stale: list[list[str]] = []
        for record, topic_key, position in records:
            fields = {
                "topic_id": topic_ids[topic_key] if topic_key is not None else None,
                "position": position,
                "deadline": record.deadline,
                "status": record.status,
            }
            action = existing.get(record.key) if record.key else None
            if action is None:
                new.append({"key": record.key or new_key("action"), **fields})
                new_shorts.append((record.owner, record.source))
                texts.append(("en", language_texts(record.text, record.text_status)))
                stale.append(record.stale)
                continue
            apply_texts(action.text, record.text, record.text_status, action.text.source_lang)
            mark_stale([action.text], record.stale)
            for name, value in fields.items():
                setattr(action, name, value)
            lang = action.text.source_lang
            action.owner_block = short_block(action.owner_block, record.owner, lang)
            action.source_block = short_block(action.source_block, record.source, lang)
            self.summary.count("actions", False)
        owners = self._short_blocks([("en", owner) for owner, _ in new_shorts])
        sources = self._short_blocks([("en", source) for _, source in new_shorts])
        for row, owner_id, source_id in zip(new, owners, sources, strict=True):
            row["owner_id"], row["source_id"] = owner_id, source_id
        for row, text_id in zip(new, insert_text_blocks(self.session, texts, stale), strict=True):
            row["text_id"] = text_id
            self.summary.count("actions", True)
        insert_returning_ids(self.session, Action, new)

    def _import_participants(self, records: list[ParticipantRecord]) -> None:
        existing = self._existing(Participant, "key", (r.key for r in records))
        for record in records:
            person = existing.get(record.key)
            created = person is None
            if person is None:
                person = Participant(
                    key=record.key,
                    name=record.name,
                    function=text_block(record.function),
                    bio=text_block(record.bio),
                )
                self.session.add(person)
            else:
                apply_texts(person.function, record.function, {}, person.function.source_lang)
                apply_texts(person.bio, record.bio, {}, person.bio.source_lang)
            person.name = record.name
            person.organisation_block = short_block(person.organisation_block, record.organisation, "en")
            self.summary.count("participants", created)

    def _lookup(self, model: type[M], column: str, cache: dict[str, M], key: str, path: str, what: str) -> M:
        found = cache.get(key)
        if found is None:
            found = self.session.scalars(select(model).where(getattr(model, column) == key)).one_or_none()
            if found is None:
                raise InterchangeError(
                    N_("{path}: {problem}"),
                    path=path,
                    problem=Message(
                        N_('no {what} with key "{key}" in the file or the library'), what=what, key=key
                    ),
                )
            cache[key] = found
        return found

    def _meeting(self, record: MeetingRecord, path: str) -> None:
        meeting = self.session.scalars(select(Meeting).where(Meeting.slug == record.slug)).one_or_none()
        created = meeting is None
        if meeting is None:
            meeting = Meeting(slug=record.slug, title=text_block(record.title))
            self.session.add(meeting)
        else:
            apply_texts(meeting.title, record.title, {}, meeting.title.source_lang)
            # the file defines the meeting's lists: drop the old rows before adding rows with the same keys
            meeting.participant_links.clear()
            meeting.objectives.clear()
            meeting.agenda.clear()
            meeting.presets.clear()
            self.session.flush()
        meeting.kind = record.kind
        meeting.location = text_block(record.location) if record.location else None
        meeting.starts_on = record.starts_on
        meeting.ends_on = record.ends_on
        meeting.prepared_by_block = short_block(meeting.prepared_by_block, record.prepared_by, "en")
        meeting.participant_links = [
            MeetingParticipant(
                participant=self._lookup(
                    Participant, "key", self.participants, key, f"{path}.participants[{i}]", "participant"
                ),
                position=i,
            )
            for i, key in enumerate(record.participants)
        ]
        meeting.objectives = [
            MeetingObjective(position=i, text=text_block(texts)) for i, texts in enumerate(record.objectives)
        ]
        meeting.agenda = [self._agenda_item(a, i, f"{path}.agenda[{i}]") for i, a in enumerate(record.agenda)]
        meeting.presets = [
            SelectionPreset(name=preset.name, data={"agenda": preset.agenda}) for preset in record.presets
        ]
        self.summary.count("meetings", created)

    def _agenda_item(self, record: AgendaRecord, position: int, path: str) -> AgendaItem:
        topics = [
            self._lookup(Topic, "key", self.topics, key, f"{path}.topics[{i}]", "topic")
            for i, key in enumerate(record.topics)
        ]
        agenda_item = AgendaItem(
            position=position,
            title=text_block(record.title),
            select_all=record.items is None,
            topic_links=[AgendaTopic(topic=topic, position=i) for i, topic in enumerate(topics)],
        )
        topic_keys = {t.key for t in topics}
        for i, key in enumerate(record.items or []):
            item = self._lookup(Item, "key", self.items, key, f"{path}.items[{i}]", "item")
            if item.topic.key not in topic_keys:
                raise InterchangeError(
                    N_("{path}: {problem}"),
                    path=f"{path}.items[{i}]",
                    problem=Message(
                        N_('item "{key}" does not belong to this agenda item\'s topics'), key=key
                    ),
                )
            agenda_item.selection.append(SelectionEntry(item=item, position=i, included=True))
        return agenda_item
