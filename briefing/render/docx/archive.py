"""Saving the package, with the body of the pack streamed into ``word/document.xml``.

Every part is written as python-docx holds it, except the main document: its XML is serialized around a
marker left in the (otherwise empty) body, and the body chunks produced by the writer are compressed into the
archive as they come. The body of an 800-page pack is thus never held in memory as a tree nor as one string,
which keeps the renderer fast and small.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from lxml import etree

from briefing.render.docx.xml import qn

BODY_MARK = "briefing-body"
"""Comment left where the body goes while the main document part is serialized."""

COMPRESS_LEVEL = 1
"""zlib level for every part of the package."""

ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
"""The date of every entry of the archive: the zip epoch, so the same pack makes the same bytes."""

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"


def content_types(parts: Iterable[Any]) -> bytes:
    """``[Content_Types].xml`` naming the content type of every part."""

    def quoteattr(value: str) -> str:  # xml.sax.saxutils's would import urllib and http for nothing
        return '"' + value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;") + '"'

    overrides = "".join(
        f"<Override PartName={quoteattr(str(part.partname))} ContentType={quoteattr(part.content_type)}/>"
        for part in parts
    )
    return (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{_RELATIONSHIPS}"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    ).encode()


def split_main_part(document: Any) -> tuple[bytes, bytes]:
    """The serialized main document part before and after the place of the body's content."""
    from docx.opc.oxml import serialize_part_xml

    body = document.element.body
    mark = etree.Comment(BODY_MARK)
    section_properties = body.find(qn("w:sectPr"))
    if section_properties is not None:
        section_properties.addprevious(mark)
    else:
        body.append(mark)
    try:
        xml = serialize_part_xml(document.element)
    finally:
        body.remove(mark)
    head, tail = xml.split(f"<!--{BODY_MARK}-->".encode(), 1)
    return head, tail


def write_package(document: Any, body: Iterable[str], target: Path | IO[bytes]) -> None:
    """Write ``document``'s package to ``target``, the chunks of ``body`` making the body of the pack.

    Parts are compressed at level 1: several times faster than zlib's default for a file about a quarter
    larger, which matters for packs of hundreds of pages. Entries come in a fixed order with a fixed date, so
    the same pack always makes the same bytes (a recorded export can be made again exactly).
    """
    import zipfile

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, ENTRY_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    def add(name: str, data: bytes) -> None:
        archive.writestr(entry(name), data, compresslevel=COMPRESS_LEVEL)

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    head, tail = split_main_part(document)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
        add("[Content_Types].xml", content_types(parts))
        add("_rels/.rels", package.rels.xml)
        for part in parts:
            if part is document.part:
                # Opened by name, the member takes the archive's compression level (and the zip epoch as date).
                with archive.open(part.partname.membername, "w") as stream:
                    stream.write(head)
                    for chunk in body:
                        stream.write(chunk.encode())
                    stream.write(tail)
            else:
                add(part.partname.membername, part.blob)
            if len(part.rels):
                add(part.partname.rels_uri.membername, part.rels.xml)
