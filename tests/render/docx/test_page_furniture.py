"""Headers, footers, page numbers, settings and document properties of the Word pack."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import docx
import pytest

from briefing.assemble import Outline
from briefing.render.docx import build_pack, docx_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("en", ["Page 1 of 1"]),
        ("fr", ["Page 1 sur 1"]),
        ("bilingual", ["Page 1 of 1 / Page 1 sur 1"]),
    ],
)
def test_footer_numbers_pages_with_page_and_numpages_fields(
    make_outline: MakeOutline, read_docx: ReadDocx, mode: str, expected: list[str]
) -> None:
    pack = read_docx(docx_bytes(make_outline(mode)))
    footer = pack.header_footer("footer", "default")
    instructions = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instructions.count("PAGE") == len(expected[0].split(" / "))
    assert instructions.count("NUMPAGES") == instructions.count("PAGE")
    assert pack.paragraphs(footer) == [*expected, "LIMITE"]
    separator = " sur " if mode == "fr" else " of "
    assert any(separator in (t.text or "") for t in footer.iter(f"{W}t"))
    for run in footer.iter(f"{W}r"):
        assert pack.lang(run) in {"en-GB", "fr-BE"}


@pytest.mark.parametrize("mode", ["en", "fr", "bilingual"])
def test_header_shows_marking_and_title_after_the_cover(
    make_outline: MakeOutline, read_docx: ReadDocx, mode: str
) -> None:
    outline = make_outline(mode)
    pack = read_docx(docx_bytes(outline))
    assert outline.marking_text == "LIMITE"
    assert pack.paragraphs(pack.header_footer("header", "default")) == ["LIMITE", outline.title_text]
    # The cover (first page) carries the marking at the top, and is numbered like every page.
    assert pack.paragraphs(pack.header_footer("header", "first")) == ["LIMITE"]
    assert pack.paragraphs(pack.header_footer("footer", "first")) == pack.paragraphs(
        pack.header_footer("footer", "default")
    )
    assert pack.body.find("w:sectPr/w:titlePg", NS) is not None


def test_an_unmarked_pack_has_no_marking_lines(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = replace(make_outline("en"), marking=None, cover=replace(make_outline("en").cover, marking=None))
    pack = read_docx(docx_bytes(outline))
    assert pack.paragraphs(pack.header_footer("header", "default")) == [outline.title_text]
    assert pack.paragraphs(pack.header_footer("footer", "default")) == ["Page 1 of 1"]
    assert pack.paragraphs(pack.header_footer("header", "first")) == [""]
    assert "No marking" in pack.text()


def test_settings_ask_word_to_update_fields(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("fr")))
    settings = pack.xml("word/settings.xml")
    assert settings.find("w:updateFields", NS).get(f"{W}val") == "true"
    assert settings.find("w:themeFontLang", NS).get(f"{W}val") == "fr-BE"
    names = [child.tag.split("}")[1] for child in settings]
    assert names.index("updateFields") < names.index("compat") < names.index("themeFontLang")


def test_core_properties_describe_the_pack(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    outline = make_outline("fr")
    now = dt.datetime(2024, 6, 1, 9, 30, tzinfo=dt.UTC)
    pack = build_pack(outline, now=now)
    stream = io.BytesIO()
    pack.save(stream)
    properties = docx.Document(io.BytesIO(stream.getvalue())).core_properties
    assert properties.title == "Conseil Justice et affaires intérieures"
    assert properties.subject == "Dossier de réunion — Exemplaire interne"
    assert properties.author == "Unité Affaires intérieures"  # who prepared the pack, in French
    assert properties.last_modified_by == "Unité Affaires intérieures"
    assert properties.language == "fr-BE"
    assert properties.category == "LIMITE"
    assert "LIMITE" in properties.keywords
    assert properties.created == now.replace(tzinfo=dt.UTC)
    assert properties.modified == now.replace(tzinfo=dt.UTC)
    assert properties.comments == ""
    assert properties.revision == 1


def test_no_trace_of_python_docx_in_the_properties(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    pack = read_docx(docx_bytes(make_outline("en")))
    properties = {name: blob for name, blob in pack.parts.items() if name.startswith("docProps/")}
    assert set(properties) == {"docProps/core.xml", "docProps/app.xml"}
    for blob in properties.values():
        assert b"python-docx" not in blob.lower()
        assert b"Microsoft" not in blob
    assert b"<Application>Briefing</Application>" in properties["docProps/app.xml"]
    assert not any("thumbnail" in name or "customXml" in name for name in pack.parts)


def test_author_defaults_to_the_application(make_outline: MakeOutline) -> None:
    outline = make_outline("en")
    outline = replace(outline, cover=replace(outline.cover, prepared_by=""))
    properties = docx.Document(io.BytesIO(docx_bytes(outline))).core_properties
    assert properties.author == "Briefing"


def test_house_page_is_a4_with_the_marking_in_every_header_and_footer(make_outline: MakeOutline) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(make_outline("en"))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
        assert "LIMITE" in [p.text for p in part.paragraphs]
