"""Meetings, their agenda, the selection of items that goes into the pack, and named presets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.model import (
    AgendaItem,
    AgendaTopic,
    Item,
    ItemKind,
    Meeting,
    MeetingKind,
    MeetingObjective,
    MeetingParticipant,
    SelectionEntry,
    SelectionPreset,
    TextBlock,
    Translation,
)
from briefing.model.base import utcnow
from briefing.operations.base import (
    Batch,
    Change,
    Changed,
    Created,
    Deleted,
    Target,
    capture,
    delete_rows,
    new_text_block,
    renumber,
    slugify,
    table,
    unique_key,
    unit_of_work,
)
from briefing.operations.library import FieldsChange, Moved, Texts, optional, set_fields
from briefing.operations.texts import TextSnapshot, restore_text, set_text, set_texts
from briefing.store import UnitOfWork

MEETING_FIELDS = {
    "kind": MeetingKind,
    "starts_on": optional(lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))),
    "ends_on": optional(lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))),
    "prepared_by": optional(lambda v: str(v).strip()),
}


# --- Meetings -----------------------------------------------------------------------------------------------


def create_meeting(
    target: Target,
    title: Texts,
    *,
    slug: str | None = None,
    kind: MeetingKind | str = MeetingKind.COUNCIL,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    location: Texts | None = None,
    prepared_by: str | None = None,
) -> Created:
    """A new meeting without agenda; its slug is made from the title and date unless given."""
    with unit_of_work(target) as uow:
        english = title.get("en", "").strip() or next((t for t in title.values() if t.strip()), "")
        if not english:
            raise BriefingError(N_("A meeting needs a title."))
        meeting_slug = _free_slug(uow, slug, english, starts_on)
        if ends_on is not None and starts_on is not None and ends_on < starts_on:
            raise BriefingError(N_("The meeting ends before it starts."))
        meeting = Meeting(
            slug=meeting_slug,
            kind=MeetingKind(kind),
            title=new_text_block(_with_source(title, english)),
            location=new_text_block(_with_source(location, "")) if location else None,
            starts_on=starts_on,
            ends_on=ends_on,
            prepared_by=prepared_by,
        )
        uow.meetings.add(meeting)
        uow.flush()
        return Created("meeting", meeting.slug, meeting.id, Changed.MEETINGS, delete_meeting)


def _with_source(texts: Texts, fallback: str) -> dict[str, str]:
    result = dict(texts)
    if not result.get("en", "").strip():
        result["en"] = fallback or next((t for t in texts.values() if t.strip()), "")
    return result


def _free_slug(uow: UnitOfWork, slug: str | None, title: str, day: dt.date | None) -> str:
    taken = uow.meetings.keys()
    if slug:
        if slug in taken:
            raise BriefingError(N_("There is already a meeting with the key “{key}”."), key=slug)
        return slug
    base = slugify(title, "meeting") + (f"-{day:%Y-%m}" if day else "")
    return unique_key(base, taken.__contains__)


def delete_meeting(target: Target, slug: str) -> Deleted:
    """Delete a meeting with its agenda, selection, presets, objectives and list of participants."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        meeting_id = meeting.id
        agenda_ids = [a.id for a in meeting.agenda]
        rows = capture(
            uow.session,
            [
                ("meeting", table("meeting").c.id == meeting_id),
                ("meeting_objective", table("meeting_objective").c.meeting_id == meeting_id),
                ("agenda_item", table("agenda_item").c.meeting_id == meeting_id),
                ("agenda_topic", table("agenda_topic").c.agenda_item_id.in_(agenda_ids)),
                ("selection_entry", table("selection_entry").c.agenda_item_id.in_(agenda_ids)),
                ("selection_preset", table("selection_preset").c.meeting_id == meeting_id),
                ("meeting_participant", table("meeting_participant").c.meeting_id == meeting_id),
            ],
        )
        delete_rows(uow.session, rows)
        return Deleted("meeting", slug, meeting_id, Changed.MEETINGS, rows, delete_meeting)


