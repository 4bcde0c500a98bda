"""The texts of a pack or of the whole library, with what the outline leaves out: states, owners, dates.

The outline holds every text already resolved for printing. Workbooks also show where a text stands in
translation and who owns its topic, so they get a companion list of :class:`TextRow` made here, in the same
unit of work as the outline. Renderers read these rows like the outline: plain data, no database.

- :func:`pack_text_rows` lists the texts of one pack (meeting, agenda, included items, actions, participants),
  each once, in pack order, with the facts about the topics the points matrix prints.
- :func:`library_text_rows` streams every text of the library in library order, for translation workbooks and
  the library workbook, reading the database in batches so a large library never sits in memory at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from briefing.assemble.assembler import PackRequest, pack_items
from briefing.i18n import PACK_LANGUAGES
from briefing.i18n import labels as lbl
from briefing.i18n.labels import Labels
from briefing.model import (
    Action,
    AgendaItem,
    Area,
    Item,
    ItemKind,
    Marking,
    Meeting,
    MeetingObjective,
    Participant,
    TextBlock,
    TextStatus,
    Topic,
    Translation,
    fingerprint,
)
from briefing.model.enums import ActionStatus, TranslationState
from briefing.store import UnitOfWork

BATCH = 500
"""Texts read from the database at a time when streaming the library."""


class TextPart(StrEnum):
    """What a text is to the record that holds it."""

    TITLE = "title"
    BODY = "body"
    QUESTION = "question"
    ANSWER = "answer"
    ACTION = "action"
    LOCATION = "location"
    OBJECTIVE = "objective"
    AGENDA_ITEM = "agenda_item"
    FUNCTION = "function"
    BIO = "bio"


@dataclass(frozen=True, slots=True)
class TopicFacts:
    """What a workbook prints about a topic besides its title."""

    key: str
    area_key: str
    owner: str
    reviewed_on: dt.date | None
    marking: Marking | None


@dataclass(frozen=True, slots=True)
class TextRow:
    """One stored text: where it is used, its text in every pack language and the state of each."""

    block_id: int
    part: TextPart
    where: tuple[str, ...]
    """Keys of the records that hold the text, outermost first (topic and item, meeting, participant, …)."""
    source_lang: str
    texts: Mapping[str, str]
    """The stored text per pack language; "" when the language is missing."""
    states: Mapping[str, TranslationState]
    kind: ItemKind | None = None
    number: int | None = None
    """The objective's or agenda item's number, for those parts."""
    section: int | None = None
    """The number of the pack section (agenda item) the text first appears in; None outside sections."""
    topic: TopicFacts | None = None
    item_key: str | None = None
    marking: Marking | None = None
    internal: bool = False
    area_key: str | None = None
    """The policy area of the text's topic, or of the area whose title it is."""

    def text(self, lang: str) -> str:
        return self.texts.get(lang, "")

    def state(self, lang: str) -> TranslationState:
        return self.states.get(lang, TranslationState.MISSING)

    @property
    def translation_lang(self) -> str:
        """The pack language this text is translated into (the one that is not its source)."""
        return next((lang for lang in PACK_LANGUAGES if lang != self.source_lang), PACK_LANGUAGES[-1])

    @property
    def translation_state(self) -> TranslationState:
        """The state of the translation: the one thing a translator needs to know about this text."""
        return self.state(self.translation_lang)

    def part_label(self, labels: Labels) -> str:
        """What the text is, in the language of ``labels`` ("Line to take", "Question", "Title", …)."""
        if self.part is TextPart.BODY and self.kind is not None:
            return labels.item_kind(self.kind.value)
        if self.part is TextPart.OBJECTIVE:
            return f"{labels.get(lbl.OBJECTIVE)} {self.number}"
        if self.part is TextPart.AGENDA_ITEM:
            return labels.agenda_item(self.number or "")
        return labels.get(_PART_LABELS[self.part])

    def context(self, labels: Labels, separator: str = " / ") -> str:
        """Where the text is used, e.g. "drug-trafficking / dt-qa-1 / Question"."""
        return separator.join([*self.where, self.part_label(labels)])


