"""Preflight: everything worth knowing about a pack before it is exported, without exporting it.

:func:`run_preflight` reads the meeting's selection the way the assembler does (same texts, same items for
the copy type, same actions) and reports, as :class:`~briefing.preflight.findings.Finding` objects:

- every text of the pack without an up-to-date translation in a pack language: missing or stale is
  blocking (the export would stop, or print the source text marked as untranslated), a draft is a warning.
  The texts are those the assembler requires: meeting title, location and objectives, agenda item and topic
  titles, the texts of the included items, and the actions of the agenda's topics, with the short fields the
  pack prints: who prepared it, each source's title, each action's owner and source. Participants' functions,
  organisations and bios and topics' owners are not required (a warning); a bio missing or stale in a pack
  language is a warning of its own;
- a meeting without agenda, an agenda item that puts nothing in the pack, and an agenda item with content but
  no objective or no lines to take (warnings; an empty agenda item gets only the first);
- open follow-up actions of the pack's topics past their deadline (warning);
- topics of the pack last reviewed more than ``review_age_days`` ago (warning) or never (information);
- the pack's marking lower than the highest marking of what it contains, and internal items in an external
  copy: both are blocking and both are impossible by construction, so they are verified on the outline the
  assembler actually builds (see :func:`check_marking` and :func:`check_external_copy`);
- for packs with French, a glossary term used in an English text whose French does not use the agreed
  French (warning; see :mod:`briefing.glossary`).

Missing translations are reported, never raised. Findings come sorted by agenda item (the whole pack first),
blocking findings first within each; each text, topic or action is reported once, under the first agenda item
where it appears.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.assemble.assembler import PackRequest, assemble
from briefing.defaults import DEFAULT_REVIEW_AGE_DAYS, review_overdue
from briefing.errors import N_, Message
from briefing.glossary import Glossary, check_text, default_glossary
from briefing.model.enums import CopyType, ItemKind, Marking, TranslationState
from briefing.preflight import findings as codes
from briefing.preflight.findings import Finding, Severity, sort_findings
from briefing.preflight.outline_checks import check_external_copy, check_marking
from briefing.preflight.quoting import Quoted, extract, title
from briefing.selection.pack import PackAgendaItem, PackItem, PackSelection, PackTopic, Texts

"""A topic last reviewed longer ago than this is reported."""

_MISSING = {"en": N_("No English translation of {text}."), "fr": N_("No French translation of {text}.")}
_STALE = {
    "en": N_("The English of {text} is out of date: the source text has changed since it was translated."),
    "fr": N_("The French of {text} is out of date: the source text has changed since it was translated."),
}
_DRAFT = {
    "en": N_("The English of {text} is still a draft."),
    "fr": N_("The French of {text} is still a draft."),
}
_NO_BIO = {
    "en": N_("No English biography for participant {name}."),
    "fr": N_("No French biography for participant {name}."),
}
_BIO_STALE = {
    "en": N_("The English biography of participant {name} is out of date: the source text has changed."),
    "fr": N_("The French biography of participant {name} is out of date: the source text has changed."),
}


@dataclass(frozen=True)
class _Place:
    """Where a text is: what to call it, and the keys a finding carries."""

    text: Message
    agenda_number: int | None = None
    topic_key: str | None = None
    item_key: str | None = None
    action_key: str | None = None
    participant_key: str | None = None


@dataclass
class _Preflight:
    selection: PackSelection
    request: PackRequest
    today: dt.date
    review_age_days: int
    glossary: Glossary
    languages: tuple[str, ...] = ()
    found: list[Finding] = field(default_factory=list)
    _seen_texts: set[tuple[int, str]] = field(default_factory=set)
    _seen_topics: set[int] = field(default_factory=set)
    _seen_actions: set[int] = field(default_factory=set)
    _topic_titles: dict[int, Quoted] = field(default_factory=dict)
    """Each topic's title as findings name it, by topic id."""

    def add(self, finding: Finding) -> None:
        self.found.append(finding)

    # --- texts ------------------------------------------------------------------------------------------------

    def text(self, block: Texts | None, place: _Place, *, required: bool = True) -> None:
        """Translation and glossary findings for one text of the pack (once per text).

        A missing or stale translation of a text the export does not require is a warning, not blocking.
        """
        if block is None or not (block.source_text or "").strip():
            return
        for lang in self.languages:
            if (block.block_id, lang) in self._seen_texts:
                continue
            self._seen_texts.add((block.block_id, lang))
            state = block.state(lang)
            table = {
                TranslationState.MISSING: (Severity.BLOCKING, codes.TRANSLATION_MISSING, _MISSING),
                TranslationState.STALE: (Severity.BLOCKING, codes.TRANSLATION_STALE, _STALE),
                TranslationState.DRAFT: (Severity.WARNING, codes.TRANSLATION_DRAFT, _DRAFT),
            }.get(state)
            if table is not None:
                severity, code, messages = table
                if not required:
                    severity = Severity.WARNING
                self.add(self._finding(severity, code, Message(messages[lang], text=place.text), place, lang))
        if "fr" in self.languages and (block.block_id, "glossary") not in self._seen_texts:
            self._seen_texts.add((block.block_id, "glossary"))
            self.glossary_terms(block, place)

    def glossary_terms(self, block: Texts, place: _Place) -> None:
        usable = (TranslationState.MISSING, TranslationState.STALE)
        if not len(self.glossary) or block.state("en") in usable or block.state("fr") in usable:
            return
        for term in check_text(self.glossary, block.text("en") or "", block.text("fr") or ""):
            message = Message(
                N_("In {text}, the English uses “{en}” but the French does not use the agreed “{fr}”."),
                text=place.text,
                en=term.en,
                fr=term.fr,
            )
            self.add(self._finding(Severity.WARNING, codes.GLOSSARY_TERM, message, place, "fr"))

    @staticmethod
    def _finding(severity: Severity, code: str, message: Message, place: _Place, lang: str | None) -> Finding:
        return Finding(
            severity,
            code,
            message,
            agenda_number=place.agenda_number,
            topic_key=place.topic_key,
            item_key=place.item_key,
            lang=lang,
            action_key=place.action_key,
            participant_key=place.participant_key,
        )

    # --- the pack ---------------------------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        selection = self.selection
        self.languages = self.request.languages
        self.meeting_texts(selection)
        if not selection.agenda:
            self.add(
                Finding(
                    Severity.WARNING,
                    codes.NO_AGENDA,
                    Message(N_("The meeting has no agenda item: the pack will have no section.")),
                )
            )
        included: list[Marking | None] = []
        for agenda_item in selection.agenda:
            included += self.agenda_item(agenda_item)
        self.participants(selection)
        if selection.agenda:
            outline = assemble(selection, replace(self.request, allow_missing=True, today=self.today))
            self.found += check_marking(outline, included)
            self.found += check_external_copy(outline)
        return sort_findings(self.found)

    def meeting_texts(self, selection: PackSelection) -> None:
        meeting = selection.meeting
        self.text(meeting.title, _Place(Message(N_("the meeting title"))))
        if meeting.location is not None:
            self.text(meeting.location, _Place(Message(N_("the meeting location"))))
        for number, (_ident, objective) in enumerate(meeting.objectives, start=1):
            self.text(objective, _Place(Message(N_("objective {number} of the meeting"), number=number)))
        self.text(
            meeting.prepared_by_texts,
            _Place(Message(N_("who prepared the pack (“{name}”)"), name=meeting.prepared_by)),
        )

    def agenda_item(self, agenda_item: PackAgendaItem) -> list[Marking | None]:
        """Findings of one agenda item; the markings of what it puts in the pack."""
        number = agenda_item.number
        self.text(
            agenda_item.title, _Place(Message(N_("the title of agenda item {number}"), number=number), number)
        )
        topics = agenda_item.topics
        self._topic_titles.update((topic.id, title(topic)) for topic in topics)
        for topic in topics:
            self.text(
                topic.title,
                _Place(Message(N_("the title of topic “{topic}”"), topic=title(topic)), number, topic.key),
            )
        for topic in topics:
            self.topic_fields(topic, number)
        items = agenda_item.pack_items(self.request.copy)
        for item in items:
            self.item(item, number)
        self.chosen(agenda_item, items, number)
        for topic in topics:
            self.review(topic, number)
        self.actions(agenda_item, number)
        return [item.effective_marking for item in items] + [topic.marking for topic in topics]

    def topic_fields(self, topic: PackTopic, number: int) -> None:
        """The short fields of a topic: its owner (printed in the workbooks only) and its sources' titles."""
        self.text(
            topic.owner_texts,
            _Place(Message(N_("the owner of topic {topic}"), topic=topic.key), number, topic.key),
            required=False,
        )
        for source in topic.source_texts:
            self.text(
                source,
                _Place(
                    Message(
                        N_("the source “{source}” of topic {topic}"),
                        source=source.source_text,
                        topic=topic.key,
                    ),
                    number,
                    topic.key,
                ),
            )

    def item(self, item: PackItem, number: int) -> None:
        key, topic = item.key, item.topic_key
        named = self._topic_titles.get(item.topic_id) or Quoted({}, topic)
        parts = (
            (item.body, N_("the item “{extract}” of topic “{topic}”")),
            (item.question, N_("the question “{extract}” of topic “{topic}”")),
            (item.answer, N_("the answer “{extract}” of topic “{topic}”")),
        )
        for block, msgid in parts:
            if block is not None:
                where = Message(msgid, extract=extract(block), topic=named)
                self.text(block, _Place(where, number, topic, key))

    def chosen(self, agenda_item: PackAgendaItem, items: tuple[PackItem, ...], number: int) -> None:
        if not items:
            if self.request.copy is CopyType.EXTERNAL and agenda_item.included:
                message = Message(
                    N_(
                        "Everything selected for this agenda item is for internal use: its section is empty "
                        "in the external copy."
                    )
                )
            else:
                message = Message(N_("Nothing is selected for this agenda item: its section will be empty."))
            self.add(Finding(Severity.WARNING, codes.NOTHING_SELECTED, message, agenda_number=number))
            return
        kinds = {item.kind for item in items}
        if ItemKind.OBJECTIVE not in kinds:
            self.add(
                Finding(
                    Severity.WARNING,
                    codes.NO_OBJECTIVE,
                    Message(N_("No objective for this agenda item.")),
                    agenda_number=number,
                )
            )
        if ItemKind.LINE_TO_TAKE not in kinds:
            self.add(
                Finding(
                    Severity.WARNING,
                    codes.NO_LINES_TO_TAKE,
                    Message(N_("No lines to take for this agenda item.")),
                    agenda_number=number,
                )
            )

    def review(self, topic: PackTopic, number: int) -> None:
        if topic.id in self._seen_topics:
            return
        self._seen_topics.add(topic.id)
        if topic.reviewed_on is None:
            self.add(
                Finding(
                    Severity.INFO,
                    codes.NEVER_REVIEWED,
                    Message(N_("Topic “{topic}” has no review date."), topic=title(topic)),
                    agenda_number=number,
                    topic_key=topic.key,
                )
            )
        elif review_overdue(topic.reviewed_on, self.today, self.review_age_days):
            self.add(
                Finding(
                    Severity.WARNING,
                    codes.REVIEW_OVERDUE,
                    Message(
                        N_("Topic “{topic}” was last reviewed on {date}, more than {days} days ago."),
                        topic=title(topic),
                        date=topic.reviewed_on,
                        days=self.review_age_days,
                    ),
                    agenda_number=number,
                    topic_key=topic.key,
                )
            )

    def actions(self, agenda_item: PackAgendaItem, number: int) -> None:
        """Texts and deadlines of the actions the pack prints for the agenda item (all but cancelled ones)."""
        for action in agenda_item.actions:
            topic_key = action.topic_key
            self.text(
                action.text,
                _Place(
                    Message(N_("the action “{extract}”"), extract=extract(action.text)),
                    number,
                    topic_key,
                    action_key=action.key,
                ),
            )
            for short, what in (
                (action.owner_texts, N_("the owner of action {action}")),
                (action.source_texts, N_("the source of action {action}")),
            ):
                self.text(
                    short, _Place(Message(what, action=action.key), number, topic_key, action_key=action.key)
                )
            if action.id in self._seen_actions:
                continue
            self._seen_actions.add(action.id)
            if action.is_overdue(self.today):
                assert action.deadline is not None
                self.add(
                    Finding(
                        Severity.WARNING,
                        codes.ACTION_OVERDUE,
                        Message(
                            N_("Action “{extract}” was due on {deadline} and is not done yet."),
                            extract=extract(action.text),
                            deadline=action.deadline,
                        ),
                        agenda_number=number,
                        topic_key=topic_key,
                        action_key=action.key,
                    )
                )

    def participants(self, selection: PackSelection) -> None:
        for participant in selection.participants:
            self.text(
                participant.organisation_texts,
                _Place(
                    Message(N_("the organisation of participant {name}"), name=participant.name),
                    participant_key=participant.key,
                ),
                required=False,
            )
            for lang in self.languages:
                state = participant.bio.state(lang)
                if state is TranslationState.MISSING:
                    code, messages = codes.PARTICIPANT_NO_BIO, _NO_BIO
                elif state is TranslationState.STALE:
                    code, messages = codes.PARTICIPANT_BIO_STALE, _BIO_STALE
                else:
                    continue
                self.add(
                    Finding(
                        Severity.WARNING,
                        code,
                        Message(messages[lang], name=participant.name),
                        lang=lang,
                        participant_key=participant.key,
                    )
                )


