"""Meetings: create, copy, change and delete them, with their agenda, selection, presets, objectives and
participants.

What a meeting holds is changed in the modules beside this one: :mod:`~briefing.operations.agenda`,
:mod:`~briefing.operations.selection`, :mod:`~briefing.operations.presets`,
:mod:`~briefing.operations.meeting_participants` and :mod:`~briefing.operations.meeting_details`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from briefing.errors import N_, BriefingError
from briefing.model import (
    AgendaItem,
    AgendaTopic,
    Meeting,
    MeetingKind,
    MeetingObjective,
    MeetingParticipant,
    SelectionEntry,
    SelectionPreset,
    TextBlock,
    Translation,
)
from briefing.operations.base import (
    Changed,
    Created,
    Deleted,
    Target,
    capture,
    delete_rows,
    new_text_block,
    slugify,
    table,
    unique_key,
    unit_of_work,
)
from briefing.operations.library import FieldsChange, Texts, iso_date, optional, set_fields
from briefing.store import UnitOfWork

MEETING_FIELDS = {
    "kind": MeetingKind,
    "starts_on": optional(iso_date),
    "ends_on": optional(iso_date),
    "prepared_by": optional(lambda v: str(v).strip()),
}


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
            title=new_text_block(with_source(title, english)),
            location=new_text_block(with_source(location, "")) if location else None,
            starts_on=starts_on,
            ends_on=ends_on,
            prepared_by=prepared_by,
        )
        uow.meetings.add(meeting)
        uow.flush()
        return Created("meeting", meeting.slug, meeting.id, Changed.MEETINGS, delete_meeting)


def with_source(texts: Texts, fallback: str) -> dict[str, str]:
    """``texts`` with an English source text: ``fallback``, else the first text given, when English is empty."""
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
            title=new_text_block(with_source(title, english)) if title else copy_block(source.title),
            location=copy_block(source.location) if source.location is not None else None,
            starts_on=starts_on if starts_on is not None else source.starts_on,
            ends_on=ends_on if ends_on is not None or starts_on is not None else source.ends_on,
            prepared_by_block=copy_block(source.prepared_by_block) if source.prepared_by_block else None,
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


def update_meeting(
    target: Target, slug: str, *, based_on: Mapping[str, Any] | None = None, **fields: Any
) -> FieldsChange:
    """Change a meeting's kind, dates or who prepared it.

    ``based_on``: the values the editor showed (see :func:`~briefing.operations.library.set_fields`)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old, new = set_fields(meeting, MEETING_FIELDS, fields, based_on)
        if meeting.starts_on and meeting.ends_on and meeting.ends_on < meeting.starts_on:
            raise BriefingError(N_("The meeting ends before it starts."))
        uow.flush()
        return FieldsChange("meeting", slug, old, new, Changed.MEETINGS, update_meeting)
