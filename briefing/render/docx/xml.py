"""WordprocessingML written as text: namespaces, cleaning of what XML cannot hold, runs and paragraphs.

The body of a pack is produced as XML text, a few kilobytes per agenda item, and streamed into the package
(see :mod:`briefing.render.docx.archive`): many times faster and smaller than a tree of elements made one by
one. Text is cleaned and escaped here, in one place, so what is written is always well-formed.

Element order inside ``w:pPr``, ``w:rPr``, ``w:tblPr``, ``w:tcPr`` and ``w:sectPr`` is fixed by the OOXML
schema; the builders below write properties in that order, and :func:`insert_child` puts a new child of an
existing element before the first sibling the schema wants after it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from lxml import etree

from briefing.assemble.outline import Text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSDECLS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
"""Namespace declarations for a fragment of WordprocessingML written as text."""

UNTRANSLATED_HIGHLIGHT = "yellow"
"""Highlight of a text standing in for a missing translation."""

LANGUAGE_TAGS: dict[str, str] = {"en": "en-GB", "fr": "fr-BE"}
"""The language tag written on runs for each pack language (spell-check and screen readers use it)."""


def qn(tag: str) -> str:
    """The Clark name (``{namespace}local``) of a ``w:`` or ``r:`` prefixed tag."""
    prefix, local = tag.split(":")
    namespace = {"w": W_NS, "r": R_NS}[prefix]
    return f"{{{namespace}}}{local}"


def language_tag(lang: str) -> str:
    """The BCP 47 tag for a pack language: "en-GB" for "en", "fr-BE" for "fr"; other codes unchanged."""
    return LANGUAGE_TAGS.get(lang, lang)


# --- text cleaning -----------------------------------------------------------------------------------------

LINE_BREAK = "\n"
PAGE_BREAK = "\f"
TAB = "\t"

_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_DROPPED: dict[int, None] = {code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("([\t\n\f])")


def clean_text(text: str) -> str:
    """``text`` with only what XML 1.0 can hold, plus three markers kept for the run builder.

    A vertical tab or a carriage return becomes a line break (``\\n``), a form feed stays a page break
    (``\\f``), tabs stay; every other C0 control character, U+FFFE, U+FFFF and lone surrogates are dropped.
    """
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", LINE_BREAK).replace("\r", LINE_BREAK).replace("\v", LINE_BREAK)
    return _LONE_SURROGATES.sub("", text.translate(_DROPPED))


def escape(text: str) -> str:
    """``text`` safe inside an element or a double-quoted attribute (not cleaned: see :func:`clean_text`)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def _t(text: str) -> str:
    if text[0] == " " or text[-1] == " " or "  " in text:
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


def text_content(text: str) -> str:
    """The inside of a run showing ``text``: ``w:t`` pieces with line breaks, page breaks and tabs between.

    A newline or vertical tab is a line break (``w:br``), a form feed a page break (``w:br w:type="page"``).
    """
    text = clean_text(text)
    if not text:
        return ""
    if "\n" not in text and "\f" not in text and "\t" not in text:
        return _t(text)
    pieces = []
    for piece in _BREAKS.split(text):
        if piece == LINE_BREAK:
            pieces.append("<w:br/>")
        elif piece == PAGE_BREAK:
            pieces.append('<w:br w:type="page"/>')
        elif piece == TAB:
            pieces.append("<w:tab/>")
        elif piece:
            pieces.append(_t(piece))
    return "".join(pieces)


# --- runs and paragraphs -----------------------------------------------------------------------------------


def run(
    content: str,
    lang: str,
    *,
    style: str | None = None,
    bold: bool = False,
    no_proof: bool = False,
    color: str | None = None,
    highlight: str | None = None,
) -> str:
    """A run with ready-made ``content`` (see :func:`text_content`), tagged with the language ``lang``."""
    props = f'<w:rStyle w:val="{style}"/>' if style else ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if no_proof:
        props += "<w:noProof/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if highlight:
        props += f'<w:highlight w:val="{highlight}"/>'
    return f'<w:r><w:rPr>{props}<w:lang w:val="{language_tag(lang)}"/></w:rPr>{content}</w:r>'


