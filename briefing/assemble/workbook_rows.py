"""Every text of the library as :class:`~briefing.assemble.text_rows.TextRow` records, for workbooks.

- :func:`library_text_rows` streams every text of the library in library order, for translation workbooks and
  the library workbook, reading the database in batches so a large library never sits in memory at once.
- :func:`pack_text_rows` reads one pack's selection and lists its texts (see
  :func:`~briefing.assemble.text_rows.selection_text_rows`); an exported pack carries the same rows in its
  outline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from briefing.assemble.assembler import PackRequest
from briefing.assemble.text_rows import (
    PackRows,
    TextPart,
    TextRow,
    TopicFacts,
    selection_text_rows,
)
from briefing.i18n import PACK_LANGUAGES
from briefing.model import (
    Action,
    AgendaItem,
    Area,
    Item,
    Marking,
    Meeting,
    MeetingObjective,
    Participant,
    TextBlock,
    Topic,
    TopicSource,
)
from briefing.progress import Step, counter
from briefing.progress import part as share
from briefing.selection import load_pack_selection
from briefing.store import UnitOfWork
from briefing.store.text_blocks import read_blocks

BATCH = 500
"""Texts read from the database at a time when streaming the library."""

__all__ = [
    "BATCH",
    "PackRows",
    "TextPart",
    "TextRow",
    "TopicFacts",
    "library_text_rows",
    "pack_text_rows",
]


def pack_text_rows(source: Any, request: PackRequest, *, step: Step | None = None) -> PackRows:
    """The texts of ``request``'s pack (texts with nothing in any language left out); ``step`` is told the
    fraction done as the selection is read, then as its texts are listed."""
    selection = load_pack_selection(source, request.meeting, step=share(step, 0.0, 0.6))
    return selection_text_rows(selection, request.copy, step=share(step, 0.6, 1.0))


# --- the whole library ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a text is used, before its block is read."""

    block_id: int
    part: TextPart
    where: tuple[str, ...]
    facts: Mapping[str, Any]


def library_text_rows(uow: UnitOfWork, *, batch: int = BATCH, step: Step | None = None) -> Iterator[TextRow]:
    """Every text of the library with something in it, in library order: areas, their topics (title, owner,
    sources) with items and actions (text, owner, source), then actions without a topic, participants (function,
    organisation, biography) and meetings (title, location, who prepared them, objectives, agenda).

    Rows are made ``batch`` texts at a time, so memory stays flat however large the library is. ``step`` is
    told the share of the library's texts read before each batch (see :mod:`briefing.progress`).
    """
    total = 0
    if step is not None:
        step(0.0)
        total = uow.session.execute(select(func.count()).select_from(TextBlock)).scalar_one()
    done = counter(step, total, every=REPORT_EVERY)
    read = 0
    pending: list[_Place] = []
    for place in _library_places(uow, lambda: done(0)):
        pending.append(place)
        if len(pending) >= batch:
            yield from _rows_for(uow, pending, _from(read, done))
            read += len(pending)
            pending = []
    yield from _rows_for(uow, pending, _from(read, done))
    if step is not None:
        step(1.0)


REPORT_EVERY = 50
"""Texts read between two reports of the progress."""


def _from(before: int, done: Callable[[int], None]) -> Callable[[int], None]:
    """``done`` told the count of a batch that starts after ``before`` texts."""
    return lambda index: done(before + index)


def _rows_for(
    uow: UnitOfWork, places: list[_Place], done: Callable[[int], None] | None = None
) -> Iterator[TextRow]:
    """The rows of ``places``, their texts read with plain queries rather than as ORM objects; ``done`` is told
    how many places were gone through."""
    if not places:
        return
    blocks = read_blocks(uow.session, (place.block_id for place in places))
    for index, place in enumerate(places):
        if done is not None:
            done(index)
        block = blocks.get(place.block_id)
        if block is None or not any(row.text.strip() for row in block.translations.values()):
            continue
        texts = {lang: block.text(lang) or "" for lang in PACK_LANGUAGES}
        states = {lang: block.state(lang) for lang in PACK_LANGUAGES}
        yield TextRow(
            place.block_id, place.part, place.where, block.source_lang, texts, states, **place.facts
        )


