"""Property: whatever text an adviser or a file puts in the library comes out of Word and Excel as that text.

Generated texts mix control characters, lone surrogates, NUL, formula-like starts ("=1+1", "@SUM(…)"),
right-to-left marks, XML specials, Excel's own escapes and texts of up to 20,000 characters. Each goes into
an item of a real library: a text with NUL or a lone surrogate is refused (no database can store them) and
stored without them, as the app asks. The pack is then written as DOCX and XLSX and read back with
python-docx and openpyxl: the text is there, as text (never a formula cell), and searching for it or
checking it against the glossary raises nothing. The example count is kept small: each example writes two packs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from briefing.assemble import PackRequest
from briefing.export import ExportRequest, export_pack
from briefing.glossary.files import default_glossary
from briefing.interchange.library_json import import_document, validate
from briefing.model import TextStatus
from briefing.render.docx.xml import clean_text as docx_clean
from briefing.render.xlsx.cells import clean_text as xlsx_clean
from briefing.render.xlsx.cells import read_text
from briefing.store import Library
from briefing.store.limits import LimitError

FRAGMENTS = [
    "=1+1", "=WEBSERVICE(\"http://example.org/\"&A1)", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "＝1+1",
    "#N/A", "_x0041_", "_x000D_", "\u200f", "\u202e", "\u200b=", "שלום", "مرحبا", "<w:t>", "</w:p>", "]]>",
    "&amp;", "&lt;", "&#0;", "\"'", "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\ud800", "\udfff", "\t",
    "\r\n", "\n\n", "🇪🇺", "\ufffe", "  ",
]  # fmt: skip
NOT_STORABLE = re.compile("[\x00\ud800-\udfff]")
ITEMS = ("dt-ltt-1", "dt-bg-1")
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=40),
        st.builds(  # a huge text: a short one repeated up to 20,000 characters
            lambda piece, times: (piece * times)[:20_000],
            st.text(st.characters(codec=None, exclude_categories=("Cs",)), min_size=1, max_size=12),
            st.integers(200, 4000),
        ),
    ),
    min_size=1,
    max_size=6,
).map("".join)
counter = itertools.count()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    import json

    opened = Library.open(tmp_path_factory.mktemp("property") / "library.sqlite")
    sample = json.loads(
        (Path(__file__).parents[1] / "data" / "sample-library.json").read_text(encoding="utf-8")
    )
    with opened.unit_of_work() as uow:
        import_document(uow, validate(sample))
    yield opened
    opened.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def store(library: Library, item_key: str, text: str) -> str:
    """Put ``text`` in the item's English body as the app would; the text stored."""
    if NOT_STORABLE.search(text):
        with pytest.raises(LimitError), library.unit_of_work() as uow:
            body = uow.items.require(item_key).body
            assert body is not None
            body.set_text("en", text, TextStatus.TRANSLATED)
        text = NOT_STORABLE.sub("", text)
    with library.unit_of_work() as uow:
        body = uow.items.require(item_key).body
        assert body is not None
        body.set_text("en", text, TextStatus.TRANSLATED)
    return text


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        paragraphs += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs)


def xlsx_cells(path: Path) -> list[Any]:
    book = load_workbook(path)
    return [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.tuples(hostile_text, hostile_text))
def test_hostile_text_survives_as_text_in_word_excel_and_search(
    library: Library, tmp_path: Path, texts: tuple[str, str]
) -> None:
    number = next(counter)
    glossary = default_glossary()
    for generated in texts:  # as typed, lone surrogates and all: the glossary checks raise nothing
        glossary.matches(generated, "en")
        glossary.find(generated, "fr")
        with library.unit_of_work() as uow:
            uow.search(generated)
    stored = {}
    for item_key, generated in zip(ITEMS, texts, strict=True):
        marker = f"Mk{number}x{item_key.replace('-', '')}"
        # the marker first: a text longer than a spreadsheet cell holds is cut at its end
        stored[marker] = store(library, item_key, marker + " " + generated)

    request = PackRequest("jha-test", "en", allow_missing=True)
    word = tmp_path / f"pack-{number}.docx"
    excel = tmp_path / f"pack-{number}.xlsx"
    export_pack(library, ExportRequest(request, word))
    export_pack(library, ExportRequest(request, excel, format="xlsx"))

    in_word = squeeze(docx_text(word))
    cells = xlsx_cells(excel)
    assert all(cell.data_type != "f" for cell in cells)  # no text ever became a formula
    for marker, text in stored.items():
        assert squeeze(docx_clean(text).replace("\f", "")) in in_word
        holding = [cell for cell in cells if isinstance(cell.value, str) and marker in cell.value]
        assert holding, marker
        for cell in holding:
            assert cell.data_type == "s"
            assert squeeze(xlsx_clean(text)) in squeeze(read_text(cell.value))
    with library.unit_of_work() as uow:
        for marker, text in stored.items():
            uow.search(text[:500])
            uow.search(text[-500:] + " ")
            assert any(marker.lower() in squeeze(hit.snippet).lower() for hit in uow.search(marker))
