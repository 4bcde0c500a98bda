"""The seed documents read into clean paragraphs, sections, aligned pairs, deliverables and commitments."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.interchange.demo.seed_text import (
    COUNCIL_NOTE_SECTION_KEYS,
    PROGRAMME_FR,
    PROGRAMME_SECTION_KEYS,
    SEED_NAMES,
    AlignmentReport,
    Communique,
    CouncilNote,
    Deliverable,
    NewsItem,
    Programme,
    ProgrammeSection,
    align_programme,
    clean_markdownish_text,
    clean_pdf_text,
    load_communique,
    load_council_note,
    load_news_item,
    load_programme,
    parse_deadline,
    read_seed,
    split_sentences,
)


@pytest.fixture(scope="module")
def english() -> Programme:
    return load_programme("en")


@pytest.fixture(scope="module")
def french() -> Programme:
    return load_programme("fr")


@pytest.fixture(scope="module")
def report(english: Programme, french: Programme) -> AlignmentReport:
    return align_programme(english.sections, french.sections)


@pytest.fixture(scope="module")
def note() -> CouncilNote:
    return load_council_note()


@pytest.fixture(scope="module")
def communique() -> Communique:
    return load_communique()


@pytest.fixture(scope="module")
def news() -> NewsItem:
    return load_news_item()


def all_paragraphs(programme: Programme) -> list[str]:
    return [paragraph for section in programme.sections for paragraph in section.paragraphs]


# --- seeds ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_document_can_be_read(name: str) -> None:
    assert len(read_seed(name)) > 4000


def test_read_seed_refuses_paths() -> None:
    with pytest.raises(ValueError):
        read_seed("../README.md")


# --- French PDF clean-up ----------------------------------------------------------------------------------


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


# --- English programme ------------------------------------------------------------------------------------


def test_english_title_and_emphasis(english: Programme) -> None:
    assert english.title == "Belgian Presidency of the Council of the European Union Home Affairs Programme"
    for paragraph in all_paragraphs(english):
        assert "*" not in paragraph
    conclusion = english.section("conclusion").paragraphs[0]
    assert conclusion.startswith("The Belgian Presidency is firmly committed to advancing a comprehensive")


def test_english_paragraphs_cut_by_a_page_break_are_joined(english: Programme) -> None:
    text = "\n".join(all_paragraphs(english))
    assert "notably by striving to adopt a general approach on the proposal" in text
    assert "We will pay a particular attention to the spread of disinformation online" in text
    assert "due to disasters such as the Covid-19 pandemic" in text
    assert "reflect prospectively and strategically on the future of the Schengen area" in text


def test_english_bullets_are_their_own_paragraphs() -> None:
    raw = "Intro line:\n\n- i. **First:** one,\n- ii. *Second* two;\n\nAfter."
    assert clean_markdownish_text(raw) == ["Intro line:", "i. First: one,", "ii. Second two;", "After."]


def test_every_programme_section_is_present_in_both_languages(english: Programme, french: Programme) -> None:
    assert [section.key for section in english.sections] == list(PROGRAMME_SECTION_KEYS)
    assert [section.key for section in french.sections] == list(PROGRAMME_SECTION_KEYS)
    for section in (*english.sections, *french.sections):
        assert section.paragraphs, section.key
    subsections = [section.key for section in english.sections if section.parent == "internal-security"]
    assert subsections == ["organised-crime", "terrorism", "information-exchange", "crime-prevention"]


# --- alignment --------------------------------------------------------------------------------------------


def test_alignment_figures_per_section(report: AlignmentReport) -> None:
    figures = {
        section.key: (section.en_count, section.fr_count, len(section.merges)) for section in report.sections
    }
    assert figures["schengen"] == (8, 7, 1)
    for key, (en_count, fr_count, merges) in figures.items():
        if key != "schengen":
            assert (en_count, merges) == (fr_count, 0), key
    assert report.section("asylum-migration").method == "one-to-one"
    assert report.section("schengen").method == "length-based"


def test_alignment_pairs_a_known_english_paragraph_with_its_french_one(report: AlignmentReport) -> None:
    pair = report.section("asylum-migration").pairs[0]
    assert pair.en_text.startswith("The Presidency's primary objective will be, first, to finalise")
    assert pair.fr_text.startswith("Le principal objectif de la Présidence sera d'abord de finaliser")
    pnr = next(p for p in report.section("information-exchange").pairs if "SISII" in p.en_text)
    assert "concordance de données PNR avec SIS II" in pnr.fr_text


def test_alignment_merges_the_two_schengen_bullets_the_pdf_ran_together(report: AlignmentReport) -> None:
    schengen = report.section("schengen")
    (merge,) = schengen.merges
    assert (merge.en, merge.fr, merge.kind) == ((4, 5), (4,), "2:1")
    assert merge.en_text.startswith("ii. Remediation:")
    assert "iii. Strategic foresight:" in merge.en_text
    assert "Prévoyance stratégique" in merge.fr_text
    after = schengen.pairs[-2]
    assert after.en_text.startswith("Strengthening of border management")
    assert after.fr_text.startswith("Le renforcement de la gestion des frontières")
    assert "Prévoyance stratégique" in schengen.explanation


def test_alignment_report_reads_well(report: AlignmentReport) -> None:
    text = str(report)
    assert "- schengen: EN 8, FR 7, 7 pairs, 1 merged (length-based)" in text
    assert "EN ¶5+6 ↔ FR ¶5 (2:1)" in text
    assert "Total: EN 57, FR 56, 56 pairs, 1 merged" in text


def test_length_based_alignment_merges_split_paragraphs_both_ways() -> None:
    en = [ProgrammeSection("s", "S", ("a" * 100, "b" * 50, "c" * 50, "d" * 200, "e" * 150, "f" * 150))]
    fr = [ProgrammeSection("s", "S", ("A" * 110, "B" * 110, "D" * 110, "D" * 110, "E" * 330))]
    section = align_programme(en, fr, ratio=1.1).section("s")
    assert section.method == "length-based"
    assert [(pair.en, pair.fr) for pair in section.pairs] == [
        ((0,), (0,)),
        ((1, 2), (1,)),
        ((3,), (2, 3)),
        ((4, 5), (4,)),
    ]


def test_a_section_missing_in_one_language_is_reported() -> None:
    en = [ProgrammeSection("a", "A", ("x",)), ProgrammeSection("b", "B", ("y",))]
    fr = [ProgrammeSection("a", "A", ("x",))]
    missing = align_programme(en, fr).section("b")
    assert (missing.method, missing.en_count, missing.fr_count, missing.pairs) == ("missing", 1, 0, ())
    assert "missing in FR" in missing.explanation


# --- Council note -----------------------------------------------------------------------------------------


def test_council_note_metadata(note: CouncilNote) -> None:
    metadata = note.metadata
    assert metadata.date == dt.date(2024, 6, 3)
    assert (metadata.place, metadata.document_number, metadata.source_reference) == (
        "Brussels",
        "10270/24",
        "ST 10270/24",
    )
    assert metadata.sender == "Presidency"
    assert metadata.recipient == "Permanent Representatives Committee/Council"
    assert metadata.subject.startswith("Fighting drug trafficking and organised crime")
    assert metadata.previous_documents == ("ST 6504/24", "ST 6812/24")
    assert "CORDROGUE 71" in metadata.codes


def test_council_note_sections_and_footnotes(note: CouncilNote) -> None:
    assert [section.key for section in note.sections] == list(COUNCIL_NOTE_SECTION_KEYS)
    assert len(note.footnotes) == 17
    for section in note.sections:
        for paragraph in section.paragraphs:
            assert not re.match(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", paragraph), paragraph
    legal = note.section("legal-framework")
    assert [footnote.number for footnote in legal.footnotes] == [17]
    assert legal.footnotes[0].text.startswith("The mutual evaluations mechanism was established")
    assert [footnote.number for footnote in note.section("ports-alliance-ppp").footnotes] == [13]
    data = note.section("access-to-data")
    assert not data.heading_in_source
    assert data.paragraphs[0].startswith("The High-Level Group (HLG) on access to data")
    assert note.invitation is not None
    assert note.invitation.startswith("The Council is invited to take note of this report")


def _find(deliverables: tuple[Deliverable, ...], words: str) -> Deliverable:
    (found,) = [deliverable for deliverable in deliverables if words in deliverable.text]
    return found


@pytest.mark.parametrize(
    ("words", "owner", "deadline", "section_key"),
    [
        (
            "Customs Project Group, until the end of 2024",
            "Commission",
            dt.date(2024, 12, 31),
            "ports-alliance-customs",
        ),
        ("starting early 2025", "Commission", dt.date(2025, 3, 31), "ports-alliance-customs"),
        (
            "scheduled for the end of autumn 2024",
            "European Ports Alliance PPP",
            dt.date(2024, 11, 30),
            "ports-alliance-ppp",
        ),
        (
            "ministerial meeting in early 2025",
            "European Ports Alliance PPP",
            dt.date(2025, 3, 31),
            "ports-alliance-ppp",
        ),
        ("delivered by Europol in 2026", "Europol", dt.date(2026, 12, 31), "high-risk-criminal-networks"),
        (
            "planned to be endorsed in autumn 2024",
            "High-Level Group (HLG)",
            dt.date(2024, 11, 30),
            "access-to-data",
        ),
        (
            "synthetic drugs to be presented at the end of 2025",
            "EMPACT",
            dt.date(2025, 12, 31),
            "administrative-approach",
        ),
        (
            "legal business structures by the end of 2024",
            "Europol",
            dt.date(2024, 12, 31),
            "administrative-approach",
        ),
        (
            "proposals for action until June 2025",
            "Belgian and Colombian co-Presidencies of the EU-CELAC Mechanism",
            dt.date(2025, 6, 30),
            "latin-america",
        ),
        ("COSI-CLASI Ministerial meeting", "COSI", dt.date(2025, 6, 30), "latin-america"),
        ("operationalise the network next year", "Eurojust", dt.date(2025, 12, 31), "judicial-network"),
        (
            "kick-off meeting of the network in September this year",
            "Eurojust",
            dt.date(2024, 9, 30),
            "judicial-network",
        ),
        ("presented to the Council in 2026", None, dt.date(2026, 12, 31), "legal-framework"),
    ],
)
def test_deliverables_with_the_deadlines_the_note_gives(
    note: CouncilNote, words: str, owner: str | None, deadline: dt.date, section_key: str
) -> None:
    deliverable = _find(note.deliverables, words)
    assert (deliverable.deadline, deliverable.section_key) == (deadline, section_key)
    if owner is not None:
        assert deliverable.owner == owner


def test_june_2024_council_deliverables(note: CouncilNote) -> None:
    june = [d for d in note.deliverables if d.deadline == dt.date(2024, 6, 30)]
    assert sorted(d.section_key for d in june if d.owner == "JHA Council") == [
        "access-to-data",
        "high-risk-criminal-networks",
        "judicial-cooperation",
        "judicial-network",
    ]


def test_every_deliverable_is_worded_as_in_the_note(note: CouncilNote) -> None:
    body = " ".join(paragraph for section in note.sections for paragraph in section.paragraphs)
    body = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", body)
    for deliverable in note.deliverables:
        assert deliverable.text in body, deliverable.text
        if deliverable.timing is not None:
            assert deliverable.timing in deliverable.text
    undated = [d for d in note.deliverables if d.deadline is None]
    assert all(d.timing is None for d in undated)


# --- deadlines and sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by the end of 2024", dt.date(2024, 12, 31)),
        ("by June 2025", dt.date(2025, 6, 30)),
        ("in 2025", dt.date(2025, 12, 31)),
        ("in the second half 2024", dt.date(2024, 12, 31)),
        ("for the first semester of 2025", dt.date(2025, 6, 30)),
        ("in autumn 2024", dt.date(2024, 11, 30)),
        ("starting early 2025", dt.date(2025, 3, 31)),
        ("on 30-31 May 2024", dt.date(2024, 5, 31)),
        ("in February 2024", dt.date(2024, 2, 29)),
        ("next year", dt.date(2025, 12, 31)),
        ("in September this year", dt.date(2024, 9, 30)),
        ("in the months to come", None),
    ],
)
def test_parse_deadline_takes_the_end_of_the_period_named(phrase: str, expected: dt.date | None) -> None:
    assert parse_deadline(phrase, dt.date(2024, 6, 3)) == expected


def test_relative_deadlines_need_a_reference_date() -> None:
    assert parse_deadline("next year") is None


def test_split_sentences_keeps_abbreviations_and_footnote_marks() -> None:
    text = "The EU-U.S. Dialogue met i.a. in May.¹³ It agreed on No. 5 with A.I. experts. Done."
    assert split_sentences(text) == [
        "The EU-U.S. Dialogue met i.a. in May.¹³",
        "It agreed on No. 5 with A.I. experts.",
        "Done.",
    ]
    assert split_sentences("1. The first item. Then more.") == ["1. The first item.", "Then more."]


# --- news item --------------------------------------------------------------------------------------------


def test_news_item(news: NewsItem) -> None:
    assert (
        news.title == "Belgian Council Presidency: Better Fight against Organised Crime and Drug Trafficking"
    )
    assert (news.rubric, news.author) == ("News", "Thomas Wahl")
    assert (
        news.author_role == "Senior Researcher, Max Planck Institute for the Study of Crime, Security and Law"
    )
    assert news.issn == "1862-6947"
    assert news.paragraphs[0].startswith(
        "At the Justice and Home Affairs (JHA) Council Meeting on 4/5 March 2024"
    )
    assert "(→ eucrim 4/2023, 317)" in news.paragraphs[0]
    assert news.paragraphs[3] == (
        "Providing strategic means – such as offensive and defensive national drug strategies – "
        "to fight drug trafficking;"
    )
    assert (
        "Strengthening efforts in mapping high-risk criminal networks is seen as a fundamental step"
        in news.update[0]
    )
    text = " ".join((*news.paragraphs, *news.update))
    for leftover in ("ISSN", "Senior Researcher", "About eucrim", "Co-funded", "](", "**"):
        assert leftover not in text


# --- communiqué -------------------------------------------------------------------------------------------


def test_communique_header_and_themes(communique: Communique) -> None:
    assert communique.date == dt.date(2018, 6, 11)
    assert communique.place == "Paris"
    assert communique.title == "Franco-Belgian intergovernmental meeting Val Duchesse II : joint communiqué"
    assert [theme.key for theme in communique.themes] == [
        "counter-terrorism",
        "violent-radicalisation",
        "european-level",
    ]
    assert [len(theme.paragraphs) for theme in communique.themes] == [6, 7, 8]
    assert communique.introduction[-1].endswith("France and Belgium have resolved:")


def test_communique_lists_six_participants(communique: Communique) -> None:
    people = [(p.name, p.function, p.country) for p in communique.participants]
    assert people == [
        ("Édouard Philippe", "Prime Minister", "French Republic"),
        ("Charles Michel", "Prime Minister", "Kingdom of Belgium"),
        ("Gérard Collomb", "Interior Minister", "French Republic"),
        ("Jan Jambon", "Interior Minister", "Kingdom of Belgium"),
        ("Nicole Belloubet", "Justice Minister", "French Republic"),
        ("Koen Geens", "Justice Minister", "Kingdom of Belgium"),
    ]
    assert [p.country_in_text for p in communique.participants] == [True, True, False, False, False, False]


def test_communique_commitments(communique: Communique) -> None:
    texts = [commitment.text for commitment in communique.commitments]
    assert len(texts) == 23
    assert texts[0].startswith("To follow through on reinforcing the information exchange")
    hold = next(c for c in communique.commitments if c.text.startswith("To hold, by the end of 2018"))
    assert (hold.theme_key, hold.kind, hold.deadline) == (
        "violent-radicalisation",
        "resolution",
        dt.date(2018, 12, 31),
    )
    quadrilateral = next(c for c in communique.commitments if c.text.startswith("Also, to stress"))
    assert quadrilateral.deadline == dt.date(2018, 12, 31)
    undertakings = [c.text for c in communique.commitments if c.kind == "undertaking"]
    assert any(text.startswith("We undertake to foster sharing") for text in undertakings)
    assert any("we call for intergovernmental development of a railway PNR" in text for text in undertakings)
    for not_a_commitment in (
        "To make cross-border access",
        "To respond to these challenges",
        "We decided in 2016",
    ):
        assert not any(text.startswith(not_a_commitment) for text in texts)


def test_french_seed_is_a_pdf_extraction() -> None:
    raw = read_seed(PROGRAMME_FR)
    assert re.search(r"^5\s*$", raw, re.MULTILINE)
    assert "migration,ainsi" in raw


def test_read_seed_falls_back_to_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(package: str) -> None:
        raise ModuleNotFoundError(package)

    expected = read_seed(PROGRAMME_FR)
    monkeypatch.setattr("importlib.resources.files", not_installed)
    assert read_seed(PROGRAMME_FR) == expected
