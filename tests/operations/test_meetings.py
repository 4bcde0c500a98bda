"""Meetings, agenda items, the pack selection and presets; every change reverts exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.errors import BriefingError
from briefing.operations import (
    add_agenda_item,
    add_participant_to_meeting,
    add_topic_to_agenda,
    apply_preset,
    copy_meeting,
    create_meeting,
    delete_meeting,
    delete_preset,
    move_agenda_item,
    move_selection_item,
    preset_names,
    remove_participant_from_meeting,
    remove_topic_from_agenda,
    reorder_selection,
    save_preset,
    selection_rows,
    set_item_included,
    set_items_included,
    update_meeting,
)
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


def agenda_ids(library: Library, slug: str) -> list[int]:
    with library.unit_of_work() as uow:
        return [a.id for a in uow.meetings.require(slug).agenda]


def item_id(library: Library, key: str) -> int:
    with library.unit_of_work() as uow:
        return uow.items.require(key).id


def pack_keys(library: Library, slug: str, copy: str = "internal") -> list[list[str]]:
    """The item keys of each section of the pack (slot by slot, selection order within a slot)."""
    with library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest(slug, "en", copy, allow_missing=True))
    return [[entry.item_key for entry in section.entries] for section in outline.sections]


def checked(library: Library, agenda_item_id: int) -> list[str]:
    """The checked items of an agenda item in selection order."""
    return [row.item_key for row in selection_rows(library, agenda_item_id) if row.included]


def test_create_meeting_from_scratch_build_its_agenda_and_undo_everything(
    sample_library: Library, document: Snapshot
) -> None:
    before = document()
    created = create_meeting(
        sample_library, {"en": "Informal JHA", "fr": "JAI informel"}, starts_on=dt.date(2024, 7, 22)
    )
    assert created.key == "informal-jha-2024-07"
    agenda = add_agenda_item(sample_library, created.key, {"en": "Drugs"}, topics=["drug-trafficking"])
    assert pack_keys(sample_library, created.key)[0][0] == "dt-obj-1"
    excluded = set_item_included(sample_library, agenda.ident, item_id(sample_library, "dt-obj-1"), False)
    assert "dt-obj-1" not in pack_keys(sample_library, created.key)[0]
    excluded.revert(sample_library)
    assert pack_keys(sample_library, created.key)[0][0] == "dt-obj-1"
    agenda.revert(sample_library)
    deleted = created.revert(sample_library)
    assert document() == before
    deleted.revert(sample_library)
    assert agenda_ids(sample_library, created.key) == []


def test_checking_and_unchecking_items_follows_into_the_pack(sample_library: Library) -> None:
    first = agenda_ids(sample_library, "jha-test")[0]
    assert pack_keys(sample_library, "jha-test")[0] == ["dt-ltt-1", "dt-bg-1", "dt-qa-1"]
    change = set_item_included(sample_library, first, item_id(sample_library, "dt-press-1"), True)
    assert pack_keys(sample_library, "jha-test")[0] == ["dt-ltt-1", "dt-bg-1", "dt-qa-1", "dt-press-1"]
    assert checked(sample_library, first) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1", "dt-press-1"]
    assert len(selection_rows(sample_library, first)) == 7
    change.revert(sample_library)
    assert checked(sample_library, first) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]


def test_a_topics_items_are_checked_at_once_and_undone_at_once(sample_library: Library) -> None:
    first = agenda_ids(sample_library, "jha-test")[0]
    keys = ["dt-press-1", "dt-obj-1", "dt-ltt-1"]
    change = set_items_included(sample_library, first, [item_id(sample_library, k) for k in keys], True)
    now = checked(sample_library, first)
    assert now[:3] == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"] and sorted(now[3:]) == ["dt-obj-1", "dt-press-1"]
    off = set_items_included(sample_library, first, [item_id(sample_library, k) for k in keys], False)
    assert checked(sample_library, first) == ["dt-qa-1", "dt-bg-1"]
    off.revert(sample_library)
    change.revert(sample_library)
    assert checked(sample_library, first) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]
    other = agenda_ids(sample_library, "jha-test")[1]
    with pytest.raises(BriefingError):  # an item of another agenda item's topics: nothing is written
        set_items_included(
            sample_library,
            first,
            [item_id(sample_library, "dt-qa-1"), _programme_item(sample_library, other)],
            False,
        )
    assert checked(sample_library, first) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]


def _programme_item(library: Library, agenda_id: int) -> int:
    return selection_rows(library, agenda_id)[0].item_id


def test_reordering_the_selection_and_undo(sample_library: Library) -> None:
    first = agenda_ids(sample_library, "jha-test")[0]
    ids = [item_id(sample_library, k) for k in ("dt-bg-1", "dt-ltt-1")]
    change = reorder_selection(sample_library, first, ids)
    assert checked(sample_library, first) == ["dt-bg-1", "dt-ltt-1", "dt-qa-1"]
    change.revert(sample_library)
    moved = move_selection_item(sample_library, first, item_id(sample_library, "dt-ltt-1"), 2)
    assert checked(sample_library, first) == ["dt-qa-1", "dt-bg-1", "dt-ltt-1"]
    moved.revert(sample_library)
    assert checked(sample_library, first) == ["dt-ltt-1", "dt-qa-1", "dt-bg-1"]


def test_adding_and_removing_a_topic_on_an_agenda_item(sample_library: Library, document: Snapshot) -> None:
    before = document()
    first = agenda_ids(sample_library, "jha-test")[0]
    added = add_topic_to_agenda(sample_library, first, "programme-fr")
    assert checked(sample_library, first)[-1] == "pf-bg-1"
    assert not add_topic_to_agenda(sample_library, first, "programme-fr").changed
    added.revert(sample_library)
    assert document() == before
    removed = remove_topic_from_agenda(sample_library, first, "drug-trafficking")
    assert pack_keys(sample_library, "jha-test")[0] == []
    removed.revert(sample_library)
    assert document() == before


def test_copy_meeting_keeps_agenda_selection_presets_and_participants(sample_library: Library) -> None:
    copied = copy_meeting(
        sample_library, "jha-test", title={"en": "JHA Council, October"}, starts_on=dt.date(2024, 10, 10)
    )
    assert pack_keys(sample_library, copied.key) == pack_keys(sample_library, "jha-test")
    assert preset_names(sample_library, copied.key) == ["Short"]
    with sample_library.unit_of_work() as uow:
        meeting = uow.meetings.require(copied.key)
        original = uow.meetings.require("jha-test")
        assert meeting.title.text("en") == "JHA Council, October"
        assert meeting.ends_on is None
        assert [p.participant_id for p in meeting.participant_links] == [
            p.participant_id for p in original.participant_links
        ]
    first = agenda_ids(sample_library, copied.key)[0]
    set_item_included(sample_library, first, item_id(sample_library, "dt-ltt-1"), False)
    assert pack_keys(sample_library, "jha-test")[0][0] == "dt-ltt-1"


def test_presets_save_apply_and_undo(sample_library: Library) -> None:
    assert pack_keys(sample_library, "jha-test")[0] == ["dt-ltt-1", "dt-bg-1", "dt-qa-1"]
    applied = apply_preset(sample_library, "jha-test", "Short")
    assert pack_keys(sample_library, "jha-test") == [["dt-ltt-1"], []]
    saved = save_preset(sample_library, "jha-test", "Very short")
    assert preset_names(sample_library, "jha-test") == ["Short", "Very short"]
    applied.revert(sample_library)
    assert pack_keys(sample_library, "jha-test")[0] == ["dt-ltt-1", "dt-bg-1", "dt-qa-1"]
    apply_preset(sample_library, "jha-test", "Very short")
    assert pack_keys(sample_library, "jha-test") == [["dt-ltt-1"], []]
    saved.revert(sample_library)
    assert preset_names(sample_library, "jha-test") == ["Short"]
    deleted = delete_preset(sample_library, "jha-test", "Short")
    assert preset_names(sample_library, "jha-test") == []
    deleted.revert(sample_library)
    assert preset_names(sample_library, "jha-test") == ["Short"]
    with pytest.raises(BriefingError):
        save_preset(sample_library, "jha-test", " ")


def test_deleting_a_meeting_restores_exactly(sample_library: Library, document: Snapshot) -> None:
    before = document()
    deleted = delete_meeting(sample_library, "jha-test")
    assert [m["slug"] for m in document()["meetings"]] == ["empty-meeting"]
    deleted.revert(sample_library)
    assert document() == before


def test_agenda_items_move_and_fields_change(sample_library: Library, document: Snapshot) -> None:
    before = document()
    first, second = agenda_ids(sample_library, "jha-test")
    moved = move_agenda_item(sample_library, second, 0)
    assert agenda_ids(sample_library, "jha-test") == [second, first]
    moved.revert(sample_library)
    change = update_meeting(sample_library, "jha-test", prepared_by="Cabinet", starts_on="2024-06-12")
    with pytest.raises(BriefingError):
        update_meeting(sample_library, "jha-test", ends_on=dt.date(2024, 1, 1))
    change.revert(sample_library)
    assert document() == before


def test_meeting_participants_add_and_remove(sample_library: Library, document: Snapshot) -> None:
    before = document()
    removed = remove_participant_from_meeting(sample_library, "jha-test", "p-minister")
    added = add_participant_to_meeting(sample_library, "empty-meeting", "p-adviser")
    assert [m["participants"] for m in document()["meetings"]] == [["p-adviser"], ["p-adviser"]]
    added.revert(sample_library)
    removed.revert(sample_library)
    assert document() == before


def test_two_advisers_changing_one_selection_at_once_conflict(sample_library: Library) -> None:
    from briefing.errors import ConflictError

    first = agenda_ids(sample_library, "jha-test")[0]
    press, fact = item_id(sample_library, "dt-press-1"), item_id(sample_library, "dt-fact-1")
    mine = sample_library.unit_of_work().__enter__()
    theirs = sample_library.unit_of_work().__enter__()
    seen_by_me = mine.meetings.require("jha-test").agenda  # both have the agenda in view before either saves
    seen_by_them = theirs.meetings.require("jha-test").agenda
    set_item_included(mine, first, press, True)
    mine.__exit__(None, None, None)
    with pytest.raises(ConflictError):
        try:
            set_item_included(theirs, first, fact, True)
        except BaseException as exc:
            theirs.__exit__(type(exc), exc, exc.__traceback__)
            raise
        theirs.__exit__(None, None, None)
    assert seen_by_me and seen_by_them
    assert "dt-press-1" in checked(sample_library, first)
    assert "dt-fact-1" not in checked(sample_library, first)
