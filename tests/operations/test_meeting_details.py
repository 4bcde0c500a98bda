"""A meeting's own details: title, location, objectives, the order of its participants; all revert exactly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing.errors import BriefingError
from briefing.model.enums import TranslationState
from briefing.operations import (
    add_objective,
    delete_objective,
    move_meeting_participant,
    move_objective,
    queries,
    rename_agenda_item,
    rename_meeting,
    set_meeting_location,
    set_texts,
)
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


def objectives(library: Library, slug: str = "jha-test") -> list[str]:
    return [text.texts.get("en", "") for _id, text in queries.meeting_details(library, slug).objectives]


def test_objectives_add_edit_move_delete_and_undo(sample_library: Library, document: Snapshot) -> None:
    before = document()
    added = add_objective(sample_library, "jha-test", {"en": "Secure support.", "fr": "Obtenir un soutien."})
    first = add_objective(sample_library, "jha-test", {"en": "Open the debate."}, position=0)
    assert objectives(sample_library) == ["Open the debate.", "Agree on the next steps.", "Secure support."]
    moved = move_objective(sample_library, first.ident, 2)
    assert objectives(sample_library) == ["Agree on the next steps.", "Secure support.", "Open the debate."]
    details = queries.meeting_details(sample_library, "jha-test")
    assert details.objectives[2][1].states["fr"] is TranslationState.MISSING
    deleted = delete_objective(sample_library, added.ident)
    assert objectives(sample_library) == ["Agree on the next steps.", "Open the debate."]
    deleted.revert(sample_library)
    assert objectives(sample_library) == ["Agree on the next steps.", "Secure support.", "Open the debate."]
    moved.revert(sample_library)
    first.revert(sample_library)
    added.revert(sample_library)
    assert document() == before
    with pytest.raises(BriefingError, match="no longer exists"):
        move_objective(sample_library, added.ident, 0)


def test_location_created_edited_removed_and_restored(sample_library: Library, document: Snapshot) -> None:
    before = document()
    created = set_meeting_location(sample_library, "empty-meeting", "en", "Brussels")
    french = set_meeting_location(sample_library, "empty-meeting", "fr", "Bruxelles")
    details = queries.meeting_details(sample_library, "empty-meeting")
    assert details.location is not None
    assert details.location.texts == {"en": "Brussels", "fr": "Bruxelles"}
    assert details.location.states["fr"] is TranslationState.TRANSLATED
    french.revert(sample_library)
    created.revert(sample_library)
    assert queries.meeting_details(sample_library, "empty-meeting").location is None
    assert document() == before
    emptied = set_meeting_location(sample_library, "jha-test", "en", "")
    set_meeting_location(sample_library, "jha-test", "fr", "")
    assert queries.meeting_details(sample_library, "jha-test").location is None
    emptied_redo = emptied.revert(sample_library)
    assert emptied_redo.new is not None


def test_rename_agenda_item_and_meeting_in_both_languages_undo_as_one(
    sample_library: Library, document: Snapshot
) -> None:
    before = document()
    agenda = queries.agenda(sample_library, "jha-test")
    assert agenda[1].title_block_id and agenda[1].topic_keys == ["programme-fr"]
    change = rename_agenda_item(
        sample_library,
        agenda[1].agenda_item_id,
        {"en": "Presidency programme", "fr": "Programme de la présidence"},
    )
    assert queries.agenda(sample_library, "jha-test")[1].titles == {
        "en": "Presidency programme",
        "fr": "Programme de la présidence",
    }
    with pytest.raises(BriefingError, match="needs a title"):
        rename_agenda_item(sample_library, agenda[1].agenda_item_id, {"en": " "})
    renamed = rename_meeting(sample_library, "jha-test", {"en": "JHA", "fr": "JAI"})
    renamed.revert(sample_library)
    change.revert(sample_library)
    assert document() == before


def test_set_texts_writes_the_source_first(sample_library: Library) -> None:
    agenda = queries.agenda(sample_library, "jha-test")
    batch = set_texts(sample_library, agenda[0].title_block_id, {"fr": "Drogue", "en": "Drugs"})
    assert len(batch.changes) == 2
    title = queries.meeting_details(sample_library, "jha-test")  # the agenda title is fresh, not stale
    assert title.slug == "jha-test"
    rows = queries.agenda(sample_library, "jha-test")
    assert rows[0].titles == {"en": "Drugs", "fr": "Drogue"}
    from briefing.operations import text_states

    assert text_states(sample_library, agenda[0].title_block_id)["fr"] is TranslationState.TRANSLATED


def test_participants_of_a_meeting_reorder_and_undo(sample_library: Library, document: Snapshot) -> None:
    before = document()
    names = lambda: [p.key for p in queries.meeting_details(sample_library, "jha-test").participants]  # noqa: E731
    assert names() == ["p-minister", "p-adviser"]
    moved = move_meeting_participant(sample_library, "jha-test", "p-adviser", 0)
    assert names() == ["p-adviser", "p-minister"]
    moved.revert(sample_library)
    assert document() == before
    with pytest.raises(BriefingError, match="not on the meeting"):
        move_meeting_participant(sample_library, "empty-meeting", "p-adviser", 0)
