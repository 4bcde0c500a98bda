"""Word fields: PAGEREF (page numbers of the contents and the agenda), PAGE and NUMPAGES, as complex fields.

A complex field is a run with ``w:fldChar begin``, runs of ``w:instrText``, ``w:fldChar separate``, the runs
of its current result, and ``w:fldChar end``. Word recomputes fields on opening the pack (settings.xml asks
for it, see :mod:`briefing.render.docx.properties`), LibreOffice computes page fields when it lays the pack
out; a reader that does neither shows the result written here.

The contents page is not a TOC field: LibreOffice turns a TOC field into an index and prints the result
written inside it as it is, page numbers included, without laying them out again. Written as ordinary
paragraphs, each entry's PAGEREF field is computed by every reader, and Word updates them with the rest.
"""

from __future__ import annotations

from briefing.assemble.outline import PageParts
from briefing.render.docx.xml import escape, run, text_run


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


def page_reference(bookmark: str, cached: int, lang: str) -> str:
    """A PAGEREF field to ``bookmark``, showing ``cached`` until a reader lays the document out.

    LibreOffice computes PAGEREF fields when it lays the pack out (on screen and in a PDF it makes); Word
    updates them with the contents when it updates fields (on opening, see the settings, and on printing).
    """
    return field(f"PAGEREF {bookmark} \\h", text_run(str(cached), lang), lang, dirty=True)


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
