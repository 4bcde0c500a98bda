"""Topics and their items: create, delete (and restore), move, change their fields."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from briefing.errors import N_, BriefingError, ConflictError, EditConflictError
from briefing.model import Item, ItemKind, Marking, Topic
from briefing.operations.base import (
    Change,
    Changed,
    ChangeKey,
    Created,
    Deleted,
    Target,
    capture,
    delete_rows,
    move_to,
    new_text_block,
    renumber,
    slugify,
    table,
    unique_key,
    unit_of_work,
)

Texts = Mapping[str, str]
"""A text in each language given, e.g. ``{"en": "…", "fr": "…"}``."""


@dataclass(frozen=True)
class FieldsChange(Change):
    """Plain fields of one record changed (owner, marking, deadline…): their values before and after."""

    kind: str
    key: str
    old: dict[str, Any]
    new: dict[str, Any]
    changed: Changed
    updater: Callable[..., FieldsChange]

    def revert(self, target: Target) -> FieldsChange:
        return self.updater(target, self.key, **self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({(self.kind, self.key)})


@dataclass(frozen=True)
class Moved(Change):
    """A record moved within its list, from index ``old`` to index ``new``."""

    kind: str
    key: str
    old: int
    new: int
    changed: Changed
    mover: Callable[[Target, str, int], Moved]

    def revert(self, target: Target) -> Moved:
        return self.mover(target, self.key, self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({(self.kind, self.key)})


def set_fields(
    record: Any,
    allowed: Mapping[str, Callable[[Any], Any]],
    fields: Mapping[str, Any],
    based_on: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set ``fields`` on ``record`` (each converted by its ``allowed`` converter); old and new values.

    ``based_on`` holds, for the fields the person edited, the value the editor showed. When the record holds
    something else by now — someone else saved in between — nothing is set: a short text field raises
    :class:`~briefing.errors.EditConflictError` with both versions (to merge), any other field a
    :class:`~briefing.errors.ConflictError`.
    """
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no editable field {sorted(unknown)}")
    converted = {name: allowed[name](value) for name, value in fields.items()}
    for name, shown in (based_on or {}).items():
        check_unchanged(record, name, allowed[name](shown), converted.get(name, shown))
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for name, value in converted.items():
        old[name] = getattr(record, name)
        if isinstance(old[name], list):
            old[name] = list(old[name])
        setattr(record, name, value)
        new[name] = value
    return old, new


def check_unchanged(record: Any, name: str, shown: Any, wanted: Any) -> None:
    """Refuse to write ``wanted`` over field ``name`` when it no longer holds ``shown`` (what the editor read).

    Writing what the record already holds is no conflict (the person and a colleague agreed).
    """
    stored = getattr(record, name)
    if stored in (shown, wanted):
        return
    if isinstance(wanted, str) or (wanted is None and isinstance(stored, str)):
        block = getattr(record, f"{name}_block", None)
        raise EditConflictError(
            getattr(block, "id", None) or 0,
            getattr(block, "source_lang", None) or "en",
            theirs=stored or "",
            mine=wanted or "",
            field=name,
        )
    raise ConflictError(
        N_("Someone else changed this while you were editing it: their change is shown. Make yours again.")
    )


def optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A converter that lets None (and an empty string) through as None."""
    return lambda value: None if value is None or value == "" else convert(value)


def _text(value: Any) -> str:
    return str(value).strip()


def iso_date(value: Any) -> dt.date:
    """A date, or its ISO calendar form (YYYY-MM-DD); anything else is a :class:`BriefingError`."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BriefingError(N_('"{value}" is not a date (YYYY-MM-DD)'), value=text[:40]) from None


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _strings(value: Any) -> list[str]:
    return [str(v).strip() for v in value if str(v).strip()]


TOPIC_FIELDS: dict[str, Callable[[Any], Any]] = {
    "owner": optional(_text),
    "marking": optional(Marking),
    "reviewed_on": optional(iso_date),
    "tags": _strings,
    "sources": _strings,
}
ITEM_FIELDS: dict[str, Callable[[Any], Any]] = {
    "marking": optional(Marking),
    "internal": bool,
}


# --- Topics -------------------------------------------------------------------------------------------------


