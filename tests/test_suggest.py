"""Translation suggestions from the library's own English/French pairs."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from briefing.interchange.demo.seeds import PROGRAMME_EN, PROGRAMME_FR, read_seed
from briefing.interchange.library_json import import_document, validate
from briefing.model.enums import TranslationState
from briefing.store import Library
from briefing.suggest import (
    Suggestion,
    candidates_by_scan,
    candidates_from_index,
    normalise,
    query_words,
    similarity,
    suggest_french,
)

# Aligned sentences of the Belgian Presidency's Home Affairs programme (seed documents 000 and 001).
SEED_PAIRS = {
    "prog-terrorism": (
        "The Belgian Presidency will prioritise the battle against organised crime, terrorism, and violent "
        "extremism due to their detrimental effects.",
        "La Présidence belge donnera la priorité à la lutte contre la criminalité organisée, le terrorisme et "
        "l'extrémisme violent en raison de leurs effets néfastes.",
    ),
    "prog-drugs": (
        "The Belgian Presidency will draw particular attention to illegal drug trafficking, which is one of the "
        "main sources of income for criminal organisations in the EU and is accompanied by increasing levels "
        "of violence.",
        "La Présidence belge accordera une attention particulière au trafic de drogues, qui est l'une des "
        "principales sources de revenus pour les organisations criminelles au sein de l'UE et qui "
        "s'accompagne d'une violence grandissante.",
    ),
    "prog-enlargement": (
        "In addition, the Presidency will ensure the necessary follow-up for the enlargement of the Schengen "
        "area, with the accession of Romania and Bulgaria.",
        "De plus, la Présidence assurera le suivi nécessaire pour l'élargissement de l'espace Schengen avec "
        "l'accession de la Roumanie et de la Bulgarie.",
    ),
}


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def test_the_pairs_come_from_the_seed_programme() -> None:
    english, french = flat(read_seed(PROGRAMME_EN)), flat(read_seed(PROGRAMME_FR))
    for en, fr in SEED_PAIRS.values():
        assert en in english
        assert fr in french


def document(extra_items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    items = [
        {"key": key, "kind": "background", "text": {"en": en, "fr": fr}}
        for key, (en, fr) in SEED_PAIRS.items()
    ]
    return {
        "format": "briefing-library",
        "version": 1,
        "areas": [
            {
                "key": "programme",
                "title": {"en": "Presidency programme", "fr": "Programme de la présidence"},
                "topics": [
                    {
                        "key": "programme-security",
                        "title": {"en": "Internal security", "fr": "Sécurité intérieure"},
                        "items": items + (extra_items or []),
                    }
                ],
            }
        ],
    }


@pytest.fixture
def seed_library(library: Library) -> Library:
    with library.unit_of_work() as uow:
        import_document(uow, validate(document()))
    return library


def test_an_aligned_sentence_finds_its_french_first(seed_library: Library) -> None:
    en, fr = SEED_PAIRS["prog-enlargement"]
    reworded = en.replace("In addition, the", "The").replace("necessary ", "")
    with seed_library.unit_of_work() as uow:
        found = suggest_french(uow, reworded)
    assert found[0].french == fr
    assert found[0].english_source == en
    assert found[0].item_key == "prog-enlargement"
    assert found[0].state is TranslationState.TRANSLATED
    assert 0.8 < found[0].score < 1
    assert all(other.score < found[0].score for other in found[1:])


@pytest.mark.parametrize("key", list(SEED_PAIRS))
def test_each_seed_sentence_finds_its_own_french_with_the_top_score(seed_library: Library, key: str) -> None:
    en, fr = SEED_PAIRS[key]
    with seed_library.unit_of_work() as uow:
        exact = suggest_french(uow, en)
        shorter = suggest_french(uow, en.rsplit(" ", 3)[0])
    assert exact[0] == Suggestion(fr, en, 1.0, key, exact[0].block_id, TranslationState.TRANSLATED)
    assert shorter[0].french == fr
    assert shorter[0].score > 0.8


def test_accents_case_and_punctuation_do_not_count(seed_library: Library) -> None:
    en, fr = SEED_PAIRS["prog-terrorism"]
    with seed_library.unit_of_work() as uow:
        found = suggest_french(uow, en.upper().replace(",", "").replace(".", " !"))
    assert found[0].french == fr
    assert found[0].score == 1.0


def test_suggestions_are_limited_and_above_the_minimum_score(seed_library: Library) -> None:
    question = "The Belgian Presidency will draw particular attention to violent extremism."
    with seed_library.unit_of_work() as uow:
        one = suggest_french(uow, question, limit=1, min_score=0.0)
        several = suggest_french(uow, question, limit=10, min_score=0.0)
        default = suggest_french(uow, question)
        some = suggest_french(uow, question, min_score=0.4)
        assert suggest_french(uow, question, limit=0, min_score=0.0) == []
    assert [s.item_key for s in one] == ["prog-terrorism"]
    assert [s.item_key for s in several][:2] == ["prog-terrorism", "prog-drugs"]
    assert len(several) == 4  # the three programme sentences and the area title ("Presidency programme")
    assert [s.score for s in several] == sorted((s.score for s in several), reverse=True)
    assert default == []  # 6 words in common out of 10 and 19: 2 × 6 / 29 = 0.41 < 0.5
    assert [s.item_key for s in some] == ["prog-terrorism"]


def test_nothing_for_texts_without_words_or_unknown_words(seed_library: Library) -> None:
    with seed_library.unit_of_work() as uow:
        assert suggest_french(uow, "") == []
        assert suggest_french(uow, " … ?! ") == []
        assert suggest_french(uow, "of the and") == []
        assert suggest_french(uow, "zebra crossing") == []


def test_stale_and_missing_french_are_never_suggested(library: Library) -> None:
    en, _fr = SEED_PAIRS["prog-drugs"]
    extra = [{"key": "english-only", "kind": "background", "text": {"en": en + " Really."}}]
    with library.unit_of_work() as uow:
        import_document(uow, validate(document(extra)))
    with library.unit_of_work() as uow:
        body = uow.items.require("prog-drugs").body
        assert body is not None
        body.set_text("en", en.replace("illegal", "illicit"))
    with library.unit_of_work() as uow:
        found = suggest_french(uow, en, min_score=0.0)
    assert "prog-drugs" not in [s.item_key for s in found]
    assert "english-only" not in [s.item_key for s in found]


def test_drafts_are_suggested_and_say_so(library: Library) -> None:
    doc = document()
    doc["areas"][0]["topics"][0]["items"][0]["status"] = {"fr": "draft"}
    with library.unit_of_work() as uow:
        import_document(uow, validate(doc))
    en, fr = SEED_PAIRS["prog-terrorism"]
    with library.unit_of_work() as uow:
        found = suggest_french(uow, en)
    assert (found[0].french, found[0].state) == (fr, TranslationState.DRAFT)


def test_french_first_texts_are_suggested_too(library: Library) -> None:
    doc = document()
    doc["areas"][0]["topics"][0]["source_language"] = "fr"
    with library.unit_of_work() as uow:
        import_document(uow, validate(doc))
    en, fr = SEED_PAIRS["prog-enlargement"]
    with library.unit_of_work() as uow:
        found = suggest_french(uow, en)
    assert (found[0].french, found[0].state) == (fr, TranslationState.SOURCE)


def test_titles_and_other_texts_are_suggested_without_an_item(seed_library: Library) -> None:
    with seed_library.unit_of_work() as uow:
        found = suggest_french(uow, "Internal security")
        session_found = suggest_french(uow.session, "Internal security")
    assert found[0].french == "Sécurité intérieure"
    assert found[0].item_key is None
    assert session_found == found


def test_the_same_french_is_offered_once(library: Library) -> None:
    en, fr = SEED_PAIRS["prog-terrorism"]
    extra = [{"key": "copy", "kind": "line_to_take", "text": {"en": en + " Indeed.", "fr": fr}}]
    with library.unit_of_work() as uow:
        import_document(uow, validate(document(extra)))
    with library.unit_of_work() as uow:
        found = suggest_french(uow, en, limit=5, min_score=0.0)
    assert [s.french for s in found].count(fr) == 1
    assert found[0].item_key == "prog-terrorism"


def test_the_text_being_translated_can_be_left_out(seed_library: Library) -> None:
    en, _fr = SEED_PAIRS["prog-terrorism"]
    with seed_library.unit_of_work() as uow:
        first = suggest_french(uow, en)[0]
        again = suggest_french(uow, en, exclude_block=first.block_id)
    assert first.item_key not in [s.item_key for s in again]


def test_index_and_scan_find_the_same_candidates(seed_library: Library) -> None:
    en, _fr = SEED_PAIRS["prog-drugs"]
    words = query_words(en)
    with seed_library.unit_of_work() as uow:
        from_index = candidates_from_index(uow.session, words)
        by_scan = candidates_by_scan(uow.session, words)
        block = uow.items.require("prog-drugs").body
        assert block is not None
    assert from_index[0] == by_scan[0] == block.id
    assert set(from_index) == set(by_scan)


def test_normalised_words_and_similarity() -> None:
    assert normalise("  L’Espace  SCHENGEN, élargi! ") == "l espace schengen elargi"
    assert query_words("The enlargement of the Schengen area, and the area.") == [
        "enlargement",
        "schengen",
        "area",
    ]
    assert similarity("Schengen area", "schengen AREA.") == 1.0
    assert similarity("", "anything") == 0.0
    assert similarity("a b c d", "a b x y") == 0.5


@pytest.mark.skipif(
    importlib.util.find_spec("briefing.interchange.demo.builder") is None, reason="no demo library builder"
)
def test_demo_library_pairs_find_their_french(library: Library) -> None:
    from sqlalchemy import select

    from briefing.interchange.demo.builder import create_demo_library
    from briefing.model import Item

    create_demo_library(library)
    checked = 0
    with library.unit_of_work() as uow:
        for item in uow.session.scalars(select(Item).order_by(Item.key)).all():
            body = item.body
            if body is None or body.state("fr") is not TranslationState.TRANSLATED:
                continue
            english = body.text("en") or ""
            if len(english.split()) < 10:
                continue
            found = suggest_french(uow, english.rsplit(" ", 2)[0])
            assert found, item.key
            assert found[0].french == body.text("fr"), item.key
            checked += 1
    assert checked >= 10
