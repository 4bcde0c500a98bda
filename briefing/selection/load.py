"""Reading a meeting's pack selection: ten SQL statements, whatever the size of the meeting or the library.

The statements are plain SQL with named parameters, run either on a standard :mod:`sqlite3` connection (the
export path, which then needs neither SQLAlchemy nor the mapped model) or through SQLAlchemy on a session,
connection or unit of work (the app, PostgreSQL). Every statement is restricted to the meeting, through indexed
columns, so the cost follows the meeting, not the library. Rows become the frozen records of
:mod:`briefing.selection.pack`; no ORM object is made.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from briefing.errors import N_, NotFoundError
from briefing.model.enums import ActionStatus, ItemKind, Marking, MeetingKind, TextStatus
from briefing.progress import Step
from briefing.selection.pack import (
    PackAction,
    PackAgendaItem,
    PackItem,
    PackMeeting,
    PackParticipant,
    PackSelection,
    PackTopic,
    StoredLanguage,
    Texts,
    source_text,
)
from briefing.selection.rules import effective_selection, in_action_order, in_brief_order

if TYPE_CHECKING:
    pass


Reader = Callable[[str, Mapping[str, Any]], Iterable[Sequence[Any]]]
"""Runs one SQL statement with named parameters and gives its rows."""

_TOPICS = (
    "SELECT at.topic_id FROM agenda_topic at JOIN agenda_item ai ON ai.id = at.agenda_item_id "
    "WHERE ai.meeting_id = :m"
)

_MEETING = (
    "SELECT id, slug, kind, title_id, location_id, starts_on, ends_on, prepared_by_id FROM meeting WHERE "
)
_OBJECTIVES = "SELECT id, text_id FROM meeting_objective WHERE meeting_id = :m ORDER BY position, id"
_AGENDA = "SELECT id, title_id, select_all FROM agenda_item WHERE meeting_id = :m ORDER BY position, id"
_AGENDA_TOPICS = (
    "SELECT at.agenda_item_id, t.id, t.key, a.key, t.title_id, t.owner_id, t.marking, t.reviewed_on, a.title_id "
    "FROM agenda_topic at JOIN agenda_item ai ON ai.id = at.agenda_item_id "
    "JOIN topic t ON t.id = at.topic_id JOIN area a ON a.id = t.area_id "
    "WHERE ai.meeting_id = :m ORDER BY at.agenda_item_id, at.position, t.id"
)
_ENTRIES = (
    "SELECT se.agenda_item_id, se.item_id, se.included FROM selection_entry se "
    "JOIN agenda_item ai ON ai.id = se.agenda_item_id WHERE ai.meeting_id = :m "
    "ORDER BY se.agenda_item_id, se.position, se.id"
)
_ITEMS = (
    "SELECT id, key, topic_id, kind, position, marking, internal, body_id, question_id, answer_id FROM item "
    f"WHERE topic_id IN ({_TOPICS}) ORDER BY topic_id, position, id"
)
_TOPIC_SOURCES = f"SELECT topic_id, title_id FROM topic_source WHERE topic_id IN ({_TOPICS}) ORDER BY topic_id, position, id"
_ACTIONS = (
    "SELECT id, key, topic_id, position, text_id, owner_id, deadline, status, source_id FROM action "
    f"WHERE topic_id IN ({_TOPICS}) AND status <> 'cancelled'"
)
_PARTICIPANTS = (
    "SELECT p.id, p.key, p.name, p.organisation_id, p.function_id, p.bio_id FROM meeting_participant mp "
    "JOIN participant p ON p.id = mp.participant_id WHERE mp.meeting_id = :m ORDER BY mp.position, p.id"
)
_BLOCKS = " UNION ALL ".join(
    [
        "SELECT title_id FROM meeting WHERE id = :m",
        "SELECT location_id FROM meeting WHERE id = :m",
        "SELECT prepared_by_id FROM meeting WHERE id = :m",
        "SELECT text_id FROM meeting_objective WHERE meeting_id = :m",
        "SELECT title_id FROM agenda_item WHERE meeting_id = :m",
        f"SELECT title_id FROM topic WHERE id IN ({_TOPICS})",
        f"SELECT owner_id FROM topic WHERE id IN ({_TOPICS})",
        f"SELECT a.title_id FROM area a JOIN topic t ON t.area_id = a.id WHERE t.id IN ({_TOPICS})",
        f"SELECT title_id FROM topic_source WHERE topic_id IN ({_TOPICS})",
        f"SELECT body_id FROM item WHERE topic_id IN ({_TOPICS})",
        f"SELECT question_id FROM item WHERE topic_id IN ({_TOPICS})",
        f"SELECT answer_id FROM item WHERE topic_id IN ({_TOPICS})",
        f"SELECT text_id FROM action WHERE topic_id IN ({_TOPICS})",
        f"SELECT owner_id FROM action WHERE topic_id IN ({_TOPICS})",
        f"SELECT source_id FROM action WHERE topic_id IN ({_TOPICS})",
        "SELECT p.function_id FROM participant p JOIN meeting_participant mp ON mp.participant_id = p.id "
        "WHERE mp.meeting_id = :m",
        "SELECT p.bio_id FROM participant p JOIN meeting_participant mp ON mp.participant_id = p.id "
        "WHERE mp.meeting_id = :m",
        "SELECT p.organisation_id FROM participant p JOIN meeting_participant mp ON mp.participant_id = p.id "
        "WHERE mp.meeting_id = :m",
    ]
)
_TEXTS = (
    "SELECT tb.id, tb.source_lang, tr.lang, tr.text, tr.status, tr.source_fingerprint FROM text_block tb "
    f"LEFT JOIN translation tr ON tr.block_id = tb.id WHERE tb.id IN ({_BLOCKS})"
)

STATEMENTS = 10
"""How many SQL statements :func:`load_pack_selection` runs, for any meeting."""


def reader(source: Any) -> Reader:
    """A :data:`Reader` on a :mod:`sqlite3` connection, or on a SQLAlchemy session, connection or unit of work."""
    if isinstance(source, sqlite3.Connection):
        return lambda sql, params: source.execute(sql, dict(params))
    from sqlalchemy import text

    executor = getattr(source, "session", source)  # a unit of work runs on its session (which autoflushes)
    return lambda sql, params: executor.execute(text(sql), dict(params))


def load_pack_selection(source: Any, meeting: int | str, *, step: Step | None = None) -> PackSelection:
    """The pack selection of ``meeting`` (an id when an int, a slug when a string).

    ``source`` is a :mod:`sqlite3` connection, or a SQLAlchemy session, connection or
    :class:`~briefing.store.UnitOfWork`. Raises :class:`~briefing.errors.NotFoundError` for an unknown meeting.
    ``step`` is told the fraction read after each statement and each stage of making the records (see
    :mod:`briefing.progress`).
    """
    read = reader(source)
    if isinstance(meeting, int):
        found = list(read(_MEETING + "id = :key", {"key": meeting}))
    else:
        found = list(read(_MEETING + "slug = :key", {"key": meeting}))
    if not found:
        raise NotFoundError(N_("No {kind} named “{key}” in the library."), kind="meeting", key=meeting)
    return _Builder(read, found[0], step).build()


FETCHED_BETWEEN_STEPS = 2000
"""Rows fetched or made into records between two steps when a statement returns many (a big meeting's texts)."""

_STAGES = STATEMENTS + 4
"""The steps :func:`load_pack_selection` reports: one per statement, then the records made."""


class _Builder:
    def __init__(self, read: Reader, meeting_row: Sequence[Any], step: Step | None = None) -> None:
        self.read = read
        self.meeting_row = meeting_row
        self.params = {"m": meeting_row[0]}
        self.step = step
        self.done = 1  # the meeting's own statement

    def stage(self) -> None:
        """One more step of :data:`_STAGES` done."""
        self.done += 1
        if self.step is not None:
            self.step(min(1.0, self.done / _STAGES))

    def rows(self, sql: str) -> list[Sequence[Any]]:
        found = []
        for count, row in enumerate(self.read(sql, self.params), start=1):
            found.append(row)
            if count % FETCHED_BETWEEN_STEPS == 0:
                self.still()  # a long fetch
        self.stage()
        return found

    def build(self) -> PackSelection:
        if self.step is not None:
            self.step(self.done / _STAGES)
        objectives = self.rows(_OBJECTIVES)
        agenda = self.rows(_AGENDA)
        agenda_topics = self.rows(_AGENDA_TOPICS)
        entries = self.rows(_ENTRIES)
        items = self.rows(_ITEMS)
        actions = self.rows(_ACTIONS)
        topic_sources = self.rows(_TOPIC_SOURCES)
        participants = self.rows(_PARTICIPANTS)
        texts = self._texts(self.rows(_TEXTS), self.still)
        self.stage()

        topic_rows = {row[1]: row for row in agenda_topics}
        topic_keys = {topic_id: row[2] for topic_id, row in topic_rows.items()}
        topic_markings = {topic_id: _enum(Marking, row[6]) for topic_id, row in topic_rows.items()}
        items_by_topic: dict[int, list[PackItem]] = {}
        for ident, key, topic_id, kind, position, marking, internal, body, question, answer in self.checked(
            items
        ):
            own = _enum(Marking, marking)
            topic_marking = topic_markings.get(topic_id)
            items_by_topic.setdefault(topic_id, []).append(
                PackItem(
                    ident,
                    key,
                    topic_id,
                    topic_keys.get(topic_id, ""),
                    _enum(ItemKind, kind),
                    position,
                    own,
                    Marking.highest([own, topic_marking]) if topic_marking is not None else own,
                    bool(internal),
                    texts[body] if body is not None else None,
                    texts[question] if question is not None else None,
                    texts[answer] if answer is not None else None,
                )
            )
        sources_of: dict[int, list[Texts]] = {}
        for topic_id, title_id in topic_sources:
            sources_of.setdefault(topic_id, []).append(texts[title_id])
        topics = {
            topic_id: PackTopic(
                topic_id,
                key,
                area_key,
                texts[title_id],
                source_text(_short(texts, owner)),
                _enum(Marking, marking),
                _date(reviewed_on),
                tuple(source_text(t) for t in sources_of.get(topic_id, ())),
                tuple(items_by_topic.get(topic_id, ())),
                owner_texts=_short(texts, owner),
                source_texts=tuple(sources_of.get(topic_id, ())),
                area_title=texts.get(area_title),
            )
            for _agenda, topic_id, key, area_key, title_id, owner, marking, reviewed_on, area_title in agenda_topics
        }
        actions_by_topic: dict[int, list[PackAction]] = {}
        for ident, key, topic_id, position, text_id, owner, deadline, status, source in actions:
            actions_by_topic.setdefault(topic_id, []).append(
                PackAction(
                    ident,
                    key,
                    topic_id,
                    topic_keys.get(topic_id),
                    position,
                    texts[text_id],
                    source_text(_short(texts, owner)),
                    _date(deadline),
                    ActionStatus(status),
                    source_text(_short(texts, source)),
                    owner_texts=_short(texts, owner),
                    source_texts=_short(texts, source),
                )
            )
        self.stage()
        topics_of: dict[int, list[int]] = {}
        for row in agenda_topics:
            topics_of.setdefault(row[0], []).append(row[1])
        entries_of: dict[int, list[tuple[int, bool]]] = {}
        for agenda_item_id, item_id, included in entries:
            entries_of.setdefault(agenda_item_id, []).append((item_id, bool(included)))

        sections = []
        for number, (ident, title_id, select_all) in enumerate(agenda, start=1):
            topic_ids = topics_of.get(ident, [])
            its_topics = tuple(topics[t] for t in topic_ids)
            stored = tuple(entries_of.get(ident, ()))
            candidates = in_brief_order([i for t in its_topics for i in t.items], topic_ids)
            its_actions = in_action_order(
                [a for t in topic_ids for a in actions_by_topic.get(t, ())], topic_ids
            )
            sections.append(
                PackAgendaItem(
                    ident,
                    number,
                    texts[title_id],
                    title_id,
                    bool(select_all),
                    its_topics,
                    tuple(effective_selection(candidates, bool(select_all), stored)),
                    stored,
                    tuple(its_actions),
                )
            )
        self.stage()
        ident, slug, kind, title_id, location_id, starts_on, ends_on, prepared_by = self.meeting_row
        meeting = PackMeeting(
            ident,
            slug,
            MeetingKind(kind),
            texts[title_id],
            texts[location_id] if location_id is not None else None,
            _date(starts_on),
            _date(ends_on),
            source_text(_short(texts, prepared_by)),
            tuple((objective_id, texts[text_id]) for objective_id, text_id in objectives),
            prepared_by_texts=_short(texts, prepared_by),
        )
        people = tuple(
            PackParticipant(
                ident,
                key,
                name,
                source_text(_short(texts, organisation)),
                texts[function_id],
                texts[bio_id],
                organisation_texts=_short(texts, organisation),
            )
            for ident, key, name, organisation, function_id, bio_id in participants
        )
        self.stage()
        return PackSelection(meeting, tuple(sections), people)

    def checked(self, rows: list[Sequence[Any]]) -> Iterator[Sequence[Any]]:
        """``rows`` one by one, :meth:`still` called every :data:`FETCHED_BETWEEN_STEPS` of them."""
        for count, row in enumerate(rows, start=1):
            if count % FETCHED_BETWEEN_STEPS == 0:
                self.still()
            yield row

    def still(self) -> None:
        """Report the same fraction again, in a long stage: a cancel is noticed on the way."""
        if self.step is not None:
            self.step(self.done / _STAGES)

    @staticmethod
    def _texts(rows: Sequence[Sequence[Any]], still: Callable[[], None]) -> dict[int, Texts]:
        sources: dict[int, str] = {}
        stored: dict[int, dict[str, StoredLanguage]] = {}
        for count, (block_id, source_lang, lang, text, status, source_print) in enumerate(rows, start=1):
            if count % FETCHED_BETWEEN_STEPS == 0:
                still()
            sources[block_id] = source_lang
            languages = stored.setdefault(block_id, {})
            if lang is not None:
                languages[lang] = StoredLanguage(text or "", _enum(TextStatus, status), source_print)
        still()
        return {
            block_id: Texts.from_stored(block_id, source_lang, stored[block_id])
            for block_id, source_lang in sources.items()
        }


def _members(kind: Any) -> dict[str, Any]:
    return {member.value: member for member in kind}


_VALUES: dict[Any, dict[str, Any]] = {kind: _members(kind) for kind in (ItemKind, Marking, TextStatus)}
"""Stored values to enum members, looked up rather than constructed: thousands are read per pack."""


def _enum(kind: Any, value: Any) -> Any:
    return _VALUES[kind][value] if value is not None else None


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _short(texts: Mapping[int, Texts], block_id: int | None) -> Texts | None:
    """A short field's texts, or None when the field is empty (no block, or only blanks)."""
    found = texts.get(block_id) if block_id is not None else None
    return found if found is not None and found.has_text else None


__all__ = ["STATEMENTS", "Reader", "load_pack_selection", "reader"]
