"""A meeting's own details: its title, location and objectives."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.errors import N_, BriefingError, NotFoundError
from briefing.model import Meeting, MeetingObjective, TextBlock
from briefing.operations.base import (
    Batch,
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
    table,
    unit_of_work,
)
from briefing.operations.library import Moved, Texts
from briefing.operations.meetings import with_source
from briefing.operations.texts import TextSnapshot, restore_text, set_text, set_texts
from briefing.store import UnitOfWork


def rename_meeting(target: Target, slug: str, title: Texts) -> Batch:
    """Give a meeting a new title in the languages of ``title``."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        source = meeting.title.source_lang
        if source in title and not title[source].strip():
            raise BriefingError(N_("A meeting needs a title."))
        texts = {lang: text.strip() for lang, text in title.items()}
        return set_texts(uow, meeting.title_id, texts, Changed.TEXT | Changed.MEETINGS)


Snapshots = dict[str, TextSnapshot]


@dataclass(frozen=True)
class LocationChange(Change):
    """A meeting's location changed; ``None`` is no location at all (and no text block for it)."""

    meeting_slug: str
    lang: str
    old: Snapshots | None
    new: Snapshots | None
    block_id: int | None
    changed: Changed = Changed.TEXT | Changed.MEETINGS

    def revert(self, target: Target) -> LocationChange:
        return restore_location(target, self.meeting_slug, self.old, self.lang)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        keys = {("meeting", self.meeting_slug)}
        if self.block_id is not None:
            keys.add(("text", str(self.block_id)))
        return frozenset(keys)


def _location_snapshots(meeting: Meeting) -> Snapshots | None:
    block = meeting.location
    if block is None:
        return None
    return {
        lang: TextSnapshot(row.text, row.status, row.source_fingerprint)
        for lang, row in block.translations.items()
    }


def _drop_empty_location(uow: UnitOfWork, meeting: Meeting) -> None:
    block = meeting.location
    if block is not None and not any(row.text.strip() for row in block.translations.values()):
        meeting.location = None
        uow.flush()
        uow.session.delete(block)
        uow.flush()


def set_meeting_location(
    target: Target, slug: str, lang: str, text: str, *, based_on: str | None = None
) -> LocationChange:
    """Write the ``lang`` version of a meeting's location; a location left with no text is removed.

    ``based_on`` is the location the editor showed in that language: someone else's newer one is not
    overwritten (see :func:`~briefing.operations.texts.set_text`)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old = _location_snapshots(meeting)
        if meeting.location is None:
            if not text.strip():  # nothing to write, and nothing of anyone's to overwrite
                return LocationChange(slug, lang, None, None, None, Changed.NOTHING)
            meeting.location = TextBlock(source_lang=meeting.title.source_lang)
            uow.flush()
        assert meeting.location is not None
        set_text(uow, meeting.location.id, lang, text, based_on=based_on)
        _drop_empty_location(uow, meeting)
        block_id = meeting.location.id if meeting.location is not None else None
        return LocationChange(slug, lang, old, _location_snapshots(meeting), block_id)


def restore_location(
    target: Target, slug: str, snapshots: Snapshots | None, lang: str = "en"
) -> LocationChange:
    """Put a meeting's location back exactly as ``snapshots`` recorded it (None: no location)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(slug)
        old = _location_snapshots(meeting)
        if snapshots is None:
            if meeting.location is not None:
                for code in list(meeting.location.translations):
                    meeting.location.remove_text(code)
                _drop_empty_location(uow, meeting)
        else:
            if meeting.location is None:
                meeting.location = TextBlock(source_lang=meeting.title.source_lang)
                uow.flush()
            block = meeting.location
            for code in set(block.translations) - set(snapshots):
                block.remove_text(code)
            for code, snapshot in snapshots.items():
                restore_text(uow, block.id, code, snapshot)
            uow.flush()
        block_id = meeting.location.id if meeting.location is not None else None
        return LocationChange(slug, lang, old, _location_snapshots(meeting), block_id)


def _objective(uow: UnitOfWork, objective_id: int | str) -> MeetingObjective:
    found = uow.session.get(MeetingObjective, int(objective_id))
    if found is None:
        raise NotFoundError(N_("This objective no longer exists."))
    return found


def add_objective(target: Target, meeting_slug: str, texts: Texts, *, position: int | None = None) -> Created:
    """A new objective of the meeting (at the end unless ``position`` says otherwise)."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        objective = MeetingObjective(text=new_text_block(with_source(texts, "")))
        objectives = list(meeting.objectives)
        objectives.insert(
            len(objectives) if position is None else max(0, min(position, len(objectives))), objective
        )
        meeting.objectives = objectives
        renumber(objectives)
        uow.flush()
        return Created("objective", str(objective.id), objective.id, Changed.MEETINGS, delete_objective)


def delete_objective(target: Target, objective_id: int | str) -> Deleted:
    """Delete one of a meeting's objectives."""
    with unit_of_work(target) as uow:
        objective = _objective(uow, objective_id)
        ident = objective.id
        rows = capture(uow.session, [("meeting_objective", table("meeting_objective").c.id == ident)])
        delete_rows(uow.session, rows)
        return Deleted("objective", str(ident), ident, Changed.MEETINGS, rows, delete_objective)


def move_objective(target: Target, objective_id: int | str, position: int) -> Moved:
    """Move an objective to index ``position`` of its meeting's objectives."""
    with unit_of_work(target) as uow:
        objective = _objective(uow, objective_id)
        meeting = uow.session.get(Meeting, objective.meeting_id)
        assert meeting is not None
        old, new = move_to(meeting.objectives, objective, position)
        uow.flush()
        return Moved("objective", str(objective.id), old, new, Changed.MEETINGS, _move_objective)


def _move_objective(target: Target, key: str, position: int) -> Moved:
    return move_objective(target, key, position)
