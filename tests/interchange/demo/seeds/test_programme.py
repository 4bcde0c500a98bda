"""The programme read into the same sections under their known headings in English and French."""

from __future__ import annotations

from briefing.interchange.demo.seeds import PROGRAMME_SECTION_KEYS, Programme


def all_paragraphs(programme: Programme) -> list[str]:
    return [paragraph for section in programme.sections for paragraph in section.paragraphs]


def test_english_title_and_emphasis(english: Programme) -> None:
    assert english.title == "Belgian Presidency of the Council of the European Union Home Affairs Programme"
    for paragraph in all_paragraphs(english):
        assert "*" not in paragraph
    conclusion = english.section("conclusion").paragraphs[0]
    assert conclusion.startswith("The Belgian Presidency is firmly committed to advancing a comprehensive")


def test_every_programme_section_is_present_in_both_languages(english: Programme, french: Programme) -> None:
    assert [section.key for section in english.sections] == list(PROGRAMME_SECTION_KEYS)
    assert [section.key for section in french.sections] == list(PROGRAMME_SECTION_KEYS)
    for section in (*english.sections, *french.sections):
        assert section.paragraphs, section.key
    subsections = [section.key for section in english.sections if section.parent == "internal-security"]
    assert subsections == ["organised-crime", "terrorism", "information-exchange", "crime-prevention"]
