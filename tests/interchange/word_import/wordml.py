"""Writing small Word documents from raw WordprocessingML, for structures python-docx cannot make."""

from __future__ import annotations

import zipfile
from pathlib import Path

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def p(text: str = "", *, style: str | None = None, outline: int | None = None, num: tuple[int, int] | None = None,
      lang: str | None = None, runs: str | None = None) -> str:  # fmt: skip
    """A paragraph: ``runs`` given as XML, or one run of ``text``."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    content = runs if runs is not None else r(text, lang=lang)
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def r(text: str, *, lang: str | None = None, style: str | None = None) -> str:
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + (f'<w:lang w:val="{lang}"/>' if lang else "")
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def table(rows: list[list[str]]) -> str:
    """A table of one-paragraph cells."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def style(ident: str, name: str, *, outline: int | None = None, based_on: str | None = None,
          kind: str = "paragraph") -> str:  # fmt: skip
    props = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}" w:styleId="{ident}"><w:name w:val="{name}"/>{base}{props}</w:style>'


def write_docx(path: Path, body: str, *, styles: str = "", numbering: str = "", header: str = "") -> Path:
    """A .docx holding ``body`` (paragraphs and tables as XML), with optional styles, numbering and header."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr(
            "word/document.xml", f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
        )
        if styles:
            archive.writestr("word/styles.xml", f"<w:styles {NAMESPACES}>{styles}</w:styles>")
        if numbering:
            archive.writestr("word/numbering.xml", f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>")
        if header:
            archive.writestr("word/header1.xml", f"<w:hdr {NAMESPACES}>{header}</w:hdr>")
    return path
