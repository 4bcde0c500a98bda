"""The outline of a pack: plain, immutable data with every text already resolved.

Renderers (DOCX, XLSX, HTML) read only this. Every visible text is a :class:`Passage`: one :class:`Text` per
column of the pack (one column for an English or French pack, two for the bilingual interpreter's copy). Each
text carries its own language, so a renderer tags it without knowing which pack it is making, and French
typography has already been applied.

The outline also carries what workbooks print besides the texts (each text's block id and translation state,
topic owners and review dates: :attr:`Outline.texts`, :attr:`Outline.topics`), so no renderer reads the
database. This module imports no database code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from briefing.assemble.text_rows import TextRow, TopicFacts
from briefing.model.enums import CopyType, ItemKind, Marking, PackMode


@dataclass(frozen=True, slots=True)
class Text:
    """A text as printed, in the language it is written in."""

    text: str
    lang: str
    untranslated: bool = False
    """True when this is the source text standing in for a missing or out-of-date translation."""
    stale: bool = False
    """True when the translation exists but is out of date (the source changed since): the flag says so."""
    missing: bool = False
    """True when this is the notice "translation missing" standing in the cell of a missing translation (in the
    interpreter's copy, whose other column holds the source text)."""


Passage = tuple[Text, ...]
"""One text per column of the pack, in the order of :attr:`Outline.languages`."""


def plain(passage: Passage, separator: str = " / ") -> str:
    """All columns of a passage on one line (for titles, file properties, logs)."""
    seen: list[str] = []
    for text in passage:
        if text.text not in seen:
            seen.append(text.text)
    return separator.join(seen)


@dataclass(frozen=True, slots=True)
class PageParts:
    """Text around PAGE and NUMPAGES fields, e.g. ("Page ", " of ", "")."""

    before: str
    between: str
    after: str
    lang: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of the library as it appears in a slot."""

    item_key: str
    kind: ItemKind
    body: Passage | None = None
    question: Passage | None = None
    answer: Passage | None = None
    marking: Marking | None = None
    internal: bool = False
    topic_key: str = ""


@dataclass(frozen=True, slots=True)
class Slot:
    """A part of a section (objective, lines to take, …) with its entries in pack order."""

    kind: ItemKind
    heading: Passage
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class ActionRow:
    """A follow-up action, ready to print."""

    key: str
    text: Passage
    owner: str
    deadline: dt.date | None
    deadline_text: Passage
    status: str
    status_text: Passage
    source: str
    overdue: bool
    topic_key: str | None
    owner_text: Passage = ()
    """The owner in each column (:attr:`owner` is the same on one line)."""
    source_text: Passage = ()
    """The source's title in each column (:attr:`source` is the same on one line)."""


@dataclass(frozen=True, slots=True)
class PageReference:
    """A sentence pointing to another part of the pack, in one language, around that part's page number."""

    before: str
    after: str
    lang: str
    anchor: str
    """The anchor of the heading whose page is given."""


@dataclass(frozen=True, slots=True)
class Section:
    """One numbered section per agenda item."""

    number: int
    anchor: str
    heading: Passage
    """"Agenda item 3" in the pack's language(s)."""
    title: Passage
    topics: tuple[Passage, ...]
    slots: tuple[Slot, ...]
    actions: tuple[ActionRow, ...]
    follow_up: tuple[PageReference, ...] = ()
    """"3 follow-up actions: see “Follow-up actions”, page 15", one per language; empty without actions."""
    listed_actions: tuple[str, ...] = ()
    """Keys of the actions the follow-up annex lists under this section (each action is listed once)."""
    topic_keys: tuple[str, ...] = ()
    """The keys of :attr:`topics`, in the same order."""

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for slot in self.slots for entry in slot.entries)


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    key: str
    name: str
    function: Passage
    organisation: str
    bio: Passage
    organisation_text: Passage = ()
    """The organisation in each column (:attr:`organisation` is the same on one line)."""


@dataclass(frozen=True, slots=True)
class Cover:
    pack_label: Passage
    title: Passage
    dates: Passage
    location: Passage
    prepared_by: str
    copy_label: Passage
    marking: str | None
    generated_on: Passage
    version: Passage = ()
    """"2 of 3 June 2024": the pack's version number and the day it was made."""
    addressee: Passage = ()
    contact: str = ""
    prepared_by_text: Passage = ()
    """Who prepared the pack, in each column (:attr:`prepared_by` is the same on one line)."""


