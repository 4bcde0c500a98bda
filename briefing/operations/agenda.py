"""A meeting's agenda items: add, delete, move and rename them."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.model import AgendaItem, AgendaTopic
from briefing.operations.base import (
    Batch,
    Changed,
    Created,
    Deleted,
    Target,
    capture,
    delete_rows,
    move_to,
    new_text_block,
    renumber,
    table,
    unit_of_work,
)
from briefing.operations.library import Moved, Texts
from briefing.operations.meetings import with_source
from briefing.operations.texts import set_texts
from briefing.store import UnitOfWork


def require_agenda_item(uow: UnitOfWork, agenda_item_id: int) -> AgendaItem:
    """The agenda item with this id; NotFoundError when it no longer exists."""
    found = uow.session.get(AgendaItem, agenda_item_id)
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
        agenda_item = AgendaItem(title=new_text_block(with_source(title, english)), select_all=True)
        agenda_item.topic_links = [
            AgendaTopic(topic=uow.topics.require(key), position=i) for i, key in enumerate(topics)
        ]
        agenda = list(meeting.agenda)
        agenda.insert(len(agenda) if position is None else max(0, min(position, len(agenda))), agenda_item)
        meeting.agenda = agenda
        renumber(agenda)
        uow.flush()
        key = str(agenda_item.id)
        return Created("agenda_item", key, agenda_item.id, Changed.AGENDA, _delete_agenda_item)


def delete_agenda_item(target: Target, agenda_item_id: int) -> Deleted:
    """Delete an agenda item with its topics and selection."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
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
        return Deleted("agenda_item", str(ident), ident, Changed.AGENDA, rows, _delete_agenda_item)


def _delete_agenda_item(target: Target, key: str) -> Deleted:
    """:func:`delete_agenda_item` for a change record, which names an agenda item by its id as text."""
    return delete_agenda_item(target, int(key))


def move_agenda_item(target: Target, agenda_item_id: int, position: int) -> Moved:
    """Move an agenda item to index ``position`` of its meeting's agenda."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        old, new = move_to(agenda_item.meeting.agenda, agenda_item, position)
        uow.flush()
        return Moved("agenda_item", str(agenda_item.id), old, new, Changed.AGENDA, _move_agenda_item)


def _move_agenda_item(target: Target, key: str, position: int) -> Moved:
    """:func:`move_agenda_item` for a change record, which names an agenda item by its id as text."""
    return move_agenda_item(target, int(key), position)


def rename_agenda_item(target: Target, agenda_item_id: int, title: Texts) -> Batch:
    """Give an agenda item a new title in the languages of ``title`` (an empty translation is removed)."""
    with unit_of_work(target) as uow:
        agenda_item = require_agenda_item(uow, agenda_item_id)
        source = agenda_item.title.source_lang
        if source in title and not title[source].strip():
            raise BriefingError(N_("An agenda item needs a title."))
        texts = {lang: text.strip() for lang, text in title.items()}
        return set_texts(uow, agenda_item.title_id, texts, Changed.TEXT | Changed.AGENDA)
