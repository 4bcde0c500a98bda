"""Per-language texts: missing, stale when the source changes, reviewed, any number of languages."""

from __future__ import annotations

from briefing.model import Area, TextBlock, TextStatus, fingerprint
from briefing.model.enums import TranslationState
from briefing.store import Library


def test_editing_english_makes_french_stale_until_reviewed(library: Library) -> None:
    with library.unit_of_work() as uow:
        title = TextBlock()
        title.set_text("en", "Internal security")
        title.set_text("fr", "Sécurité intérieure")
        uow.areas.add(Area(key="sec", title=title))
    with library.unit_of_work() as uow:
        block = uow.areas.require("sec").title
        assert block.state("en") is TranslationState.SOURCE
        assert block.state("fr") is TranslationState.TRANSLATED
        assert block.state("de") is TranslationState.MISSING
        block.set_text("en", "Internal security and policing")
    with library.unit_of_work() as uow:
        block = uow.areas.require("sec").title
        assert block.state("fr") is TranslationState.STALE
        block.mark_reviewed("fr")
    with library.unit_of_work() as uow:
        block = uow.areas.require("sec").title
        assert block.state("fr") is TranslationState.REVIEWED
        assert block.translations["fr"].source_fingerprint == fingerprint("Internal security and policing")


def test_a_third_language_needs_no_schema_change(library: Library) -> None:
    with library.unit_of_work() as uow:
        title = TextBlock()
        title.set_text("en", "Schengen")
        title.set_text("nl", "Schengen", TextStatus.DRAFT)
        uow.areas.add(Area(key="schengen", title=title))
    with library.unit_of_work() as uow:
        block = uow.areas.require("schengen").title
        assert block.state("nl") is TranslationState.DRAFT
        assert set(block.translations) == {"en", "nl"}


def test_whitespace_only_edits_do_not_make_translations_stale() -> None:
    assert fingerprint("Texte ") == fingerprint("Texte")
    assert fingerprint("Texte") != fingerprint("texte")
    assert fingerprint("e\u0301") == fingerprint("é")  # NFC


def test_empty_translation_counts_as_missing() -> None:
    block = TextBlock()
    block.set_text("en", "Source")
    block.set_text("fr", "   ")
    assert block.state("fr") is TranslationState.MISSING
