"""A Word template from anywhere, made safe before a pack is built in it.

Before python-docx parses anything, the zip directory is checked (number of parts, the size of each part and
of all of them unpacked, as the directory records them: reading a part stops there) and every XML part is
parsed once with a parser that loads no DTD, expands no entity and fetches nothing. A part that declares a
document type or uses an entity it does not declare is refused: python-docx copies the parts it does not read
into the pack as they are, and Word would then refuse the pack.

After loading, relationships that point outside the package (an attached template on a server, a remote
image, a linked file: ``TargetMode="External"``) are removed, together with the attributes that refer to them,
so that opening a pack never reaches out to another machine.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from briefing.errors import N_, Message
from briefing.render.docx.package import TemplateError
from briefing.zip_bounds import Overflow, PartTooLargeError, ZipBounds, check_directory, read_part

MAX_TEMPLATE_PARTS = 1000
"""Parts in a template's zip (Word's own templates have a few dozen)."""
MAX_TEMPLATE_PART_BYTES = 64 * 1024 * 1024
"""Uncompressed bytes of one part (an embedded logo or font included)."""
MAX_TEMPLATE_BYTES = 128 * 1024 * 1024
"""Uncompressed bytes of the whole template."""

_BOUNDS = ZipBounds(
    max_entries=MAX_TEMPLATE_PARTS, max_part_bytes=MAX_TEMPLATE_PART_BYTES, max_total_bytes=MAX_TEMPLATE_BYTES
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _refused(path: Path, msgid: str, **params: object) -> TemplateError:
    return TemplateError(
        N_("Cannot use the template {path}: {problem}"), path=path, problem=Message(msgid, **params)
    )


def check_template_archive(path: Path, data: bytes) -> None:
    """Refuse a template that is too big once unpacked, has too many parts, or holds unsafe or broken XML."""
    from lxml import etree

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refused(path, N_("it is not a Word document or template")) from exc
    with archive:
        entries = archive.infolist()
        problem = check_directory(entries, _BOUNDS)
        if problem is not None and problem.overflow is Overflow.ENTRIES:
            raise _refused(
                path, N_("it has {count} parts, more than {most}"), count=problem.found, most=problem.limit
            )
        if problem is not None:
            raise _refused(
                path,
                N_("it would take {size} MB once unpacked; a template may take {most} MB"),
                size=sum(entry.file_size for entry in entries) // 2**20,
                most=MAX_TEMPLATE_BYTES // 2**20,
            )
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
        )
        for entry in entries:
            if not entry.filename.lower().endswith(_XML_SUFFIXES) or entry.is_dir():
                continue
            try:
                blob = read_part(archive, entry, MAX_TEMPLATE_PART_BYTES)
            except PartTooLargeError as exc:
                raise _refused(
                    path,
                    N_("its part {part} unpacks to more than {most} MB"),
                    part=exc.part,
                    most=exc.limit // 2**20,
                ) from exc
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
                raise _refused(path, N_("it is not a Word document or template")) from exc
            try:
                tree = etree.parse(io.BytesIO(blob), parser)
            except etree.XMLSyntaxError as exc:
                raise _refused(
                    path,
                    N_("its part {part} is not well-formed XML ({reason})"),
                    part=entry.filename,
                    reason=exc.msg,
                ) from exc
            if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
                raise _refused(
                    path,
                    N_("its part {part} declares a document type (DTD), which a Word document never does"),
                    part=entry.filename,
                )


def drop_external_relationships(document: Any) -> bool:
    """Remove every relationship to something outside the package, and what refers to it; whether any was."""
    package = document.part.package
    dropped = _drop_external(package.rels, None)
    for part in package.iter_parts():
        dropped = _drop_external(part.rels, part) or dropped
    return dropped


def _drop_external(rels: Any, part: Any) -> bool:
    external = [rel_id for rel_id, rel in rels.items() if rel.is_external]
    for rel_id in external:
        del rels[rel_id]
    if external and part is not None:
        _forget_references(part, set(external))
    return bool(external)


def _forget_references(part: Any, rel_ids: set[str]) -> None:
    """Remove the attributes of ``part``'s XML that name one of ``rel_ids`` (an attached template entirely)."""
    from lxml import etree

    element = getattr(part, "_element", None)
    if element is None:
        try:
            element = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except (etree.XMLSyntaxError, ValueError):
            return
        _clean(element, rel_ids)
        part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
        return
    _clean(element, rel_ids)


def _clean(root: Any, rel_ids: set[str]) -> None:
    attached = f"{{{_W_NS}}}attachedTemplate"
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        names = [
            name
            for name, value in element.attrib.items()
            if name.startswith(f"{{{_R_NS}}}") and value in rel_ids
        ]
        if not names:
            continue
        parent = element.getparent()
        if element.tag == attached and parent is not None:
            parent.remove(element)
            continue
        for name in names:
            del element.attrib[name]


__all__ = [
    "MAX_TEMPLATE_BYTES",
    "MAX_TEMPLATE_PARTS",
    "MAX_TEMPLATE_PART_BYTES",
    "check_template_archive",
    "drop_external_relationships",
]
