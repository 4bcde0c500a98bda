"""The house styles of a pack: one style per role, a calm look in navy and grey, Calibri 11 pt.

Every paragraph, run and table of a pack names a style by its role (``heading1``, ``question``, …);
:data:`HOUSE_STYLES` gives each role the style a pack without a template uses, written as Word writes it,
and :class:`StyleIds` the style id a pack writes for each role. How these styles join the styles of a Word
template is :mod:`briefing.render.docx.styles`.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.render.docx.xml import NSDECLS

HEADING = "1F3864"
ACCENT = "2F5496"
GREY = "595959"
RED = "C00000"
HEADER_FILL = "DCE6F2"
"""Shading of table header rows."""
SUBHEADER_FILL = "EEF3FA"
"""Shading of the slot rows in the interpreter's two-column tables."""

_HANGING = '<w:tabs><w:tab w:val="left" w:pos="1418"/></w:tabs>'
_INDENT = '<w:ind w:left="1418" w:hanging="1418"/>'


@dataclass(frozen=True)
class HouseStyle:
    """One style of the house set, written as Word writes it."""

    role: str
    name: str
    style_id: str
    kind: str
    properties: str = ""
    """``w:pPr``, ``w:rPr``, ``w:tblPr`` … of the style, in schema order."""
    based_on: str | None = None
    """The role of the style this one is based on."""
    next_role: str | None = None
    builtin: bool = True
    """True for a style Word itself knows by this name; a template is expected to define it."""
    default: bool = False
    ui_priority: int | None = None