def _library_places(uow: UnitOfWork, between: Callable[[], None] = lambda: None) -> Iterator[_Place]:
    """Where each text of the library is used, in library order; ``between`` is called between the queries
    made before the first place (a cancel is noticed there)."""
    session = uow.session
    areas = session.execute(select(Area.id, Area.key, Area.title_id).order_by(Area.position, Area.id)).all()
    between()
    topic_rows = session.execute(
        select(
            Topic.id,
            Topic.key,
            Topic.area_id,
            Topic.title_id,
            Topic.owner,
            Topic.owner_id,
            Topic.reviewed_on,
            Topic.marking,
        ).order_by(Topic.position, Topic.id)
    ).all()
    between()
    sources_by_topic: dict[int, list[int]] = {}
    for source in session.execute(
        select(TopicSource.topic_id, TopicSource.title_id).order_by(TopicSource.position, TopicSource.id)
    ):
        sources_by_topic.setdefault(source.topic_id, []).append(source.title_id)
    topics_by_area: dict[int, list[Any]] = {}
    for topic in topic_rows:
        topics_by_area.setdefault(topic.area_id, []).append(topic)
    actions_by_topic: dict[int | None, list[Any]] = {}
    for action in session.execute(
        select(Action.key, Action.topic_id, Action.text_id, Action.owner_id, Action.source_id).order_by(
            Action.position, Action.id
        )
    ):
        actions_by_topic.setdefault(action.topic_id, []).append(action)
    between()
    items = _items_in_library_order(uow)
    next_item = next(items, None)
    between()
    for area in areas:
        yield _Place(area.title_id, TextPart.AREA, (area.key,), {"area_key": area.key})
        for topic in topics_by_area.get(area.id, []):
            facts = TopicFacts(topic.key, area.key, topic.owner or "", topic.reviewed_on, topic.marking)
            yield _Place(
                topic.title_id,
                TextPart.TITLE,
                (topic.key,),
                {"topic": facts, "marking": topic.marking, "area_key": area.key},
            )
            in_topic = {"topic": facts, "area_key": area.key}
            if topic.owner_id is not None:
                yield _Place(topic.owner_id, TextPart.OWNER, (topic.key,), in_topic)
            for n, title_id in enumerate(sources_by_topic.get(topic.id, []), start=1):
                yield _Place(title_id, TextPart.SOURCE, (topic.key,), {**in_topic, "number": n})
            while next_item is not None and next_item.topic_id == topic.id:
                yield from _item_places(next_item, facts)
                next_item = next(items, None)
            for action in actions_by_topic.get(topic.id, []):
                yield from _action_places(action, (topic.key, action.key), in_topic)
    for action in actions_by_topic.get(None, []):
        yield from _action_places(action, (action.key,), {})
    for person in session.execute(
        select(
            Participant.key, Participant.function_id, Participant.organisation_id, Participant.bio_id
        ).order_by(Participant.id)
    ).all():
        yield _Place(person.function_id, TextPart.FUNCTION, (person.key,), {})
        if person.organisation_id is not None:
            yield _Place(person.organisation_id, TextPart.ORGANISATION, (person.key,), {})
        yield _Place(person.bio_id, TextPart.BIO, (person.key,), {})
    yield from _meeting_places(uow)


def _action_places(action: Any, where: tuple[str, ...], facts: Mapping[str, Any]) -> Iterator[_Place]:
    """An action's text, then its owner and source."""
    yield _Place(action.text_id, TextPart.ACTION, where, facts)
    for block_id, part in ((action.owner_id, TextPart.OWNER), (action.source_id, TextPart.SOURCE)):
        if block_id is not None:
            yield _Place(block_id, part, where, facts)


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
        select(
            Meeting.id, Meeting.slug, Meeting.title_id, Meeting.location_id, Meeting.prepared_by_id
        ).order_by(Meeting.id)
    ).all():
        where = (meeting.slug,)
        yield _Place(meeting.title_id, TextPart.TITLE, where, {})
        if meeting.location_id is not None:
            yield _Place(meeting.location_id, TextPart.LOCATION, where, {})
        if meeting.prepared_by_id is not None:
            yield _Place(meeting.prepared_by_id, TextPart.PREPARED_BY, where, {})
        for n, text_id in enumerate(objectives.get(meeting.id, []), start=1):
            yield _Place(text_id, TextPart.OBJECTIVE, where, {"number": n})
        for n, title_id in enumerate(agenda.get(meeting.id, []), start=1):
            yield _Place(title_id, TextPart.AGENDA_ITEM, where, {"number": n})
