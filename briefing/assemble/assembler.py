"""Assembly: a meeting's pack selection, a language mode and a copy type in; a language-resolved outline out.

All language decisions happen here: which text goes in which column, what stands in for a missing
translation, labels, dates, French typography. Renderers only lay out what they are given. The assembler
reads the plain records of :mod:`briefing.selection` and imports no database code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.assemble.follow_up import is_meeting_event, listed_actions, pointer
from briefing.assemble.outline import (
    ActionRow,
    ContentsLine,
    Cover,
    Entry,
    Outline,
    PackLabels,
    PageParts,
    ParticipantRow,
    Passage,
    Section,
    Slot,
    Text,
    plain,
)
from briefing.assemble.text_rows import selection_text_rows
from briefing.errors import N_, BriefingError
from briefing.i18n import labels as lbl
from briefing.i18n.dates import format_day, format_long_day, format_range
from briefing.i18n.labels import Labels
from briefing.i18n.typography import for_language, no_break
from briefing.model.enums import CopyType, ItemKind, Marking, PackMode, TranslationState
from briefing.progress import Step, part, stepped
from briefing.selection.pack import (
    PackAction,
    PackAgendaItem,
    PackItem,
    PackMeeting,
    PackParticipant,
    PackSelection,
    Texts,
)

MODES: dict[str, tuple[str, ...]] = {mode.value: mode.languages for mode in PackMode}
COPIES = tuple(copy.value for copy in CopyType)

LABEL_NAMES: dict[str, str] = {
    "briefing_pack": lbl.BRIEFING_PACK,
    "contents": lbl.CONTENTS,
    "objectives": lbl.OBJECTIVES,
    "agenda": lbl.AGENDA,
    "participants": lbl.PARTICIPANTS,
    "follow_up_actions": lbl.FOLLOW_UP_ACTIONS,
    "sources": lbl.SOURCES,
    "actions": lbl.ACTIONS,
    "question": lbl.QUESTION,
    "answer": lbl.ANSWER,
    "prepared_by": lbl.PREPARED_BY,
    "date": lbl.DATE,
    "location": lbl.LOCATION,
    "marking": lbl.MARKING,
    "no_marking": lbl.NO_MARKING,
    "version": lbl.VERSION,
    "addressee": lbl.ADDRESSEE,
    "contact": lbl.CONTACT,
    "not_for_counterpart": lbl.NOT_FOR_COUNTERPART,
    "untranslated": lbl.UNTRANSLATED,
    "untranslated_en": lbl.UNTRANSLATED,
    "untranslated_fr": lbl.UNTRANSLATED_FR,
    "stale_en": lbl.STALE,
    "stale_fr": lbl.STALE_FR,
    "action": lbl.ACTION,
    "owner": lbl.OWNER,
    "deadline": lbl.DEADLINE,
    "status": lbl.STATUS,
    "source": lbl.SOURCE,
    "name": lbl.NAME,
    "function": lbl.FUNCTION,
    "organisation": lbl.ORGANISATION,
    "biography": lbl.BIOGRAPHY,
    "points_matrix": lbl.POINTS_MATRIX,
    "actions_tracker": lbl.ACTIONS_TRACKER,
    "translation_status": lbl.TRANSLATION_STATUS,
    "agenda_item": lbl.AGENDA_ITEM,
    "topic": lbl.TOPIC,
    "slot": lbl.SLOT,
    "text": lbl.TEXT,
    "english": lbl.ENGLISH,
    "french": lbl.FRENCH,
    "last_reviewed": lbl.LAST_REVIEWED,
    "overdue": lbl.OVERDUE,
    "logistics": lbl.LOGISTICS,
    "tracker_legend": lbl.TRACKER_LEGEND,
    "source_note": lbl.SOURCE_NOTE,
}
"""Names of the labels an outline carries (the fields of :class:`PackLabels`), with their message ids."""


def meeting_dates(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """The meeting's days on the cover: "Monday 11 June 2018" for one day, a compact range for several
    ("13–14 June 2024", "13–14 juin 2024"); no-break spaces keep a date on one line."""
    if start is None:
        return ""
    if end is None or end == start:
        return no_break(format_long_day(start, lang))
    return no_break(format_range(start, end, lang))


@dataclass(frozen=True, init=False)
class PackRequest:
    """What to build: which meeting, in which language(s), for whom."""

    meeting: int | str
    """The meeting's id (an int) or slug (a string); see :func:`briefing.cli.references.meeting_reference`."""
    mode: PackMode
    copy: CopyType
    allow_missing: bool
    today: dt.date | None
    version: int
    """The pack's version number, printed on the cover."""
    addressee: str
    """Who the pack is for, as printed on the cover; the minister's private office when empty."""
    contact: str
    """Whom to ask about the pack (name, telephone, e-mail), printed on the cover when given."""
    text_table: bool
    """Whether the outline carries the table of every text with its translation state and topic facts
    (:attr:`Outline.texts`, :attr:`Outline.topics`): only the Excel pack reads it, and for a large meeting it is
    as big as the rest of the outline, so a Word pack or a preview leaves it out."""

    def __init__(
        self,
        meeting: int | str,
        mode: PackMode | str = PackMode.EN,
        copy: CopyType | str = CopyType.INTERNAL,
        allow_missing: bool = False,
        today: dt.date | None = None,
        version: int = 1,
        addressee: str = "",
        contact: str = "",
        text_table: bool = True,
    ) -> None:
        try:
            pack_mode = PackMode(mode)
        except ValueError:
            raise BriefingError(
                N_('Unknown pack language "{value}"; use en, fr or bilingual.'), value=mode
            ) from None
        try:
            copy_type = CopyType(copy)
        except ValueError:
            raise BriefingError(
                N_('Unknown copy type "{value}"; use internal or external.'), value=copy
            ) from None
        object.__setattr__(self, "meeting", meeting)
        object.__setattr__(self, "mode", pack_mode)
        object.__setattr__(self, "copy", copy_type)
        object.__setattr__(self, "allow_missing", allow_missing)
        object.__setattr__(self, "today", today)
        if version < 1:
            raise BriefingError(N_("A pack's version number is 1 or more, not {value}."), value=version)
        object.__setattr__(self, "version", version)
        object.__setattr__(self, "addressee", addressee)
        object.__setattr__(self, "contact", contact)
        object.__setattr__(self, "text_table", text_table)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.mode.languages


