"""Plain-data views of the library for the app's panels: no ORM objects leave the unit of work.

The tree of areas and topics is read with column queries only, so the window is usable quickly even on a
large library; per-topic translation summaries are computed on demand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from briefing.model import (
    Action,
    ActionStatus,
    Area,
    Item,
    ItemKind,
    Marking,
    Meeting,
    MeetingKind,
    Participant,
    TextBlock,
    Topic,
    Translation,
)
from briefing.model.base import Timestamped
from briefing.model.enums import TranslationState
from briefing.model.states import translation_state
from briefing.operations.base import Target, unit_of_work
from briefing.selection import PackAgendaItem, load_pack_selection
from briefing.store.snapshot import AreaEntry, TopicEntry
from briefing.store.text_blocks import StoredTranslation


def _titles(target_rows: list[tuple[int, str, str]]) -> dict[int, dict[str, str]]:
    titles: dict[int, dict[str, str]] = {}
    for block_id, lang, text in target_rows:
        titles.setdefault(block_id, {})[lang] = text
    return titles


def library_tree(target: Target) -> list[AreaEntry]:
    """Every area with its topics, in order."""
    with unit_of_work(target) as uow:
        session = uow.session
        areas = session.execute(
            select(Area.id, Area.key, Area.title_id).order_by(Area.position, Area.id)
        ).all()
        topics = session.execute(
            select(
                Topic.area_id, Topic.key, Topic.title_id, Topic.owner, Topic.marking, Topic.reviewed_on
            ).order_by(Topic.position, Topic.id)
        ).all()
        block_ids = [a.title_id for a in areas] + [t.title_id for t in topics]
        titles = _titles(
            [
                (r.block_id, r.lang, r.text)
                for r in session.execute(
                    select(Translation.block_id, Translation.lang, Translation.text).where(
                        Translation.block_id.in_(block_ids)
                    )
                )
            ]
        )
        by_area: dict[int, list[TopicEntry]] = {}
        keys = {a.id: a.key for a in areas}
        for t in topics:
            by_area.setdefault(t.area_id, []).append(
                TopicEntry(
                    t.key, titles.get(t.title_id, {}), t.owner, t.marking, t.reviewed_on, keys[t.area_id]
                )
            )
        return [AreaEntry(a.key, titles.get(a.title_id, {}), by_area.get(a.id, [])) for a in areas]


def translation_summary(target: Target, lang: str = "fr") -> dict[str, set[TranslationState]]:
    """For every topic, the states of ``lang`` across its title and item texts."""
    with unit_of_work(target) as uow:
        session = uow.session
        owners: dict[int, str] = {}
        for key, title_id in session.execute(select(Topic.key, Topic.title_id)):
            owners[title_id] = key
        for row in session.execute(
            select(Topic.key, Item.body_id, Item.question_id, Item.answer_id).join(
                Item, Item.topic_id == Topic.id
            )
        ):
            for block_id in row[1:]:
                if block_id is not None:
                    owners[block_id] = row[0]
        texts: dict[int, dict[str, StoredTranslation]] = {}
        sources: dict[int, str] = {}
        for block_id, source_lang in session.execute(select(TextBlock.id, TextBlock.source_lang)):
            sources[block_id] = source_lang
        for r in session.execute(
            select(
                Translation.block_id,
                Translation.lang,
                Translation.text,
                Translation.status,
                Translation.source_fingerprint,
            )
        ):
            texts.setdefault(r.block_id, {})[r.lang] = StoredTranslation(
                r.text, r.status, r.source_fingerprint
            )
        summary: dict[str, set[TranslationState]] = {}
        for block_id, topic_key in owners.items():
            summary.setdefault(topic_key, set()).add(
                translation_state(sources.get(block_id, "en"), texts.get(block_id, {}), lang)
            )
        return summary


@dataclass(frozen=True)
class TextView:
    """One text block: its texts and the state of every language."""

    block_id: int
    source_lang: str
    texts: dict[str, str]
    states: dict[str, TranslationState]
    reviewed_source: dict[str, str] = field(default_factory=dict)
    """By language: the source text that translation was last marked reviewed against, when it is known."""


def text_view(block: TextBlock) -> TextView:
    languages = sorted({"en", "fr", block.source_lang, *block.translations})
    return TextView(
        block.id,
        block.source_lang,
        {lang: row.text for lang, row in block.translations.items()},
        {lang: block.state(lang) for lang in languages},
        {
            lang: row.reviewed_source
            for lang, row in block.translations.items()
            if row.reviewed_source is not None
        },
    )


@dataclass(frozen=True)
class ItemView:
    key: str
    item_id: int
    kind: ItemKind
    internal: bool
    marking: Marking | None
    texts: list[tuple[str, TextView]]
    """("body" | "question" | "answer", text), in reading order."""


@dataclass(frozen=True)
class ActionView:
    key: str
    text: TextView
    owner: str
    deadline: dt.date | None
    status: ActionStatus
    source: str
    overdue: bool
    owner_text: TextView | None = None
    """The owner as a text in every language (None when nobody is named)."""
    source_text: TextView | None = None
    """The source document's title as a text in every language (None when there is none)."""


