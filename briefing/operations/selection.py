"""What goes into the pack: the topics an agenda item covers and which of their items go in, in pack order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.model import AgendaItem, Item
from briefing.model.base import utcnow
from briefing.operations.agenda import require_agenda_item
from briefing.operations.base import Change, Changed, ChangeKey, Target, table, unit_of_work
from briefing.operations.queries import SelectionRow, selection_rows_of
from briefing.selection import load_pack_selection, rules
from briefing.store import UnitOfWork

__all__ = [
    "AgendaChange",
    "AgendaState",
    "SelectionRow",
    "add_topic_to_agenda",
    "effective_selection",
    "explicit_state",
    "move_agenda_topic",
    "move_selection_item",
    "remove_topic_from_agenda",
    "reorder_selection",
    "restore_agenda",
    "selection_rows",
    "set_item_included",
    "topic_items",
]


@dataclass(frozen=True)
class AgendaState:
    """An agenda item's topics and selection: ``entries`` are (item id, included) in pack order."""

    topic_ids: tuple[int, ...]
    select_all: bool
    entries: tuple[tuple[int, bool], ...]


@dataclass(frozen=True)
class AgendaChange(Change):
    """The topics or selection of one or more agenda items changed (by agenda item id)."""

    old: dict[int, AgendaState]
    new: dict[int, AgendaState]
    changed: Changed = Changed.SELECTION

    def revert(self, target: Target) -> AgendaChange:
        return restore_agenda(target, self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset(("agenda_item", str(ident)) for ident in (*self.old, *self.new))


def _state(agenda_item: AgendaItem) -> AgendaState:
    return AgendaState(
        tuple(link.topic_id for link in agenda_item.topic_links),
        agenda_item.select_all,
        tuple((e.item_id, e.included) for e in agenda_item.selection),
    )


def topic_items(agenda_item: AgendaItem) -> list[Item]:
    """Every item of the agenda item's topics in brief order: slot by slot, topic by topic."""
    topics = agenda_item.topics
    return rules.in_brief_order([item for topic in topics for item in topic.items], [t.id for t in topics])


def effective_selection(agenda_item: AgendaItem) -> list[tuple[Item, bool]]:
    """Every item of the agenda item's topics with whether it goes in, in pack order then the rest."""
    entries = [(e.item_id, e.included) for e in agenda_item.selection]
    return rules.effective_selection(topic_items(agenda_item), agenda_item.select_all, entries)


def selection_rows(target: Target, agenda_item_id: int) -> list[SelectionRow]:
    """The items of an agenda item's topics as the builder shows them: pack order, checked or not."""
    with unit_of_work(target) as uow:
        meeting_id = uow.session.execute(
            select(table("agenda_item").c.meeting_id).where(table("agenda_item").c.id == agenda_item_id)
        ).scalar()
        if meeting_id is None:
            raise NotFoundError(N_("This agenda item no longer exists."))
        found = load_pack_selection(uow, int(meeting_id)).agenda_item(agenda_item_id)
        assert found is not None
        return list(selection_rows_of(found))


def _write(uow: UnitOfWork, agenda_item: AgendaItem, state: AgendaState) -> None:
    """Replace an agenda item's topics and selection by ``state``."""
    session = uow.session
    session.flush()
    ident = agenda_item.id
    topics, entries = table("agenda_topic"), table("selection_entry")
    session.execute(delete(entries).where(entries.c.agenda_item_id == ident))
    session.execute(delete(topics).where(topics.c.agenda_item_id == ident))
    if state.topic_ids:
        session.execute(
            insert(topics),
            [{"agenda_item_id": ident, "topic_id": t, "position": i} for i, t in enumerate(state.topic_ids)],
        )
    if state.entries:
        session.execute(
            insert(entries),
            [
                {"agenda_item_id": ident, "item_id": item_id, "position": i, "included": included}
                for i, (item_id, included) in enumerate(state.entries)
            ],
        )
    agenda_item.select_all = state.select_all
    # the agenda item stands for its topics and selection: bumping its version makes two advisers changing
    # the same selection at once a conflict instead of a silent overwrite
    agenda_item.updated_at = utcnow()
    session.flush()
    session.expire(agenda_item)


def _change(uow: UnitOfWork, agenda_item: AgendaItem, state: AgendaState, changed: Changed) -> AgendaChange:
    old = _state(agenda_item)
    _write(uow, agenda_item, state)
    return AgendaChange({agenda_item.id: old}, {agenda_item.id: _state(agenda_item)}, changed)


def restore_agenda(target: Target, states: Mapping[int, AgendaState]) -> AgendaChange:
    """Put the topics and selection of agenda items back as ``states`` recorded them."""
    with unit_of_work(target) as uow:
        old: dict[int, AgendaState] = {}
        new: dict[int, AgendaState] = {}
        for ident, state in states.items():
            agenda_item = require_agenda_item(uow, ident)
            old[ident] = _state(agenda_item)
            _write(uow, agenda_item, state)
            new[ident] = _state(agenda_item)
        return AgendaChange(old, new, Changed.SELECTION | Changed.AGENDA)


def explicit_state(agenda_item: AgendaItem, entries: Sequence[tuple[int, bool]]) -> AgendaState:
    """The agenda item's topics with an explicit selection of ``entries`` (item id, included)."""
    return AgendaState(tuple(link.topic_id for link in agenda_item.topic_links), False, tuple(entries))


def set_item_included(target: Target, agenda_item_id: int, item_id: int, included: bool) -> AgendaChange:
    """Check or uncheck one item of an agenda item's topics for the pack."""
    return set_items_included(target, agenda_item_id, (item_id,), included)


def set_items_included(
    target: Target, agenda_item_id: int, item_ids: Sequence[int], included: bool
) -> AgendaChange:
    """Check or uncheck items of an agenda item's topics for the pack (a topic's, at once)."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        entries = [(item.id, flag) for item, flag in effective_selection(agenda_item)]
        chosen = set(item_ids)
        if not chosen <= {i for i, _ in entries}:
            raise BriefingError(N_("This item does not belong to the agenda item's topics."))
        entries = [(i, included if i in chosen else flag) for i, flag in entries]
        return _change(uow, agenda_item, explicit_state(agenda_item, entries), Changed.SELECTION)


def reorder_selection(target: Target, agenda_item_id: int, item_ids: Sequence[int]) -> AgendaChange:
    """Put ``item_ids`` first, in that order; the agenda item's other items follow as they were."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        current = [(item.id, flag) for item, flag in effective_selection(agenda_item)]
        flags = dict(current)
        first = [(i, flags[i]) for i in item_ids if i in flags]
        chosen = {i for i, _ in first}
        entries = first + [(i, flag) for i, flag in current if i not in chosen]
        return _change(uow, agenda_item, explicit_state(agenda_item, entries), Changed.SELECTION)


def move_selection_item(target: Target, agenda_item_id: int, item_id: int, position: int) -> AgendaChange:
    """Move one item to index ``position`` of the agenda item's pack order."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        order = [item.id for item, _ in effective_selection(agenda_item)]
        order.remove(item_id)
        order.insert(max(0, min(position, len(order))), item_id)
        return reorder_selection(uow, agenda_item_id, order)


def add_topic_to_agenda(
    target: Target, agenda_item_id: int, topic_key: str, position: int | None = None
) -> AgendaChange:
    """Let an agenda item cover a topic; with an explicit selection, the topic's items go in checked."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        topic = uow.topics.require(topic_key)
        state = _state(agenda_item)
        if topic.id in state.topic_ids:
            return AgendaChange({agenda_item.id: state}, {agenda_item.id: state}, Changed.NOTHING)
        topic_ids = list(state.topic_ids)
        topic_ids.insert(len(topic_ids) if position is None else max(0, position), topic.id)
        entries = state.entries
        if not state.select_all:
            ordered = sorted(topic.items, key=lambda i: (i.kind.brief_order, i.position))
            entries = entries + tuple((item.id, True) for item in ordered)
        new = AgendaState(tuple(topic_ids), state.select_all, entries)
        return _change(uow, agenda_item, new, Changed.AGENDA | Changed.SELECTION)


def remove_topic_from_agenda(target: Target, agenda_item_id: int, topic_key: str) -> AgendaChange:
    """Stop an agenda item covering a topic; its items leave the selection."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        topic = uow.topics.require(topic_key)
        state = _state(agenda_item)
        item_ids = {item.id for item in topic.items}
        new = AgendaState(
            tuple(t for t in state.topic_ids if t != topic.id),
            state.select_all,
            tuple(e for e in state.entries if e[0] not in item_ids),
        )
        return _change(uow, agenda_item, new, Changed.AGENDA | Changed.SELECTION)


def move_agenda_topic(target: Target, agenda_item_id: int, topic_key: str, position: int) -> AgendaChange:
    """Move one topic to index ``position`` of the agenda item's topics.

    The pack lists an agenda item's items slot by slot, topic by topic: with every item in, the new topic order
    is the pack's. With a chosen selection, the items of each kind swap places topic by topic (each topic's own
    order kept), so the pack follows the new topic order there too.
    """
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        topic = uow.topics.require(topic_key)
        state = _state(agenda_item)
        if topic.id not in state.topic_ids:
            raise BriefingError(N_("This topic is not on this agenda item."))
        topic_ids = [t for t in state.topic_ids if t != topic.id]
        topic_ids.insert(max(0, min(position, len(topic_ids))), topic.id)
        if tuple(topic_ids) == state.topic_ids:
            return AgendaChange({agenda_item.id: state}, {agenda_item.id: state}, Changed.NOTHING)
        new = AgendaState(tuple(topic_ids), state.select_all, _in_topic_order(agenda_item, state, topic_ids))
        return _change(uow, agenda_item, new, Changed.AGENDA | Changed.SELECTION)


def _in_topic_order(
    agenda_item: AgendaItem, state: AgendaState, topic_ids: Sequence[int]
) -> tuple[tuple[int, bool], ...]:
    """The stored selection with the items of each kind in ``topic_ids`` order, in the places that kind holds."""
    items = {item.id: item for topic in agenda_item.topics for item in topic.items}
    rank = {topic_id: n for n, topic_id in enumerate(topic_ids)}
    entries = list(state.entries)
    places: dict[object, list[int]] = {}
    for n, (item_id, _included) in enumerate(entries):
        if item_id in items:
            places.setdefault(items[item_id].kind, []).append(n)
    result = list(entries)
    for indexes in places.values():
        moved = sorted((entries[n] for n in indexes), key=lambda e: rank.get(items[e[0]].topic_id, len(rank)))
        for n, entry in zip(indexes, moved, strict=True):
            result[n] = entry
    return tuple(result)
