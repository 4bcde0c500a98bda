"""Finding glossary terms in texts: words, case, accents, plurals; checking a French text against its English."""

from __future__ import annotations

import pytest

from briefing.glossary import Glossary, GlossaryTerm, check_text, contains_phrase, default_glossary
from briefing.interchange.demo.seeds import PROGRAMME_EN, PROGRAMME_FR, read_seed

ORGANISED_CRIME = GlossaryTerm("organised crime", "criminalité organisée")
INFO_EXCHANGE = GlossaryTerm("information exchange", "échange d'informations")
THIRD_COUNTRIES = GlossaryTerm("third countries", "pays tiers")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("ORGANISED CRIME", "organised crime"),
        ("la Criminalite Organisee", "criminalité organisée"),
        ("ÉTATS MEMBRES", "états membres"),
        ("États membres", "etats membres"),
        ("échange d’informations", "échange d'informations"),  # typographic apostrophe
        ("échange\u00a0d'informations", "échange d'informations"),  # no-break space
        ("organised\ncrime", "organised crime"),  # a line break between the words
        ("third country nationals", "third-country nationals"),  # hyphen or space
        ("système d'entrée/de sortie", "système d'entrée / de sortie"),
        ("Member States.", "Member States"),  # punctuation after the term
        ("(Schengen area)", "Schengen area"),
        ("drugs trafficking", "drug trafficking"),  # plural: s
        ("drug trafficking", "drugs trafficking"),
        ("les réseaux criminels", "réseau criminel"),  # plural: x and s
        ("third countries", "third country"),  # plural: ies / y
        ("third country", "third countries"),
        ("des accords internationaux", "accord international"),  # plural: aux / al
        ("frontières extérieures", "frontière extérieure"),
    ],
)
def test_found(text: str, phrase: str) -> None:
    assert contains_phrase(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("criminal networks", "crime"),  # no match inside a word
        ("crimes", "crim"),
        ("crime is organised", "organised crime"),  # words in the same order, side by side
        ("organised serious crime", "organised crime"),
        ("disorganised crime", "organised crime"),
        ("children", "child"),  # irregular plurals are not known
        ("bus", "bu"),  # too short to lose an s
        ("", "crime"),
        ("crime", ""),
        ("échange des informations", "échange d'informations"),  # other words are other words
    ],
)
def test_not_found(text: str, phrase: str) -> None:
    assert not contains_phrase(text, phrase)


def test_find_lists_each_term_once_in_text_order() -> None:
    glossary = Glossary([INFO_EXCHANGE, ORGANISED_CRIME, THIRD_COUNTRIES])
    text = "Organised crime and information exchange; more organised crime."
    assert glossary.find(text) == [ORGANISED_CRIME, INFO_EXCHANGE]
    assert glossary.find("Le crime organisé et l'échange d’informations.", "fr") == [INFO_EXCHANGE]
    assert glossary.find("nothing here") == []


def test_matches_give_the_passage_in_the_original_text() -> None:
    glossary = Glossary([ORGANISED_CRIME, THIRD_COUNTRIES])
    text = "Fight ORGANISED  Crime with Third-Countries."
    found = [(m.term.en, text[m.start : m.end]) for m in glossary.matches(text)]
    assert found == [("organised crime", "ORGANISED  Crime"), ("third countries", "Third-Countries")]


def test_lookup_by_term() -> None:
    glossary = Glossary([ORGANISED_CRIME, THIRD_COUNTRIES])
    assert glossary.lookup("Organised Crime") == [ORGANISED_CRIME]
    assert glossary.lookup("third country") == [THIRD_COUNTRIES]
    assert glossary.lookup("criminalite organisee", "fr") == [ORGANISED_CRIME]
    assert glossary.lookup("crime") == []


def test_same_pair_is_kept_once_and_alternatives_are_kept() -> None:
    alternative = GlossaryTerm("organised crime", "crime organisé", "also used")
    glossary = Glossary(
        [ORGANISED_CRIME, GlossaryTerm("Organised Crime", "Criminalite organisee"), alternative]
    )
    assert glossary.terms == (ORGANISED_CRIME, alternative)
    assert len(glossary) == 2
    assert glossary.accepted_french(GlossaryTerm("organised crime", "")) == [ORGANISED_CRIME, alternative]


def test_terms_without_words_are_ignored() -> None:
    glossary = Glossary([GlossaryTerm("—", "—"), GlossaryTerm("crime", "")])
    assert len(glossary) == 0


def test_only_english_and_french() -> None:
    with pytest.raises(ValueError):
        Glossary([ORGANISED_CRIME]).find("x", "de")
    assert Glossary([ORGANISED_CRIME]).find("criminalité organisée", "fr-BE") == [ORGANISED_CRIME]


def test_glossaries_add_up() -> None:
    combined = Glossary([ORGANISED_CRIME]) + Glossary([THIRD_COUNTRIES, ORGANISED_CRIME])
    assert list(combined) == [ORGANISED_CRIME, THIRD_COUNTRIES]


# --- check_text ---------------------------------------------------------------------------------------------


def test_check_text_reports_terms_whose_agreed_french_is_absent() -> None:
    glossary = Glossary([ORGANISED_CRIME, INFO_EXCHANGE, THIRD_COUNTRIES])
    en = "Information exchange with third countries against organised crime."
    fr = "L'échange d'informations avec les pays tiers contre le crime organisé."
    assert check_text(glossary, en, fr) == [ORGANISED_CRIME]
    assert check_text(glossary, en, fr.replace("le crime organisé", "la criminalité organisée")) == []


def test_check_text_accepts_any_agreed_french() -> None:
    alternative = GlossaryTerm("organised crime", "crime organisé")
    glossary = Glossary([ORGANISED_CRIME, alternative])
    assert check_text(glossary, "organised crime", "le crime organisé") == []
    assert check_text(glossary, "organised crime", "la criminalité organisée") == []
    assert check_text(glossary, "organised crime", "la délinquance") == [ORGANISED_CRIME]


def test_check_text_edge_cases() -> None:
    glossary = Glossary([ORGANISED_CRIME])
    assert check_text(glossary, "", "") == []
    assert check_text(glossary, "Nothing relevant.", "") == []
    assert check_text(glossary, "Organised crime.", "") == [ORGANISED_CRIME]
    assert check_text(Glossary(), "Organised crime.", "") == []
    # The French term in an English text, or the other way round, counts for nothing.
    assert check_text(glossary, "criminalité organisée", "organised crime") == []


# --- the starter glossary --------------------------------------------------------------------------------------


def test_starter_glossary_has_the_usual_jha_terms() -> None:
    glossary = default_glossary()
    assert len(glossary) >= 30
    pairs = {(term.en, term.fr) for term in glossary}
    for pair in [
        ("organised crime", "criminalité organisée"),
        ("information exchange", "échange d'informations"),
        ("drug trafficking", "trafic de drogue"),
        ("Schengen area", "espace Schengen"),
        ("external borders", "frontières extérieures"),
        ("law enforcement authorities", "autorités policières"),
    ]:
        assert pair in pairs


def test_every_starter_pair_occurs_in_the_seed_programme_in_both_languages() -> None:
    english, french = read_seed(PROGRAMME_EN), read_seed(PROGRAMME_FR)
    for term in default_glossary():
        assert contains_phrase(english, term.en), term.en
        assert contains_phrase(french, term.fr), term.fr
        assert term.note


def test_default_glossary_is_a_new_object_each_time() -> None:
    first = default_glossary()
    first.add(GlossaryTerm("zebra crossing", "passage pour piétons"))
    assert len(default_glossary()) == len(first) - 1
