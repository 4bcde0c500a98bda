"""Topics and items: create, delete and restore exactly, move, edit fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing.errors import BriefingError
from briefing.model import ItemKind, Marking
from briefing.operations import (
    Created,
    Deleted,
    add_item,
    create_topic,
    delete_item,
    delete_topic,
    move_item,
    update_item,
    update_topic,
)
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


def test_create_topic_makes_a_key_from_the_title_and_undo_removes_it(
    sample_library: Library, document: Snapshot
) -> None:
    before = document()
    created = create_topic(sample_library, "migration", {"en": "Port security", "fr": "Sûreté des ports"})
    assert created.key == "port-security"
    again = create_topic(sample_library, "migration", {"en": "Port security"})
    assert again.key == "port-security-2"
    again.revert(sample_library)
    deleted = created.revert(sample_library)
    assert isinstance(deleted, Deleted)
    assert document() == before
    restored = deleted.revert(sample_library)
    assert isinstance(restored, Created) and restored.ident == created.ident
    with sample_library.unit_of_work() as uow:
        assert uow.topics.require("port-security").title.text("fr") == "Sûreté des ports"


def test_a_topic_needs_a_title(sample_library: Library) -> None:
    with pytest.raises(BriefingError):
        create_topic(sample_library, "migration", {"en": "  "})


def test_deleting_a_topic_and_restoring_it_gives_back_everything(
    sample_library: Library, document: Snapshot
) -> None:
    before = document()
    with sample_library.unit_of_work() as uow:
        ids = {item.key: item.id for item in uow.topics.require("drug-trafficking").items}
    deleted = delete_topic(sample_library, "drug-trafficking")
    after = document()
    assert "drug-trafficking" not in str(after["areas"][0]["topics"])
    assert all(a.get("topic") != "drug-trafficking" for a in after.get("actions", []))
    with sample_library.unit_of_work() as uow:
        assert uow.search("alliance") == []
    deleted.revert(sample_library)
    assert document() == before
    with sample_library.unit_of_work() as uow:
        assert {item.key: item.id for item in uow.topics.require("drug-trafficking").items} == ids
        assert {hit.topic_key for hit in uow.search("alliance")} == {"drug-trafficking"}


def test_add_item_at_a_position_and_undo(sample_library: Library, document: Snapshot) -> None:
    before = document()
    created = add_item(
        sample_library, "drug-trafficking", ItemKind.LINE_TO_TAKE, {"en": "Ports matter."}, position=1
    )
    with sample_library.unit_of_work() as uow:
        keys = [item.key for item in uow.topics.require("drug-trafficking").items]
    assert keys[1] == created.key
    created.revert(sample_library)
    assert document() == before


def test_a_question_and_answer_item_has_both_texts(sample_library: Library) -> None:
    created = add_item(
        sample_library, "drug-trafficking", "qa", question={"en": "Why?"}, answer={"en": "Because."}
    )
    with sample_library.unit_of_work() as uow:
        item = uow.items.require(created.key)
        assert item.question is not None and item.question.text("en") == "Why?"
        assert item.answer is not None and item.answer.text("en") == "Because."


def test_deleting_an_item_in_a_selection_restores_its_place(
    sample_library: Library, document: Snapshot
) -> None:
    before = document()
    deleted = delete_item(sample_library, "dt-qa-1")
    assert document()["meetings"][0]["agenda"][0]["items"] == ["dt-ltt-1", "dt-bg-1"]
    deleted.revert(sample_library)
    assert document() == before


def test_move_item_and_back(sample_library: Library) -> None:
    def order() -> list[str]:
        with sample_library.unit_of_work() as uow:
            return [item.key for item in uow.topics.require("drug-trafficking").items]

    before = order()
    moved = move_item(sample_library, "dt-press-1", 0)
    assert order()[0] == "dt-press-1"
    moved.revert(sample_library)
    assert order() == before


def test_field_changes_revert(sample_library: Library) -> None:
    change = update_topic(sample_library, "drug-trafficking", owner="Unit B", marking=None)
    assert change.old == {"owner": "Police co-operation unit", "marking": Marking.LIMITE}
    change.revert(sample_library)
    item_change = update_item(sample_library, "dt-ltt-1", internal=True)
    with sample_library.unit_of_work() as uow:
        topic = uow.topics.require("drug-trafficking")
        assert (topic.owner, topic.marking) == ("Police co-operation unit", Marking.LIMITE)
        assert uow.items.require("dt-ltt-1").internal
    item_change.revert(sample_library)
    with pytest.raises(TypeError):
        update_item(sample_library, "dt-ltt-1", key="other")
