"""A pack built in a Word template: its styles, page set-up and headers, with house styles where it lacks one."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from briefing.assemble import Outline
from briefing.render.docx import TemplateError, docx_bytes, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS = {"w": W[1:-1]}

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]


def tiny_png() -> bytes:
    """A valid 1 × 1 PNG, for a logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """A "Word-made" template: its own Heading 1, margins, a header with a logo; no "List Bullet" style."""
    document = docx.Document()
    heading = document.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(20)
    heading.font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    section = document.sections[0]
    section.left_margin = Cm(3.5)
    section.right_margin = Cm(1.5)
    section.top_margin = Cm(3)
    header = section.header.paragraphs[0]
    header.text = "ACME MINISTRY"
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    header.add_run().add_picture(str(logo), width=Cm(1))
    document.add_paragraph("Template body text that the pack replaces.")
    bullets = document.styles["List Bullet"]
    bullets.element.getparent().remove(bullets.element)
    path = tmp_path / "ministry.docx"
    document.save(str(path))
    return path


def style_named(styles: Any, name: str) -> list[Any]:
    return [
        s
        for s in styles.findall("w:style", NS)
        if (s.find("w:name", NS).get(f"{W}val") or "").lower() == name.lower()
    ]


def test_pack_uses_the_template_styles_page_and_header(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path, tmp_path: Path
) -> None:
    target = tmp_path / "pack.docx"
    warnings = [
        warning.render("en") for warning in render_docx(make_outline("en"), target, template=template)
    ]
    assert any("List Bullet" in warning for warning in warnings)
    assert not any("heading 1" in warning.lower() for warning in warnings)
    pack = read_docx(target.read_bytes())

    styles = pack.xml("word/styles.xml")
    (heading,) = style_named(styles, "heading 1")
    assert heading.find("w:rPr/w:rFonts", NS).get(f"{W}ascii") == "Georgia"
    assert heading.find("w:rPr/w:color", NS).get(f"{W}val") == "123456"
    assert heading.find("w:rPr/w:sz", NS).get(f"{W}val") == "40"
    assert pack.styled(heading.get(f"{W}styleId"))[2] == "Agenda item 1 — Drug trafficking"
    (bullets,) = style_named(styles, "List Bullet")  # added from the house styles
    assert any(p.startswith("[LIMITE] Security in ports") for p in pack.styled(bullets.get(f"{W}styleId")))
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(f"{W}val") == "en-GB"

    document = docx.Document(str(target))
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.5
    assert round(section.right_margin.cm, 1) == 1.5
    assert round(section.page_width.inches, 1) == 8.5  # the template's Letter page, not the house A4
    assert [p.text for p in section.header.paragraphs] == [
        "ACME MINISTRY",
        "LIMITE",
        "Justice and Home Affairs Council",
    ]
    assert [p.text for p in section.first_page_header.paragraphs] == ["ACME MINISTRY", "LIMITE"]
    assert "Template body text" not in pack.text()

    # Tables fit between the template's margins.
    widths = [
        sum(int(col.get(f"{W}w")) for col in table.findall("w:tblGrid/w:gridCol", NS))
        for table in pack.body.iter(f"{W}tbl")
    ]
    text_width = round((8.5 * 2.54 - 3.5 - 1.5) / 2.54 * 1440)
    assert all(abs(width - text_width) <= 2 for width in widths)


