"""Follow-up actions printed once, in a tracker that reads without colour; tables that keep their rows whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from briefing.assemble import Outline, PackRequest, assemble
from briefing.render.docx import docx_bytes
from briefing.store import Library

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]


def data_tables(pack: Any) -> list[Any]:
    return [t for t in pack.body.iter(f"{W}tbl") if t.find("w:tblPr/w:tblStyle", NS) is not None]


def tracker(pack: Any) -> Any:
    header = [pack.text(t.find(f"{W}tr")) for t in data_tables(pack)]
    return next(
        t for t, h in zip(data_tables(pack), header, strict=True) if "Deadline" in h or "Échéance" in h
    )


def test_each_action_is_printed_once_and_each_agenda_item_points_to_the_annex(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("en")
    pack = read_docx(docx_bytes(outline))
    text = pack.text()
    assert outline.actions
    for action in outline.actions:
        assert text.count(action.text[0].text) == 1
    pointers = [p for p in pack.body.iter(f"{W}p") if "follow-up action" in pack.paragraph_text(p)]
    assert len(pointers) == 1
    assert re.fullmatch(
        r"2 follow-up actions: see “Follow-up actions”, page \d+", pack.paragraph_text(pointers[0])
    )
    link = pointers[0].find("w:hyperlink", NS)
    assert link.get(f"{W}anchor") == "_actions"
    assert [t.text.split() for t in link.iter(f"{W}instrText")] == [["PAGEREF", "_actions", "\\h"]]


def test_french_pointer_has_french_typography(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("fr")))
    pointers = [t for t in pack.paragraphs() if "actions de suivi" in t]
    assert pointers and pointers[0].startswith(
        "2 actions de suivi\u00a0: voir «\u202fActions de suivi\u202f», page "
    )


def test_tracker_columns_fit_their_content(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("en")))
    table = tracker(pack)
    widths = [int(c.get(f"{W}w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert len(widths) == 3  # action, owner, deadline and status: one source for all, cited under the table
    assert widths[0] >= sum(widths) / 2
    # The deadline never wraps: no-break spaces, and a column as wide as "30 September 2024" needs.
    deadlines = [t for t in pack.paragraphs(table) if "2024" in t]
    assert deadlines == ["31\u00a0December\u00a02024"]
    assert widths[2] >= len("31 December 2024") * 120
    after = table.getnext()
    assert pack.paragraph_text(after) == "Source: ST 10270/24"
    assert pack.text().count("ST 10270/24") == 2  # under the table and in the sources annex


def test_tracker_keeps_a_source_column_when_rows_cite_different_sources(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    outline = make_outline("en")
    first, *rest = outline.actions
    mixed = dataclasses.replace(outline, actions=(dataclasses.replace(first, source="ST 9999/24"), *rest))
    pack = read_docx(docx_bytes(mixed))
    table = tracker(pack)
    assert pack.text(table.find(f"{W}tr")).split("\n") == ["Action", "Owner", "Deadline", "Status", "Source"]
    assert "Source: " not in pack.text()


def test_overdue_is_said_in_words_and_explained(sample_library: Library, read_docx: ReadDocx) -> None:
    for lang, word, legend in (
        ("en", "Overdue", "Overdue: the deadline"),
        ("fr", "En\u00a0retard", "En retard"),
    ):
        with sample_library.unit_of_work() as uow:
            outline = assemble(
                uow, PackRequest("jha-test", lang, today=dt.date(2025, 1, 15), allow_missing=True)
            )
        pack = read_docx(docx_bytes(outline))
        table = tracker(pack)
        rows = [pack.text(r) for r in table.findall("w:tr", NS)]
        overdue = [r for r in rows if word in r.split("\n")]
        assert len(overdue) == 1 and ("31\u00a0" in overdue[0]), rows
        assert not any(word in r.split("\n") for r in rows if "Map high-risk" in r or "Cartographier" in r)
        legend_paragraph = table.getprevious()
        assert legend in pack.paragraph_text(legend_paragraph)


def test_rows_are_kept_whole_and_headers_stay_with_the_first_row(
    make_outline: MakeOutline, read_docx: ReadDocx
) -> None:
    for mode in ("en", "bilingual"):
        pack = read_docx(docx_bytes(make_outline(mode)))
        tables = data_tables(pack)
        assert tables
        for table in tables:
            rows = table.findall("w:tr", NS)
            for row in rows:
                assert row.find("w:trPr/w:cantSplit", NS) is not None, pack.text(row)
            header = rows[0]
            if header.find("w:trPr/w:tblHeader", NS) is None:
                continue  # the logistics table: labels and values, no header
            assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in header.iter(f"{W}p"))


def test_a_row_taller_than_a_page_may_break(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = make_outline("en")
    first, *rest = outline.actions
    long_text = tuple(dataclasses.replace(t, text="A very long action. " * 400) for t in first.text)
    long = dataclasses.replace(outline, actions=(dataclasses.replace(first, text=long_text), *rest))
    pack = read_docx(docx_bytes(long))
    rows = tracker(pack).findall("w:tr", NS)
    tall = [r for r in rows if "A very long action." in pack.text(r)]
    assert len(tall) == 1 and tall[0].find("w:trPr/w:cantSplit", NS) is None
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows if r is not tall[0])
