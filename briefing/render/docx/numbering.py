"""Real Word lists: the bullet list definition of a pack, added to the document's numbering part.

Bulleted paragraphs (lines to take, key facts, objectives, …) carry ``w:numPr`` pointing at the ``w:num``
added here, so Word and LibreOffice treat them as one list: bullets, indents and restyling all work as for a
list typed in Word. A template's own list definitions are kept; ours gets the next free ids.
"""

from __future__ import annotations

from typing import Any

from briefing.render.docx.xml import NSDECLS, parse_fragment, qn

BULLETS = ("•", "–", "▪")
"""Bullet characters by list level, repeating."""

INDENT_STEP = 357
"""Twips of indentation per list level (about 0.63 cm, as Word's own bullet lists)."""

EMPTY_NUMBERING_XML = f"<w:numbering {NSDECLS}/>"
"""A numbering part for a template that has none."""


def _levels() -> str:
    levels = []
    for level in range(9):
        bullet = BULLETS[level % len(BULLETS)]
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{INDENT_STEP * (level + 1)}" w:hanging="{INDENT_STEP}"/></w:pPr></w:lvl>'
        )
    return "".join(levels)


def _next_id(numbering: Any, tag: str, attribute: str) -> int:
    used = [int(element.get(qn(attribute)) or 0) for element in numbering.iterfind(qn(tag))]
    return max(used, default=0) + 1


def add_bullet_list(numbering: Any) -> int:
    """Add the pack's bullet list to the ``w:numbering`` element ``numbering``; returns its ``w:numId``.

    The schema wants every ``w:abstractNum`` before the first ``w:num``: the definition goes after the last
    existing one, the ``w:num`` after the last ``w:num``.
    """
    abstract_id = _next_id(numbering, "w:abstractNum", "w:abstractNumId")
    num_id = _next_id(numbering, "w:num", "w:numId")
    abstract, num = parse_fragment(
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{0x5B1E0000 + abstract_id:08X}"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Briefing bullets"/>{_levels()}'
        f'</w:abstractNum><w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>',
        "w:numbering",
    )
    existing_abstract = numbering.findall(qn("w:abstractNum")) or numbering.findall(qn("w:numPicBullet"))
    if existing_abstract:
        existing_abstract[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    existing_num = numbering.findall(qn("w:num"))
    if existing_num:
        existing_num[-1].addnext(num)
    else:
        abstract.addnext(num)
    return num_id
