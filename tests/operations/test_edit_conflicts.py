"""Two advisers edit the same text: the second save is not lost and does not overwrite, it asks for a merge.

Each adviser has a library of their own opened on the same database — two connections to one SQLite file, and
two connections to a throw-away PostgreSQL server — as two copies of the app would.
"""

from __future__ import annotations

import pytest

from briefing.errors import EditConflictError
from briefing.operations import set_text
from briefing.store import Library

ORIGINAL = "Security in ports is a shared responsibility."


def body_id(library: Library, item_key: str) -> int:
    with library.unit_of_work() as uow:
        body = uow.items.require(item_key).body_id
        assert body is not None
        return body


def stored(library: Library, block: int, lang: str) -> str | None:
    with library.unit_of_work() as uow:
        return uow.texts.require_id(block).text(lang)


def test_the_second_save_of_the_same_text_is_caught_with_both_versions(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    block = body_id(mine, "dt-ltt-1")
    shown_to_me = stored(mine, block, "en")
    shown_to_them = stored(theirs, block, "en")
    assert shown_to_me == shown_to_them == ORIGINAL

    set_text(theirs, block, "en", "Ports are the front line.", based_on=shown_to_them)
    with pytest.raises(EditConflictError) as raised:
        set_text(mine, block, "en", "Port security is shared by all.", based_on=shown_to_me)

    conflict = raised.value
    assert (conflict.theirs, conflict.mine) == (
        "Ports are the front line.",
        "Port security is shared by all.",
    )
    assert (conflict.block_id, conflict.lang) == (block, "en")
    assert "while you were editing" in conflict.message("en")
    assert "pendant que vous" in conflict.message("fr")
    assert stored(theirs, block, "en") == "Ports are the front line."  # nothing overwritten

    merged = "Ports are the front line; their security is shared by all."
    set_text(mine, block, "en", merged, based_on=conflict.theirs)  # the merge, based on what they saved
    assert stored(theirs, block, "en") == merged


def test_saving_what_the_other_adviser_already_saved_is_no_conflict(
    two_copies: tuple[Library, Library],
) -> None:
    mine, theirs = two_copies
    block = body_id(mine, "dt-ltt-1")
    set_text(theirs, block, "en", "Same words.", based_on=ORIGINAL)
    change = set_text(mine, block, "en", "Same words.", based_on=ORIGINAL)
    assert change.new is not None and change.new.text == "Same words."


def test_a_translation_they_removed_is_a_conflict_too(two_copies: tuple[Library, Library]) -> None:
    mine, theirs = two_copies
    block = body_id(mine, "dt-ltt-1")
    french = stored(mine, block, "fr")
    assert french
    set_text(theirs, block, "fr", "", based_on=french)
    with pytest.raises(EditConflictError) as raised:
        set_text(mine, block, "fr", french + " (revu)", based_on=french)
    assert raised.value.theirs == ""
    assert stored(mine, block, "fr") is None


def test_without_a_base_the_edit_is_written_as_before(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-ltt-1")
    set_text(sample_library, block, "en", "First.")
    set_text(sample_library, block, "en", "Second.")
    assert stored(sample_library, block, "en") == "Second."
