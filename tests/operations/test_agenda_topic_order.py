"""Reordering the topics of an agenda item: the order is stored, the pack follows it, undo puts it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.errors import BriefingError
from briefing.operations import (
    add_agenda_item,
    add_topic_to_agenda,
    create_meeting,
    move_agenda_topic,
    queries,
)
from briefing.store import Library

Snapshot = Callable[[], dict[str, Any]]


def topic_keys(library: Library, slug: str, number: int = 0) -> list[str]:
    return list(queries.agenda(library, slug)[number].topic_keys)


def section(library: Library, slug: str, number: int = 0) -> tuple[list[str], list[tuple[str, str]]]:
    """The topics of a section of the assembled pack and its entries as (item key, topic key), in pack order."""
    with library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest(slug, "en", "internal", allow_missing=True))
    found = outline.sections[number]
    return list(found.topic_keys), [(entry.item_key, entry.topic_key) for entry in found.entries]


def topic_runs(entries: list[tuple[str, str]], kinds: dict[str, str]) -> dict[str, list[str]]:
    """For each slot (item kind), the topics of its entries in order, each topic once."""
    runs: dict[str, list[str]] = {}
    for key, topic in entries:
        run = runs.setdefault(kinds[key], [])
        if topic not in run:
            run.append(topic)
    return runs


def kinds_of(library: Library) -> dict[str, str]:
    with library.unit_of_work() as uow:
        return {item.key: item.kind.value for topic in uow.topics.list() for item in topic.items}


def test_moving_a_topic_with_every_item_in_reorders_the_pack_and_undo_restores(
    sample_library: Library, document: Snapshot
) -> None:
    meeting = create_meeting(sample_library, {"en": "Order"})
    add_agenda_item(sample_library, meeting.key, {"en": "Both"}, topics=["drug-trafficking", "programme-fr"])
    agenda_id = queries.agenda(sample_library, meeting.key)[0].agenda_item_id
    kinds = kinds_of(sample_library)
    topics, entries = section(sample_library, meeting.key)
    assert topics == ["drug-trafficking", "programme-fr"]
    shared = [k for k, run in topic_runs(entries, kinds).items() if len(run) == 2]
    assert shared  # a slot holds items of both topics: the order shows there
    assert all(topic_runs(entries, kinds)[k] == ["drug-trafficking", "programme-fr"] for k in shared)
    before = document()

    change = move_agenda_topic(sample_library, agenda_id, "programme-fr", 0)

    assert change.changed and ("agenda_item", str(agenda_id)) in change.keys
    assert topic_keys(sample_library, meeting.key) == ["programme-fr", "drug-trafficking"]
    topics, moved = section(sample_library, meeting.key)
    assert topics == ["programme-fr", "drug-trafficking"]
    assert sorted(moved) == sorted(entries)
    assert all(topic_runs(moved, kinds)[k] == ["programme-fr", "drug-trafficking"] for k in shared)
    change.revert(sample_library)
    assert document() == before
    assert section(sample_library, meeting.key) == (["drug-trafficking", "programme-fr"], entries)


def test_moving_a_topic_with_a_chosen_selection_keeps_each_topics_own_order(sample_library: Library) -> None:
    agenda_id = queries.agenda(sample_library, "jha-test")[0].agenda_item_id
    add_topic_to_agenda(sample_library, agenda_id, "programme-fr")
    kinds = kinds_of(sample_library)
    _topics, entries = section(sample_library, "jha-test")
    own = {t: [k for k, topic in entries if topic == t] for t in ("drug-trafficking", "programme-fr")}
    assert own["drug-trafficking"] and own["programme-fr"]
    shared = [k for k, run in topic_runs(entries, kinds).items() if len(run) == 2]
    assert shared

    change = move_agenda_topic(sample_library, agenda_id, "drug-trafficking", 5)  # past the end: last

    assert topic_keys(sample_library, "jha-test") == ["programme-fr", "drug-trafficking"]
    topics, moved = section(sample_library, "jha-test")
    assert topics == ["programme-fr", "drug-trafficking"]
    assert all(topic_runs(moved, kinds)[k] == ["programme-fr", "drug-trafficking"] for k in shared)
    for topic, keys in own.items():  # within a topic, the adviser's order stays
        assert [k for k, t in moved if t == topic] == keys
    change.revert(sample_library)
    assert section(sample_library, "jha-test") == (["drug-trafficking", "programme-fr"], entries)


def test_a_topic_moved_to_its_own_place_or_not_on_the_agenda_item_changes_nothing(
    sample_library: Library, document: Snapshot
) -> None:
    agenda_id = queries.agenda(sample_library, "jha-test")[0].agenda_item_id
    before = document()
    assert not move_agenda_topic(sample_library, agenda_id, "drug-trafficking", 0).changed
    with pytest.raises(BriefingError) as refused:
        move_agenda_topic(sample_library, agenda_id, "programme-fr", 0)
    assert "not on this agenda item" in str(refused.value)
    assert document() == before
