"""Page furniture: headers and footers, and the width of the text on the page.

Every page is numbered ("Page X of Y") and carries the pack's marking at the top and the bottom, as a
classified document must. The cover is the first page of the section and has its own header (``w:titlePg``):
the marking only, where every other page also shows the meeting title.

A template's headers and footers are kept and ours are added below their content; a first-page (or
even-page) header the template lacks starts as a copy of its main header, so a logo appears on the cover too.
When the template's footer already numbers the pages, no second page number is added.

The interpreter's copy shows the page number in both languages ("Page 3 of 40 / Page 3 sur 40"): both
readers use the same paper.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from lxml import etree

from briefing.assemble.outline import Outline, Passage, plain
from briefing.i18n.names import short_title
from briefing.render.docx.fields import page_number
from briefing.render.docx.house_styles import StyleIds
from briefing.render.docx.xml import R_NS, joined_runs, paragraph, parse_fragment, qn, text_run

DEFAULT_TEXT_WIDTH = 9070
"""Twips between the margins of the house page (A4, 2.5 cm margins)."""

_EMU_PER_TWIP = 635
_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def text_width(section: Any) -> int:
    """Twips between the left and right margins of a python-docx ``Section``."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return DEFAULT_TEXT_WIDTH
    twips = int((width - left - right - (section.gutter or 0)) / _EMU_PER_TWIP)
    return twips if twips >= 1440 else DEFAULT_TEXT_WIDTH


def marking_paragraph(outline: Outline, styles: StyleIds) -> str:
    """The pack's marking as a paragraph of its own; nothing when the pack is not marked."""
    marking = outline.marking_text
    if marking is None:
        return ""
    return paragraph(text_run(marking, outline.primary_language, no_proof=True), style=styles.marking)


RUNNING_HEAD_CHARACTERS = 90
"""Characters of the 9-point running head that fit on one line of the house page."""


def running_head(outline: Outline) -> Passage:
    """The meeting title as the running head shows it: on one line, each language shortened if need be.

    A title too long for the line gives way to its short form (:func:`briefing.i18n.names.short_title`):
    "Val Duchesse II" for "Franco-Belgian intergovernmental meeting Val Duchesse II".
    """
    title = outline.cover.title
    if len(plain(title)) <= RUNNING_HEAD_CHARACTERS:
        return title
    room = RUNNING_HEAD_CHARACTERS // len(title) - 3
    return tuple(replace(text, text=short_title(text.text, room)) for text in title)


def title_paragraph(outline: Outline, styles: StyleIds) -> str:
    """The meeting title, each language tagged, short enough for one line (see :func:`running_head`)."""
    return paragraph(joined_runs(running_head(outline), outline.primary_language), style=styles.header)


def page_paragraph(outline: Outline, styles: StyleIds) -> str:
    """The page number paragraph ("Page X of Y") in each language of the pack."""
    separator = text_run(" / ", outline.primary_language)
    return paragraph(separator.join(page_number(parts) for parts in outline.page_parts), style=styles.footer)


def copy_paragraph(outline: Outline, styles: StyleIds) -> str:
    """A numbered copy's number and recipient ("Copy 3 of 12 — Name"); nothing for other packs."""
    if not outline.copy_line:
        return ""
    return paragraph(joined_runs(outline.copy_line, outline.primary_language), style=styles.footer)


def has_page_field(element: Any) -> bool:
    """True when a header or footer already shows a PAGE field."""
    instructions = [text or "" for text in element.itertext(tag=qn("w:instrText"))]
    instructions += [field.get(qn("w:instr"), "") for field in element.iter(qn("w:fldSimple"))]
    return any(instruction.split()[:1] == ["PAGE"] for instruction in instructions)


class _Furniture:
    """Fills the headers and footers of the pack's one section."""

    def __init__(self, document: Any, outline: Outline, styles: StyleIds) -> None:
        self.section = document.sections[-1]
        self.outline = outline
        self.styles = styles
        self.drawing_id = 10_000

    def seed(self, header_footer: Any) -> tuple[Any, list[Any]] | None:
        """The template's part for ``header_footer`` and a copy of its content, before anything is added."""
        if header_footer.is_linked_to_previous:
            return None
        part = header_footer.part
        return part, [copy.deepcopy(child) for child in part.element]

    def fill(self, header_footer: Any, seed: tuple[Any, list[Any]] | None, content: str) -> None:
        existed = not header_footer.is_linked_to_previous
        part = header_footer.part
        element = part.element
        if not existed:
            for child in list(element):
                element.remove(child)
            if seed is not None:
                source, children = seed
                for child in children:
                    element.append(self.relinked(copy.deepcopy(child), source, part))
        if content:
            element.extend(list(parse_fragment(content, "w:hdr")))
        if len(element) == 0:
            element.extend(list(parse_fragment(paragraph(""), "w:hdr")))

    def relinked(self, element: Any, source: Any, target: Any) -> Any:
        """``element`` copied from the part ``source`` into ``target``: its relationships (images) follow."""
        mapping: dict[str, str] = {}
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for name, value in node.attrib.items():
                if etree.QName(name).namespace != R_NS or value not in source.rels:
                    continue
                if value not in mapping:
                    rel = source.rels[value]
                    if rel.is_external:
                        mapping[value] = target.relate_to(rel.target_ref, rel.reltype, is_external=True)
                    else:
                        mapping[value] = target.relate_to(rel.target_part, rel.reltype)
                node.set(name, mapping[value])
            if node.tag == f"{{{_WP_NS}}}docPr":
                self.drawing_id += 1
                node.set("id", str(self.drawing_id))
        return element

    def apply(self, even_pages: bool) -> None:
        section, outline, styles = self.section, self.outline, self.styles
        header_seed = self.seed(section.header)
        footer_seed = self.seed(section.footer)
        numbered = footer_seed is not None and any(has_page_field(child) for child in footer_seed[1])
        marking = marking_paragraph(outline, styles)
        header = marking + title_paragraph(outline, styles)
        footer = (
            ("" if numbered else page_paragraph(outline, styles)) + copy_paragraph(outline, styles) + marking
        )
        section.different_first_page_header_footer = True
        pages = [(section.header, section.footer)]
        if even_pages:
            pages.append((section.even_page_header, section.even_page_footer))
        for page_header, page_footer in pages:
            self.fill(page_header, header_seed, header)
            self.fill(page_footer, footer_seed, footer)
        self.fill(section.first_page_header, header_seed, marking)
        self.fill(section.first_page_footer, footer_seed, footer)


def add_headers_and_footers(document: Any, outline: Outline, styles: StyleIds, *, even_pages: bool) -> None:
    """Put the marking, the meeting title and the page numbers in the section's headers and footers."""
    _Furniture(document, outline, styles).apply(even_pages)
