"""The texts of a pack with what the printed outline leaves out: where each is used, its state, its owner.

Plain records, no database: the assembler makes the rows of a pack from its selection
(:func:`selection_text_rows`) and puts them in the outline, so workbooks read only the outline; the library
workbook and translation workbooks stream the same rows for the whole library
(:func:`briefing.assemble.workbook_rows.library_text_rows`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from briefing.i18n import PACK_LANGUAGES
from briefing.i18n import labels as lbl
from briefing.i18n.labels import Labels
from briefing.model.enums import CopyType, ItemKind, Marking, TranslationState
from briefing.progress import Step, stepped
from briefing.selection.pack import PackItem, PackSelection, PackTopic, Texts


class TextPart(StrEnum):
    """What a text is to the record that holds it."""

    TITLE = "title"
    BODY = "body"
    QUESTION = "question"
    ANSWER = "answer"
    ACTION = "action"
    LOCATION = "location"
    OBJECTIVE = "objective"
    AGENDA_ITEM = "agenda_item"
    FUNCTION = "function"
    BIO = "bio"
    OWNER = "owner"
    SOURCE = "source"
    PREPARED_BY = "prepared_by"
    ORGANISATION = "organisation"
    AREA = "area"
    """The name of a policy area."""


@dataclass(frozen=True, slots=True)
class TopicFacts:
    """What a workbook prints about a topic besides its title."""

    key: str
    area_key: str
    owner: str
    reviewed_on: dt.date | None
    marking: Marking | None
    owners: Mapping[str, str] = field(default_factory=dict)
    """The owner in every language it is written in (:attr:`owner` is the source language's)."""
    area_titles: Mapping[str, str] = field(default_factory=dict)
    """The name of the topic's policy area in every language it is written in."""


@dataclass(frozen=True, slots=True)
class TextRow:
    """One stored text: where it is used, its text in every pack language and the state of each."""

    block_id: int
    part: TextPart
    where: tuple[str, ...]
    """Keys of the records that hold the text, outermost first (topic and item, meeting, participant, …)."""
    source_lang: str
    texts: Mapping[str, str]
    """The stored text per language; a missing language may be absent (:meth:`text` gives "" for it)."""
    states: Mapping[str, TranslationState]
    kind: ItemKind | None = None
    number: int | None = None
    """The objective's, agenda item's or topic source's number, for those parts."""
    section: int | None = None
    """The number of the pack section (agenda item) the text first appears in; None outside sections."""
    topic: TopicFacts | None = None
    item_key: str | None = None
    marking: Marking | None = None
    internal: bool = False
    area_key: str | None = None
    """The policy area of the text's topic, or of the area whose title it is."""

    def text(self, lang: str) -> str:
        return self.texts.get(lang, "")

    def state(self, lang: str) -> TranslationState:
        return self.states.get(lang, TranslationState.MISSING)

    @property
    def translation_lang(self) -> str:
        """The pack language this text is translated into (the one that is not its source)."""
        return next((lang for lang in PACK_LANGUAGES if lang != self.source_lang), PACK_LANGUAGES[-1])

    @property
    def translation_state(self) -> TranslationState:
        """The state of the translation: the one thing a translator needs to know about this text."""
        return self.state(self.translation_lang)

    def part_label(self, labels: Labels) -> str:
        """What the text is, in the language of ``labels`` ("Line to take", "Question", "Title", …)."""
        if self.part is TextPart.BODY and self.kind is not None:
            return labels.item_kind(self.kind.value)
        if self.part is TextPart.OBJECTIVE:
            return f"{labels.get(lbl.OBJECTIVE)} {self.number}"
        if self.part is TextPart.AGENDA_ITEM:
            return labels.agenda_item(self.number or "")
        if self.part is TextPart.SOURCE and self.number is not None:
            return f"{labels.get(lbl.SOURCE)} {self.number}"
        return labels.get(_PART_LABELS[self.part])

    def context(self, labels: Labels, separator: str = " / ") -> str:
        """Where the text is used, e.g. "drug-trafficking / dt-qa-1 / Question"."""
        return separator.join([*self.where, self.part_label(labels)])


_PART_LABELS: dict[TextPart, str] = {
    TextPart.TITLE: lbl.TITLE,
    TextPart.BODY: lbl.TEXT,
    TextPart.QUESTION: lbl.QUESTION,
    TextPart.ANSWER: lbl.ANSWER,
    TextPart.ACTION: lbl.ACTION,
    TextPart.LOCATION: lbl.LOCATION,
    TextPart.OBJECTIVE: lbl.OBJECTIVE,
    TextPart.AGENDA_ITEM: lbl.AGENDA_ITEM,
    TextPart.FUNCTION: lbl.FUNCTION,
    TextPart.BIO: lbl.BIOGRAPHY,
    TextPart.OWNER: lbl.OWNER,
    TextPart.SOURCE: lbl.SOURCE,
    TextPart.PREPARED_BY: lbl.PREPARED_BY,
    TextPart.ORGANISATION: lbl.ORGANISATION,
    TextPart.AREA: lbl.POLICY_AREA,
}


@dataclass(frozen=True)
class PackRows:
    """The texts of a pack, each once, in pack order, and the topics its sections cover.

    Iterating gives the :class:`TextRow` objects.
    """

    texts: tuple[TextRow, ...]
    topics: Mapping[str, TopicFacts] = field(default_factory=dict)
    section_topics: tuple[tuple[str, ...], ...] = ()
    """The keys of each section's topics, in the order of :attr:`briefing.assemble.outline.Section.topics`."""

    def __iter__(self) -> Iterator[TextRow]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def text_row(texts: Texts, part: TextPart, where: tuple[str, ...], **facts: Any) -> TextRow:
    """The row of one text, with its text and state in every pack language (shared with ``texts``, not copied)."""
    return TextRow(texts.block_id, part, where, texts.source_lang, texts.texts, texts.states, **facts)


def topic_facts(topic: PackTopic) -> TopicFacts:
    return TopicFacts(
        topic.key,
        topic.area_key,
        topic.owner,
        topic.reviewed_on,
        topic.marking,
        dict(topic.owner_texts.texts) if topic.owner_texts is not None else {},
        dict(topic.area_title.texts) if topic.area_title is not None else {},
    )


def item_texts(item: PackItem) -> list[tuple[Texts, TextPart]]:
    """The texts of ``item`` in reading order, with the part each one is."""
    parts = ((item.body, TextPart.BODY), (item.question, TextPart.QUESTION), (item.answer, TextPart.ANSWER))
    return [(texts, part) for texts, part in parts if texts is not None]


def selection_text_rows(selection: PackSelection, copy: CopyType, *, step: Step | None = None) -> PackRows:
    """The texts of the pack of ``selection`` in ``copy``, each once, in pack order (empty texts left out);
    ``step`` is told the fraction done after each agenda item."""
    meeting = selection.meeting
    rows = _PackRows()
    slug = meeting.slug
    rows.add(meeting.title, TextPart.TITLE, (slug,))
    if meeting.location is not None:
        rows.add(meeting.location, TextPart.LOCATION, (slug,))
    rows.add(meeting.prepared_by_texts, TextPart.PREPARED_BY, (slug,))
    for n, (_ident, objective) in enumerate(meeting.objectives, start=1):
        rows.add(objective, TextPart.OBJECTIVE, (slug,), number=n)
    topics: dict[str, TopicFacts] = {}
    section_topics = []
    for agenda_item in stepped(selection.agenda, step):
        number = agenda_item.number
        rows.add(agenda_item.title, TextPart.AGENDA_ITEM, (slug,), number=number, section=number)
        section_topics.append(tuple(topic.key for topic in agenda_item.topics))
        items_by_topic: dict[int, list[PackItem]] = {}
        for item in agenda_item.pack_items(copy):
            items_by_topic.setdefault(item.topic_id, []).append(item)
        for topic in agenda_item.topics:
            facts = topics.setdefault(topic.key, topic_facts(topic))
            rows.add(
                topic.area_title, TextPart.AREA, (facts.area_key,), section=number, area_key=facts.area_key
            )
            rows.add(
                topic.title,
                TextPart.TITLE,
                (topic.key,),
                section=number,
                topic=facts,
                marking=topic.marking,
                area_key=facts.area_key,
            )
            rows.add(topic.owner_texts, TextPart.OWNER, (topic.key,), section=number, topic=facts)
            for n, source in enumerate(topic.source_texts, start=1):
                rows.add(source, TextPart.SOURCE, (topic.key,), section=number, topic=facts, number=n)
            for item in items_by_topic.get(topic.id, []):
                for texts, part in item_texts(item):
                    rows.add(
                        texts,
                        part,
                        (topic.key, item.key),
                        section=number,
                        topic=facts,
                        kind=item.kind,
                        item_key=item.key,
                        marking=item.effective_marking,
                        internal=item.internal,
                        area_key=facts.area_key,
                    )
        for action in agenda_item.actions:
            action_topic = topics.get(action.topic_key) if action.topic_key is not None else None
            where = (action_topic.key, action.key) if action_topic is not None else (action.key,)
            rows.add(
                action.text,
                TextPart.ACTION,
                where,
                section=number,
                topic=action_topic,
                area_key=action_topic.area_key if action_topic else None,
            )
            for short, part in ((action.owner_texts, TextPart.OWNER), (action.source_texts, TextPart.SOURCE)):
                rows.add(short, part, where, section=number, topic=action_topic)
    for person in selection.participants:
        rows.add(person.function, TextPart.FUNCTION, (person.key,))
        rows.add(person.organisation_texts, TextPart.ORGANISATION, (person.key,))
        rows.add(person.bio, TextPart.BIO, (person.key,))
    return PackRows(tuple(rows.rows), topics, tuple(section_topics))


@dataclass
class _PackRows:
    rows: list[TextRow] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def add(self, texts: Texts | None, part: TextPart, where: tuple[str, ...], **facts: Any) -> None:
        if texts is None or texts.block_id in self.seen or not texts.has_text:
            return
        self.seen.add(texts.block_id)
        self.rows.append(text_row(texts, part, where, **facts))
