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
