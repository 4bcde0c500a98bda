"""Two advisers change the same field of an action, a meeting, a participant or a topic: the second save,
made from the value it showed, does not overwrite the first.

Each adviser has a library of their own on the same database (a SQLite file, the throw-away PostgreSQL
server), as two copies of the app would.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.errors import BriefingError, ConflictError, EditConflictError
from briefing.operations import (
    queries,
    set_text_list,
    update_action,
    update_meeting,
    update_participant,
    update_topic,
)
from briefing.store import Library


def owner_of(library: Library) -> str | None:
    with library.reading() as uow:
        return uow.actions.require("dt-act-1").owner


def test_a_short_field_saved_meanwhile_is_not_overwritten_and_carries_both_versions(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    shown = owner_of(mine)
    assert shown == "Commission"
    update_action(theirs, "dt-act-1", owner="European Commission", based_on={"owner": shown})
    with pytest.raises(EditConflictError) as raised:
        update_action(mine, "dt-act-1", owner="DG HOME", based_on={"owner": shown})
    conflict = raised.value
    assert (conflict.theirs, conflict.mine, conflict.field, conflict.lang) == (
        "European Commission",
        "DG HOME",
        "owner",
        "en",
    )
    assert conflict.block_id != 0
    assert owner_of(theirs) == "European Commission"
    change = update_action(mine, "dt-act-1", owner="DG HOME", based_on={"owner": conflict.theirs})
    assert owner_of(theirs) == "DG HOME"
    change.revert(mine)
    assert owner_of(theirs) == "European Commission"  # undoing the merge goes back to their value


def test_saving_what_is_already_there_or_a_field_nobody_else_changed_is_no_conflict(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    update_participant(theirs, "p-adviser", name="Karl Beispiel", based_on={"name": "Karl Muster"})
    update_participant(mine, "p-adviser", name="Karl Beispiel", based_on={"name": "Karl Muster"})  # agreed
    update_meeting(
        mine, "jha-test", prepared_by="Migration unit", based_on={"prepared_by": "Home Affairs unit"}
    )
    update_meeting(theirs, "jha-test", prepared_by=None)
    with pytest.raises(EditConflictError) as raised:  # a field they emptied: theirs is ""
        update_meeting(mine, "jha-test", prepared_by="Unit B", based_on={"prepared_by": "Migration unit"})
    assert (raised.value.theirs, raised.value.mine, raised.value.block_id) == ("", "Unit B", 0)


def test_a_date_or_a_list_saved_meanwhile_is_refused_with_a_message(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    update_action(theirs, "dt-act-1", deadline=dt.date(2025, 3, 1))
    with pytest.raises(ConflictError) as raised:
        update_action(
            mine, "dt-act-1", deadline=dt.date(2025, 4, 1), based_on={"deadline": dt.date(2024, 12, 31)}
        )
    assert not isinstance(raised.value, EditConflictError)
    assert "their change is shown" in raised.value.message("en")
    assert "sa modification est affichée" in raised.value.message("fr")
    update_topic(theirs, "drug-trafficking", tags=["ports"])
    with pytest.raises(ConflictError):
        update_topic(
            mine, "drug-trafficking", tags=["crime"], based_on={"tags": ["organised crime", "ports"]}
        )
    with mine.reading() as uow:
        assert uow.actions.require("dt-act-1").deadline == dt.date(2025, 3, 1)
        assert uow.topics.require("drug-trafficking").tags == ["ports"]


def test_the_french_of_a_list_is_written_as_one_change_and_checked_as_a_whole(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    update_topic(mine, "drug-trafficking", sources=["ST 10270/24", "COM(2024) 64"])
    blocks = [text.block_id for text in queries.topic_view(mine, "drug-trafficking").source_texts]
    change = set_text_list(
        mine, blocks, "fr", ["ST 10270/24", "COM(2024) 64 FR"], based_on=["ST 10270/24", ""]
    )
    french = [t.texts.get("fr") for t in queries.topic_view(theirs, "drug-trafficking").source_texts]
    assert french == ["ST 10270/24", "COM(2024) 64 FR"]
    change.revert(theirs)  # one change: both back at once
    french = [t.texts.get("fr") for t in queries.topic_view(theirs, "drug-trafficking").source_texts]
    assert french == ["ST 10270/24", None]
    set_text_list(theirs, blocks, "fr", ["ST 10270/24", "Leur titre"])
    with pytest.raises(EditConflictError) as raised:
        set_text_list(mine, blocks, "fr", ["ST 10270/24", "Mon titre"], based_on=["ST 10270/24", ""])
    assert (raised.value.theirs, raised.value.mine) == ("ST 10270/24; Leur titre", "ST 10270/24; Mon titre")
    with pytest.raises(BriefingError, match="one text for each entry"):
        set_text_list(mine, blocks, "fr", ["Un seul"])
