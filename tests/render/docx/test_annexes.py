"""The annexes a brief needs: participants (by delegation for a bilateral), logistics, sources."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from briefing.assemble import Outline
from briefing.assemble.outline import Text, plain
from briefing.render.docx import docx_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]


def table_after(pack: Any, heading: str) -> Any:
    paragraph = next(p for p in pack.body.iter(f"{W}p") if pack.paragraph_text(p) == heading)
    return paragraph.getnext()


def test_logistics_annex_lists_dates_place_format_and_contact(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("fr")
    assert [plain(line.title) for line in outline.contents][-2:] == ["Informations pratiques", "Sources"]
    pack = read_docx(docx_bytes(outline))
    assert "Informations pratiques" in pack.styled("Heading1")
    rows = [
        pack.text(row).split("\n") for row in table_after(pack, "Informations pratiques").findall("w:tr", NS)
    ]
    assert rows == [
        ["Dates", "13–14\u00a0juin\u00a02024"],
        ["Lieu", "Luxembourg"],
        ["Format", "Conseil"],
        ["Délégation", "2 participants"],
        ["Contact", "Unité Affaires intérieures"],
    ]


def test_participants_of_a_bilateral_are_listed_by_delegation(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("en")
    first, second = outline.participants
    people = (
        first,
        dataclasses.replace(
            second,
            organisation="Government of Belgium",
            organisation_text=(Text("Government of Belgium", "en"),),
        ),
        dataclasses.replace(first, key="p-3", name="Marie Troisième"),
    )
    bilateral = dataclasses.replace(outline, meeting_kind="bilateral", participants=people)
    pack = read_docx(docx_bytes(bilateral))
    table = table_after(pack, "Participants")
    rows = [pack.text(row).split("\n")[0] for row in table.findall("w:tr", NS)]
    assert rows == [
        "Name",
        "Ministry of the Interior",
        "Jeanne Exemple",
        "Marie Troisième",
        "Government of Belgium",
        "Karl Muster",
    ]
    spans = [c.find("w:tcPr/w:gridSpan", NS) for c in table.iter(f"{W}tc")]
    assert len([s for s in spans if s is not None]) == 2
    # A council lists everyone in one table with an organisation column.
    council = read_docx(docx_bytes(dataclasses.replace(bilateral, meeting_kind="council")))
    header = council.text(table_after(council, "Participants").find("w:tr", NS)).split("\n")
    assert header == ["Name", "Function", "Organisation", "Biography"]
