"""Opening a .docx safely: a bounded zip reader and an XML parser that expands no entities.

Everything is checked before anything is parsed: the file must be a zip (an OLE compound file is an encrypted
document or an old .doc, and is refused as such), with at most :data:`MAX_ENTRIES` entries whose declared sizes
add up to at most :data:`MAX_TOTAL_BYTES`. Parts are then read with the limit enforced on the bytes actually
inflated, so a zip that lies about its sizes is stopped too. XML is parsed by lxml with entity resolution,
DTD loading and network access off; a part declaring a document type is refused outright.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from briefing.errors import N_, InterchangeError
from briefing.zip_bounds import Overflow, PartTooLargeError, ZipBounds, check_directory, read_part

MAX_ENTRIES = 5_000
"""Entries a Word document may hold (Word's own files hold a few dozen; images add one each)."""

MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Uncompressed size of the parts read, in bytes."""

MAX_PART_BYTES = 64 * 1024 * 1024
"""Uncompressed size of one XML part, in bytes."""

_BOUNDS = ZipBounds(max_entries=MAX_ENTRIES, max_part_bytes=MAX_TOTAL_BYTES, max_total_bytes=MAX_TOTAL_BYTES)
"""The zip directory's bounds; one XML part is held to :data:`MAX_PART_BYTES` while it is read (images are not)."""

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
"""The first bytes of an OLE compound file: an encrypted Word document, or a Word 97–2003 .doc."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_PART = "word/document.xml"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


@dataclass
class DocxPackage:
    """The XML parts of a Word document that the importer reads, parsed."""

    name: str
    document: Any
    styles: Any | None = None
    numbering: Any | None = None
    headers: list[Any] = field(default_factory=list)
    core: Any | None = None


def _refuse(msgid: str, path: Path, **params: object) -> InterchangeError:
    return InterchangeError(msgid, path=path.name, **params)


def _check_signature(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise _refuse(N_("The file {path} does not exist."), path) from None
    except OSError as exc:
        raise _refuse(N_("{path} cannot be read: {reason}"), path, reason=exc.strerror or exc) from None
    if head == OLE_SIGNATURE:
        raise _refuse(
            N_(
                "{path} is password-protected or an old Word 97–2003 document; save it in Word as a .docx "
                "without a password and import that."
            ),
            path,
        )
    if not head.startswith(b"PK"):
        raise _refuse(N_("{path} is not a Word document (.docx)."), path)


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, budget: list[int]) -> bytes:
    """The inflated bytes of one entry, stopping as soon as the limits are passed whatever the header says."""
    try:
        data = read_part(archive, info, min(MAX_PART_BYTES, budget[0]))
    except PartTooLargeError:
        raise _too_big(path) from None
    budget[0] -= len(data)
    return data


def _too_big(path: Path) -> InterchangeError:
    return _refuse(
        N_("{path} is too large to import safely (more than {limit} MB once uncompressed)."),
        path,
        limit=MAX_TOTAL_BYTES // (1024 * 1024),
    )


def parse_xml(data: bytes, path: Path, part: str) -> Any:
    """An XML part parsed without entities, DTDs or network; a document type declaration is refused."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _refuse(
            N_("{path} is damaged: {part} is not valid XML ({reason})."), path, part=part, reason=exc
        ) from None
    if root.getroottree().docinfo.doctype:
        raise _refuse(
            N_("{path} is refused: {part} declares a document type, which Word documents never do."),
            path,
            part=part,
        )
    return root


def open_docx(path: Path) -> DocxPackage:
    """The parts of ``path`` the importer needs, or an :class:`InterchangeError` saying why it cannot be read."""
    path = Path(path)
    _check_signature(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(N_("{path} is damaged: {reason}"), path, reason=exc) from None
    with archive:
        infos = archive.infolist()
        problem = check_directory(infos, _BOUNDS)
        if problem is not None and problem.overflow is Overflow.ENTRIES:
            raise _refuse(
                N_(
                    "{path} holds {count} files, more than the {limit} a Word document may; it is not imported."
                ),
                path,
                count=problem.found,
                limit=problem.limit,
            )
        if problem is not None:
            raise _too_big(path)
        if any(info.flag_bits & 0x1 for info in infos):
            raise _refuse(
                N_(
                    "{path} is password-protected or an old Word 97–2003 document; save it in Word as a .docx "
                    "without a password and import that."
                ),
                path,
            )
        by_name = {info.filename: info for info in infos}
        if DOCUMENT_PART not in by_name:
            raise _refuse(N_("{path} is not a Word document (.docx)."), path)
        budget = [MAX_TOTAL_BYTES]

        def parsed(name: str) -> Any | None:
            info = by_name.get(name)
            if info is None:
                return None
            try:
                data = _read_part(archive, info, path, budget)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise _refuse(N_("{path} is damaged: {reason}"), path, reason=exc) from None
            except RuntimeError as exc:  # an encrypted entry
                raise _refuse(N_("{path} is damaged: {reason}"), path, reason=exc) from None
            return parse_xml(data, path, name)

        package = DocxPackage(
            name=path.name,
            document=parsed(DOCUMENT_PART),
            styles=parsed("word/styles.xml"),
            numbering=parsed("word/numbering.xml"),
            core=parsed("docProps/core.xml"),
        )
        for name in sorted(by_name):
            if name.startswith(("word/header", "word/footer")) and name.endswith(".xml"):
                package.headers.append(parsed(name))
        if package.document.tag != f"{{{W_NS}}}document":
            raise _refuse(N_("{path} is not a Word document (.docx)."), path)
        return package