@dataclass(frozen=True)
class MissingText:
    """A text of the pack without an up-to-date translation in one of its languages."""

    where: str
    lang: str
    state: TranslationState


class MissingTranslationsError(BriefingError):
    """The pack needs translations that are missing or out of date; lists every one."""

    def __init__(self, problems: list[MissingText]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p.where} [{p.lang}: {p.state.value}]" for p in problems)
        super().__init__(
            N_(
                "{count} texts of this pack have no up-to-date translation; translate them or export with "
                "--allow-missing to use the source text, marked as untranslated:\n{details}"
            ),
            count=len(problems),
            details=lines,
        )


@dataclass
class _Resolver:
    """Turns stored texts into passages for the pack's columns and records what is missing."""

    languages: tuple[str, ...]
    problems: list[MissingText] = field(default_factory=list)
    untranslated: int = 0
    notices: dict[str, str] = field(default_factory=dict)
    """In the interpreter's copy, where the source text has a column of its own: the notice a cell holds
    instead of a missing translation ("[translation missing]"), by language. Such a cell is no problem."""

    def passage(self, block: Texts | None, where: str, *, required: bool = True) -> Passage:
        if block is None:
            return tuple(Text("", lang) for lang in self.languages)
        texts = []
        for lang in self.languages:
            state = block.state(lang)
            if state in (TranslationState.MISSING, TranslationState.STALE):
                source = block.source_text or ""
                beside = lang in self.notices and block.source_lang in self.languages
                if beside and source.strip():
                    if state is TranslationState.MISSING:
                        texts.append(Text(self.notices[lang], lang, missing=True))
                    else:
                        self.untranslated += 1
                        texts.append(
                            Text(for_language(source, block.source_lang), block.source_lang, True, True)
                        )
                    continue
                if required and source.strip():
                    self.problems.append(MissingText(where, lang, state))
                if source.strip():
                    self.untranslated += 1
                    stale = state is TranslationState.STALE
                    texts.append(
                        Text(for_language(source, block.source_lang), block.source_lang, True, stale)
                    )
                else:
                    texts.append(Text("", lang))
            else:
                texts.append(Text(for_language(block.text(lang) or "", lang), lang))
        return tuple(texts)


