"""Writing the library as a library JSON document, in a stable order so exports compare equal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from briefing.files import atomic_write
from briefing.interchange.library_json.schema import FORMAT_NAME, FORMAT_VERSION
from briefing.model import (
    Action,
    AgendaItem,
    Area,
    Item,
    ItemKind,
    Meeting,
    Participant,
    TextBlock,
    TextStatus,
    Topic,
)
from briefing.model.enums import TranslationState
from briefing.store import Library, UnitOfWork

JSONObject = dict[str, Any]


def write_library_json(library: Library, path: Path) -> JSONObject:
    """Export the whole library to ``path`` (written to a temporary file, then renamed)."""
    with library.reading() as uow:
        document = export_document(uow)
    payload = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, payload.encode("utf-8"))
    return document


def export_document(uow: UnitOfWork) -> JSONObject:
    """The library as a JSON-ready document."""
    session = uow.session
    areas = session.scalars(select(Area).order_by(Area.position, Area.id)).all()
    unlinked = session.scalars(
        select(Action).where(Action.topic_id.is_(None)).order_by(Action.position, Action.id)
    ).all()
    actions_by_topic: dict[int, list[Action]] = {}
    for action in session.scalars(
        select(Action).where(Action.topic_id.is_not(None)).order_by(Action.position, Action.id)
    ):
        assert action.topic_id is not None
        actions_by_topic.setdefault(action.topic_id, []).append(action)
    document: JSONObject = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "areas": [_area(area, actions_by_topic) for area in areas],
        "participants": [
            _participant(p) for p in session.scalars(select(Participant).order_by(Participant.id))
        ],
        "meetings": [_meeting(m) for m in session.scalars(select(Meeting).order_by(Meeting.id))],
    }
    if unlinked:
        document["actions"] = [_action(a) for a in unlinked]
    return document


def texts(block: TextBlock | None) -> dict[str, str]:
    """A block as a text map: the source language first, then the others alphabetically; empty texts left out."""
    if block is None:
        return {}
    langs = sorted(block.translations, key=lambda lang: (lang != block.source_lang, lang))
    return {lang: block.translations[lang].text for lang in langs if block.translations[lang].text}


def statuses(*blocks: TextBlock | None) -> dict[str, str]:
    """Languages whose status is not the default ("translated")."""
    found: dict[str, str] = {}
    for block in blocks:
        if block is None:
            continue
        for lang in sorted(block.translations, key=lambda lang: (lang != block.source_lang, lang)):
            row = block.translations[lang]
            if row.text and row.status != TextStatus.TRANSLATED:
                found.setdefault(lang, row.status.value)
    return found


def stale_languages(*blocks: TextBlock | None) -> list[str]:
    """Languages whose translation no longer matches the source text, in any of ``blocks``."""
    found = {
        lang
        for block in blocks
        if block is not None
        for lang in block.translations
        if block.state(lang) is TranslationState.STALE
    }
    return sorted(found)


def short(block: TextBlock | None) -> str | dict[str, str] | None:
    """A short field (an owner, a source, …): its text when only the source language has one, else the
    object from language code to text (the interchange format reads a plain string as the source text)."""
    if block is None:
        return None
    written = texts(block)
    if set(written) == {block.source_lang}:
        return written[block.source_lang]
    return written or None


def _area(area: Area, actions_by_topic: dict[int, list[Action]]) -> JSONObject:
    return {
        "key": area.key,
        "title": texts(area.title),
        "topics": [_topic(topic, actions_by_topic.get(topic.id, [])) for topic in area.topics],
    }


def _topic(topic: Topic, actions: list[Action]) -> JSONObject:
    data: JSONObject = {"key": topic.key, "title": texts(topic.title)}
    if topic.source_lang != "en":
        data["source_language"] = topic.source_lang
    data.update(
        owner=short(topic.owner_block),
        tags=list(topic.tags),
        marking=topic.marking.value if topic.marking else None,
        reviewed_on=topic.reviewed_on.isoformat() if topic.reviewed_on else None,
        sources=[title for link in topic.source_links if (title := short(link.title)) is not None],
        items=[_item(item) for item in topic.items],
        actions=[_action(action) for action in actions],
    )
    return data


def _item(item: Item) -> JSONObject:
    data: JSONObject = {"key": item.key, "kind": item.kind.value}
    if item.kind is ItemKind.QA:
        data["question"] = texts(item.question)
        data["answer"] = texts(item.answer)
    else:
        data["text"] = texts(item.body)
    if item.marking is not None:
        data["marking"] = item.marking.value
    if item.internal:
        data["internal"] = True
    status = statuses(item.body, item.question, item.answer)
    if status:
        data["status"] = status
    stale = stale_languages(item.body, item.question, item.answer)
    if stale:
        data["stale"] = stale
    return data


def _action(action: Action) -> JSONObject:
    data: JSONObject = {
        "key": action.key,
        "text": texts(action.text),
        "owner": short(action.owner_block),
        "deadline": action.deadline.isoformat() if action.deadline else None,
        "status": action.status.value,
        "source": short(action.source_block),
    }
    status = statuses(action.text)
    if status:
        data["text_status"] = status
    stale = stale_languages(action.text)
    if stale:
        data["stale"] = stale
    return data


def _participant(person: Participant) -> JSONObject:
    return {
        "key": person.key,
        "name": person.name,
        "organisation": short(person.organisation_block),
        "function": texts(person.function),
        "bio": texts(person.bio),
    }


def _meeting(meeting: Meeting) -> JSONObject:
    data: JSONObject = {
        "slug": meeting.slug,
        "kind": meeting.kind.value,
        "title": texts(meeting.title),
        "location": texts(meeting.location),
        "starts_on": meeting.starts_on.isoformat() if meeting.starts_on else None,
        "ends_on": meeting.ends_on.isoformat() if meeting.ends_on else None,
    }
    if meeting.prepared_by_block is not None:
        data["prepared_by"] = short(meeting.prepared_by_block)
    data["participants"] = [link.participant.key for link in meeting.participant_links]
    data["objectives"] = [texts(objective.text) for objective in meeting.objectives]
    data["agenda"] = [_agenda_item(agenda_item) for agenda_item in meeting.agenda]
    if meeting.presets:
        data["presets"] = [{"name": p.name, "agenda": p.data.get("agenda", [])} for p in meeting.presets]
    return data


def _agenda_item(agenda_item: AgendaItem) -> JSONObject:
    data: JSONObject = {
        "title": texts(agenda_item.title),
        "topics": [link.topic.key for link in agenda_item.topic_links],
    }
    if not agenda_item.select_all:
        data["items"] = [entry.item.key for entry in agenda_item.selection if entry.included]
    return data