_PART_LABELS: dict[TextPart, str] = {
    TextPart.TITLE: lbl.TITLE,
    TextPart.BODY: lbl.TEXT,
    TextPart.QUESTION: lbl.QUESTION,
    TextPart.ANSWER: lbl.ANSWER,
    TextPart.ACTION: lbl.ACTION,
    TextPart.LOCATION: lbl.LOCATION,
    TextPart.OBJECTIVE: lbl.OBJECTIVE,
    TextPart.AGENDA_ITEM: lbl.AGENDA_ITEM,
    TextPart.FUNCTION: lbl.FUNCTION,
    TextPart.BIO: lbl.BIOGRAPHY,
}


@dataclass(frozen=True)
class PackRows:
    """The texts of a pack, each once, in pack order, and the topics its sections cover.

    Iterating gives the :class:`TextRow` objects.
    """

    texts: tuple[TextRow, ...]
    topics: Mapping[str, TopicFacts] = field(default_factory=dict)
    section_topics: tuple[tuple[str, ...], ...] = ()
    """The keys of each section's topics, in the order of :attr:`briefing.assemble.outline.Section.topics`."""

    def __iter__(self) -> Iterator[TextRow]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def text_row(block: TextBlock, part: TextPart, where: tuple[str, ...], **facts: Any) -> TextRow:
    """The row of ``block``, with its text and state in every pack language."""
    texts = {}
    states = {}
    for lang in PACK_LANGUAGES:
        texts[lang] = block.text(lang) or ""
        states[lang] = block.state(lang)
    return TextRow(block.id, part, where, block.source_lang, texts, states, **facts)


def topic_facts(topic: Topic) -> TopicFacts:
    return TopicFacts(topic.key, topic.area.key, topic.owner or "", topic.reviewed_on, topic.marking)


def pack_text_rows(uow: UnitOfWork, request: PackRequest) -> PackRows:
    """The texts of ``request``'s pack (texts with nothing in any language left out)."""
    meeting = uow.meetings.require(request.meeting)
    rows = _PackRows()
    slug = meeting.slug
    rows.add(meeting.title, TextPart.TITLE, (slug,))
    if meeting.location is not None:
        rows.add(meeting.location, TextPart.LOCATION, (slug,))
    for n, objective in enumerate(meeting.objectives, start=1):
        rows.add(objective.text, TextPart.OBJECTIVE, (slug,), number=n)
    topics: dict[str, TopicFacts] = {}
    section_topics = []
    for number, agenda_item in enumerate(meeting.agenda, start=1):
        rows.add(agenda_item.title, TextPart.AGENDA_ITEM, (slug,), number=number, section=number)
        agenda_topics = agenda_item.topics
        section_topics.append(tuple(topic.key for topic in agenda_topics))
        items_by_topic: dict[int, list[Item]] = {}
        for item in pack_items(agenda_item, request.copy):
            items_by_topic.setdefault(item.topic_id, []).append(item)
        for topic in agenda_topics:
            facts = topics.setdefault(topic.key, topic_facts(topic))
            rows.add(
                topic.title,
                TextPart.TITLE,
                (topic.key,),
                section=number,
                topic=facts,
                marking=topic.marking,
                area_key=facts.area_key,
            )
            for item in items_by_topic.get(topic.id, []):
                for block, part in item_blocks(item):
                    rows.add(
                        block,
                        part,
                        (topic.key, item.key),
                        section=number,
                        topic=facts,
                        kind=item.kind,
                        item_key=item.key,
                        marking=item.effective_marking,
                        internal=item.internal,
                        area_key=facts.area_key,
                    )
        for action in _pack_actions(uow, agenda_topics):
            action_topic = topics.get(action.topic.key) if action.topic is not None else None
            where = (action_topic.key, action.key) if action_topic is not None else (action.key,)
            rows.add(
                action.text,
                TextPart.ACTION,
                where,
                section=number,
                topic=action_topic,
                area_key=action_topic.area_key if action_topic else None,
            )
    for link in meeting.participant_links:
        person = link.participant
        rows.add(person.function, TextPart.FUNCTION, (person.key,))
        rows.add(person.bio, TextPart.BIO, (person.key,))
    return PackRows(tuple(rows.rows), topics, tuple(section_topics))


def item_blocks(item: Item) -> list[tuple[TextBlock, TextPart]]:
    """The texts of ``item`` in reading order, with the part each one is."""
    parts = ((item.body, TextPart.BODY), (item.question, TextPart.QUESTION), (item.answer, TextPart.ANSWER))
    return [(block, part) for block, part in parts if block is not None]


