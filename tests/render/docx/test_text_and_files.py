"""Text XML cannot hold is cleaned on the way out; a failed render leaves nothing behind."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from briefing.assemble import Outline
from briefing.assemble.outline import Text
from briefing.files import OutputError
from briefing.render.docx import docx_bytes, render_docx
from briefing.render.docx.writer import PackWriter
from briefing.render.docx.xml import clean_text, escape, text_content

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MakeOutline = Callable[..., Outline]
ReadDocx = Callable[[bytes], Any]

DIRTY = "one\x0btwo\x0cthree\x00four\x1ffive\ufffe\uffffsix\ud800seven\r\neight\rnine\tten & <eleven>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text", "plain text"),
        ("a\x0bb", "a\nb"),
        ("a\x0cb", "a\fb"),
        ("a\x00b\x01c\x08d\x1fe\x7ff", "abcde\x7ff"),
        ("a\ufffeb\uffffc", "abc"),
        ("a\ud800b\udfffc", "abc"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\tkept", "tab\tkept"),
        ("😀 stays", "😀 stays"),
    ],
)
def test_clean_text(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_text_content_turns_breaks_into_elements() -> None:
    assert text_content("a\x0bb") == "<w:t>a</w:t><w:br/><w:t>b</w:t>"
    assert text_content("a\x0cb") == '<w:t>a</w:t><w:br w:type="page"/><w:t>b</w:t>'
    assert text_content("a\nb\tc") == "<w:t>a</w:t><w:br/><w:t>b</w:t><w:tab/><w:t>c</w:t>"
    assert text_content(" padded ") == '<w:t xml:space="preserve"> padded </w:t>'
    assert text_content("\x00") == ""
    assert escape('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def dirty_outline(outline: Outline) -> Outline:
    section = outline.sections[0]
    slot = section.slots[0]
    entry = replace(slot.entries[0], body=(Text(DIRTY, "en"),))
    section = replace(section, slots=(replace(slot, entries=(entry, *slot.entries[1:])), *section.slots[1:]))
    cover = replace(outline.cover, title=(Text("Council\x0bmeeting\x00", "en"),), prepared_by="Unit\x07 A")
    participants = (replace(outline.participants[0], name="Jeanne\x1f Exemple"), *outline.participants[1:])
    return replace(
        outline,
        sections=(section, *outline.sections[1:]),
        cover=cover,
        participants=participants,
        title_text="Council\x0bmeeting\x00",
        sources=("ST\x0c 1/24",),
    )


def test_control_characters_are_cleaned_in_every_part(make_outline: MakeOutline, read_docx: ReadDocx) -> None:
    data = docx_bytes(dirty_outline(make_outline("en")))
    pack = read_docx(data)  # every part parses: nothing illegal was written
    for name, blob in pack.parts.items():
        if name.endswith(".xml") or name.endswith(".rels"):
            etree.fromstring(blob)
            for illegal in (b"\x00", b"\x0b", b"\x0c", b"\x1f", b"\x07", "\ufffe".encode(), b"\xed\xa0\x80"):
                assert illegal not in blob, (name, illegal)
    paragraph = next(p for p in pack.body.iter(f"{W}p") if "threefour" in pack.paragraph_text(p))
    assert pack.paragraph_text(paragraph).startswith("[LIMITE] one")
    flagged, text = list(paragraph.iter(f"{W}r"))
    assert flagged.findtext(f"{W}t") == "[LIMITE] "
    pieces = [
        (child.tag.split("}")[1], child.get(f"{W}type"), child.text)
        for child in text
        if child.tag != f"{W}rPr"
    ]
    assert pieces == [
        ("t", None, "one"),
        ("br", None, None),
        ("t", None, "two"),
        ("br", "page", None),
        ("t", None, "threefourfivesixseven"),
        ("br", None, None),
        ("t", None, "eight"),
        ("br", None, None),
        ("t", None, "nine"),
        ("tab", None, None),
        ("t", None, "ten & <eleven>"),
    ]
    header = pack.header_footer("header", "default")
    assert pack.paragraphs(header)[-1] == "Councilmeeting"
    assert "Jeanne Exemple" in pack.text()
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.title == "Council meeting"
    assert properties.author == "Unit A"


def test_a_missing_folder_is_reported_and_nothing_is_written(
    make_outline: MakeOutline, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OutputError):
        render_docx(make_outline("en"), folder / "missing" / "pack.docx")
    assert list(folder.iterdir()) == []


def test_a_failure_while_writing_leaves_the_previous_file_and_no_temporary(
    make_outline: MakeOutline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "pack.docx"
    target.write_bytes(b"the previous pack")

    def broken(self: PackWriter, section: object) -> str:
        raise RuntimeError("renderer failed half-way")

    monkeypatch.setattr(PackWriter, "section", broken)
    with pytest.raises(RuntimeError, match="half-way"):
        render_docx(make_outline("en"), target)
    assert [path.name for path in folder.iterdir()] == ["pack.docx"]
    assert target.read_bytes() == b"the previous pack"


def test_a_successful_render_replaces_the_previous_file(make_outline: MakeOutline, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "pack.docx"
    target.write_bytes(b"the previous pack")
    render_docx(make_outline("en"), target)
    assert [path.name for path in folder.iterdir()] == ["pack.docx"]
    assert docx.Document(str(target)).core_properties.title == "Justice and Home Affairs Council"