SECTIONS_DONE = 0.75
"""The share of assembly taken by the agenda items' sections; the list of the pack's texts takes the rest."""


class _Assembler:
    def __init__(self, selection: PackSelection, request: PackRequest, step: Step | None = None) -> None:
        self.selection = selection
        self.request = request
        self.step = step
        self.languages = request.languages
        self.labels = {lang: Labels.for_language(lang) for lang in self.languages}
        self.resolver = _Resolver(self.languages)
        if len(self.languages) > 1:
            self.resolver.notices = {
                lang: f"[{for_language(self.labels[lang].get(lbl.TRANSLATION_MISSING), lang)}]"
                for lang in self.languages
            }
        self.today = request.today or dt.date.today()
        self._sources: dict[str, Passage] = {}
        self._markings: list[Marking | None] = []
        self._meeting_ends: dt.date | None = None
        self._prepared_by: Passage | None = None

    def label(self, msgid: str, **fmt: object) -> Passage:
        return tuple(
            Text(for_language(self.labels[lang].get(msgid, **fmt), lang), lang) for lang in self.languages
        )

    def per_language(self, make: dict[str, str]) -> Passage:
        return tuple(Text(make[lang], lang) for lang in self.languages)

    def build(self) -> Outline:
        selection = self.selection
        meeting = selection.meeting
        resolve = self.resolver.passage
        title = resolve(meeting.title, f"meeting {meeting.slug}: title")
        objectives = tuple(
            resolve(text, f"meeting {meeting.slug}: objective {i + 1}")
            for i, (_ident, text) in enumerate(meeting.objectives)
        )
        self._meeting_ends = meeting.ends_on or meeting.starts_on
        sections = self.with_follow_up_pointers(self.sections(part(self.step, 0.0, SECTIONS_DONE)))
        participants = tuple(self.participant(person) for person in selection.participants)
        seen_actions: dict[str, ActionRow] = {}
        for section in sections:
            for action in section.actions:
                seen_actions.setdefault(action.key, action)
        if self.resolver.problems and not self.request.allow_missing:
            raise MissingTranslationsError(self.resolver.problems)
        marking = Marking.highest(self._markings)
        rows = (
            selection_text_rows(selection, self.request.copy, step=part(self.step, SECTIONS_DONE, 1.0))
            if self.request.text_table
            else None
        )
        return Outline(
            meeting_slug=meeting.slug,
            mode=self.request.mode,
            languages=self.languages,
            copy=self.request.copy,
            marking=marking,
            cover=self.cover(meeting, title, marking),
            contents=with_logistics_line(
                self.contents(objectives, sections, participants, bool(seen_actions), bool(self.sources)),
                self.label(lbl.LOGISTICS),
            ),
            logistics=self.logistics(meeting, participants),
            objectives=objectives,
            agenda=tuple((s.number, s.title) for s in sections),
            sections=sections,
            participants=participants,
            actions=tuple(seen_actions.values()),
            sources=tuple(plain(source) for source in self.sources),
            source_titles=tuple(self.sources),
            labels=PackLabels(**{name: self.label(msgid) for name, msgid in LABEL_NAMES.items()}),
            page_parts=tuple(
                PageParts(*self.labels[lang].page_parts(), lang=lang) for lang in self.languages
            ),
            title_text=plain(title),
            untranslated_count=self.resolver.untranslated,
            meeting_kind=meeting.kind.value,
            topics=rows.topics if rows is not None else {},
            texts=rows.texts if rows is not None else (),
        )

    # --- parts ----------------------------------------------------------------------------------------------

    def sections(self, step: Step) -> tuple[Section, ...]:
        """A section per agenda item, each reported to ``step``."""
        return tuple(self.section(agenda_item) for agenda_item in stepped(self.selection.agenda, step))

    @property
    def sources(self) -> list[Passage]:
        return list(self._sources.values())

    def participant(self, person: PackParticipant) -> ParticipantRow:
        resolve = self.resolver.passage
        organisation = self.short(person.organisation_texts, f"participant {person.key}: organisation", False)
        return ParticipantRow(
            key=person.key,
            name=person.name,
            function=resolve(person.function, f"participant {person.key}", required=False),
            organisation=plain(organisation),
            bio=resolve(person.bio, f"participant {person.key}: bio", required=False),
            organisation_text=organisation,
        )

    def short(self, texts: Texts | None, where: str, required: bool = True) -> Passage:
        """A short field (an owner, a source, an organisation) in the pack's columns; () when it is empty.

        A missing translation is treated as for any text: reported, or the source text flagged in its place.
        """
        if texts is None:
            return ()
        return self.resolver.passage(texts, where, required=required)

    def section(self, agenda_item: PackAgendaItem) -> Section:
        resolve = self.resolver.passage
        number = agenda_item.number
        by_kind: dict[ItemKind, list[Entry]] = {}
        for item in agenda_item.pack_items(self.request.copy):
            by_kind.setdefault(item.kind, []).append(self.entry(item))
            self._markings.append(item.effective_marking)
        slots = tuple(
            Slot(kind, self.label(lbl.SLOT_HEADINGS[kind.value]), tuple(by_kind[kind]))
            for kind in ItemKind
            if kind in by_kind
        )
        topics = agenda_item.topics
        for topic in topics:
            self._markings.append(topic.marking)
            self._add_sources(
                (text.source_text or "", self.short(text, f"topic {topic.key}: source"))
                for text in topic.source_texts
            )
        kept = [a for a in agenda_item.actions if not is_meeting_event(a.deadline, self._meeting_ends)]
        actions = tuple(self.action(a) for a in kept)
        self._add_sources(
            (a.source, row.source_text) for a, row in zip(kept, actions, strict=True) if a.source
        )
        return Section(
            number=number,
            anchor=f"section-{number}",
            heading=self.label(lbl.AGENDA_ITEM_NUMBER, number=number),
            title=resolve(agenda_item.title, f"agenda item {number}: title"),
            topics=tuple(resolve(t.title, f"topic {t.key}: title") for t in topics),
            slots=slots,
            actions=actions,
            topic_keys=tuple(t.key for t in topics),
        )

    def with_follow_up_pointers(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """Each section with the keys of the actions listed under it in the annex, and its pointer there."""
        pointed = []
        for section, keys in zip(sections, listed_actions(sections), strict=True):
            references = tuple(
                pointer(
                    for_language(
                        self.labels[lang]
                        .ngettext(*lbl.FOLLOW_UP_POINTER, len(keys))
                        .replace("{count}", str(len(keys))),
                        lang,
                    ),
                    lang,
                    for_language(self.labels[lang].get(lbl.FOLLOW_UP_ACTIONS), lang),
                )
                for lang in self.languages
            )
            pointed.append(replace(section, follow_up=references if keys else (), listed_actions=keys))
        return tuple(pointed)

    def _add_sources(self, sources: Iterable[tuple[str, Passage]]) -> None:
        """Add sources to the annex, each once by its source text (translated, when one of them is)."""
        for key, passage in sources:
            known = self._sources.get(key)
            if known is None or _untranslated(known) > _untranslated(passage):
                self._sources[key] = passage

    def entry(self, item: PackItem) -> Entry:
        resolve = self.resolver.passage
        where = f"topic {item.topic_key}, item {item.key}"
        return Entry(
            item_key=item.key,
            kind=item.kind,
            body=resolve(item.body, where) if item.body is not None else None,
            question=resolve(item.question, f"{where}: question") if item.question is not None else None,
            answer=resolve(item.answer, f"{where}: answer") if item.answer is not None else None,
            marking=item.effective_marking,
            internal=item.internal,
            topic_key=item.topic_key,
        )

    def action(self, action: PackAction) -> ActionRow:
        deadline = action.deadline
        owner = self.short(action.owner_texts, f"action {action.key}: owner")
        source = self.short(action.source_texts, f"action {action.key}: source")
        return ActionRow(
            key=action.key,
            text=self.resolver.passage(action.text, f"action {action.key}"),
            owner=plain(owner),
            deadline=deadline,
            deadline_text=self.per_language(
                {lang: format_day(deadline, lang) if deadline else "" for lang in self.languages}
            ),
            status=action.status.value,
            status_text=self.per_language(
                {lang: self.labels[lang].action_status(action.status.value) for lang in self.languages}
            ),
            source=plain(source),
            overdue=action.is_overdue(self.today),
            topic_key=action.topic_key,
            owner_text=owner,
            source_text=source,
        )

    def cover(self, meeting: PackMeeting, title: Passage, marking: Marking | None) -> Cover:
        resolve = self.resolver.passage
        dates = {lang: meeting_dates(meeting.starts_on, meeting.ends_on, lang) for lang in self.languages}
        prepared_by = self.prepared_by(meeting)
        return Cover(
            pack_label=self.label(lbl.BRIEFING_PACK),
            title=title,
            dates=self.per_language(dates),
            location=resolve(meeting.location, f"meeting {meeting.slug}: location")
            if meeting.location is not None
            else self.per_language(dict.fromkeys(self.languages, "")),
            prepared_by=plain(prepared_by),
            prepared_by_text=prepared_by,
            copy_label=self.label(
                lbl.INTERNAL_COPY if self.request.copy is CopyType.INTERNAL else lbl.EXTERNAL_COPY
            ),
            marking=marking.value if marking else None,
            generated_on=self.per_language({lang: format_day(self.today, lang) for lang in self.languages}),
            version=self.version_line(),
            addressee=self.addressee(),
            contact=self.request.contact.strip(),
        )

    def logistics(
        self, meeting: PackMeeting, participants: tuple[ParticipantRow, ...]
    ) -> tuple[tuple[Passage, Passage], ...]:
        """The rows of the logistics annex: dates, location, format, participants and contact, when known."""
        rows: list[tuple[Passage, Passage]] = []
        dates = {lang: meeting_dates(meeting.starts_on, meeting.ends_on, lang) for lang in self.languages}
        if meeting.starts_on is not None:
            rows.append((self.label(lbl.DATES), self.per_language(dates)))
        if meeting.location is not None:
            location = self.resolver.passage(meeting.location, f"meeting {meeting.slug}: location")
            if any(text.text for text in location):
                rows.append((self.label(lbl.LOCATION), location))
        kinds = {
            lang: for_language(self.labels[lang].meeting_kind(meeting.kind.value), lang)
            for lang in self.languages
        }
        rows.append((self.label(lbl.MEETING_FORMAT), self.per_language(kinds)))
        if participants:
            count = {
                lang: self.labels[lang].count(lbl.PARTICIPANT_COUNT, len(participants))
                for lang in self.languages
            }
            rows.append((self.label(lbl.DELEGATION), self.per_language(count)))
        contact = self.request.contact.strip()
        if contact:
            rows.append((self.label(lbl.CONTACT), self.per_language(dict.fromkeys(self.languages, contact))))
        elif meeting.prepared_by_texts is not None:
            rows.append((self.label(lbl.CONTACT), self.prepared_by(meeting)))
        return tuple(rows)

    def prepared_by(self, meeting: PackMeeting) -> Passage:
        """Who prepared the pack (resolved once: the cover and the logistics annex both print it)."""
        if self._prepared_by is None:
            self._prepared_by = self.short(meeting.prepared_by_texts, f"meeting {meeting.slug}: prepared by")
        return self._prepared_by

    def version_line(self) -> Passage:
        """ "2 of 3 June 2024" in each language: the version number and the day the pack is made."""
        return tuple(
            Text(
                for_language(
                    self.labels[lang].get(
                        lbl.VERSION_OF,
                        number=self.request.version,
                        date=no_break(format_day(self.today, lang)),
                    ),
                    lang,
                ),
                lang,
            )
            for lang in self.languages
        )

    def addressee(self) -> Passage:
        """Who the pack is for: as given in the request (the same in every language), or the default label."""
        given = self.request.addressee.strip()
        if given:
            return self.per_language(dict.fromkeys(self.languages, given))
        return self.label(lbl.DEFAULT_ADDRESSEE)

    def contents(
        self,
        objectives: tuple[Passage, ...],
        sections: tuple[Section, ...],
        participants: tuple[ParticipantRow, ...],
        has_actions: bool,
        has_sources: bool,
    ) -> tuple[ContentsLine, ...]:
        lines = []
        if objectives:
            lines.append(ContentsLine(self.label(lbl.OBJECTIVES), "objectives"))
        lines.append(ContentsLine(self.label(lbl.AGENDA), "agenda"))
        for section in sections:
            joined = tuple(
                Text(f"{heading.text} — {title.text}", title.lang, title.untranslated)
                for heading, title in zip(section.heading, section.title, strict=True)
            )
            lines.append(ContentsLine(joined, section.anchor))
        if participants:
            lines.append(ContentsLine(self.label(lbl.PARTICIPANTS), "participants"))
        if has_actions:
            lines.append(ContentsLine(self.label(lbl.FOLLOW_UP_ACTIONS), "actions"))
        if has_sources:
            lines.append(ContentsLine(self.label(lbl.SOURCES), "sources"))
        return tuple(lines)


def _untranslated(passage: Passage) -> int:
    return sum(1 for text in passage if text.untranslated or text.missing)


def with_logistics_line(lines: tuple[ContentsLine, ...], title: Passage) -> tuple[ContentsLine, ...]:
    """The contents with the logistics annex after the follow-up actions, before the sources."""
    anchors = [line.anchor for line in lines]
    at = anchors.index("sources") if "sources" in anchors else len(lines)
    return (*lines[:at], ContentsLine(title, "logistics"), *lines[at:])


SELECTION_LOADED = 0.25
"""The share of assembly taken by reading the selection, when it is read here."""


def assemble(source: PackSelection | Any, request: PackRequest, *, step: Step | None = None) -> Outline:
    """Build the outline of ``request``'s pack, or raise :class:`MissingTranslationsError`.

    ``source`` is the meeting's :class:`~briefing.selection.PackSelection`, or anything
    :func:`~briefing.selection.load_pack_selection` reads it from (a unit of work, a session, a connection).
    ``step`` is told the fraction done as the selection is read and each agenda item assembled (see
    :mod:`briefing.progress`): it may stop the assembly by raising.
    """
    building = step
    if not isinstance(source, PackSelection):
        from briefing.selection import load_pack_selection

        source = load_pack_selection(source, request.meeting, step=part(step, 0.0, SELECTION_LOADED))
        building = part(step, SELECTION_LOADED, 1.0) if step is not None else None
    outline = _Assembler(source, request, building).build()
    if step is not None:
        step(1.0)
    return outline
