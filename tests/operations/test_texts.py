"""Editing texts: translation states follow, and every edit reverts exactly."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.model.enums import TranslationState
from briefing.operations import mark_reviewed, set_text, text_states
from briefing.store import Library


def body_id(library: Library, item_key: str) -> int:
    with library.unit_of_work() as uow:
        item = uow.items.require(item_key)
        assert item.body_id is not None
        return item.body_id


def test_editing_the_english_makes_the_french_stale_and_review_clears_it(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-ltt-1")
    assert text_states(sample_library, block)["fr"] is TranslationState.TRANSLATED

    change = set_text(sample_library, block, "en", "Port security is everyone's business.")
    assert change.states["fr"] is TranslationState.STALE
    assert change.state is TranslationState.SOURCE

    reviewed = mark_reviewed(sample_library, block, "fr")
    assert reviewed.state is TranslationState.REVIEWED
    assert text_states(sample_library, block)["fr"] is TranslationState.REVIEWED


def test_undo_and_redo_of_a_text_edit_restore_text_and_states(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-ltt-1")
    change = set_text(sample_library, block, "en", "New wording.")
    undone = change.revert(sample_library)
    assert undone.new is not None and undone.new.text == "Security in ports is a shared responsibility."
    assert undone.states["fr"] is TranslationState.TRANSLATED
    redone = undone.revert(sample_library)
    assert redone.states["fr"] is TranslationState.STALE
    with sample_library.unit_of_work() as uow:
        assert uow.texts.require_id(block).text("en") == "New wording."


def test_writing_a_translation_makes_it_translated_and_clearing_it_makes_it_missing(
    sample_library: Library,
) -> None:
    block = body_id(sample_library, "dt-press-1")
    assert text_states(sample_library, block)["fr"] is TranslationState.MISSING
    added = set_text(sample_library, block, "fr", "L'Europe unie contre la criminalité organisée.")
    assert added.state is TranslationState.TRANSLATED
    cleared = set_text(sample_library, block, "fr", "  ")
    assert cleared.state is TranslationState.MISSING
    assert cleared.revert(sample_library).state is TranslationState.TRANSLATED
    assert added.revert(sample_library).state is TranslationState.MISSING


def test_merged_typing_reverts_to_the_first_text(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-ltt-1")
    first = set_text(sample_library, block, "fr", "La sécurité")
    second = set_text(sample_library, block, "fr", "La sécurité des ports")
    merged = first.merged_with(second)
    merged.revert(sample_library)
    with sample_library.unit_of_work() as uow:
        assert (
            uow.texts.require_id(block).text("fr") == "La sécurité des ports est une responsabilité partagée."
        )


def test_reviewing_a_missing_text_is_refused_in_both_languages(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-press-1")
    with pytest.raises(BriefingError) as caught:
        mark_reviewed(sample_library, block, "fr")
    assert caught.value.message("en")


def test_undoing_a_review_brings_back_the_stale_state(sample_library: Library) -> None:
    block = body_id(sample_library, "dt-ltt-1")
    set_text(sample_library, block, "en", "Changed.")
    reviewed = mark_reviewed(sample_library, block, "fr")
    assert reviewed.revert(sample_library).state is TranslationState.STALE


def test_marking_a_translation_reviewed_keeps_the_source_it_was_checked_against(
    sample_library: Library,
) -> None:
    from briefing.operations import queries

    block = body_id(sample_library, "dt-ltt-1")
    english = "Security in ports is a shared responsibility."
    with sample_library.unit_of_work() as uow:
        assert uow.texts.require_id(block).translations["fr"].reviewed_source is None  # never reviewed yet
    reviewed = mark_reviewed(sample_library, block, "fr")
    set_text(sample_library, block, "en", "Security in ports is a common responsibility.")
    with sample_library.unit_of_work() as uow:
        view = queries.text_view(uow.texts.require_id(block))
    assert view.states["fr"] is TranslationState.STALE
    assert view.reviewed_source == {"fr": english}  # what the English was: the diff's left side
    reviewed.revert(sample_library)  # undoing the review forgets it again
    with sample_library.unit_of_work() as uow:
        assert uow.texts.require_id(block).translations["fr"].reviewed_source is None


def test_bulk_edits_of_texts_are_one_change_each_and_revert_together(sample_library: Library) -> None:
    from briefing.model import Marking
    from briefing.operations.texts_list import (
        mark_many_reviewed,
        set_marking_of,
        set_owner_of_topics,
        text_rows,
    )

    rows = text_rows(sample_library)
    assert [(r.topic_key, r.role) for r in rows[:2]] == [
        ("drug-trafficking", "title"),
        ("drug-trafficking", "body"),
    ]
    unreviewed = [r for r in rows if r.state in (TranslationState.DRAFT, TranslationState.TRANSLATED)]
    missing = [r for r in rows if r.state is TranslationState.MISSING]
    batch = mark_many_reviewed(sample_library, [(r.block_id, r.target_lang) for r in unreviewed + missing])
    assert len(batch.changes) == len(unreviewed)  # nothing to review where the French is missing
    after = {r.block_id: r.state for r in text_rows(sample_library)}
    assert all(after[r.block_id] is TranslationState.REVIEWED for r in unreviewed)
    batch.revert(sample_library)
    after = {r.block_id: r.state for r in text_rows(sample_library)}
    assert all(after[r.block_id] is r.state for r in unreviewed)
    with pytest.raises(BriefingError, match="None of the texts chosen"):
        mark_many_reviewed(sample_library, [(r.block_id, r.target_lang) for r in missing])

    owners = set_owner_of_topics(
        sample_library, ["drug-trafficking", "programme-fr", "drug-trafficking"], "B.2"
    )
    assert len(owners.changes) == 2
    assert {r.owner for r in text_rows(sample_library)} == {"B.2"}
    owners.revert(sample_library)
    assert "B.2" not in {r.owner for r in text_rows(sample_library)}

    marked = set_marking_of(sample_library, ["dt-ltt-1"], ["programme-fr"], Marking.LIMITE)
    rows = {(r.topic_key, r.item_key): r for r in text_rows(sample_library)}
    assert rows[("drug-trafficking", "dt-ltt-1")].marking is Marking.LIMITE
    assert rows[("programme-fr", "")].marking is Marking.LIMITE
    marked.revert(sample_library)
    rows = {(r.topic_key, r.item_key): r for r in text_rows(sample_library)}
    assert rows[("programme-fr", "")].marking is None
    with sample_library.unit_of_work() as uow:
        assert uow.items.require("dt-ltt-1").marking is None


def test_the_texts_list_takes_the_same_statements_whatever_the_library_size(sample_library: Library) -> None:
    from sqlalchemy import event

    from briefing.operations import add_item, create_topic
    from briefing.operations.texts_list import text_rows

    def statements() -> int:
        seen: list[str] = []

        def record(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(sample_library.engine, "before_cursor_execute", record)
        try:
            text_rows(sample_library)
        finally:
            event.remove(sample_library.engine, "before_cursor_execute", record)
        return len(seen)

    before = statements()
    from briefing.model import ItemKind

    for n in range(12):
        change = create_topic(sample_library, "internal-security", {"en": f"Topic {n}"})
        for kind in (ItemKind.BACKGROUND, ItemKind.QA):
            add_item(sample_library, change.key, kind, {"en": f"Text {n}"})
    assert statements() == before