@dataclass(frozen=True, slots=True)
class ContentsLine:
    """A line of the contents page: the part's title and the anchor of its heading."""

    title: Passage
    anchor: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class PackLabels:
    """Every label a renderer prints, in the pack's language(s)."""

    briefing_pack: Passage
    contents: Passage
    objectives: Passage
    agenda: Passage
    participants: Passage
    follow_up_actions: Passage
    sources: Passage
    actions: Passage
    question: Passage
    answer: Passage
    prepared_by: Passage
    date: Passage
    location: Passage
    marking: Passage
    no_marking: Passage
    version: Passage
    addressee: Passage
    contact: Passage
    not_for_counterpart: Passage
    untranslated: Passage
    untranslated_en: Passage
    untranslated_fr: Passage
    stale_en: Passage
    stale_fr: Passage
    action: Passage
    owner: Passage
    deadline: Passage
    status: Passage
    source: Passage
    name: Passage
    function: Passage
    organisation: Passage
    biography: Passage
    points_matrix: Passage
    actions_tracker: Passage
    translation_status: Passage
    agenda_item: Passage
    topic: Passage
    slot: Passage
    text: Passage
    english: Passage
    french: Passage
    last_reviewed: Passage
    overdue: Passage
    logistics: Passage
    tracker_legend: Passage
    source_note: Passage

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def get(self, name: str) -> Passage:
        """The label called ``name`` (one of :meth:`names`); AttributeError for another name."""
        value: Passage = getattr(self, name)
        return value

    @classmethod
    def blank(cls) -> PackLabels:
        """Labels with no text, for outlines made by hand in tests."""
        return cls(**dict.fromkeys(cls.names(), ()))


@dataclass(frozen=True)
class Outline:
    """Everything a renderer needs to produce the pack."""

    meeting_slug: str
    mode: PackMode
    languages: tuple[str, ...]
    copy: CopyType
    marking: Marking | None
    cover: Cover
    contents: tuple[ContentsLine, ...]
    objectives: tuple[Passage, ...]
    agenda: tuple[tuple[int, Passage], ...]
    sections: tuple[Section, ...]
    participants: tuple[ParticipantRow, ...]
    actions: tuple[ActionRow, ...]
    sources: tuple[str, ...]
    labels: PackLabels = field(default_factory=PackLabels.blank)
    page_parts: tuple[PageParts, ...] = ()
    title_text: str = ""
    """The meeting title on one line, for headers and document properties."""
    untranslated_count: int = 0
    logistics: tuple[tuple[Passage, Passage], ...] = ()
    """The logistics annex: (label, value) rows (dates, location, format, participants, contact)."""
    meeting_kind: str = ""
    """The meeting's kind ("council", "bilateral", …): a bilateral's participants are listed by delegation."""
    topics: Mapping[str, TopicFacts] = field(default_factory=dict)
    """What workbooks print about each topic of the pack (owner, review date, area, marking), by key."""
    texts: tuple[TextRow, ...] = ()
    """Every text of the pack once, in pack order, with its block id, stored texts and translation states."""
    source_titles: tuple[Passage, ...] = ()
    """The sources annex in each column, in the order of :attr:`sources` (which has them on one line)."""
    copy_line: Passage = ()
    """A numbered copy's line in the footer of every page ("Copy 3 of 12 — Name"); empty for other packs."""

    def label(self, name: str) -> Passage:
        """A pack label by name (see :class:`PackLabels`), for renderers that pick labels from a list."""
        return self.labels.get(name)

    def untranslated_label(self, text: Text, column: int) -> Text:
        """The flag put before ``text`` when it stands in for a translation: it names the text's language."""
        kind = "stale" if text.stale else "untranslated"
        named = getattr(self.labels, f"{kind}_{text.lang}", None)
        labels = named or self.labels.untranslated
        return labels[column]

    @property
    def primary_language(self) -> str:
        return self.languages[0]

    @property
    def marking_text(self) -> str | None:
        return self.marking.value if self.marking is not None else None

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for section in self.sections for entry in section.entries)
