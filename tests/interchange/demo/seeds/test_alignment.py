"""The programme's paragraphs paired EN↔FR: one to one where the counts agree, by length where they do not."""

from __future__ import annotations

import pytest

from briefing.interchange.demo.seeds import AlignmentReport, Programme, ProgrammeSection, align_programme


@pytest.fixture(scope="module")
def report(english: Programme, french: Programme) -> AlignmentReport:
    return align_programme(english.sections, french.sections)


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