def run_preflight(
    source: PackSelection | Any,
    request: PackRequest,
    *,
    review_age_days: int = DEFAULT_REVIEW_AGE_DAYS,
    today: dt.date | None = None,
    glossary: Glossary | None = None,
) -> list[Finding]:
    """Everything preflight finds about ``request``'s pack, sorted by agenda item (see the module description).

    ``today`` defaults to the request's date, then to the current date. ``glossary`` defaults to the shipped
    starter glossary (:func:`briefing.glossary.default_glossary`); pass an empty ``Glossary()`` to skip the
    glossary check. ``request.allow_missing`` makes no difference: missing translations are always reported
    and never raised. An unknown meeting raises :class:`~briefing.errors.NotFoundError`.

    ``source`` is the meeting's :class:`~briefing.selection.PackSelection`, or anything
    :func:`~briefing.selection.load_pack_selection` reads it from; the selection is read once and serves the
    assembly preflight verifies too.
    """
    if review_age_days < 0:
        raise ValueError("review_age_days must not be negative")
    if not isinstance(source, PackSelection):
        from briefing.selection import load_pack_selection

        source = load_pack_selection(source, request.meeting)
    return _Preflight(
        source,
        request,
        today=today or request.today or dt.date.today(),
        review_age_days=review_age_days,
        glossary=default_glossary() if glossary is None else glossary,
    ).run()
