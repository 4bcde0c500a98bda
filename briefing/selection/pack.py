"""A meeting's pack selection as plain, frozen records: what every reader of a pack works from.

Built by :func:`briefing.selection.load_pack_selection` from database rows in a fixed number of statements, and
read by the assembler, preflight, the Excel rows, presets and the meeting builder. Nothing here refers to the
database: the records outlive the transaction they were read in and cost the garbage collector little.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from briefing.i18n import PACK_LANGUAGES
from briefing.model.enums import (
    ActionStatus,
    CopyType,
    ItemKind,
    Marking,
    MeetingKind,
    TextStatus,
    TranslationState,
)
from briefing.model.states import translation_state


@dataclass(frozen=True, slots=True)
class StoredLanguage:
    """One language of a text as stored."""

    text: str
    status: TextStatus
    source_fingerprint: str | None


@dataclass(frozen=True, slots=True)
class Texts:
    """One translatable text: its text and translation state per language."""

    block_id: int
    source_lang: str
    texts: Mapping[str, str]
    """The stored languages only."""
    states: Mapping[str, TranslationState]
    """Every pack language and every stored language."""

    @classmethod
    def from_stored(cls, block_id: int, source_lang: str, stored: Mapping[str, StoredLanguage]) -> Texts:
        languages = {*PACK_LANGUAGES, *stored}
        return cls(
            block_id,
            source_lang,
            {lang: row.text for lang, row in stored.items()},
            {lang: translation_state(source_lang, stored, lang) for lang in languages},
        )

    def text(self, lang: str) -> str | None:
        """The text in ``lang``, or None when that language is missing."""
        return self.texts.get(lang)

    @property
    def source_text(self) -> str | None:
        return self.texts.get(self.source_lang)

    def state(self, lang: str) -> TranslationState:
        return self.states.get(lang, TranslationState.MISSING)

    @property
    def has_text(self) -> bool:
        """Whether any language holds something other than blanks."""
        return any(text.strip() for text in self.texts.values())


@dataclass(frozen=True, slots=True)
class PackItem:
    """An item of one of the agenda's topics."""

    id: int
    key: str
    topic_id: int
    topic_key: str
    kind: ItemKind
    position: int
    marking: Marking | None
    """The item's own marking."""
    effective_marking: Marking | None
    """The item's own marking or its topic's, whichever is higher."""
    internal: bool
    body: Texts | None
    question: Texts | None
    answer: Texts | None

    def blocks(self) -> list[Texts]:
        """The texts of this item, in reading order."""
        return [b for b in (self.body, self.question, self.answer) if b is not None]


def source_text(texts: Texts | None) -> str:
    """The source-language text of a short field, or "" when it is empty."""
    return (texts.source_text or "") if texts is not None else ""


@dataclass(frozen=True, slots=True)
class PackTopic:
    id: int
    key: str
    area_key: str
    title: Texts
    owner: str
    """The owner in the topic's source language ("" for none); :attr:`owner_texts` has every language."""
    marking: Marking | None
    reviewed_on: dt.date | None
    sources: tuple[str, ...]
    """The sources' titles in the topic's source language; :attr:`source_texts` has every language."""
    items: tuple[PackItem, ...]
    """All the topic's items, by position."""
    owner_texts: Texts | None = None
    source_texts: tuple[Texts, ...] = ()
    area_title: Texts | None = None
    """The name of the topic's policy area."""


@dataclass(frozen=True, slots=True)
class PackAction:
    """A follow-up action the pack prints (cancelled ones are never part of a selection)."""

    id: int
    key: str
    topic_id: int | None
    topic_key: str | None
    position: int
    text: Texts
    owner: str
    deadline: dt.date | None
    status: ActionStatus
    source: str
    owner_texts: Texts | None = None
    """The owner in every language (:attr:`owner` is its source-language text)."""
    source_texts: Texts | None = None
    """The source's title in every language (:attr:`source` is its source-language text)."""

    def is_overdue(self, today: dt.date) -> bool:
        """Open with a deadline before ``today``."""
        return self.deadline is not None and self.deadline < today and not self.status.is_closed


@dataclass(frozen=True, slots=True)
class PackAgendaItem:
    """An agenda item: its topics, every item of them with whether it goes in, and its actions."""

    id: int
    number: int
    title: Texts
    title_block_id: int
    select_all: bool
    topics: tuple[PackTopic, ...]
    selection: tuple[tuple[PackItem, bool], ...]
    """Every item of the topics with whether it goes in: pack order, then the unchecked rest
    (:func:`briefing.selection.rules.effective_selection`)."""
    entries: tuple[tuple[int, bool], ...]
    """The stored selection, (item id, included) in pack order, as the operations write it."""
    actions: tuple[PackAction, ...]
    """The topics' actions in pack order (:func:`briefing.selection.rules.in_action_order`)."""

    @property
    def topic_ids(self) -> tuple[int, ...]:
        return tuple(topic.id for topic in self.topics)

    @property
    def candidates(self) -> tuple[PackItem, ...]:
        """Every item of the topics, in the order the builder lists them."""
        return tuple(item for item, _ in self.selection)

    @property
    def included(self) -> tuple[PackItem, ...]:
        """The checked items in pack order, whatever the copy type."""
        return tuple(item for item, on in self.selection if on)

    def pack_items(self, copy: CopyType) -> tuple[PackItem, ...]:
        """The checked items that go into a pack of ``copy``: an external copy leaves internal items out."""
        internal = copy is CopyType.INTERNAL
        return tuple(item for item, on in self.selection if on and (internal or not item.internal))


@dataclass(frozen=True, slots=True)
class PackParticipant:
    id: int
    key: str
    name: str
    organisation: str
    function: Texts
    bio: Texts
    organisation_texts: Texts | None = None
    """The organisation in every language (:attr:`organisation` is its English)."""


@dataclass(frozen=True, slots=True)
class PackMeeting:
    id: int
    slug: str
    kind: MeetingKind
    title: Texts
    location: Texts | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    prepared_by: str
    objectives: tuple[tuple[int, Texts], ...]
    """(objective id, text), in order."""
    prepared_by_texts: Texts | None = None
    """Who prepared the pack in every language (:attr:`prepared_by` is its English)."""


@dataclass(frozen=True, slots=True)
class PackSelection:
    """Everything a meeting's pack is made from, read in one go."""

    meeting: PackMeeting
    agenda: tuple[PackAgendaItem, ...]
    participants: tuple[PackParticipant, ...]

    def agenda_item(self, agenda_item_id: int) -> PackAgendaItem | None:
        return next((a for a in self.agenda if a.id == agenda_item_id), None)

    def markings(self, copy: CopyType) -> Iterator[Marking | None]:
        """The markings of what goes into a pack of ``copy``: each included item's and each topic's."""
        for agenda_item in self.agenda:
            for item in agenda_item.pack_items(copy):
                yield item.effective_marking
            for topic in agenda_item.topics:
                yield topic.marking


__all__ = [
    "PackAction",
    "PackAgendaItem",
    "PackItem",
    "PackMeeting",
    "PackParticipant",
    "PackSelection",
    "PackTopic",
    "StoredLanguage",
    "Texts",
    "source_text",
]
