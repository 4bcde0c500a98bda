"""The demo meetings exported as a reader gets them: read back, schema-checked, and seen through LibreOffice.

The packs and their PDFs come from tests/render/conftest.py: one demo library and one LibreOffice run.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from briefing.store import Library
from tests.support.demo_packs import MEETINGS, MODES, pack_name
from tests.support.reading import validate_ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENGLISH_LABELS = ("Contents", "Objectives", "Agenda item", "Lines to take", "Background", "If asked",
                  "Follow-up actions", "Briefing pack", "Internal copy", "Page 2 of")  # fmt: skip


def document_text(path: Path) -> str:
    """Every paragraph of the body, in tables too, read with python-docx."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines).replace("\u00a0", " ")  # no-break spaces keep names and dates on one line


def xml_text(path: Path) -> str:
    """The body text read straight from word/document.xml (a second, independent reader)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "".join(node.text or "" for node in root.iter(f"{W}t"))


def test_every_pack_passes_the_ooxml_schema_validator(packs: dict[str, Path], ooxml_validator: str) -> None:
    for name, path in packs.items():
        report = validate_ooxml(ooxml_validator, path)
        assert report["ok"], (name, report["errors"][:5])


def test_packs_read_back_with_their_content(packs: dict[str, Path], demo_library: Library) -> None:
    english = document_text(packs["jha-council-2024-06-en-internal"])
    assert "Justice and Home Affairs Council" in english
    for title in ("Organised crime", "Schengen", "migration", "Terrorism"):
        assert title.lower() in english.lower()
    french = document_text(packs["jha-council-2024-06-fr-internal"])
    raw_french = xml_text(packs["jha-council-2024-06-fr-internal"])
    assert "Conseil Justice et affaires intérieures" in french
    assert "Le principal objectif de la Présidence sera d" in raw_french or "Schengen" in raw_french
    bilingual = document_text(packs["val-duchesse-ii-bilingual-internal"])
    assert "Counter-terrorism" in bilingual and "Lutte contre le terrorisme" in bilingual
    with demo_library.unit_of_work() as uow:
        meeting = uow.meetings.require("val-duchesse-ii")
        names = [link.participant.name for link in meeting.participant_links]
    assert all(name in bilingual for name in names)


def test_external_copy_has_no_internal_item(packs: dict[str, Path], demo_library: Library) -> None:
    with demo_library.unit_of_work() as uow:
        internal_texts = [
            item.body.source_text
            for item in uow.items.list()
            if item.internal and item.body and item.body.source_text
        ]
    assert internal_texts
    for meeting in MEETINGS:
        for mode in MODES:
            external = xml_text(packs[pack_name(meeting, mode, "external")])
            for text in internal_texts:
                assert text[:60] not in external
    assert any(t[:60] in xml_text(packs["val-duchesse-ii-en-internal"]) for t in internal_texts)


def test_french_pack_as_a_reader_sees_it(pdfs: dict[str, list[str]]) -> None:
    pages = pdfs["jha-council-2024-06-fr-internal"]
    whole = "\n".join(pages)
    assert "Sommaire" in whole
    assert "13–14 juin 2024" in whole.replace("\u00a0", " ")  # the compact range on the cover
    assert re.search(r"Page 1 sur \d+", pages[0])
    total = len(pages)
    assert f"Page {total} sur {total}" in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert "LIMITE" in page, f"page {number} has no marking"
        assert f"Page {number} sur {total}" in page
    french_labels_only = whole.replace("[Non traduit — texte anglais]", "")
    for label in ENGLISH_LABELS:
        assert label not in french_labels_only, label


def test_english_pack_as_a_reader_sees_it(pdfs: dict[str, list[str]]) -> None:
    pages = pdfs["val-duchesse-ii-en-internal"]
    whole = "\n".join(pages)
    assert "Contents" in whole and "Agenda item 1" in whole
    assert "Monday 11 June 2018" in whole.replace("\u00a0", " ")
    jha = "\n".join(pdfs["jha-council-2024-06-en-internal"]).replace("\u00a0", " ")
    assert "13–14 June 2024" in jha
    assert re.search(r"Page 1 of \d+", pages[0])


def test_bilingual_pack_shows_both_languages_side_by_side(pdfs: dict[str, list[str]]) -> None:
    whole = "\n".join(pdfs["jha-council-2024-06-bilingual-internal"])
    assert "Lines to take" in whole and "Éléments de langage" in whole