def text_run(text: str, lang: str, **props: Any) -> str:
    """A run showing ``text`` (cleaned and escaped) in the language ``lang``; ``props`` as for :func:`run`."""
    return run(text_content(text), lang, **props)


def paragraph(
    content: str,
    *,
    style: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
    numbering: tuple[int, int] | None = None,
    tabs: str = "",
) -> str:
    """A paragraph holding ``content`` (runs, hyperlinks, bookmarks).

    ``numbering`` is (numId, level) of a Word list; ``tabs`` is ready-made ``w:tab`` elements.
    """
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        props += "<w:keepNext/>"
    if page_break_before:
        props += "<w:pageBreakBefore/>"
    if numbering is not None:
        props += f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
    if tabs:
        props += f"<w:tabs>{tabs}</w:tabs>"
    if props:
        return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"
    return f"<w:p>{content}</w:p>"


def bookmarked(content: str, bookmark_id: int, name: str) -> str:
    """``content`` inside the bookmark ``name``."""
    return (
        f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{escape(name)}"/>{content}'
        f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def internal_link(content: str, bookmark: str) -> str:
    """``content`` as a hyperlink to a bookmark of the same document."""
    return f'<w:hyperlink w:anchor="{escape(bookmark)}" w:history="1">{content}</w:hyperlink>'


_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_]")


def bookmark_name(anchor: str) -> str:
    """A hidden bookmark name for an outline anchor: Word wants letters, digits, underscores, 40 at most."""
    return ("_" + _NOT_IN_NAME.sub("_", anchor))[:40]


# --- elements of the document ------------------------------------------------------------------------------


def parse_fragment(xml: str, root: str = "w:body") -> Any:
    """Parse text written with the builders above (wrapped in ``root``) into python-docx elements."""
    from docx.oxml.parser import parse_xml

    return parse_xml(f"<{root} {NSDECLS}>{xml}</{root}>")


def insert_child(parent: Any, child: Any, successors: Collection[str]) -> None:
    """Insert ``child`` in ``parent`` before the first child the schema puts after it.

    ``successors`` are the local names of the ``w:`` elements that come after ``child`` in the schema's
    sequence; children of other namespaces (Word's extensions, ``w14:`` and so on) come last too.
    """
    for existing in parent:
        if not isinstance(existing.tag, str):
            continue
        qname = etree.QName(existing)
        if qname.namespace != W_NS or qname.localname in successors:
            existing.addprevious(child)
            return
    parent.append(child)


def get_or_insert(parent: Any, tag: str, successors: Collection[str]) -> Any:
    """The ``tag`` child of ``parent``, created in schema order (see :func:`insert_child`) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag))
        insert_child(parent, found, successors)
    return found


# --- passages ----------------------------------------------------------------------------------------------


def distinct(passage: Sequence[Text]) -> list[tuple[int, Text]]:
    """The texts of a passage with their column, leaving out a text equal to an earlier one (as ``plain``)."""
    seen: set[str] = set()
    kept = []
    for column, text in enumerate(passage):
        if text.text not in seen:
            seen.add(text.text)
            kept.append((column, text))
    return kept


def joined_runs(passage: Sequence[Text], separator_lang: str, *, separator: str = " / ", **props: Any) -> str:
    """The distinct texts of ``passage`` on one line, each tagged with its own language.

    The result reads like :func:`briefing.assemble.outline.plain`. Untranslated texts are highlighted.
    """
    runs = []
    for index, (_, text) in enumerate(distinct(passage)):
        if index:
            runs.append(text_run(separator, separator_lang, **props))
        highlight = UNTRANSLATED_HIGHLIGHT if text.untranslated or text.missing else None
        runs.append(text_run(text.text, text.lang, highlight=highlight, **props))
    return "".join(runs)