def test_the_logo_follows_the_header_onto_the_cover(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path
) -> None:
    pack = read_docx(docx_bytes(make_outline("en"), template))
    names = {which: pack.header_footer_name("header", which) for which in ("default", "first")}
    assert names["default"] != names["first"]
    for name in names.values():
        blips = list(pack.xml(name).iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
        assert len(blips) == 1
        image = pack.part_relationships(name)[blips[0].get(f"{R}embed")]
        assert pack.parts[image] == tiny_png()


def test_template_parts_that_would_mislead_are_left_out(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path
) -> None:
    pack = read_docx(docx_bytes(make_outline("en"), template))
    assert not any("thumbnail" in name for name in pack.parts)
    for name in ("docProps/core.xml", "docProps/app.xml"):
        assert b"python-docx" not in pack.parts[name]
        assert b"Microsoft" not in pack.parts[name]
    assert pack.xml("word/settings.xml").find("w:updateFields", NS) is not None


def test_a_dotx_template_is_accepted(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path, tmp_path: Path
) -> None:
    dotx = tmp_path / "ministry.dotx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(dotx, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            blob = source.read(name)
            if name == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            copy.writestr(name, blob)
    pack = read_docx(docx_bytes(make_outline("fr"), dotx))
    types = pack.parts["[Content_Types].xml"]
    assert b"document.main+xml" in types and b"template.main+xml" not in types
    assert "ACME MINISTRY" in pack.paragraphs(pack.header_footer("header", "default"))


def test_a_file_that_is_not_a_template_is_refused_and_nothing_written(
    make_outline: MakeOutline, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file", encoding="utf-8")
    for template in (bad, tmp_path / "absent.docx"):
        with pytest.raises(TemplateError) as raised:
            render_docx(make_outline("en"), folder / "pack.docx", template=template)
        assert str(template) in raised.value.message("en")
    assert list(folder.iterdir()) == []


def test_without_a_template_no_warning_is_given(make_outline: MakeOutline, tmp_path: Path) -> None:
    assert render_docx(make_outline("bilingual"), tmp_path / "pack.docx") == []
    document = docx.Document(io.BytesIO((tmp_path / "pack.docx").read_bytes()))
    assert document.styles["Briefing Question"].type is not None


def without_parts(template: Path, target: Path, *names: str) -> Path:
    """A copy of ``template`` without the parts ``names`` (and without their relationships and types)."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            if name in names:
                continue
            blob = source.read(name)
            if name in ("[Content_Types].xml", "word/_rels/document.xml.rels"):
                tree = etree.fromstring(blob)
                for child in list(tree):
                    reference = child.get("PartName") or "/word/" + (child.get("Target") or "")
                    if reference.lstrip("/") in names:
                        tree.remove(child)
                blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
            copy.writestr(name, blob)
    return target


def test_a_template_without_styles_numbering_or_settings_gets_the_house_ones(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path, tmp_path: Path
) -> None:
    bare = without_parts(
        template, tmp_path / "bare.docx", "word/styles.xml", "word/numbering.xml", "word/settings.xml"
    )
    with zipfile.ZipFile(bare) as archive:
        assert "word/numbering.xml" not in archive.namelist()
    target = tmp_path / "pack.docx"
    found = render_docx(make_outline("en"), target, template=bare)
    warnings = [warning.render("en") for warning in found]
    assert any("heading 1" in warning for warning in warnings)
    assert any("List Bullet" in warning for warning in warnings)
    assert "Le modèle n’a pas de style «\u202fList Bullet\u202f»" in " ".join(w.render("fr") for w in found)
    pack = read_docx(target.read_bytes())
    assert {"word/styles.xml", "word/numbering.xml", "word/settings.xml"} <= set(pack.parts)
    assert pack.xml("word/numbering.xml").find("w:abstractNum", NS) is not None
    assert pack.xml("word/settings.xml").find("w:updateFields", NS) is not None
    assert "Agenda item 1 — Drug trafficking" in pack.styled("Heading1")
    assert "ACME MINISTRY" in pack.paragraphs(pack.header_footer("header", "default"))


def test_every_style_role_has_a_house_style() -> None:
    from dataclasses import fields

    from briefing.render.docx.house_styles import HOUSE_STYLES, StyleIds

    assert {f.name for f in fields(StyleIds)} == {style.role for style in HOUSE_STYLES}
    assert len({style.name.lower() for style in HOUSE_STYLES}) == len(HOUSE_STYLES)