@dataclass(frozen=True, slots=True)
class LastChange:
    """Who last changed a record or any part of it, and when (UTC); ``by`` is None for rows from before
    editors were recorded, or written by an import."""

    at: dt.datetime
    by: str | None


def last_change(records: Iterable[Timestamped]) -> LastChange | None:
    """The most recent change among ``records``."""
    latest = max(records, key=lambda record: record.updated_at, default=None)
    return None if latest is None else LastChange(latest.updated_at, latest.updated_by)


@dataclass(frozen=True)
class TopicView:
    key: str
    area_key: str
    source_lang: str
    title: TextView
    owner: str
    marking: Marking | None
    reviewed_on: dt.date | None
    items: list[ItemView] = field(default_factory=list)
    actions: list[ActionView] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    last_change: LastChange | None = None
    """The latest change to the topic, its items, actions or any of their texts."""
    owner_text: TextView | None = None
    """The owner as a text in every language (None when the topic has no owner)."""
    source_texts: list[TextView] = field(default_factory=list)
    """The titles of the topic's sources as texts in every language, in the order of :attr:`sources`."""


def topic_view(target: Target, topic_key: str, today: dt.date | None = None) -> TopicView:
    """A topic with its items in brief order (slot by slot) and its actions."""
    today = today or dt.date.today()
    with unit_of_work(target) as uow:
        topic = uow.topics.require(topic_key)
        items = sorted(topic.items, key=lambda i: (i.kind.brief_order, i.position, i.id))
        item_views = []
        for item in items:
            roles = [("body", item.body), ("question", item.question), ("answer", item.answer)]
            item_views.append(
                ItemView(
                    item.key,
                    item.id,
                    item.kind,
                    item.internal,
                    item.marking,
                    [(role, text_view(block)) for role, block in roles if block is not None],
                )
            )
        actions = uow.session.scalars(
            select(Action).where(Action.topic_id == topic.id).order_by(Action.position, Action.id)
        ).all()
        return TopicView(
            topic.key,
            topic.area.key,
            topic.source_lang,
            text_view(topic.title),
            topic.owner or "",
            topic.marking,
            topic.reviewed_on,
            item_views,
            [
                ActionView(
                    a.key,
                    text_view(a.text),
                    a.owner or "",
                    a.deadline,
                    a.status,
                    a.source or "",
                    a.is_overdue(today),
                    _short_view(a.owner_block),
                    _short_view(a.source_block),
                )
                for a in actions
            ],
            list(topic.tags or []),
            list(topic.sources or []),
            last_change(_parts_of(topic, items, actions)),
            _short_view(topic.owner_block),
            [text_view(link.title) for link in topic.source_links],
        )


def _short_view(block: TextBlock | None) -> TextView | None:
    """A short field (an owner, a source) as a text, None when it is empty."""
    return text_view(block) if block is not None else None


def _parts_of(topic: Topic, items: Sequence[Item], actions: Sequence[Action]) -> Iterator[Timestamped]:
    """The topic's row and every row that makes it up: items, actions and the translations of their texts."""
    yield topic
    blocks = [topic.title]
    for item in items:
        yield item
        blocks.extend(block for block in (item.body, item.question, item.answer) if block is not None)
    for action in actions:
        yield action
        blocks.append(action.text)
    for block in blocks:
        yield from block.translations.values()


@dataclass(frozen=True)
class MeetingRow:
    slug: str
    titles: dict[str, str]
    starts_on: dt.date | None
    kind: MeetingKind

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), self.slug)


def meetings(target: Target) -> list[MeetingRow]:
    """Every meeting, the most recent first."""
    with unit_of_work(target) as uow:
        rows = [
            MeetingRow(
                m.slug, dict((lang, t.text) for lang, t in m.title.translations.items()), m.starts_on, m.kind
            )
            for m in uow.meetings.list(Meeting.id)
        ]
    return sorted(rows, key=lambda m: m.starts_on or dt.date.min, reverse=True)


