"""The Council note's follow-up actions, worded as in the note, with their owners and deadlines."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.interchange.demo.seeds import CouncilNote, Deliverable


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
