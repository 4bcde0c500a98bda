"""Saving workbooks so they pass the Office Open XML schema, not only Excel's leniency.

openpyxl writes a font's child elements (name, family, colour, size…) in an order the schema does not allow;
Excel and LibreOffice accept it, a strict validator does not. :func:`save_workbook` saves, then rewrites
``xl/styles.xml`` with every font's children in schema order. Nothing else in the package changes.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FONT_CHILD_ORDER = (
    "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name",
    "family", "charset", "scheme",
)  # fmt: skip
"""CT_Font's elements in the order ECMA-376 gives them."""


def save_workbook(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook at ``path`` with schema-ordered fonts."""
    workbook.save(path)
    order_font_children(path)


def order_font_children(path: Path) -> None:
    """Rewrite ``xl/styles.xml`` inside the package at ``path`` with font children in schema order."""
    with zipfile.ZipFile(path) as package:
        if "xl/styles.xml" not in package.namelist():
            return
        styles = etree.fromstring(package.read("xl/styles.xml"), etree.XMLParser(resolve_entities=False))
        if not _reorder(styles):
            return
        rewritten = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".xlsx", delete=False) as handle:
            copy = Path(handle.name)
        try:
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
                for info in package.infolist():
                    data = rewritten if info.filename == "xl/styles.xml" else package.read(info.filename)
                    target.writestr(info, data)
        except BaseException:
            copy.unlink(missing_ok=True)
            raise
    shutil.copymode(path, copy)
    shutil.move(copy, path)


def _reorder(styles: Any) -> bool:
    """Put the children of every font in schema order; whether anything moved."""
    rank = {f"{{{SHEET_NS}}}{name}": index for index, name in enumerate(FONT_CHILD_ORDER)}
    moved = False
    for font in styles.iter(f"{{{SHEET_NS}}}font"):
        children = list(font)
        ordered = sorted(children, key=lambda child: rank.get(child.tag, len(rank)))
        if ordered != children:
            moved = True
            for child in children:
                font.remove(child)
            font.extend(ordered)
    return moved
