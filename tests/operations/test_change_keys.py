"""Changes say which records they touched (``Change.keys``), so a view refreshes only what it shows."""

from __future__ import annotations

from briefing.operations import (
    add_participant_to_meeting,
    create_topic,
    delete_topic,
    rename_meeting,
    save_preset,
    set_text,
    update_meeting,
)
from briefing.store import Library


def test_created_deleted_and_updated_records_are_named_by_kind_and_key(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        area = uow.topics.require("drug-trafficking").area.key
        block = uow.topics.require("drug-trafficking").title_id
    created = create_topic(sample_library, area, {"en": "Ports"})
    assert created.keys == {("topic", "ports")}
    restored = delete_topic(sample_library, "ports").revert(sample_library)
    assert restored.keys == {("topic", "ports")}
    assert set_text(sample_library, block, "en", "Drugs").keys == {("text", str(block))}
    assert update_meeting(sample_library, "jha-test", prepared_by="Unit").keys == {("meeting", "jha-test")}
    participants = add_participant_to_meeting(sample_library, "empty-meeting", "p-adviser")
    assert participants.keys == {("meeting", "empty-meeting")}
    assert save_preset(sample_library, "jha-test", "Long").keys == {
        ("meeting", "jha-test"),
        ("preset", "Long"),
    }


def test_a_batch_names_every_part_or_nothing(sample_library: Library) -> None:
    renamed = rename_meeting(sample_library, "jha-test", {"en": "JHA", "fr": "JAI"})
    assert renamed.keys and all(kind == "text" for kind, _key in renamed.keys)
