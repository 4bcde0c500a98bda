"""Applying a validated library document to a library, by key, in one unit of work."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing.errors import N_, InterchangeError, Message
from briefing.interchange.library_json.schema import (
    ActionRecord,
    AgendaRecord,
    AreaRecord,
    ItemRecord,
    LibraryDocument,
    MeetingRecord,
    ParticipantRecord,
    TextMap,
    TopicRecord,
    read_document,
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
)
from briefing.model.base import Base
from briefing.store import Library, UnitOfWork

M = TypeVar("M", bound=Base)
CHUNK = 500


@dataclass
class ImportSummary:
    """How many records an import created and updated, by kind."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1


def import_library_json(library: Library, path: Path) -> ImportSummary:
    """Validate the whole file, then import it in one transaction (nothing is written on any error)."""
    document = read_document(path)
    with library.unit_of_work() as uow:
        return import_document(uow, document)


def import_document(uow: UnitOfWork, document: LibraryDocument) -> ImportSummary:
    """Create or update (by key) everything in ``document``."""
    return _Importer(uow.session, document).run()


def new_key(prefix: str) -> str:
    """A key for content that arrived without one."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def apply_texts(
    block: TextBlock, texts: TextMap, statuses: dict[str, TextStatus], source_lang: str
) -> None:
    """Write a text map into ``block``: the source language first, so translations get its fingerprint."""
    block.source_lang = source_lang
    ordered = sorted(texts.items(), key=lambda pair: pair[0] != source_lang)
    for lang, text in ordered:
        block.set_text(lang, text, statuses.get(lang, TextStatus.TRANSLATED))


def text_block(texts: TextMap, statuses: dict[str, TextStatus] | None = None, source_lang: str = "en") -> TextBlock:
    block = TextBlock(source_lang=source_lang)
    apply_texts(block, texts, statuses or {}, source_lang)
    return block


class _Importer:
    def __init__(self, session: Session, document: LibraryDocument) -> None:
        self.session = session
        self.document = document
        self.summary = ImportSummary()

    def _existing(self, model: type[M], column: str, keys: Iterable[str | None]) -> dict[str, M]:
        wanted = sorted({k for k in keys if k is not None})
        attribute = getattr(model, column)
        found: dict[str, M] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for record in self.session.scalars(select(model).where(attribute.in_(chunk))):
                found[getattr(record, column)] = record
        return found

    def run(self) -> ImportSummary:
        doc = self.document
        topics_in_file = [t for a in doc.areas for t in a.topics]
        self.areas = self._existing(Area, "key", (a.key for a in doc.areas))
        self.topics = self._existing(Topic, "key", (t.key for t in topics_in_file))
        self.items = self._existing(Item, "key", (i.key for t in topics_in_file for i in t.items))
        all_actions = [a for t in topics_in_file for a in t.actions] + doc.actions
        self.actions = self._existing(Action, "key", (a.key for a in all_actions))
        self.participants = self._existing(Participant, "key", (p.key for p in doc.participants))
        self.meetings = self._existing(Meeting, "slug", (m.slug for m in doc.meetings))
        with self.session.no_autoflush:
            for position, area in enumerate(doc.areas):
                self._area(area, position)
            for position, action in enumerate(doc.actions):
                self._action(action, None, position)
            for participant in doc.participants:
                self._participant(participant)
        self.session.flush()
        for m, meeting in enumerate(doc.meetings):
            self._meeting(meeting, f"meetings[{m}]")
        self.session.flush()
        return self.summary

    def _area(self, record: AreaRecord, position: int) -> None:
        area = self.areas.get(record.key)
        created = area is None
        if area is None:
            area = Area(key=record.key, title=text_block(record.title))
            self.session.add(area)
            self.areas[record.key] = area
        else:
            apply_texts(area.title, record.title, {}, area.title.source_lang)
        area.position = position
        self.summary.count("areas", created)
        for index, topic in enumerate(record.topics):
            self._topic(topic, area, index)

    def _topic(self, record: TopicRecord, area: Area, position: int) -> None:
        topic = self.topics.get(record.key)
        created = topic is None
        if topic is None:
            topic = Topic(key=record.key, title=text_block(record.title, None, record.source_language))
            self.topics[record.key] = topic
        else:
            apply_texts(topic.title, record.title, {}, record.source_language)
        topic.area = area
        topic.position = position
        topic.owner = record.owner
        topic.tags = list(record.tags)
        topic.marking = record.marking
        topic.reviewed_on = record.reviewed_on
        topic.sources = list(record.sources)
        topic.source_lang = record.source_language
        self.summary.count("topics", created)
        for index, item in enumerate(record.items):
            self._item(item, topic, index, record.source_language)
        for index, action in enumerate(record.actions):
            self._action(action, topic, index)

    def _item(self, record: ItemRecord, topic: Topic, position: int, source_lang: str) -> None:
        item = self.items.get(record.key) if record.key else None
        created = item is None
        if item is None:
            item = Item(key=record.key or new_key("item"), kind=record.kind)
            self.items[item.key] = item
        item.topic = topic
        item.kind = record.kind
        item.position = position
        item.marking = record.marking
        item.internal = record.internal
        item.body = self._block(item.body, record.text, record.status, source_lang)
        item.question = self._block(item.question, record.question, record.status, source_lang)
        item.answer = self._block(item.answer, record.answer, record.status, source_lang)
        self.summary.count("items", created)

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

    def _action(self, record: ActionRecord, topic: Topic | None, position: int) -> None:
        action = self.actions.get(record.key) if record.key else None
        created = action is None
        if action is None:
            action = Action(key=record.key or new_key("action"), text=text_block(record.text, record.text_status))
            self.actions[action.key] = action
            self.session.add(action)
        else:
            apply_texts(action.text, record.text, record.text_status, action.text.source_lang)
        action.topic = topic
        action.position = position
        action.owner = record.owner
        action.deadline = record.deadline
        action.status = record.status
        action.source = record.source
        self.summary.count("actions", created)

    def _participant(self, record: ParticipantRecord) -> None:
        person = self.participants.get(record.key)
        created = person is None
        if person is None:
            person = Participant(
                key=record.key, name=record.name, function=text_block(record.function), bio=text_block(record.bio)
            )
            self.participants[record.key] = person
            self.session.add(person)
        else:
            apply_texts(person.function, record.function, {}, person.function.source_lang)
            apply_texts(person.bio, record.bio, {}, person.bio.source_lang)
        person.name = record.name
        person.organisation = record.organisation
        self.summary.count("participants", created)

    def _lookup(self, model: type[M], column: str, cache: dict[str, M], key: str, path: str, what: str) -> M:
        found = cache.get(key)
        if found is None:
            found = self.session.scalars(select(model).where(getattr(model, column) == key)).one_or_none()
            if found is None:
                raise InterchangeError(
                    N_("{path}: {problem}"),
                    path=path,
                    problem=Message(N_('no {what} with key "{key}" in the file or the library'), what=what, key=key),
                )
            cache[key] = found
        return found

    def _meeting(self, record: MeetingRecord, path: str) -> None:
        meeting = self.meetings.get(record.slug)
        created = meeting is None
        if meeting is None:
            meeting = Meeting(slug=record.slug, title=text_block(record.title))
            self.meetings[record.slug] = meeting
            self.session.add(meeting)
        else:
            apply_texts(meeting.title, record.title, {}, meeting.title.source_lang)
        meeting.kind = record.kind
        meeting.location = text_block(record.location) if record.location else None
        meeting.starts_on = record.starts_on
        meeting.ends_on = record.ends_on
        meeting.prepared_by = record.prepared_by
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
                    problem=Message(N_('item "{key}" does not belong to this agenda item\'s topics'), key=key),
                )
            agenda_item.selection.append(SelectionEntry(item=item, position=i, included=True))
        return agenda_item
