"""Actions and participants: add, edit, delete, and undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from briefing.model import ActionStatus
from briefing.operations import (
    add_action,
    add_participant,
    delete_action,
    delete_participant,
    set_text,
    update_action,
    update_participant,
)
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


def test_actions_add_edit_delete_and_undo(sample_library: Library, document: Snapshot) -> None:
    before = document()
    created = add_action(
        sample_library, "drug-trafficking", {"en": "Draft the alliance report."}, owner="Europol"
    )
    change = update_action(
        sample_library, created.key, deadline=dt.date(2024, 9, 1), status="in_progress", owner=""
    )
    with sample_library.unit_of_work() as uow:
        action = uow.actions.require(created.key)
        assert (action.deadline, action.status, action.owner) == (
            dt.date(2024, 9, 1),
            ActionStatus.IN_PROGRESS,
            None,
        )
        text_id = action.text_id
    set_text(sample_library, text_id, "fr", "Rédiger le rapport.").revert(sample_library)
    change.revert(sample_library)
    created.revert(sample_library)
    assert document() == before
    deleted = delete_action(sample_library, "dt-act-1")
    deleted.revert(sample_library)
    assert document() == before


def test_participants_add_edit_delete_and_undo(sample_library: Library, document: Snapshot) -> None:
    before = document()
    created = add_participant(
        sample_library, "Ana Ortiz", organisation="Spain", function={"en": "Minister", "fr": "Ministre"}
    )
    assert created.key == "ana-ortiz"
    update_participant(sample_library, created.key, name="Ana Ortiz Pérez").revert(sample_library)
    created.revert(sample_library)
    assert document() == before
    deleted = delete_participant(sample_library, "p-minister")
    assert document()["meetings"][0]["participants"] == ["p-adviser"]
    deleted.revert(sample_library)
    assert document() == before
