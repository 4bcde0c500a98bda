"""What the pack says about itself: document properties and the settings Word reads on opening.

Every core property is written afresh (nothing is left from a template or from python-docx): title, subject,
author, language, dates, keywords and category carrying the marking. Settings ask Word to update fields on
opening, so the contents and page numbers are computed by Word itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.assemble.outline import Outline, plain
from briefing.render.docx.xml import clean_text, get_or_insert, language_tag, qn

APPLICATION = "Briefing"
"""The application named in the pack's properties, and its author when the meeting names nobody."""

_CORE_LIMIT = 255
"""python-docx refuses longer core property values."""

_AFTER_UPDATE_FIELDS = frozenset(
    {
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
        "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
    }
)  # fmt: skip
"""Children of ``w:settings`` that the schema puts after ``w:updateFields``."""

_AFTER_THEME_FONT_LANG = frozenset(
    {
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
        "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
    }
)  # fmt: skip

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _property_text(text: str) -> str:
    """``text`` on one line, cleaned, at most 255 characters."""
    return " ".join(clean_text(text).split())[:_CORE_LIMIT]


def set_core_properties(document: Any, outline: Outline, now: dt.datetime | None = None) -> None:
    """Write every core property of the pack afresh."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    properties = document.core_properties
    element = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for child in list(element):
        element.remove(child)
    cover = outline.cover
    author = _property_text(cover.prepared_by) or APPLICATION
    marking = outline.marking_text or plain(outline.label("no_marking"))
    properties.title = _property_text(outline.title_text)
    properties.subject = _property_text(f"{plain(cover.pack_label)} — {plain(cover.copy_label)}")
    properties.author = author
    properties.last_modified_by = author
    properties.language = language_tag(outline.primary_language)
    properties.keywords = _property_text(
        "; ".join(filter(None, (outline.marking_text, plain(cover.copy_label), outline.meeting_slug)))
    )
    properties.category = _property_text(marking)
    properties.comments = ""
    properties.revision = 1
    properties.created = now
    properties.modified = now


def set_app_properties(document: Any) -> None:
    """Replace the extended properties (application name, statistics) with the pack's own."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    for rel_id in [rel_id for rel_id, rel in package.rels.items() if rel.reltype == RT.EXTENDED_PROPERTIES]:
        del package.rels[rel_id]
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, APP_XML.encode("utf-8"), package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def set_settings(settings: Any, lang: str) -> None:
    """Ask Word to update fields on opening, and give the theme fonts the pack's language."""
    update = get_or_insert(settings, "w:updateFields", _AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")
    theme_language = get_or_insert(settings, "w:themeFontLang", _AFTER_THEME_FONT_LANG)
    theme_language.set(qn("w:val"), language_tag(lang))


def even_and_odd_headers(settings: Any) -> bool:
    """True when the document has different headers on even pages (a template may ask for it)."""
    element = settings.find(qn("w:evenAndOddHeaders"))
    return element is not None and element.get(qn("w:val"), "true") not in {"0", "false", "off"}
