"""The participants of a meeting: who is on its list, and in what order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert

from briefing.errors import N_, BriefingError
from briefing.operations.base import Change, Changed, ChangeKey, Target, table, unit_of_work


@dataclass(frozen=True)
class ParticipantsChange(Change):
    """The list of a meeting's participants changed (participant ids in order)."""

    meeting_slug: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    changed: Changed = Changed.PARTICIPANTS | Changed.MEETINGS

    def revert(self, target: Target) -> ParticipantsChange:
        return set_meeting_participants(target, self.meeting_slug, self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({("meeting", self.meeting_slug)})


def set_meeting_participants(
    target: Target, meeting_slug: str, participant_ids: Sequence[int]
) -> ParticipantsChange:
    """Make ``participant_ids`` the meeting's participants, in that order."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        old = tuple(link.participant_id for link in meeting.participant_links)
        rows = table("meeting_participant")
        uow.session.execute(delete(rows).where(rows.c.meeting_id == meeting.id))
        if participant_ids:
            uow.session.execute(
                insert(rows),
                [
                    {"meeting_id": meeting.id, "participant_id": p, "position": i}
                    for i, p in enumerate(participant_ids)
                ],
            )
        uow.session.expire(meeting)
        return ParticipantsChange(meeting_slug, old, tuple(participant_ids))


def add_participant_to_meeting(target: Target, meeting_slug: str, participant_key: str) -> ParticipantsChange:
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [link.participant_id for link in meeting.participant_links]
        if participant.id not in ids:
            ids.append(participant.id)
        return set_meeting_participants(uow, meeting_slug, ids)


def remove_participant_from_meeting(
    target: Target, meeting_slug: str, participant_key: str
) -> ParticipantsChange:
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [
            link.participant_id for link in meeting.participant_links if link.participant_id != participant.id
        ]
        return set_meeting_participants(uow, meeting_slug, ids)


def move_meeting_participant(
    target: Target, meeting_slug: str, participant_key: str, position: int
) -> ParticipantsChange:
    """Move a participant of the meeting to index ``position`` of its list."""
    with unit_of_work(target) as uow:
        meeting = uow.meetings.require(meeting_slug)
        participant = uow.participants.require(participant_key)
        ids = [link.participant_id for link in meeting.participant_links]
        if participant.id not in ids:
            raise BriefingError(N_("This participant is not on the meeting's list."))
        ids.remove(participant.id)
        ids.insert(max(0, min(position, len(ids))), participant.id)
        return set_meeting_participants(uow, meeting_slug, ids)
