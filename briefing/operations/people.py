"""Follow-up actions and participants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from briefing.errors import N_, BriefingError
from briefing.model import Action, ActionStatus, Participant
from briefing.operations.base import (
    Changed,
    Created,
    Deleted,
    Target,
    capture,
    delete_rows,
    new_text_block,
    slugify,
    table,
    unique_key,
    unit_of_work,
)
from briefing.operations.library import FieldsChange, Texts, iso_date, optional, set_fields

ACTION_FIELDS = {
    "owner": optional(lambda v: str(v).strip()),
    "deadline": optional(iso_date),
    "status": ActionStatus,
    "source": optional(lambda v: str(v).strip()),
}
PARTICIPANT_FIELDS = {
    "name": lambda v: str(v).strip(),
    "organisation": optional(lambda v: str(v).strip()),
}


# --- Actions ------------------------------------------------------------------------------------------------


def add_action(
    target: Target,
    topic_key: str | None,
    texts: Texts,
    *,
    owner: str | None = None,
    deadline: dt.date | None = None,
    status: ActionStatus | str = ActionStatus.OPEN,
    source: str | None = None,
    key: str | None = None,
) -> Created:
    """A new follow-up action, linked to a topic when ``topic_key`` is given."""
    with unit_of_work(target) as uow:
        topic = uow.topics.require(topic_key) if topic_key else None
        base = f"{topic.key}-action" if topic is not None else "action"
        action_key = key or unique_key(base, uow.actions.keys().__contains__)
        positions = [a.position for a in uow.actions.list() if topic is not None and a.topic_id == topic.id]
        action = Action(
            key=action_key,
            topic=topic,
            position=max(positions, default=-1) + 1,
            text=new_text_block(texts, topic.source_lang if topic is not None else "en"),
            owner=owner,
            deadline=deadline,
            status=ActionStatus(status),
            source=source,
        )
        uow.actions.add(action)
        uow.flush()
        return Created("action", action.key, action.id, Changed.ACTIONS, delete_action)


def delete_action(target: Target, action_key: str) -> Deleted:
    with unit_of_work(target) as uow:
        action = uow.actions.require(action_key)
        ident = action.id
        rows = capture(uow.session, [("action", table("action").c.id == ident)])
        delete_rows(uow.session, rows)
        return Deleted("action", action_key, ident, Changed.ACTIONS, rows, delete_action)


def update_action(
    target: Target, action_key: str, *, based_on: Mapping[str, Any] | None = None, **fields: Any
) -> FieldsChange:
    """Change an action's owner, deadline, status or source document.

    ``based_on`` holds the values the editor showed for the fields edited: a colleague's newer value is not
    overwritten (see :func:`~briefing.operations.library.set_fields`)."""
    with unit_of_work(target) as uow:
        action = uow.actions.require(action_key)
        old, new = set_fields(action, ACTION_FIELDS, fields, based_on)
        uow.flush()
        return FieldsChange("action", action_key, old, new, Changed.ACTIONS, update_action)


# --- Participants -------------------------------------------------------------------------------------------


def add_participant(
    target: Target,
    name: str,
    *,
    organisation: str | None = None,
    function: Texts | None = None,
    bio: Texts | None = None,
    key: str | None = None,
) -> Created:
    """A new participant, reusable across meetings."""
    name = name.strip()
    if not name:
        raise BriefingError(N_("A participant needs a name."))
    with unit_of_work(target) as uow:
        participant_key = key or unique_key(
            slugify(name, "participant"), uow.participants.keys().__contains__
        )
        participant = Participant(
            key=participant_key,
            name=name,
            organisation=organisation,
            function=new_text_block(function or {}),
            bio=new_text_block(bio or {}),
        )
        uow.participants.add(participant)
        uow.flush()
        return Created(
            "participant", participant.key, participant.id, Changed.PARTICIPANTS, delete_participant
        )


def delete_participant(target: Target, participant_key: str) -> Deleted:
    """Delete a participant and their place in meetings."""
    with unit_of_work(target) as uow:
        participant = uow.participants.require(participant_key)
        ident = participant.id
        rows = capture(
            uow.session,
            [
                ("participant", table("participant").c.id == ident),
                ("meeting_participant", table("meeting_participant").c.participant_id == ident),
            ],
        )
        delete_rows(uow.session, rows)
        return Deleted("participant", participant_key, ident, Changed.PARTICIPANTS, rows, delete_participant)


def update_participant(
    target: Target, participant_key: str, *, based_on: Mapping[str, Any] | None = None, **fields: Any
) -> FieldsChange:
    """Change a participant's name or organisation (function and bio are texts: see ``set_text``).

    ``based_on``: the values the editor showed (see :func:`~briefing.operations.library.set_fields`)."""
    with unit_of_work(target) as uow:
        participant = uow.participants.require(participant_key)
        old, new = set_fields(participant, PARTICIPANT_FIELDS, fields, based_on)
        uow.flush()
        return FieldsChange(
            "participant", participant_key, old, new, Changed.PARTICIPANTS, update_participant
        )