@dataclass(frozen=True)
class SelectionRow:
    """One item as the meeting builder lists it under an agenda item."""

    item_id: int
    item_key: str
    topic_key: str
    kind: ItemKind
    included: bool
    internal: bool
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AgendaItemRow:
    agenda_item_id: int
    number: int
    titles: dict[str, str]
    topic_keys: list[str]
    title_block_id: int = 0
    topic_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each topic's title by language, by topic key."""
    selection: tuple[SelectionRow, ...] = ()
    """Every item of its topics in pack order, checked or not, as the builder lists them."""

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), "")

    def topic_title(self, topic_key: str, lang: str) -> str:
        titles = self.topic_titles.get(topic_key, {})
        return titles.get(lang) or titles.get("en") or next(iter(titles.values()), topic_key)


def selection_rows_of(agenda_item: PackAgendaItem) -> tuple[SelectionRow, ...]:
    """The builder's rows of one agenda item of a pack selection."""
    rows = []
    for item, included in agenda_item.selection:
        block = item.body or item.question
        texts = dict(block.texts) if block is not None else {}
        rows.append(
            SelectionRow(item.id, item.key, item.topic_key, item.kind, included, item.internal, texts)
        )
    return tuple(rows)


def agenda_item_row(agenda_item: PackAgendaItem) -> AgendaItemRow:
    return AgendaItemRow(
        agenda_item.id,
        agenda_item.number,
        dict(agenda_item.title.texts),
        [topic.key for topic in agenda_item.topics],
        agenda_item.title_block_id,
        {topic.key: dict(topic.title.texts) for topic in agenda_item.topics},
        selection_rows_of(agenda_item),
    )


def agenda(target: Target, meeting_slug: str) -> list[AgendaItemRow]:
    """The meeting's agenda items with their topics and selection, read as one pack selection."""
    with unit_of_work(target) as uow:
        selection = load_pack_selection(uow, meeting_slug)
    return [agenda_item_row(agenda_item) for agenda_item in selection.agenda]


@dataclass(frozen=True)
class ParticipantRow:
    key: str
    name: str
    organisation: str
    function: TextView
    bio: TextView
    organisation_text: TextView | None = None
    """The organisation in every language; None while the participant has none."""


def participants(target: Target) -> list[ParticipantRow]:
    with unit_of_work(target) as uow:
        return [_participant_row(p) for p in uow.participants.list(Participant.name, Participant.id)]


def open_actions_overdue(target: Target, today: dt.date | None = None) -> set[str]:
    """Keys of topics with an open action past its deadline."""
    today = today or dt.date.today()
    with unit_of_work(target) as uow:
        rows = uow.session.execute(
            select(Topic.key, Action.deadline, Action.status).join(Action, Action.topic_id == Topic.id)
        ).all()
    return {
        key
        for key, deadline, status in rows
        if deadline and deadline < today and not ActionStatus(status).is_closed
    }


@dataclass(frozen=True)
class MeetingDetails:
    """What the meeting builder edits about a meeting itself: title, kind, dates, place, objectives, people."""

    slug: str
    kind: MeetingKind
    title: TextView
    location: TextView | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    prepared_by: str
    objectives: list[tuple[int, TextView]]
    """(objective id, text), in order."""
    participants: list[ParticipantRow]
    """The meeting's participants, in order."""
    prepared_by_text: TextView | None = None
    """Who prepared the pack, as a text in every language (None when nobody is named)."""


def _participant_row(p: Participant) -> ParticipantRow:
    block = p.organisation_block
    organisation = text_view(block) if block is not None else None
    return ParticipantRow(
        p.key, p.name, p.organisation or "", text_view(p.function), text_view(p.bio), organisation
    )


def meeting_details(target: Target, slug: str) -> MeetingDetails:
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        return MeetingDetails(
            meeting.slug,
            meeting.kind,
            text_view(meeting.title),
            text_view(meeting.location) if meeting.location is not None else None,
            meeting.starts_on,
            meeting.ends_on,
            meeting.prepared_by or "",
            [(o.id, text_view(o.text)) for o in meeting.objectives],
            [_participant_row(link.participant) for link in meeting.participant_links],
            text_view(meeting.prepared_by_block) if meeting.prepared_by_block is not None else None,
        )