def create_topic(
    target: Target,
    area_key: str,
    title: Texts,
    *,
    key: str | None = None,
    owner: str | None = None,
    source_lang: str = "en",
) -> Created:
    """A new topic at the end of an area, titled ``title``; its key is made from the title unless given."""
    with unit_of_work(target) as uow:
        area = uow.areas.require(area_key)
        source_title = title.get(source_lang, "").strip()
        if not source_title:
            raise BriefingError(N_("A topic needs a title."))
        taken = uow.topics.keys()
        topic_key = key or unique_key(slugify(source_title, "topic"), taken.__contains__)
        if topic_key in taken:
            raise BriefingError(N_("There is already a topic with the key “{key}”."), key=topic_key)
        topic = Topic(
            key=topic_key,
            area=area,
            position=max((t.position for t in area.topics), default=-1) + 1,
            title=new_text_block(title, source_lang),
            owner=owner,
            source_lang=source_lang,
        )
        uow.topics.add(topic)
        uow.flush()
        return Created("topic", topic.key, topic.id, Changed.TOPICS, delete_topic)


def delete_topic(target: Target, topic_key: str) -> Deleted:
    """Delete a topic with its items, its place on agendas and in selections; actions stay, unlinked."""
    with unit_of_work(target) as uow:
        topic = uow.topics.require(topic_key)
        topic_id = topic.id
        items = table("item")
        item_ids = [item.id for item in topic.items]
        rows = capture(
            uow.session,
            [
                ("topic", table("topic").c.id == topic_id),
                ("item", items.c.topic_id == topic_id),
                ("topic_source", table("topic_source").c.topic_id == topic_id),
                ("agenda_topic", table("agenda_topic").c.topic_id == topic_id),
                ("selection_entry", table("selection_entry").c.item_id.in_(item_ids)),
            ],
            links=[("action", table("action").c.topic_id == topic_id, "topic_id")],
        )
        delete_rows(uow.session, rows)
        return Deleted("topic", topic_key, topic_id, Changed.TOPICS | Changed.AGENDA, rows, delete_topic)


def update_topic(
    target: Target, topic_key: str, *, based_on: Mapping[str, Any] | None = None, **fields: Any
) -> FieldsChange:
    """Change a topic's owner, marking, review date, tags or sources (see :func:`set_fields` for
    ``based_on``)."""
    with unit_of_work(target) as uow:
        topic = uow.topics.require(topic_key)
        old, new = set_fields(topic, TOPIC_FIELDS, fields, based_on)
        uow.flush()
        return FieldsChange("topic", topic_key, old, new, Changed.TOPICS, update_topic)


# --- Items --------------------------------------------------------------------------------------------------


def add_item(
    target: Target,
    topic_key: str,
    kind: ItemKind | str,
    texts: Texts | None = None,
    *,
    question: Texts | None = None,
    answer: Texts | None = None,
    key: str | None = None,
    position: int | None = None,
    internal: bool = False,
    marking: Marking | None = None,
) -> Created:
    """A new item in a topic, at ``position`` (the end by default). A Q&A has a question and an answer."""
    kind = ItemKind(kind)
    with unit_of_work(target) as uow:
        topic = uow.topics.require(topic_key)
        source = topic.source_lang
        item_key = key or unique_key(f"{topic.key}-{len(topic.items) + 1}", uow.items.keys().__contains__)
        item = Item(key=item_key, kind=kind, internal=internal, marking=marking)
        if kind is ItemKind.QA:
            item.question = new_text_block(question or texts or {}, source)
            item.answer = new_text_block(answer or {}, source)
        else:
            item.body = new_text_block(texts or {}, source)
        items = list(topic.items)
        items.insert(len(items) if position is None else max(0, min(position, len(items))), item)
        topic.items = items
        renumber(items)
        uow.flush()
        return Created("item", item.key, item.id, Changed.ITEMS, delete_item)


def delete_item(target: Target, item_key: str) -> Deleted:
    """Delete an item and its place in selections."""
    with unit_of_work(target) as uow:
        item = uow.items.require(item_key)
        item_id = item.id
        rows = capture(
            uow.session,
            [
                ("item", table("item").c.id == item_id),
                ("selection_entry", table("selection_entry").c.item_id == item_id),
            ],
        )
        delete_rows(uow.session, rows)
        return Deleted("item", item_key, item_id, Changed.ITEMS | Changed.SELECTION, rows, delete_item)


def move_item(target: Target, item_key: str, position: int) -> Moved:
    """Move an item to index ``position`` among its topic's items."""
    with unit_of_work(target) as uow:
        item = uow.items.require(item_key)
        old, new = move_to(item.topic.items, item, position)
        uow.flush()
        return Moved("item", item_key, old, new, Changed.ITEMS, move_item)


def update_item(target: Target, item_key: str, **fields: Any) -> FieldsChange:
    """Change an item's marking or whether it is internal (not for use with the counterpart)."""
    with unit_of_work(target) as uow:
        item = uow.items.require(item_key)
        old, new = set_fields(item, ITEM_FIELDS, fields)
        uow.flush()
        return FieldsChange("item", item_key, old, new, Changed.ITEMS, update_item)