def _sized(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


_BOLD = "<w:b/><w:bCs/>"

HOUSE_STYLES: tuple[HouseStyle, ...] = (
    HouseStyle("normal", "Normal", "Normal", "paragraph", default=True),
    HouseStyle("default_font", "Default Paragraph Font", "DefaultParagraphFont", "character", default=True),
    HouseStyle(
        "table_normal",
        "Normal Table",
        "TableNormal",
        "table",
        default=True,
        properties=(
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        ),
    ),
    HouseStyle("no_list", "No List", "NoList", "numbering", default=True),
    HouseStyle(
        "heading1",
        "heading 1",
        "Heading1",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=9,
        properties=(
            "<w:pPr><w:keepNext/><w:keepLines/>"
            f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="8EAADB"/></w:pBdr>'
            '<w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:color w:val="{HEADING}"/>{_sized(32)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "heading2",
        "heading 2",
        "Heading2",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=9,
        properties=(
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/>'
            '<w:outlineLvl w:val="1"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:color w:val="{ACCENT}"/>{_sized(26)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "title",
        "Title",
        "Title",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=10,
        properties=(
            '<w:pPr><w:spacing w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:rPr><w:color w:val="{HEADING}"/><w:kern w:val="28"/>{_sized(56)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "subtitle",
        "Subtitle",
        "Subtitle",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=11,
        properties=f'<w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:color w:val="404040"/>{_sized(28)}</w:rPr>',
    ),
    HouseStyle(
        "list_bullet",
        "List Bullet",
        "ListBullet",
        "paragraph",
        based_on="normal",
        ui_priority=99,
        properties='<w:pPr><w:spacing w:after="80"/></w:pPr>',
    ),
    HouseStyle(
        "toc_heading",
        "TOC Heading",
        "TOCHeading",
        "paragraph",
        based_on="heading1",
        next_role="normal",
        ui_priority=39,
        properties='<w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
    ),
    HouseStyle(
        "toc1",
        "toc 1",
        "TOC1",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=39,
        properties=f'<w:pPr><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr>{_BOLD}</w:rPr>',
    ),
    HouseStyle(
        "toc2",
        "toc 2",
        "TOC2",
        "paragraph",
        based_on="normal",
        next_role="normal",
        ui_priority=39,
        properties=f'<w:pPr><w:spacing w:after="20"/><w:ind w:left="284"/></w:pPr><w:rPr>{_sized(20)}</w:rPr>',
    ),
    HouseStyle(
        "header",
        "header",
        "Header",
        "paragraph",
        based_on="normal",
        ui_priority=99,
        properties=(
            '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
            f'<w:rPr><w:color w:val="{GREY}"/>{_sized(18)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "footer",
        "footer",
        "Footer",
        "paragraph",
        based_on="normal",
        ui_priority=99,
        properties=(
            '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
            f'<w:rPr><w:color w:val="{GREY}"/>{_sized(18)}</w:rPr>'
        ),
    ),
    # The pack's own styles.
    HouseStyle(
        "cover_label",
        "Briefing Cover Label",
        "BriefingCoverLabel",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            '<w:pPr><w:spacing w:before="2400" w:after="120"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:caps/><w:color w:val="{ACCENT}"/><w:spacing w:val="20"/>{_sized(24)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "copy_label",
        "Briefing Copy Label",
        "BriefingCopyLabel",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            '<w:pPr><w:spacing w:before="480" w:after="240"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:color w:val="{RED}"/>{_sized(26)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "cover_detail",
        "Briefing Cover Detail",
        "BriefingCoverDetail",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties='<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>',
    ),
    HouseStyle(
        "marking",
        "Briefing Marking",
        "BriefingMarking",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            '<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:color w:val="{RED}"/>{_sized(20)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "topics",
        "Briefing Topics",
        "BriefingTopics",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            f'<w:pPr>{_HANGING}<w:spacing w:after="200"/>{_INDENT}</w:pPr>'
            '<w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr>'
        ),
    ),
    HouseStyle(
        "answer",
        "Briefing Answer",
        "BriefingAnswer",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=f'<w:pPr>{_HANGING}<w:spacing w:after="160"/>{_INDENT}</w:pPr>',
    ),
    HouseStyle(
        "question",
        "Briefing Question",
        "BriefingQuestion",
        "paragraph",
        based_on="normal",
        next_role="answer",
        builtin=False,
        properties=(
            f'<w:pPr><w:keepNext/>{_HANGING}<w:spacing w:before="160" w:after="40"/>{_INDENT}</w:pPr>'
            f"<w:rPr>{_BOLD}</w:rPr>"
        ),
    ),
    HouseStyle(
        "note",
        "Briefing Note",
        "BriefingNote",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=f'<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:color w:val="{GREY}"/>{_sized(18)}</w:rPr>',
    ),
    HouseStyle(
        "agenda",
        "Briefing Agenda",
        "BriefingAgenda",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            '<w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:after="80"/>'
            '<w:ind w:left="567" w:hanging="567"/></w:pPr>'
        ),
    ),
    HouseStyle(
        "table_heading",
        "Briefing Table Heading",
        "BriefingTableHeading",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=(
            '<w:pPr><w:keepNext/><w:spacing w:before="40" w:after="40"/></w:pPr>'
            f'<w:rPr>{_BOLD}<w:color w:val="{HEADING}"/>{_sized(20)}</w:rPr>'
        ),
    ),
    HouseStyle(
        "table_text",
        "Briefing Table Text",
        "BriefingTableText",
        "paragraph",
        based_on="normal",
        builtin=False,
        properties=f'<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr>{_sized(20)}</w:rPr>',
    ),
    HouseStyle(
        "label",
        "Briefing Label",
        "BriefingLabel",
        "character",
        based_on="default_font",
        builtin=False,
        properties=f'<w:rPr>{_BOLD}<w:color w:val="{GREY}"/></w:rPr>',
    ),
    HouseStyle(
        "flag",
        "Briefing Flag",
        "BriefingFlag",
        "character",
        based_on="default_font",
        builtin=False,
        properties=f'<w:rPr>{_BOLD}<w:color w:val="{RED}"/></w:rPr>',
    ),
    HouseStyle(
        "untranslated",
        "Briefing Untranslated",
        "BriefingUntranslated",
        "character",
        based_on="default_font",
        builtin=False,
        properties='<w:rPr><w:i/><w:iCs/><w:color w:val="7F6000"/></w:rPr>',
    ),
    HouseStyle(
        "item_marking",
        "Briefing Item Marking",
        "BriefingItemMarking",
        "character",
        based_on="default_font",
        builtin=False,
        properties=f'<w:rPr>{_BOLD}<w:color w:val="{RED}"/>{_sized(18)}</w:rPr>',
    ),
    HouseStyle(
        "table",
        "Briefing Table",
        "BriefingTable",
        "table",
        based_on="table_normal",
        builtin=False,
        properties=(
            "<w:tblPr><w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + '</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        ),
    ),
)


@dataclass(frozen=True)
class StyleIds:
    """The style id to write for each role, escaped for an attribute value."""

    normal: str
    default_font: str
    table_normal: str
    no_list: str
    heading1: str
    heading2: str
    title: str
    subtitle: str
    list_bullet: str
    toc_heading: str
    toc1: str
    toc2: str
    header: str
    footer: str
    cover_label: str
    copy_label: str
    cover_detail: str
    marking: str
    topics: str
    question: str
    answer: str
    note: str
    agenda: str
    table_heading: str
    table_text: str
    label: str
    flag: str
    untranslated: str
    item_marking: str
    table: str


HOUSE_DOC_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    f'{_sized(22)}<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
)

HOUSE_STYLES_XML = f"<w:styles {NSDECLS}>{HOUSE_DOC_DEFAULTS}</w:styles>"
"""The styles part of a pack made without a template, before
:func:`~briefing.render.docx.styles.apply_styles` adds the house styles."""
