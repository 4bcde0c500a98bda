"""Writing the library as a library JSON document, in a stable order so exports compare equal.

The export streams: areas, topics, items and actions are read a batch at a time with plain queries
(:mod:`~briefing.interchange.library_json.rows`) and written as they are read, so memory stays flat however large
the library is. Each record becomes its JSON object in one small function (:func:`_topic`, :func:`_item`, …)
that reads a row as it would read a mapped object.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from briefing.files import atomic_output
from briefing.interchange.library_json.json_stream_writer import LazyList, json_chunks, materialise
from briefing.interchange.library_json.rows import (
    ActionRow,
    AreaRow,
    ItemRow,
    TopicRow,
    has_loose_actions,
    loose_actions,
    read_areas,
    topics_with_actions,
)
from briefing.interchange.library_json.schema import FORMAT_NAME, FORMAT_VERSION
from briefing.model import (
    AgendaItem,
    AgendaTopic,
    ItemKind,
    Meeting,
    Participant,
    SelectionEntry,
    TextStatus,
)
from briefing.model.enums import TranslationState
from briefing.store import Library, UnitOfWork

JSONObject = dict[str, Any]
WRITE_BUFFER = 1 << 20
"""Characters gathered before they are written to the file."""
MEETING_BATCH = 50
"""Meetings read (with their agenda) at a time."""


class Block(Protocol):
    """A text block as the export reads it: a mapped :class:`~briefing.model.TextBlock` or a stored row."""

    @property
    def source_lang(self) -> str: ...

    @property
    def translations(self) -> Any: ...

    def state(self, lang: str) -> TranslationState: ...


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the number of records of each kind and the SHA-256 of the file's bytes."""

    counts: dict[str, int]
    sha256: str


def write_library_json(library: Library, path: Path) -> ExportSummary:
    """Export the whole library to ``path`` (written to a temporary file, then renamed), streaming."""
    with (
        library.reading() as uow,
        atomic_output(Path(path)) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as handle,
    ):
        return write_document(uow, handle)


class TextSink(Protocol):
    def write(self, text: str, /) -> int: ...


def write_document(uow: UnitOfWork, handle: TextSink) -> ExportSummary:
    """Write the library JSON to the text ``handle`` as it is read; what was written."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    pending: list[str] = []
    size = 0
    for chunk in json_chunks(document_parts(uow, counts)):
        pending.append(chunk)
        size += len(chunk)
        if size >= WRITE_BUFFER:
            _flush(pending, handle, digest)
            size = 0
    pending.append("\n")
    _flush(pending, handle, digest)
    return ExportSummary(counts, digest.hexdigest())


def library_summary(uow: UnitOfWork) -> ExportSummary:
    """The counts and the SHA-256 the library's JSON export would have, without writing it anywhere."""
    return write_document(uow, _Discard())


class _Discard:
    def write(self, text: str) -> int:
        return len(text)


def _flush(pending: list[str], handle: TextSink, digest: Any) -> None:
    text = "".join(pending)
    pending.clear()
    handle.write(text)
    digest.update(text.encode("utf-8"))


def export_document(uow: UnitOfWork) -> JSONObject:
    """The library as a JSON-ready document (all of it in memory: for tests and small libraries)."""
    document: JSONObject = materialise(document_parts(uow, {}))
    return document


def document_parts(uow: UnitOfWork, counts: dict[str, int]) -> JSONObject:
    """The library document whose long lists are read while they are written; ``counts`` is filled meanwhile."""
    session = uow.session
    document: JSONObject = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "areas": LazyList(_areas(uow, counts)),
        "participants": LazyList(_participants(uow, counts)),
        "meetings": LazyList(_meetings(uow, counts)),
    }
    if has_loose_actions(session):
        document["actions"] = LazyList(_counted(counts, "actions", map(_action, loose_actions(session))))
    return document


def _counted(counts: dict[str, int], kind: str, records: Iterator[JSONObject]) -> Iterator[JSONObject]:
    counts.setdefault(kind, 0)
    for record in records:
        counts[kind] += 1
        yield record


def _areas(uow: UnitOfWork, counts: dict[str, int]) -> Iterator[JSONObject]:
    session = uow.session
    for kind in ("areas", "topics", "items", "actions"):
        counts.setdefault(kind, 0)
    for area in read_areas(session):
        counts["areas"] += 1
        yield _area(area, _topics(uow, area, counts))


def _topics(uow: UnitOfWork, area: AreaRow, counts: dict[str, int]) -> Iterator[JSONObject]:
    for topic, actions in topics_with_actions(uow.session, area.id):
        counts["topics"] += 1
        counts["items"] += len(topic.items)
        counts["actions"] += len(actions)
        yield _topic(topic, actions)


def _participants(uow: UnitOfWork, counts: dict[str, int]) -> Iterator[JSONObject]:
    statement = select(Participant).order_by(Participant.id).execution_options(yield_per=200)
    return _counted(counts, "participants", map(_participant, uow.session.scalars(statement)))


def _meetings(uow: UnitOfWork, counts: dict[str, int]) -> Iterator[JSONObject]:
    """Meetings a batch at a time, each batch with its agenda, links and selection loaded in a few queries."""
    session = uow.session
    counts.setdefault("meetings", 0)
    ids = list(session.scalars(select(Meeting.id).order_by(Meeting.id)))
    for start in range(0, len(ids), MEETING_BATCH):
        statement = (
            select(Meeting)
            .where(Meeting.id.in_(ids[start : start + MEETING_BATCH]))
            .order_by(Meeting.id)
            .options(
                selectinload(Meeting.participant_links),
                selectinload(Meeting.objectives),
                selectinload(Meeting.presets),
                selectinload(Meeting.agenda).options(
                    selectinload(AgendaItem.topic_links).joinedload(AgendaTopic.topic),
                    selectinload(AgendaItem.selection).joinedload(SelectionEntry.item),
                ),
            )
        )
        for meeting in session.scalars(statement):
            counts["meetings"] += 1
            yield _meeting(meeting)
        session.expunge_all()


def texts(block: Block | None) -> dict[str, str]:
    """A block as a text map: the source language first, then the others alphabetically; empty texts left out."""
    if block is None:
        return {}
    langs = sorted(block.translations, key=lambda lang: (lang != block.source_lang, lang))
    return {lang: block.translations[lang].text for lang in langs if block.translations[lang].text}


def statuses(*blocks: Block | None) -> dict[str, str]:
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


def stale_languages(*blocks: Block | None) -> list[str]:
    """Languages whose translation no longer matches the source text, in any of ``blocks``."""
    found = {
        lang
        for block in blocks
        if block is not None
        for lang in block.translations
        if block.state(lang) is TranslationState.STALE
    }
    return sorted(found)


def short(block: Block | None) -> str | dict[str, str] | None:
    """A short field (an owner, a source, …): its text when only the source language has one, else the
    object from language code to text (the interchange format reads a plain string as the source text)."""
    if block is None:
        return None
    written = texts(block)
    if set(written) == {block.source_lang}:
        return written[block.source_lang]
    return written or None


def _area(area: AreaRow, topics: Iterator[JSONObject]) -> JSONObject:
    return {
        "key": area.key,
        "title": texts(area.title),
        "topics": LazyList(topics),
    }


def _topic(topic: TopicRow, actions: list[ActionRow]) -> JSONObject:
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


def _item(item: ItemRow) -> JSONObject:
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


def _action(action: ActionRow) -> JSONObject:
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
