"""The Word package a pack is built in: the house package, or a copy of the user's template.

Without a template the pack starts from a small package written here (A4 page, house styles, nothing left of
any other program's defaults). With a template (.docx, .dotx, or their macro-enabled forms) the pack is built
inside a copy of it: its body is emptied, its last section (page size, margins, headers and footers, logo)
kept, and its styles, theme and fonts used. Parts that would say something false about the pack are left
out: the template's thumbnail, its custom document properties, its comments, and any macros.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

from briefing.errors import N_, BriefingError, Message
from briefing.render.docx.house_styles import HOUSE_STYLES_XML
from briefing.render.docx.numbering import EMPTY_NUMBERING_XML
from briefing.render.docx.xml import NSDECLS, qn


class TemplateError(BriefingError):
    """The Word template cannot be used; nothing was written."""


CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_MACRO_RELATIONSHIPS = (
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
    "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
)

A4_SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" '
    'w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
)
"""The house page: A4, 2.5 cm margins."""

SETTINGS_XML = (
    f'<w:settings {NSDECLS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '</w:compat><w:themeFontLang w:val="en-GB"/></w:settings>'
)

_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT_DOCUMENT}"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = (
    f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS = (
    f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE_RELS}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_OFFICE_RELS}/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)


@functools.cache
def house_package() -> bytes:
    """The package of a pack made without a template: A4, house styles, empty numbering, nothing else."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/document.xml": f"<w:document {NSDECLS}><w:body>{A4_SECTION}</w:body></w:document>",
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": HOUSE_STYLES_XML,
        "word/settings.xml": SETTINGS_XML,
        "word/numbering.xml": EMPTY_NUMBERING_XML,
        "docProps/core.xml": _CORE,
    }
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    return stream.getvalue()


_NOT_WORD = N_("it is not a Word document or template")


def _template_error(path: Path, reason: object) -> TemplateError:
    return TemplateError(N_("Cannot read {path}: {reason}"), path=path, reason=reason)


def _as_document_package(path: Path, data: bytes) -> bytes:
    """``data`` with the main part declared a plain document (a .dotx/.dotm/.docm is opened as a .docx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            types = archive.read("[Content_Types].xml").decode("utf-8")
            if not any(other in types for other in _OTHER_MAIN_TYPES):
                return data
            for other in _OTHER_MAIN_TYPES:
                types = types.replace(other, CT_DOCUMENT)
            stream = io.BytesIO()
            with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as copy:
                for name in names:
                    blob = types.encode("utf-8") if name == "[Content_Types].xml" else archive.read(name)
                    copy.writestr(name, blob)
            return stream.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise _template_error(path, Message(_NOT_WORD)) from exc


def open_package(template: Path | None) -> tuple[Any, list[Message]]:
    """A python-docx ``Document`` to build the pack in, and warnings about the template."""
    import docx

    if template is None:
        return docx.Document(io.BytesIO(house_package())), []
    path = Path(template)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _template_error(path, exc.strerror or exc) from exc
    from briefing.render.docx.template_safety import check_template_archive, drop_external_relationships

    check_template_archive(path, data)
    try:
        document = docx.Document(io.BytesIO(_as_document_package(path, data)))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx raises many kinds of error for a file it cannot read
        raise _template_error(path, Message(_NOT_WORD)) from exc
    warnings = []
    if _drop_relationships(document.part, _MACRO_RELATIONSHIPS):
        warnings.append(Message(N_("The template's macros were left out: a pack never carries macros.")))
    if drop_external_relationships(document):
        warnings.append(
            Message(
                N_(
                    "The template's links to files elsewhere (an attached template, linked pictures) were left out."
                )
            )
        )
    return document, warnings


def _drop_relationships(source: Any, reltypes: tuple[str, ...]) -> bool:
    """Remove ``source``'s relationships of the given types (their parts are then not saved)."""
    dropped = [rel_id for rel_id, rel in source.rels.items() if rel.reltype in reltypes]
    for rel_id in dropped:
        del source.rels[rel_id]
    return bool(dropped)


def prepare_package(document: Any) -> None:
    """Leave out the parts of a template that would be false of the pack, and empty its body.

    The body keeps only its last ``w:sectPr``: the page set-up, headers and footers of the template.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    _drop_relationships(document.part.package, (RT.THUMBNAIL, RT.CUSTOM_PROPERTIES))
    _drop_relationships(document.part, (RT.COMMENTS,))
    body = document.element.body
    section_properties = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section_properties:
            body.remove(child)
    if section_properties is None:
        body.get_or_add_sectPr()


def part_element(document: Any, reltype: str, content_type: str, partname: str, empty: str) -> Any:
    """The root element of the document's part of ``reltype``, created from ``empty`` when missing."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import PartFactory

    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        package = document.part.package
        taken = {str(existing.partname) for existing in package.iter_parts()}
        name = partname
        number = 1
        while name in taken:
            number += 1
            name = partname.replace(".xml", f"{number}.xml")
        blob = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + empty).encode("utf-8")
        part = PartFactory(PackURI(name), content_type, reltype, blob, package)
        document.part.relate_to(part, reltype)
    return part.element


def styles_element(document: Any) -> Any:
    """The ``w:styles`` element of the document (an empty one is added when the template has none)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return part_element(document, RT.STYLES, CT.WML_STYLES, "/word/styles.xml", HOUSE_STYLES_XML)


def numbering_element(document: Any) -> Any:
    """The ``w:numbering`` element of the document (added when missing)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return part_element(document, RT.NUMBERING, CT.WML_NUMBERING, "/word/numbering.xml", EMPTY_NUMBERING_XML)


def settings_element(document: Any) -> Any:
    """The ``w:settings`` element of the document (added when missing)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return part_element(document, RT.SETTINGS, CT.WML_SETTINGS, "/word/settings.xml", SETTINGS_XML)