def _pack_actions(uow: UnitOfWork, topics: list[Topic]) -> list[Action]:
    """The actions the pack prints for ``topics``: all but the cancelled ones, topic by topic."""
    order = {topic.id: n for n, topic in enumerate(topics)}
    if not order:
        return []
    found = uow.session.scalars(
        select(Action).where(Action.topic_id.in_(order), Action.status != ActionStatus.CANCELLED)
    ).all()
    return sorted(found, key=lambda a: (order.get(a.topic_id or 0, 0), a.position, a.id))


@dataclass
class _PackRows:
    rows: list[TextRow] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def add(self, block: TextBlock | None, part: TextPart, where: tuple[str, ...], **facts: Any) -> None:
        if block is None or block.id in self.seen or not _has_text(block):
            return
        self.seen.add(block.id)
        self.rows.append(text_row(block, part, where, **facts))


def _has_text(block: TextBlock) -> bool:
    return any(row.text.strip() for row in block.translations.values())


# --- the whole library ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a text is used, before its block is read."""

    block_id: int
    part: TextPart
    where: tuple[str, ...]
    facts: Mapping[str, Any]


def library_text_rows(uow: UnitOfWork, *, batch: int = BATCH) -> Iterator[TextRow]:
    """Every text of the library with something in it, in library order: areas, their topics with items and
    actions, then actions without a topic, participants and meetings.

    Rows are made ``batch`` texts at a time, so memory stays flat however large the library is.
    """
    pending: list[_Place] = []
    for place in _library_places(uow):
        pending.append(place)
        if len(pending) >= batch:
            yield from _rows_for(uow, pending)
            pending = []
    yield from _rows_for(uow, pending)


def _rows_for(uow: UnitOfWork, places: list[_Place]) -> Iterator[TextRow]:
    """The rows of ``places``, their texts read with two plain queries rather than as ORM objects."""
    if not places:
        return
    session = uow.session
    ids = [place.block_id for place in places]
    sources = dict(
        session.execute(select(TextBlock.id, TextBlock.source_lang).where(TextBlock.id.in_(ids))).all()
    )
    stored: dict[int, dict[str, _Stored]] = {}
    for block_id, lang, text, status, source_print in session.execute(
        select(
            Translation.block_id,
            Translation.lang,
            Translation.text,
            Translation.status,
            Translation.source_fingerprint,
        ).where(Translation.block_id.in_(ids))
    ):
        stored.setdefault(block_id, {})[lang] = _Stored(text, status, source_print)
    for place in places:
        source_lang = sources.get(place.block_id)
        languages = stored.get(place.block_id, {})
        if source_lang is None or not any(row.text.strip() for row in languages.values()):
            continue
        texts = {lang: languages[lang].text if lang in languages else "" for lang in PACK_LANGUAGES}
        states = {lang: stored_state(source_lang, languages, lang) for lang in PACK_LANGUAGES}
        yield TextRow(place.block_id, place.part, place.where, source_lang, texts, states, **place.facts)


@dataclass(frozen=True, slots=True)
class _Stored:
    text: str
    status: TextStatus
    source_print: str | None


def stored_state(source_lang: str, stored: Mapping[str, _Stored], lang: str) -> TranslationState:
    """:meth:`TextBlock.state <briefing.model.TextBlock.state>` computed from stored rows, without the ORM."""
    row = stored.get(lang)
    if row is None or not row.text.strip():
        return TranslationState.MISSING
    if lang == source_lang:
        return TranslationState.SOURCE
    source = stored.get(source_lang)
    if source is not None and row.source_print != fingerprint(source.text):
        return TranslationState.STALE
    return TranslationState(row.status.value)


