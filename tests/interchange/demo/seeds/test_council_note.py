"""The Council note read into its header, its sections with their footnotes, and its closing request."""

from __future__ import annotations

import datetime as dt
import re

from briefing.interchange.demo.seeds import COUNCIL_NOTE_SECTION_KEYS, CouncilNote


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
