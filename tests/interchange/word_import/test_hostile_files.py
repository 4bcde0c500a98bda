"""Files that are not safe or not Word documents are refused with one clear sentence, and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.errors import InterchangeError
from briefing.interchange.word_import import apply_plan, plan_import
from briefing.interchange.word_import.package import MAX_ENTRIES, MAX_TOTAL_BYTES, OLE_SIGNATURE
from briefing.operations import add_item, create_topic
from briefing.store import Library
from tests.interchange.word_import.wordml import CONTENT_TYPES, NAMESPACES, p, write_docx


def zip_bomb(path: Path) -> Path:
    """A small zip whose document inflates past the limit (zeros compress about a thousand to one)."""
    chunk = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as handle,
    ):
        for _ in range(MAX_TOTAL_BYTES // len(chunk) + 8):
            handle.write(chunk)
    return path


def many_entries(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {NAMESPACES}><w:body/></w:document>")
        for index in range(MAX_ENTRIES):
            archive.writestr(f"word/media/{index}.bin", b"")
    return path


def entities(path: Path) -> Path:
    document = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        f"<w:document {NAMESPACES}><w:body>{p('&lol2;')}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    return path


def external_entity(path: Path) -> Path:
    document = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f"<w:document {NAMESPACES}><w:body>{p('&secret;')}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    return path


def encrypted(path: Path) -> Path:
    path.write_bytes(OLE_SIGNATURE + b"\0" * 4096)
    return path


def not_a_zip(path: Path) -> Path:
    path.write_text("This is a plain text file renamed .docx\n", encoding="utf-8")
    return path


def truncated(path: Path) -> Path:
    write_docx(path, p("Ports", style="Heading1") + p("Text"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def malformed_xml(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {NAMESPACES}><w:body><w:p></w:body>")
    return path


def no_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


HOSTILE = {
    "zip_bomb": (zip_bomb, "too large to import safely"),
    "many_entries": (many_entries, f"holds {MAX_ENTRIES + 1} files"),
    "entities": (entities, "declares a document type"),
    "external_entity": (external_entity, "declares a document type"),
    "encrypted": (encrypted, "password-protected or an old Word 97–2003 document"),
    "not_a_zip": (not_a_zip, "is not a Word document"),
    "truncated": (truncated, "is damaged"),
    "malformed_xml": (malformed_xml, "is not valid XML"),
    "no_document": (no_document, "is not a Word document"),
}


def library_rows(library: Library) -> tuple[int, int, int, int]:
    with library.unit_of_work() as uow:
        return uow.areas.count(), uow.topics.count(), uow.items.count(), uow.translations.count()


@pytest.fixture
def filled_library(library: Library) -> Library:
    from briefing.model import Area
    from briefing.operations.base import new_text_block

    with library.unit_of_work() as uow:
        uow.areas.add(Area(key="security", title=new_text_block({"en": "Security"})))
    create_topic(library, "security", {"en": "Ports"}, key="ports")
    add_item(library, "ports", "line_to_take", {"en": "Ports matter."})
    return library


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_is_refused_clearly_and_the_library_is_unchanged(
    name: str, filled_library: Library, tmp_path: Path
) -> None:
    make, expected = HOSTILE[name]
    path = make(tmp_path / f"{name}.docx")
    before = library_rows(filled_library)

    with pytest.raises(InterchangeError) as raised:
        plan_import(filled_library, path)

    english, french = raised.value.message("en"), raised.value.message("fr")
    assert expected in english
    assert f"{name}.docx" in english and "\n" not in english
    assert french != english and f"{name}.docx" in french
    assert library_rows(filled_library) == before


def test_entities_are_never_expanded_by_the_parser(tmp_path: Path) -> None:
    from lxml import etree

    from briefing.interchange.word_import.package import _parser

    tree = etree.fromstring(b'<!DOCTYPE a [<!ENTITY x "expanded">]><a>&x;</a>', _parser())
    assert "expanded" not in etree.tostring(tree).decode()


def test_a_failure_while_writing_leaves_nothing_behind(filled_library: Library, tmp_path: Path) -> None:
    from briefing.operations import delete_topic
    from tests.interchange.word_import.wordml import style

    create_topic(filled_library, "security", {"en": "Harbours"}, key="harbours")
    body = (
        p("Ports", style="Heading1")
        + p("Lines to take", style="Heading2")
        + p("Ports matter.")
        + p("They matter more every year.")
        + p("Harbours", style="Heading1")
        + p("Background", style="Heading2")
        + p("Harbours are older than ports.")
        + p("Docks", style="Heading1")
        + p("Lines to take", style="Heading2")
        + p("New topic, new line.")
    )
    styles = style("Heading1", "heading 1") + style("Heading2", "heading 2")
    path = write_docx(tmp_path / "b.docx", body, styles=styles)
    plan = plan_import(filled_library, path, area="security")
    assert [(t.existing_key, len(t.items)) for t in plan.topics] == [("ports", 2), ("harbours", 1), (None, 1)]
    # someone deletes a topic the plan merges into before it is applied: the merge into "ports" is already
    # made when the import meets the missing topic
    delete_topic(filled_library, "harbours")
    before = library_rows(filled_library)

    with pytest.raises(Exception, match="deleted while the import was prepared"):
        apply_plan(filled_library, plan)

    assert library_rows(filled_library) == before
    with filled_library.unit_of_work() as uow:
        assert uow.topics.by_key("docks") is None
        assert [i.body.text("en") for i in uow.topics.require("ports").items if i.body] == ["Ports matter."]
