"""The French programme's PDF extraction read into clean paragraphs: page numbers, wrapping, hyphens."""

from __future__ import annotations

import re

from briefing.interchange.demo.seeds import Programme, clean_pdf_text


def all_paragraphs(programme: Programme) -> list[str]:
    return [paragraph for section in programme.sections for paragraph in section.paragraphs]


def test_no_french_paragraph_is_or_ends_with_a_page_number(french: Programme) -> None:
    for paragraph in [*all_paragraphs(french), *(section.title for section in french.sections)]:
        assert not re.fullmatch(r"\d+", paragraph)
        assert not re.search(r"\s\d{1,3}$", paragraph), paragraph[-80:]
        assert not re.match(r"\d{1,3}\s", paragraph), paragraph[:80]


def test_no_french_paragraph_has_a_broken_hyphenation(french: Programme) -> None:
    for paragraph in all_paragraphs(french):
        assert not re.search(r"[^\W\d_]-\s", paragraph), paragraph
        assert not paragraph.endswith("-")


def test_french_spacing_is_clean(french: Programme) -> None:
    for paragraph in all_paragraphs(french):
        assert "  " not in paragraph
        assert paragraph == paragraph.strip()
        assert "\u00a0" not in paragraph
        assert "**" not in paragraph


def test_french_sentence_is_joined_across_its_line_breaks_in_the_right_section(french: Programme) -> None:
    sentence = (
        "Le principal objectif de la Présidence sera d'abord de finaliser l'ensemble des dossiers "
        "législatifs du Pacte sur la migration et l'asile."
    )
    section = french.section("asylum-migration")
    assert section.paragraphs[0].startswith(sentence)
    assert not any(
        sentence in paragraph
        for s in french.sections
        if s.key != "asylum-migration"
        for paragraph in s.paragraphs
    )


def test_missing_space_after_a_comma_is_repaired(french: Programme) -> None:
    introduction = french.section("introduction").paragraphs[0]
    assert "en matière notamment d'asile, de migration, ainsi que de prévention" in introduction
    assert "migration,ainsi" not in introduction


def test_french_heading_wrapped_over_a_blank_line_is_one_heading(french: Programme) -> None:
    crisis = french.section("crisis-management")
    assert crisis.title == (
        "Renforcement des capacités visant à prévenir les crises et les désastres, "
        "à s'y préparer et à y répondre"
    )
    assert crisis.paragraphs[0].startswith("La Présidence belge se concentrera principalement")
    prevention = french.section("crime-prevention").paragraphs[-1]
    assert prevention.endswith("le réseau européen sur la stratégie administrative.")


def test_french_bullets_stay_paragraphs_and_the_run_on_third_one_is_kept(french: Programme) -> None:
    schengen = french.section("schengen").paragraphs
    assert schengen[3].startswith("i. Identification : les indicateurs")
    assert schengen[4].startswith("ii. Remédiation :")
    assert "Prévoyance stratégique : en se basant" in schengen[4]


def test_pdf_clean_up_rules_on_a_made_up_extraction() -> None:
    raw = (
        "Titre de la section \n\n"
        "La coopé-\nration entre les États-\nmembres, c'est-\nà-dire la **base**, au Moyen-\n"
        "Orient et en Franco-\nbelge\u00a0 coopération. \n\n"
        "12  \n\n"
        "Un paragraphe coupé par la page \n\n"
        "  \n"
        "continue ici,sans espace. \n"
        "Un titre \n\n"
        "sur deux lignes \n"
        "Texte final.\n"
    )
    paragraphs = clean_pdf_text(raw, headings=["Titre de la section", "Un titre sur deux lignes"])
    assert paragraphs == [
        "Titre de la section",
        "La coopération entre les États-membres, c'est-à-dire la base, au Moyen-Orient et en Franco-belge "
        "coopération.",
        "Un paragraphe coupé par la page continue ici, sans espace.",
        "Un titre sur deux lignes",
        "Texte final.",
    ]


def test_pdf_clean_up_lets_the_document_decide_hyphens() -> None:
    raw = "Des contre-\nmesures et le contre-\nterrorisme.\n\nLes contremesures et le contre-terrorisme."
    assert clean_pdf_text(raw, headings=[])[0] == "Des contremesures et le contre-terrorisme."
