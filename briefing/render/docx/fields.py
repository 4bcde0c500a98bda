"""Word fields: the table of contents, PAGE and NUMPAGES, written as complex fields.

A complex field is a run with ``w:fldChar begin``, runs of ``w:instrText``, ``w:fldChar separate``, the runs
of its current result, and ``w:fldChar end``. Word recomputes fields on opening the pack (settings.xml asks
for it, see :mod:`briefing.render.docx.properties`); any other reader shows the result written here, so the
result is always written out in full: the contents page lists every part with a link to it.
"""

from __future__ import annotations

from briefing.assemble.outline import PageParts
from briefing.render.docx.xml import escape, run, text_run

TOC_INSTRUCTION = r'TOC \o "1-2" \h \z \u'
"""Headings of levels 1 and 2, as hyperlinks, page numbers hidden in web view, outline levels used."""


def field_begin(instruction: str, lang: str, *, dirty: bool = False) -> str:
    """The runs that open a field and hold its instruction, up to and including ``separate``."""
    marker = ' w:dirty="true"' if dirty else ""
    return (
        run(f'<w:fldChar w:fldCharType="begin"{marker}/>', lang)
        + run(f'<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText>', lang)
        + run('<w:fldChar w:fldCharType="separate"/>', lang)
    )


def field_end(lang: str) -> str:
    """The run that closes a field."""
    return run('<w:fldChar w:fldCharType="end"/>', lang)


def field(instruction: str, result: str, lang: str, *, dirty: bool = False) -> str:
    """A whole field showing the ready-made runs ``result`` until it is updated."""
    return field_begin(instruction, lang, dirty=dirty) + result + field_end(lang)


def page_number(parts: PageParts) -> str:
    """The page number and count as "Page X of Y" (or "Page X sur Y"), with PAGE and NUMPAGES fields."""
    lang = parts.lang
    pieces = []
    if parts.before:
        pieces.append(text_run(parts.before, lang))
    pieces.append(field("PAGE", text_run("1", lang), lang))
    if parts.between:
        pieces.append(text_run(parts.between, lang))
    pieces.append(field("NUMPAGES", text_run("1", lang), lang))
    if parts.after:
        pieces.append(text_run(parts.after, lang))
    return "".join(pieces)