def _library_places(uow: UnitOfWork) -> Iterator[_Place]:
    session = uow.session
    areas = session.execute(select(Area.id, Area.key, Area.title_id).order_by(Area.position, Area.id)).all()
    topic_rows = session.execute(
        select(
            Topic.id, Topic.key, Topic.area_id, Topic.title_id, Topic.owner, Topic.reviewed_on, Topic.marking
        ).order_by(Topic.position, Topic.id)
    ).all()
    topics_by_area: dict[int, list[Any]] = {}
    for topic in topic_rows:
        topics_by_area.setdefault(topic.area_id, []).append(topic)
    actions_by_topic: dict[int | None, list[Any]] = {}
    for action in session.execute(
        select(Action.key, Action.topic_id, Action.text_id).order_by(Action.position, Action.id)
    ):
        actions_by_topic.setdefault(action.topic_id, []).append(action)
    items = _items_in_library_order(uow)
    next_item = next(items, None)
    for area in areas:
        yield _Place(area.title_id, TextPart.TITLE, (area.key,), {"area_key": area.key})
        for topic in topics_by_area.get(area.id, []):
            facts = TopicFacts(topic.key, area.key, topic.owner or "", topic.reviewed_on, topic.marking)
            yield _Place(
                topic.title_id,
                TextPart.TITLE,
                (topic.key,),
                {"topic": facts, "marking": topic.marking, "area_key": area.key},
            )
            while next_item is not None and next_item.topic_id == topic.id:
                yield from _item_places(next_item, facts)
                next_item = next(items, None)
            for action in actions_by_topic.get(topic.id, []):
                yield _Place(
                    action.text_id,
                    TextPart.ACTION,
                    (topic.key, action.key),
                    {"topic": facts, "area_key": area.key},
                )
    for action in actions_by_topic.get(None, []):
        yield _Place(action.text_id, TextPart.ACTION, (action.key,), {})
    for person in session.execute(
        select(Participant.key, Participant.function_id, Participant.bio_id).order_by(Participant.id)
    ).all():
        yield _Place(person.function_id, TextPart.FUNCTION, (person.key,), {})
        yield _Place(person.bio_id, TextPart.BIO, (person.key,), {})
    yield from _meeting_places(uow)


def _items_in_library_order(uow: UnitOfWork) -> Iterator[Any]:
    """Items with their topic's and area's ids, in the order :func:`_library_places` walks topics."""
    statement = (
        select(
            Item.key,
            Item.kind,
            Item.marking,
            Item.internal,
            Item.body_id,
            Item.question_id,
            Item.answer_id,
            Item.topic_id,
            Topic.marking.label("topic_marking"),
        )
        .join(Topic, Item.topic_id == Topic.id)
        .join(Area, Topic.area_id == Area.id)
        .order_by(Area.position, Area.id, Topic.position, Topic.id, Item.position, Item.id)
        .execution_options(yield_per=1000)
    )
    yield from uow.session.execute(statement)


def _item_places(item: Any, facts: TopicFacts) -> Iterable[_Place]:
    details = {
        "topic": facts,
        "kind": item.kind,
        "item_key": item.key,
        "marking": Marking.highest([item.marking, item.topic_marking]),
        "internal": item.internal,
        "area_key": facts.area_key,
    }
    where = (facts.key, item.key)
    for block_id, part in (
        (item.body_id, TextPart.BODY),
        (item.question_id, TextPart.QUESTION),
        (item.answer_id, TextPart.ANSWER),
    ):
        if block_id is not None:
            yield _Place(block_id, part, where, details)


def _meeting_places(uow: UnitOfWork) -> Iterator[_Place]:
    session = uow.session
    objectives: dict[int, list[int]] = {}
    for objective in session.execute(
        select(MeetingObjective.meeting_id, MeetingObjective.text_id).order_by(
            MeetingObjective.position, MeetingObjective.id
        )
    ):
        objectives.setdefault(objective.meeting_id, []).append(objective.text_id)
    agenda: dict[int, list[int]] = {}
    for agenda_item in session.execute(
        select(AgendaItem.meeting_id, AgendaItem.title_id).order_by(AgendaItem.position, AgendaItem.id)
    ):
        agenda.setdefault(agenda_item.meeting_id, []).append(agenda_item.title_id)
    for meeting in session.execute(
        select(Meeting.id, Meeting.slug, Meeting.title_id, Meeting.location_id).order_by(Meeting.id)
    ).all():
        where = (meeting.slug,)
        yield _Place(meeting.title_id, TextPart.TITLE, where, {})
        if meeting.location_id is not None:
            yield _Place(meeting.location_id, TextPart.LOCATION, where, {})
        for n, text_id in enumerate(objectives.get(meeting.id, []), start=1):
            yield _Place(text_id, TextPart.OBJECTIVE, where, {"number": n})
        for n, title_id in enumerate(agenda.get(meeting.id, []), start=1):
            yield _Place(title_id, TextPart.AGENDA_ITEM, where, {"number": n})
