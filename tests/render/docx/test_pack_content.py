"""The Word pack of the sample meeting, read back with python-docx and with a plain zipfile + lxml reader."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing.assemble import Outline
from briefing.assemble.outline import plain
from briefing.model.enums import ItemKind
from briefing.render.docx import docx_bytes, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
MODES = ["en", "fr", "bilingual"]
COPIES = ["internal", "external"]

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]


def entry_texts(outline: Outline) -> list[str]:
    texts = []
    for entry in outline.entries:
        for passage in (entry.body, entry.question, entry.answer):
            if passage is not None:
                texts += [text.text for text in passage if text.text]
    return texts


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("mode", MODES)
def test_every_part_of_the_outline_is_in_the_pack(
    make_outline: MakeOutline, read_docx: ReadDocx, tmp_path: Path, mode: str, copy: str
) -> None:
    outline = make_outline(mode, copy)
    path = tmp_path / "pack.docx"
    assert render_docx(outline, path) == []
    pack = read_docx(path.read_bytes())
    text = pack.text()
    for entry in entry_texts(outline):
        assert entry in text
    for section in outline.sections:
        for heading, title in zip(section.heading, section.title, strict=True):
            assert f"{heading.text} — {title.text}" in text
        for slot in section.slots:
            assert plain(slot.heading) in text or all(h.text in text for h in slot.heading)
    for name in ("contents", "agenda", "objectives", "participants", "follow_up_actions", "sources"):
        assert plain(outline.label(name)) in text
    for person in outline.participants:
        assert person.name in text
    for action in outline.actions:
        assert all(t.text in text for t in action.text)
    assert "ST 10270/24" in text
    cover = outline.cover
    for passage in (
        cover.pack_label,
        cover.title,
        cover.dates,
        cover.location,
        cover.copy_label,
        cover.version,
    ):
        flat = text.replace("\u00a0", " ")  # names and dates are kept on one line
        assert all(t.text.replace("\u00a0", " ") in flat for t in passage)
    assert cover.prepared_by in text

    # python-docx reads the same pack.
    document = docx.Document(str(path))
    read = "\n".join(p.text for p in document.paragraphs)
    for section in outline.sections:
        assert section.title[0].text in read
    table_text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    for person in outline.participants:
        assert person.name in table_text


def test_external_copy_leaves_out_internal_items(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    internal = make_outline("en", "internal")
    external = make_outline("en", "external")
    secret = [text for e in internal.entries if e.internal for p in (e.body,) if p for text in (p[0].text,)]
    assert secret == ["Internal assessment of the negotiating room."]
    internal_text = read_docx(docx_bytes(internal)).text()
    external_text = read_docx(docx_bytes(external)).text()
    assert secret[0] in internal_text
    assert secret[0] not in external_text
    flag = plain(internal.label("not_for_counterpart"))
    assert f"[{flag}]" in internal_text
    assert flag not in external_text


def test_internal_items_are_never_printed_in_an_external_copy_even_if_the_outline_has_them(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    from dataclasses import replace

    outline = replace(make_outline("en", "internal"), copy="external")
    assert "Internal assessment" not in read_docx(docx_bytes(outline)).text()


def test_sections_have_numbered_headings_and_slot_headings(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("en")
    pack = read_docx(docx_bytes(outline))
    assert pack.styled("Heading1") == [
        "Objectives",
        "Agenda",
        "Agenda item 1 — Drug trafficking",
        "Agenda item 2 — Programme",
        "Participants",
        "Follow-up actions",
        "Logistics",
        "Sources",
    ]
    assert pack.styled("Heading2") == ["Lines to take", "Background", "If asked", "Background"]
    # Each section and annex starts a new page.
    starts = [p for p in pack.body.iter(f"{W}p") if p.find("w:pPr/w:pageBreakBefore", NS) is not None]
    assert len(starts) == 1 + 1 + 2 + 4  # contents, objectives, two sections, four annexes


def test_contents_lists_each_part_with_a_page_reference_to_its_heading(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("fr")
    pack = read_docx(docx_bytes(outline))
    body = pack.body
    # No TOC field: LibreOffice would print its written result without computing the page numbers.
    assert not [t.text for t in body.iter(f"{W}instrText") if t.text.strip().startswith("TOC")]
    entries = [
        p for p in body.iter(f"{W}p") if p.find("w:pPr/w:pStyle", NS) is not None
        and p.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "TOC1"
    ]  # fmt: skip
    links = [p.find(f"{W}hyperlink") for p in entries]
    titles = ["".join(t.text for t in link.iter(f"{W}t") if link is not None) for link in links]
    # One entry per part, not per slot: objectives, agenda, the sections and the annexes.
    assert [title.rstrip("0123456789") for title in titles] == [
        plain(line.title) for line in outline.contents
    ]
    assert "Point 1 de l’ordre du jour — Trafic de drogue" in titles[2]
    assert not any("Éléments de langage" in title for title in titles)
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    for paragraph, link in zip(entries, links, strict=True):
        anchor = link.get(f"{W}anchor")
        assert anchor in bookmarks
        # A right tab with a dot leader at the margin, then PAGEREF to the same bookmark.
        tab = paragraph.find("w:pPr/w:tabs/w:tab", NS)
        assert (tab.get(f"{W}val"), tab.get(f"{W}leader")) == ("right", "dot")
        instructions = [t.text.split() for t in link.iter(f"{W}instrText")]
        assert instructions == [["PAGEREF", anchor, "\\h"]]
    assert pack.styled("TOCHeading") == ["Sommaire"]
    # The agenda list gives each item's page too.
    agenda = [
        p for p in body.iter(f"{W}p") if p.find("w:pPr/w:pStyle[@w:val='BriefingAgenda']", NS) is not None
    ]
    assert len(agenda) == len(outline.sections)
    for paragraph, section in zip(agenda, outline.sections, strict=True):
        instructions = [t.text.split() for t in paragraph.iter(f"{W}instrText")]
        assert instructions == [["PAGEREF", f"_{section.anchor.replace('-', '_')}", "\\h"]]


def test_bilingual_headings_show_both_languages(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = make_outline("bilingual")
    pack = read_docx(docx_bytes(outline))
    headings = pack.styled("Heading1")
    assert "Agenda item 1 — Drug trafficking / Point 1 de l’ordre du jour — Trafic de drogue" in headings
    assert "Contents / Sommaire" in pack.styled("TOCHeading")


def test_bilingual_sections_are_two_column_tables_aligned_item_by_item(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("bilingual")
    pack = read_docx(docx_bytes(outline))
    section = outline.sections[0]
    tables = [t for t in pack.body.iter(f"{W}tbl") if len(t.findall("w:tblGrid/w:gridCol", NS)) == 2]
    table = next(t for t in tables if "Lines to take" in pack.text(t))
    rows = [[pack.text(cell) for cell in row.findall(f"{W}tc")] for row in table.findall(f"{W}tr")]
    assert rows[0] == ["English", "Français"]
    assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
    for slot in section.slots:
        # The slot's heading opens the cells of its first item.
        first = next(r for r in rows if r[0].startswith(slot.heading[0].text))
        assert first[1].startswith(slot.heading[1].text)
        for entry in slot.entries:
            passage = entry.body or entry.question
            assert passage is not None
            row = next(r for r in rows if passage[0].text in r[0])
            assert passage[1].text in row[1]
            if entry.answer is not None:
                assert entry.answer[0].text in row[0] and entry.answer[1].text in row[1]


def test_questions_and_answers_are_labelled(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("en")))
    assert pack.styled("BriefingQuestion") == ["Question[LIMITE] Will the alliance cost more?"]
    assert pack.styled("BriefingAnswer") == ["AnswerFunding comes from existing programmes."]
    question = next(p for p in pack.body.iter(f"{W}p") if "Will the alliance" in pack.paragraph_text(p))
    label = question.find(f"{W}r")
    assert label.find("w:rPr/w:rStyle", NS).get(f"{W}val") == "BriefingLabel"
    assert label.find(f"{W}tab") is not None


def test_item_markings_are_shown_next_to_marked_items(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = make_outline("en")
    pack = read_docx(docx_bytes(outline))
    line = next(p for p in pack.paragraphs() if "Security in ports" in p)
    assert line == "[LIMITE] Security in ports is a shared responsibility."
    programme = next(p for p in pack.paragraphs() if "Text written in French first." in p)
    assert "[" not in programme  # not marked


def test_untranslated_texts_are_flagged_and_tagged_with_their_own_language(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("fr")
    pack = read_docx(docx_bytes(outline))
    label = plain(outline.label("untranslated"))
    assert label == "Non traduit — texte anglais"
    paragraph = next(p for p in pack.body.iter(f"{W}p") if "Internal assessment" in pack.paragraph_text(p))
    assert f"[{label}] Internal assessment of the negotiating room." in pack.paragraph_text(paragraph)
    flag = pack.runs_with(f"[{label}]", paragraph)[0]
    assert flag.find("w:rPr/w:highlight", NS).get(f"{W}val") == "yellow"
    assert pack.lang(flag) == "fr-BE"
    assert pack.lang(pack.runs_with("Internal assessment", paragraph)[0]) == "en-GB"
    # An untranslated section title is highlighted in its heading, with a note under it.
    heading = next(
        p
        for p in pack.body.iter(f"{W}p")
        if pack.paragraph_text(p) == "Point 2 de l’ordre du jour — Programme"
    )
    title = pack.runs_with("Programme", heading)[-1]
    assert pack.lang(title) == "en-GB"
    assert title.find("w:rPr/w:highlight", NS) is not None
    assert f"[{label}]" in pack.styled("BriefingNote")


@pytest.mark.parametrize("mode", MODES)
def test_every_run_is_tagged_with_its_language(
    make_outline: MakeOutline, read_docx: ReadDocx, mode: str
) -> None:
    outline = make_outline(mode)
    pack = read_docx(docx_bytes(outline))
    runs = list(pack.body.iter(f"{W}r"))
    assert runs
    assert all(pack.lang(run) in {"en-GB", "fr-BE"} for run in runs)
    for run in pack.runs_with("La sécurité des ports"):
        assert pack.lang(run) == "fr-BE"
    for run in pack.runs_with("Security in ports"):
        assert pack.lang(run) == "en-GB"
    expected = {"en": "en-GB", "fr": "fr-BE", "bilingual": "en-GB"}[mode]
    styles = pack.xml("word/styles.xml")
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(f"{W}val") == expected


def test_bullets_are_a_real_word_list(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("en")))
    numbering = pack.xml("word/numbering.xml")
    nums = {
        num.get(f"{W}numId"): num.find("w:abstractNumId", NS).get(f"{W}val")
        for num in numbering.findall("w:num", NS)
    }
    abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.findall("w:abstractNum", NS)}
    listed = [p for p in pack.body.iter(f"{W}p") if p.find("w:pPr/w:numPr", NS) is not None]
    texts = [pack.paragraph_text(p) for p in listed]
    assert "[LIMITE] Security in ports is a shared responsibility." in texts
    assert "Agree on the next steps." in texts
    for paragraph in listed:
        num_id = paragraph.find("w:pPr/w:numPr/w:numId", NS).get(f"{W}val")
        definition = abstract[nums[num_id]]
        assert definition.find("w:lvl/w:numFmt", NS).get(f"{W}val") == "bullet"
        assert paragraph.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "ListBullet"
    # All abstract definitions come before the first w:num, as the schema wants.
    tags = [child.tag for child in numbering]
    assert tags.index(f"{W}num") > max(i for i, tag in enumerate(tags) if tag == f"{W}abstractNum")


def test_tables_repeat_their_header_row(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = make_outline("en")
    pack = read_docx(docx_bytes(outline))
    tables = list(pack.body.iter(f"{W}tbl"))
    data_tables = [t for t in tables if t.find("w:tblPr/w:tblStyle", NS) is not None]
    assert (
        len(data_tables) == 3
    )  # participants, follow-up actions (an agenda item only points to them), logistics
    for table in data_tables[:2]:
        first = table.find(f"{W}tr")
        assert first.find("w:trPr/w:tblHeader", NS) is not None
        assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in table.findall(f"{W}tr")[1:])
    headers = [pack.text(t.find(f"{W}tr")).split("\n") for t in data_tables]
    assert ["Name", "Function", "Organisation", "Biography"] in headers
    assert ["Action", "Owner", "Deadline", "Status"] in headers  # the source shared by every row is under it


def test_python_docx_reads_the_pack(make_outline: MakeOutline) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(make_outline("fr"))))
    styles = [
        p.style.name for p in document.paragraphs if p.text == "Point 1 de l’ordre du jour — Trafic de drogue"
    ]
    assert styles == ["Heading 1"]
    contents = [p.text for p in document.paragraphs if p.style.name == "toc 1"]
    assert contents[2].startswith("Point 1 de l’ordre du jour — Trafic de drogue")  # then its page number
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "Conseil Justice et affaires intérieures" in "\n".join(p.text for p in section.header.paragraphs)
    assert [p.text for p in section.first_page_header.paragraphs] == ["LIMITE"]
    assert round(section.page_width.cm, 1) == 21.0
    kinds = {entry.kind for entry in make_outline("fr").entries}
    assert ItemKind.QA in kinds


def test_an_empty_meeting_still_makes_a_sound_pack(sample_library: Any, read_docx: ReadDocx) -> None:
    from briefing.assemble import PackRequest, assemble

    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest("empty-meeting", "bilingual", allow_missing=True))
    pack = read_docx(docx_bytes(outline))
    body = list(pack.body)
    assert body[-1].tag == f"{W}sectPr"
    assert body[-2].tag == f"{W}p"
    kinds = [c.get(f"{W}fldCharType") for c in pack.body.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2  # page numbers of the agenda and logistics
    assert "Agenda / Ordre du jour" in pack.styled("Heading1")


def test_out_of_date_french_is_labelled_as_out_of_date(sample_library: Any, read_docx: ReadDocx) -> None:
    from briefing.assemble import PackRequest, assemble
    from briefing.operations import set_text

    with sample_library.unit_of_work() as uow:
        item = next(i for i in uow.items.list() if i.key == "dt-ltt-1")
        assert item.body is not None
        block_id, english = item.body.id, item.body.text("en")
    set_text(sample_library, block_id, "en", f"{english} Changed since.")  # the French is now out of date
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest("jha-test", "fr", allow_missing=True))
    pack = read_docx(docx_bytes(outline))
    flagged = [p for p in pack.paragraphs() if "Changed since." in p]
    assert flagged == [
        "[LIMITE] [Traduction périmée — texte anglais] Security in ports is a shared responsibility. Changed since."
    ]
    assert "[Non traduit — texte anglais]" in pack.text()  # missing texts keep their own flag
