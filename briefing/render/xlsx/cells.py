"""Safe cell values for every workbook the app writes, and clean text for every workbook it reads.

Library texts are the users' own words, and a spreadsheet must show them as they are:

- A text that starts with ``=``, ``+``, ``-`` or ``@`` (also after leading spaces, tabs or line breaks) is
  stored as a string, never as a formula, and carries Excel's quote prefix, so that editing the cell does not
  turn it into one either: ``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0`` or ``@SUM(…)`` stay inert text.
  Texts that look like Excel error values (``#N/A``) stay text as well.
- Characters XML cannot hold (most C0 control characters, lone surrogates) are removed; a vertical tab or
  a form feed becomes a line break, and ``\\r\\n`` a plain ``\\n``.
- A text longer than Excel's limit of 32 767 characters per cell is cut, with a visible marker at the end.
- A literal ``_x0041_`` in a text is escaped as Excel expects, so that Excel shows it rather than an "A".

:func:`set_text` writes a text into a cell of an ordinary worksheet; :func:`text_cell` makes one for a
write-only worksheet. :func:`read_text` undoes Excel's escapes when a workbook comes back.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import copy
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

MAX_CELL_CHARS = 32_767
"""Excel's limit on the length of a cell's text, in UTF-16 code units."""

TRUNCATION_MARKER = " […]"
"""Put at the end of a text cut to fit in a cell."""

FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
"""Characters that make a spreadsheet read a typed text as a formula (with their full-width forms)."""

_INVISIBLE_LEADERS = "\u200b\u200c\u200d\u2060\ufeff"
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_EXCEL_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
_ERROR_VALUES = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")
)


def clean_text(text: str) -> str:
    """``text`` as a cell can hold it: line breaks normalised, illegal characters removed, cut to the limit."""
    text = _ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))
    return truncate(text)


def truncate(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """``text`` cut to ``limit`` UTF-16 code units, ending with :data:`TRUNCATION_MARKER` when it was cut."""
    if len(text) <= limit // 2 or _utf16_length(text) <= limit:
        return text
    budget = limit - _utf16_length(TRUNCATION_MARKER)
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > budget:
            return text[:index].rstrip() + TRUNCATION_MARKER
    return text  # pragma: no cover - the length check above makes this unreachable


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula if someone typed it into a cell."""
    stripped = text.lstrip()
    while stripped and stripped[0] in _INVISIBLE_LEADERS:
        stripped = stripped[1:].lstrip()
    return bool(stripped) and stripped[0] in FORMULA_STARTS


def excel_text(text: str) -> str:
    """The string to store in a cell for ``text``: cleaned, cut to the limit, Excel's escapes escaped."""
    cleaned = clean_text(text)
    if "_x" not in cleaned:
        return cleaned
    escaped = _EXCEL_ESCAPE.sub(r"_x005F_\1", cleaned)
    if _utf16_length(escaped) > MAX_CELL_CHARS:
        extra = len(escaped) - len(cleaned)
        escaped = _EXCEL_ESCAPE.sub(r"_x005F_\1", truncate(cleaned, MAX_CELL_CHARS - extra))
    return escaped


def read_text(value: object) -> str:
    """The text of a cell as read back by openpyxl: Excel's ``_xHHHH_`` escapes undone, ``\\n`` line breaks.

    Only the escapes Excel itself writes are undone (control characters and the escaped underscore), so a
    literal ``_x0041_`` that a translator typed stays as it is.
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if "_x" in text:
        text = _EXCEL_ESCAPED.sub(_unescape, text)
    return _ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    if code == 0x5F or code < 0x20:
        return chr(code)
    return match.group(0)


def set_text(cell: Any, text: str) -> None:
    """Put ``text`` into ``cell`` of an ordinary worksheet as a string, whatever it looks like."""
    value = excel_text(text)
    cell.value = value
    _force_string(cell, value)


def text_cell(worksheet: Any, text: str, style: CellStyle | None = None) -> Any:
    """A cell for a write-only ``worksheet`` holding ``text`` as a string, whatever it looks like."""
    from openpyxl.cell import WriteOnlyCell

    value = excel_text(text)
    cell = WriteOnlyCell(worksheet, value)
    if style is not None:
        style.apply(cell)
    _force_string(cell, value)
    return cell


def plain_value(worksheet: Any, text: str) -> Any:
    """For ``append`` on a write-only ``worksheet``: the cleaned text, or None for an empty one, or a cell
    holding it as a string when a spreadsheet could misread it. Faster than :func:`text_cell` for unstyled
    text."""
    value = excel_text(text)
    if not value:
        return None
    if looks_like_formula(value) or value in _ERROR_VALUES:
        return text_cell(worksheet, value)
    return value


def needs_quote_prefix(value: str) -> bool:
    """Whether a cell holding the text ``value`` needs Excel's quote prefix to stay text when edited."""
    return looks_like_formula(value) or value in _ERROR_VALUES


def _force_string(cell: Any, value: str) -> None:
    if cell.data_type in ("f", "e") or value in _ERROR_VALUES:
        cell.data_type = "s"
    if needs_quote_prefix(value):
        cell.quotePrefix = True


_STYLE_FIELDS = (
    ("font", "fontId"),
    ("fill", "fillId"),
    ("alignment", "alignmentId"),
    ("border", "borderId"),
    ("protection", "protectionId"),
    ("number_format", "numFmtId"),
)


@dataclass(frozen=True)
class CellStyle:
    """A cell's look, given once and applied to many cells.

    The first cell of a workbook is styled attribute by attribute; the others copy its style record, which
    keeps writing a large workbook fast. Attributes left as None keep what the cell already had.
    """

    font: Any = None
    fill: Any = None
    alignment: Any = None
    border: Any = None
    protection: Any = None
    number_format: str | None = None
    _records: WeakKeyDictionary[Any, Any] = field(
        default_factory=WeakKeyDictionary, init=False, repr=False, compare=False
    )

    def apply(self, cell: Any) -> None:
        workbook = cell.parent.parent
        record = self._records.get(workbook)
        if record is None:
            from openpyxl.cell import Cell

            sample = Cell(cell.parent)
            for name, _ in _STYLE_FIELDS:
                value = getattr(self, name)
                if value is not None:
                    setattr(sample, name, value)
            record = self._records[workbook] = copy(sample._style)
        styled = copy(record)
        old = cell._style
        if old is None:
            cell._style = styled
            return
        for name, slot in _STYLE_FIELDS:
            if getattr(self, name) is None:
                setattr(styled, slot, getattr(old, slot))
        styled.quotePrefix = old.quotePrefix
        cell._style = styled