def copy_block(block: TextBlock) -> TextBlock:
    """A new text block with the same texts, statuses and source fingerprints."""
    copy = TextBlock(source_lang=block.source_lang)
    for lang, row in block.translations.items():
        copy.translations[lang] = Translation(
            lang=lang, text=row.text, status=row.status, source_fingerprint=row.source_fingerprint
        )
    return copy


def copy_meeting(
    target: Target,
    source_slug: str,
    *,
    slug: str | None = None,
    title: Texts | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Created:
    """A new meeting with the agenda, selection, presets, objectives and participants of another."""
    with unit_of_work(target) as uow:
        source = uow.meetings.require(source_slug)
        english = (title or {}).get("en", "").strip() or source.title.text("en") or source.slug
        meeting = Meeting(
            slug=_free_slug(uow, slug, english, starts_on or source.starts_on),
            kind=source.kind,
            title=new_text_block(_with_source(title, english)) if title else copy_block(source.title),
            location=copy_block(source.location) if source.location is not None else None,
            starts_on=starts_on if starts_on is not None else source.starts_on,
            ends_on=ends_on if ends_on is not None or starts_on is not None else source.ends_on,
            prepared_by=source.prepared_by,
        )
        meeting.objectives = [
            MeetingObjective(position=o.position, text=copy_block(o.text)) for o in source.objectives
        ]
        meeting.participant_links = [
            MeetingParticipant(participant_id=link.participant_id, position=link.position)
            for link in source.participant_links
        ]
        meeting.presets = [SelectionPreset(name=p.name, data=dict(p.data)) for p in source.presets]
        for agenda_item in source.agenda:
            copy = AgendaItem(
                position=agenda_item.position,
                title=copy_block(agenda_item.title),
                select_all=agenda_item.select_all,
            )
            copy.topic_links = [
                AgendaTopic(topic_id=link.topic_id, position=link.position)
                for link in agenda_item.topic_links
            ]
            copy.selection = [
                SelectionEntry(item_id=e.item_id, position=e.position, included=e.included)
                for e in agenda_item.selection
            ]
            meeting.agenda.append(copy)
        uow.meetings.add(meeting)
        uow.flush()
        return Created("meeting", meeting.slug, meeting.id, Changed.MEETINGS, delete_meeting)


def update_meeting(target: Target, slug: str, **fields: Any) -> FieldsChange:
    """Change a meeting's kind, dates or who prepared it."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old, new = set_fields(meeting, MEETING_FIELDS, fields)
        if meeting.starts_on and meeting.ends_on and meeting.ends_on < meeting.starts_on:
            raise BriefingError(N_("The meeting ends before it starts."))
        uow.flush()
        return FieldsChange("meeting", slug, old, new, Changed.MEETINGS, update_meeting)


# --- Agenda items -------------------------------------------------------------------------------------------


def _agenda_item(uow: UnitOfWork, agenda_item_id: int | str) -> AgendaItem:
    found = uow.session.get(AgendaItem, int(agenda_item_id))
    if found is None:
        raise NotFoundError(N_("This agenda item no longer exists."))
    return found


def add_agenda_item(
    target: Target,
    meeting_slug: str,
    title: Texts,
    *,
    position: int | None = None,
    topics: Sequence[str] = (),
) -> Created:
    """A new agenda item (at the end unless ``position`` says otherwise) covering ``topics``."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        english = title.get("en", "").strip() or next((t for t in title.values() if t.strip()), "")
        if not english:
            raise BriefingError(N_("An agenda item needs a title."))
        agenda_item = AgendaItem(title=new_text_block(_with_source(title, english)), select_all=True)
        agenda_item.topic_links = [
            AgendaTopic(topic=uow.topics.require(key), position=i) for i, key in enumerate(topics)
        ]
        agenda = list(meeting.agenda)
        agenda.insert(len(agenda) if position is None else max(0, min(position, len(agenda))), agenda_item)
        meeting.agenda = agenda
        renumber(agenda)
        uow.flush()
        key = str(agenda_item.id)
        return Created("agenda_item", key, agenda_item.id, Changed.AGENDA, delete_agenda_item)


def delete_agenda_item(target: Target, agenda_item_id: int | str) -> Deleted:
    """Delete an agenda item with its topics and selection."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        ident = agenda_item.id
        rows = capture(
            uow.session,
            [
                ("agenda_item", table("agenda_item").c.id == ident),
                ("agenda_topic", table("agenda_topic").c.agenda_item_id == ident),
                ("selection_entry", table("selection_entry").c.agenda_item_id == ident),
            ],
        )
        delete_rows(uow.session, rows)
        return Deleted("agenda_item", str(ident), ident, Changed.AGENDA, rows, delete_agenda_item)


def move_agenda_item(target: Target, agenda_item_id: int | str, position: int) -> Moved:
    """Move an agenda item to index ``position`` of its meeting's agenda."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        agenda = sorted(agenda_item.meeting.agenda, key=lambda a: (a.position, a.id))
        old = agenda.index(agenda_item)
        agenda.remove(agenda_item)
        new = max(0, min(position, len(agenda)))
        agenda.insert(new, agenda_item)
        renumber(agenda)
        uow.flush()
        return Moved("agenda_item", str(agenda_item.id), old, new, Changed.AGENDA, _move_agenda_item)


def _move_agenda_item(target: Target, key: str, position: int) -> Moved:
    return move_agenda_item(target, key, position)


# --- What goes into the pack --------------------------------------------------------------------------------


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


def _state(agenda_item: AgendaItem) -> AgendaState:
    return AgendaState(
        tuple(link.topic_id for link in agenda_item.topic_links),
        agenda_item.select_all,
        tuple((e.item_id, e.included) for e in agenda_item.selection),
    )


def _topic_items(agenda_item: AgendaItem) -> list[Item]:
    """Every item of the agenda item's topics in brief order: slot by slot, topic by topic."""
    topics = agenda_item.topics
    items = [item for topic in topics for item in topic.items]
    return sorted(items, key=lambda i: (i.kind.brief_order, topics.index(i.topic), i.position))


def _effective(agenda_item: AgendaItem) -> list[tuple[Item, bool]]:
    """Every item of the agenda item's topics with whether it goes in, in pack order then the rest."""
    candidates = _topic_items(agenda_item)
    if agenda_item.select_all:
        return [(item, True) for item in candidates]
    by_id = {item.id: item for item in candidates}
    listed = [(by_id[e.item_id], e.included) for e in agenda_item.selection if e.item_id in by_id]
    seen = {item.id for item, _ in listed}
    return listed + [(item, False) for item in candidates if item.id not in seen]


def selection_rows(target: Target, agenda_item_id: int | str) -> list[SelectionRow]:
    """The items of an agenda item's topics as the builder shows them: pack order, checked or not."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        rows = []
        for item, included in _effective(agenda_item):
            block = item.body or item.question
            texts = {lang: row.text for lang, row in block.translations.items()} if block else {}
            rows.append(
                SelectionRow(item.id, item.key, item.topic.key, item.kind, included, item.internal, texts)
            )
        return rows


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
            agenda_item = _agenda_item(uow, ident)
            old[ident] = _state(agenda_item)
            _write(uow, agenda_item, state)
            new[ident] = _state(agenda_item)
        return AgendaChange(old, new, Changed.SELECTION | Changed.AGENDA)


def _explicit(agenda_item: AgendaItem, entries: Sequence[tuple[int, bool]]) -> AgendaState:
    return AgendaState(tuple(link.topic_id for link in agenda_item.topic_links), False, tuple(entries))


def set_item_included(
    target: Target, agenda_item_id: int | str, item_id: int, included: bool
) -> AgendaChange:
    """Check or uncheck one item of an agenda item's topics for the pack."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        entries = [(item.id, flag) for item, flag in _effective(agenda_item)]
        if item_id not in {i for i, _ in entries}:
            raise BriefingError(N_("This item does not belong to the agenda item's topics."))
        entries = [(i, included if i == item_id else flag) for i, flag in entries]
        return _change(uow, agenda_item, _explicit(agenda_item, entries), Changed.SELECTION)


def reorder_selection(target: Target, agenda_item_id: int | str, item_ids: Sequence[int]) -> AgendaChange:
    """Put ``item_ids`` first, in that order; the agenda item's other items follow as they were."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        current = [(item.id, flag) for item, flag in _effective(agenda_item)]
        flags = dict(current)
        first = [(i, flags[i]) for i in item_ids if i in flags]
        chosen = {i for i, _ in first}
        entries = first + [(i, flag) for i, flag in current if i not in chosen]
        return _change(uow, agenda_item, _explicit(agenda_item, entries), Changed.SELECTION)


def move_selection_item(
    target: Target, agenda_item_id: int | str, item_id: int, position: int
) -> AgendaChange:
    """Move one item to index ``position`` of the agenda item's pack order."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        order = [item.id for item, _ in _effective(agenda_item)]
        order.remove(item_id)
        order.insert(max(0, min(position, len(order))), item_id)
        return reorder_selection(uow, agenda_item_id, order)


def add_topic_to_agenda(
    target: Target, agenda_item_id: int | str, topic_key: str, position: int | None = None
) -> AgendaChange:
    """Let an agenda item cover a topic; with an explicit selection, the topic's items go in checked."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
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


def remove_topic_from_agenda(target: Target, agenda_item_id: int | str, topic_key: str) -> AgendaChange:
    """Stop an agenda item covering a topic; its items leave the selection."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        topic = uow.topics.require(topic_key)
        state = _state(agenda_item)
        item_ids = {item.id for item in topic.items}
        new = AgendaState(
            tuple(t for t in state.topic_ids if t != topic.id),
            state.select_all,
            tuple(e for e in state.entries if e[0] not in item_ids),
        )
        return _change(uow, agenda_item, new, Changed.AGENDA | Changed.SELECTION)


# --- Presets ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresetChange(Change):
    """A named preset of a meeting was saved, replaced or deleted (``None``: no preset of that name)."""

    meeting_slug: str
    name: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    changed: Changed = Changed.PRESETS

    def revert(self, target: Target) -> PresetChange:
        return write_preset(target, self.meeting_slug, self.name, self.old)


def preset_data(meeting: Meeting) -> dict[str, Any]:
    """The meeting's current selection as preset data: per agenda item, the included item keys in order."""
    return {"agenda": [[item.key for item, on in _effective(a) if on] for a in meeting.agenda]}


def write_preset(target: Target, meeting_slug: str, name: str, data: dict[str, Any] | None) -> PresetChange:
    """Store ``data`` as the preset ``name`` (None deletes it)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        existing = next((p for p in meeting.presets if p.name == name), None)
        old = dict(existing.data) if existing is not None else None
        if data is None:
            if existing is not None:
                meeting.presets.remove(existing)
        elif existing is None:
            meeting.presets.append(SelectionPreset(name=name, data=dict(data)))
        else:
            existing.data = dict(data)
        uow.flush()
        return PresetChange(meeting_slug, name, old, data)


def save_preset(target: Target, meeting_slug: str, name: str) -> PresetChange:
    """Save the meeting's current selection under ``name`` (replacing a preset of that name)."""
    name = name.strip()
    if not name:
        raise BriefingError(N_("A preset needs a name."))
    with unit_of_work(target) as uow:
        data = preset_data(uow.meetings.require(meeting_slug))
        return write_preset(uow, meeting_slug, name, data)


def delete_preset(target: Target, meeting_slug: str, name: str) -> PresetChange:
    return write_preset(target, meeting_slug, name, None)


def preset_names(target: Target, meeting_slug: str) -> list[str]:
    with unit_of_work(target) as uow:
        return [p.name for p in uow.meetings.require(meeting_slug).presets]


def apply_preset(target: Target, meeting_slug: str, name: str) -> AgendaChange:
    """Select, agenda item by agenda item, the items the preset names, in its order; the rest unchecked."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        preset = next((p for p in meeting.presets if p.name == name), None)
        if preset is None:
            raise NotFoundError(N_("No preset named “{name}” for this meeting."), name=name)
        states: dict[int, AgendaState] = {}
        for agenda_item, keys in zip(meeting.agenda, preset.data.get("agenda", []), strict=False):
            candidates = _topic_items(agenda_item)
            by_key = {item.key: item for item in candidates}
            chosen = [by_key[k].id for k in keys if k in by_key]
            rest = [(item.id, False) for item in candidates if item.id not in set(chosen)]
            states[agenda_item.id] = _explicit(agenda_item, [(i, True) for i in chosen] + rest)
        return restore_agenda(uow, states)


# --- Participants of a meeting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantsChange(Change):
    """The list of a meeting's participants changed (participant ids in order)."""

    meeting_slug: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    changed: Changed = Changed.PARTICIPANTS | Changed.MEETINGS

    def revert(self, target: Target) -> ParticipantsChange:
        return set_meeting_participants(target, self.meeting_slug, self.old)


def set_meeting_participants(
    target: Target, meeting_slug: str, participant_ids: Sequence[int]
) -> ParticipantsChange:
    """Make ``participant_ids`` the meeting's participants, in that order."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        old = tuple(link.participant_id for link in meeting.participant_links)
        rows = table("meeting_participant")
        uow.session.execute(delete(rows).where(rows.c.meeting_id == meeting.id))
        if participant_ids:
            uow.session.execute(
                insert(rows),
                [
                    {"meeting_id": meeting.id, "participant_id": p, "position": i}
                    for i, p in enumerate(participant_ids)
                ],
            )
        uow.session.expire(meeting)
        return ParticipantsChange(meeting_slug, old, tuple(participant_ids))


def add_participant_to_meeting(target: Target, meeting_slug: str, participant_key: str) -> ParticipantsChange:
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [link.participant_id for link in meeting.participant_links]
        if participant.id not in ids:
            ids.append(participant.id)
        return set_meeting_participants(uow, meeting_slug, ids)


def remove_participant_from_meeting(
    target: Target, meeting_slug: str, participant_key: str
) -> ParticipantsChange:
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [
            link.participant_id for link in meeting.participant_links if link.participant_id != participant.id
        ]
        return set_meeting_participants(uow, meeting_slug, ids)


def move_meeting_participant(
    target: Target, meeting_slug: str, participant_key: str, position: int
) -> ParticipantsChange:
    """Move a participant of the meeting to index ``position`` of its list."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [link.participant_id for link in meeting.participant_links]
        if participant.id not in ids:
            raise BriefingError(N_("This participant is not on the meeting's list."))
        ids.remove(participant.id)
        ids.insert(max(0, min(position, len(ids))), participant.id)
        return set_meeting_participants(uow, meeting_slug, ids)


# --- Title, location and objectives -------------------------------------------------------------------------


def rename_agenda_item(target: Target, agenda_item_id: int | str, title: Texts) -> Batch:
    """Give an agenda item a new title in the languages of ``title`` (an empty translation is removed)."""
    with unit_of_work(target) as uow:
        agenda_item = _agenda_item(uow, agenda_item_id)
        source = agenda_item.title.source_lang
        if source in title and not title[source].strip():
            raise BriefingError(N_("An agenda item needs a title."))
        texts = {lang: text.strip() for lang, text in title.items()}
        return set_texts(uow, agenda_item.title_id, texts, Changed.TEXT | Changed.AGENDA)


def rename_meeting(target: Target, slug: str, title: Texts) -> Batch:
    """Give a meeting a new title in the languages of ``title``."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        source = meeting.title.source_lang
        if source in title and not title[source].strip():
            raise BriefingError(N_("A meeting needs a title."))
        texts = {lang: text.strip() for lang, text in title.items()}
        return set_texts(uow, meeting.title_id, texts, Changed.TEXT | Changed.MEETINGS)


Snapshots = dict[str, TextSnapshot]


@dataclass(frozen=True)
class LocationChange(Change):
    """A meeting's location changed; ``None`` is no location at all (and no text block for it)."""

    meeting_slug: str
    lang: str
    old: Snapshots | None
    new: Snapshots | None
    block_id: int | None
    changed: Changed = Changed.TEXT | Changed.MEETINGS

    def revert(self, target: Target) -> LocationChange:
        return restore_location(target, self.meeting_slug, self.old, self.lang)


def _location_snapshots(meeting: Meeting) -> Snapshots | None:
    block = meeting.location
    if block is None:
        return None
    return {
        lang: TextSnapshot(row.text, row.status, row.source_fingerprint)
        for lang, row in block.translations.items()
    }


def _drop_empty_location(uow: UnitOfWork, meeting: Meeting) -> None:
    block = meeting.location
    if block is not None and not any(row.text.strip() for row in block.translations.values()):
        meeting.location = None
        uow.flush()
        uow.session.delete(block)
        uow.flush()


def set_meeting_location(target: Target, slug: str, lang: str, text: str) -> LocationChange:
    """Write the ``lang`` version of a meeting's location; a location left with no text is removed."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old = _location_snapshots(meeting)
        if meeting.location is None:
            if not text.strip():
                return LocationChange(slug, lang, None, None, None, Changed.NOTHING)
            meeting.location = TextBlock(source_lang=meeting.title.source_lang)
            uow.flush()
        assert meeting.location is not None
        set_text(uow, meeting.location.id, lang, text)
        _drop_empty_location(uow, meeting)
        block_id = meeting.location.id if meeting.location is not None else None
        return LocationChange(slug, lang, old, _location_snapshots(meeting), block_id)


def restore_location(
    target: Target, slug: str, snapshots: Snapshots | None, lang: str = "en"
) -> LocationChange:
    """Put a meeting's location back exactly as ``snapshots`` recorded it (None: no location)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old = _location_snapshots(meeting)
        if snapshots is None:
            if meeting.location is not None:
                for code in list(meeting.location.translations):
                    meeting.location.remove_text(code)
                _drop_empty_location(uow, meeting)
        else:
            if meeting.location is None:
                meeting.location = TextBlock(source_lang=meeting.title.source_lang)
                uow.flush()
            block = meeting.location
            for code in set(block.translations) - set(snapshots):
                block.remove_text(code)
            for code, snapshot in snapshots.items():
                restore_text(uow, block.id, code, snapshot)
            uow.flush()
        block_id = meeting.location.id if meeting.location is not None else None
        return LocationChange(slug, lang, old, _location_snapshots(meeting), block_id)


def _objective(uow: UnitOfWork, objective_id: int | str) -> MeetingObjective:
    found = uow.session.get(MeetingObjective, int(objective_id))
    if found is None:
        raise NotFoundError(N_("This objective no longer exists."))
    return found


def add_objective(target: Target, meeting_slug: str, texts: Texts, *, position: int | None = None) -> Created:
    """A new objective of the meeting (at the end unless ``position`` says otherwise)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        objective = MeetingObjective(text=new_text_block(_with_source(texts, "")))
        objectives = list(meeting.objectives)
        objectives.insert(
            len(objectives) if position is None else max(0, min(position, len(objectives))), objective
        )
        meeting.objectives = objectives
        renumber(objectives)
        uow.flush()
        return Created("objective", str(objective.id), objective.id, Changed.MEETINGS, delete_objective)


def delete_objective(target: Target, objective_id: int | str) -> Deleted:
    """Delete one of a meeting's objectives."""
    with unit_of_work(target) as uow:
        objective = _objective(uow, objective_id)
        ident = objective.id
        rows = capture(uow.session, [("meeting_objective", table("meeting_objective").c.id == ident)])
        delete_rows(uow.session, rows)
        return Deleted("objective", str(ident), ident, Changed.MEETINGS, rows, delete_objective)


def move_objective(target: Target, objective_id: int | str, position: int) -> Moved:
    """Move an objective to index ``position`` of its meeting's objectives."""
    with unit_of_work(target) as uow:
        objective = _objective(uow, objective_id)
        meeting = uow.session.get(Meeting, objective.meeting_id)
        assert meeting is not None
        objectives = sorted(meeting.objectives, key=lambda o: (o.position, o.id))
        old = objectives.index(objective)
        objectives.remove(objective)
        new = max(0, min(position, len(objectives)))
        objectives.insert(new, objective)
        renumber(objectives)
        uow.flush()
        return Moved("objective", str(objective.id), old, new, Changed.MEETINGS, _move_objective)


def _move_objective(target: Target, key: str, position: int) -> Moved:
    return move_objective(target, key, position)
