"""A Word document's body as a flat list of paragraphs and tables, as a reader sees it.

What is shown is what is read: tracked insertions are kept and deletions dropped, a field gives its shown result
and not its instruction, a text box's paragraphs follow the paragraph that anchors it (once, even when Word also
stores a VML copy for older readers). Each paragraph knows its heading level (from its own outline level, its
style's outline level along the ``basedOn`` chain, or a heading style name in any of the usual languages), its
list level and number from numbering.xml, whether it sits in a table of contents, and the language of each run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefing.interchange.word_import.package import W_NS, DocxPackage

W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DC = "{http://purl.org/dc/elements/1.1/}"

HEADING_NAME = re.compile(
    r"^(?:heading|titre|überschrift|ueberschrift|berschrift|titolo|título|titulo|kop|nagłówek|rubrik|otsikko|"
    r"overskrift|overskrift|nadpis|címsor|заголовок)\s*([1-9])$",
    re.IGNORECASE,
)
"""Names of heading styles in the languages Word is most used in here ("heading 1", "Titre 1", …), and the
style ids Word makes of them ("Titre1"; "berschrift1", Word dropping the "Ü")."""

TOC_NAME = re.compile(r"^(?:toc|tdm|verzeichnis|inhaltsverzeichnis|sommaire|table des matières)\s*\d*$|"
                      r"^toc heading$|^en-tête de table des matières$", re.IGNORECASE)  # fmt: skip
"""Names of the styles of a table of contents."""

SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}delInstrText",
                     f"{W}rPr", f"{W}pPr", f"{MC}Fallback", f"{W}commentReference"})  # fmt: skip
"""Elements whose content is not shown (deleted text, field instructions, properties, fallback copies)."""

RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011"}
"""What the non-text content of a run shows."""

RUN_OBJECTS = frozenset({f"{W}drawing", f"{W}pict", f"{MC}AlternateContent", f"{W}object"})
"""Run content that may anchor a text box."""


@dataclass
class Run:
    """A stretch of shown text with what the importer needs to know about it."""

    text: str
    lang: str | None = None
    flagged: bool = False
    """Set in a character style or highlighted: how packs print flags such as a marking."""
    internal_link: bool = False


@dataclass
class Paragraph:
    runs: list[Run]
    style: str = ""
    heading: int | None = None
    """Outline level 0–8 of a heading, None for body text."""
    list_level: int | None = None
    list_label: str = ""
    numbered: bool = False
    contents: bool = False
    """Part of a table of contents (TOC style or inside a TOC field)."""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def linked_only(self) -> bool:
        """Every letter of the paragraph sits in a link to a place in the document (a contents line)."""
        letters = [r for r in self.runs if any(c.isalpha() for c in r.text)]
        return bool(letters) and all(r.internal_link for r in letters)


@dataclass
class Table:
    rows: list[list[list[Block]]]
    """Rows of cells; a cell is a list of blocks."""

    def cell_text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        if column >= len(cells):
            return ""
        return "\n".join(b.text for b in cells[column] if isinstance(b, Paragraph)).strip()


Block = Paragraph | Table


@dataclass
class Document:
    blocks: list[Block]
    header_text: str = ""
    title: str = ""
    languages: dict[str, int] = field(default_factory=dict)
    """Letters of text per run language."""


# --- styles -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StyleInfo:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None
    character: bool = False


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None:
        return None
    value = found.get(f"{W}val")
    return None if value is None else str(value)


def _styles(root: Any | None) -> dict[str, StyleInfo]:
    styles: dict[str, StyleInfo] = {}
    if root is None:
        return styles
    for style in root.iter(f"{W}style"):
        ident = style.get(f"{W}styleId")
        if not ident:
            continue
        outline = _val(style, f"{W}pPr/{W}outlineLvl")
        num_id = _val(style, f"{W}pPr/{W}numPr/{W}numId")
        ilvl = _val(style, f"{W}pPr/{W}numPr/{W}ilvl")
        styles[ident] = StyleInfo(
            name=_val(style, f"{W}name") or ident,
            based_on=_val(style, f"{W}basedOn"),
            outline=_int(outline),
            num=(num_id, _int(ilvl) or 0) if num_id else None,
            character=style.get(f"{W}type") == "character",
        )
    return styles


VAL, LANG, VANISH, R_PR, P_PR = f"{W}val", f"{W}lang", f"{W}vanish", f"{W}rPr", f"{W}pPr"
FLAGGING = frozenset({f"{W}highlight", f"{W}rStyle"})


def _paragraph_props(p_pr: Any | None) -> tuple[str | None, int | None, str | None, int | None]:
    """Style id, own outline level, list (numId) and list level of a paragraph, read in one pass."""
    style_id = num_id = None
    outline = ilvl = None
    if p_pr is None:
        return style_id, outline, num_id, ilvl
    for child in p_pr:
        tag = child.tag
        if tag == f"{W}pStyle":
            style_id = child.get(VAL)
        elif tag == f"{W}outlineLvl":
            outline = _int(child.get(VAL))
        elif tag == f"{W}numPr":
            for part in child:
                if part.tag == f"{W}numId":
                    num_id = part.get(VAL)
                elif part.tag == f"{W}ilvl":
                    ilvl = _int(part.get(VAL))
    return style_id, outline, num_id, ilvl


def _on(toggle: Any | None) -> bool:
    """A run property such as ``w:vanish`` is on when present, unless its value says off."""
    return toggle is not None and toggle.get(f"{W}val") not in ("0", "false", "off")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --- numbering ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list number in one of Word's formats (decimal, lowerLetter, upperRoman, …)."""
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    return str(n)


class Numbering:
    """Word lists: which paragraphs are numbered or bulleted, and the label each number shows."""

    def __init__(self, root: Any | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl")) or 0] = Level(
                    _val(lvl, f"{W}numFmt") or "decimal",
                    _val(lvl, f"{W}lvlText") or "",
                    _int(_val(lvl, f"{W}start")) or 1,
                )
            self.abstract[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            overrides = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = _int(_val(override, f"{W}startOverride"))
                if start is not None:
                    overrides[_int(override.get(f"{W}ilvl")) or 0] = start
            self.nums[num.get(f"{W}numId") or ""] = (_val(num, f"{W}abstractNumId") or "", overrides)

    def label(self, num_id: str, level: int) -> tuple[bool, str] | None:
        """(numbered, label) of the next entry of list ``num_id`` at ``level``; None when not a list."""
        if num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        lvl = levels.get(level, Level("bullet", "•", 1))
        if lvl.fmt in ("bullet", "none"):
            return False, "–"
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(level, lvl.start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            fmt = levels.get(index, lvl).fmt
            return format_number(counters.get(index, levels.get(index, lvl).start), fmt)

        return True, re.sub(r"%([1-9])", number, lvl.text) or str(counters[level])


# --- the body -----------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, package: DocxPackage) -> None:
        self.styles = _styles(package.styles)
        self.numbering = Numbering(package.numbering)
        self.fields: list[list[Any]] = []
        """Open complex fields: [instruction, showing result]."""
        self.languages: dict[str, int] = {}
        self.default_lang = self._default_lang(package.styles)

    def _default_lang(self, root: Any | None) -> str | None:
        if root is None:
            return None
        found = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        return None if found is None else found.get(f"{W}val")

    def style_chain(self, ident: str | None) -> Iterator[StyleInfo]:
        seen: set[str] = set()
        while ident and ident in self.styles and ident not in seen:
            seen.add(ident)
            style = self.styles[ident]
            yield style
            ident = style.based_on

    def heading_level(self, own: int | None, style_id: str | None) -> int | None:
        if own is not None:
            return own if own < 9 else None
        chain = list(self.style_chain(style_id))
        if chain:
            match = HEADING_NAME.match(chain[0].name.strip())
            if match:
                return int(match.group(1)) - 1
        for style in chain:
            if style.outline is not None:
                return style.outline if style.outline < 9 else None
        if style_id:
            match = HEADING_NAME.match(style_id)
            if match:
                return int(match.group(1)) - 1
        return None

    def list_number(
        self, num_id: str | None, level: int | None, style_id: str | None
    ) -> tuple[int, bool, str] | None:
        if num_id is None:
            for style in self.style_chain(style_id):
                if style.num is not None:
                    num_id = style.num[0]
                    level = level if level is not None else style.num[1]
                    break
        if num_id is None or num_id == "0":
            return None
        level = level or 0
        found = self.numbering.label(num_id, level)
        if found is None:
            return None
        return level, found[0], found[1]

    # --- runs

    def showing(self) -> bool:
        return all(entry[1] for entry in self.fields)

    def in_toc(self) -> bool:
        return any(str(entry[0]).strip().upper().startswith("TOC") for entry in self.fields)

    @staticmethod
    def run_props(r_pr: Any | None) -> tuple[str | None, bool, bool]:
        """The run's language, whether it is flagged (character style or highlight), whether it is hidden."""
        lang, flagged, hidden = None, False, False
        if r_pr is None:
            return lang, flagged, hidden
        for child in r_pr:
            tag = child.tag
            if tag == LANG:
                lang = child.get(VAL)
            elif tag in FLAGGING:
                flagged = True
            elif tag == VANISH:
                hidden = _on(child)
        return lang, flagged, hidden

    def walk(self, element: Any, runs: list[Run], boxes: list[Any], link: bool) -> None:
        """Collect the shown runs under ``element`` in order, and the text boxes anchored in it."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == f"{W}r":
                self.run(child, runs, boxes, link)
            elif tag == f"{W}hyperlink":
                self.walk(child, runs, boxes, link or child.get(f"{W}anchor") is not None)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    self.walk(choice, runs, boxes, link)
            elif tag == f"{W}txbxContent":
                boxes.append(child)
            elif tag == f"{W}fldSimple":
                self.walk(child, runs, boxes, link)
            else:
                self.walk(child, runs, boxes, link)

    def field_char(self, child: Any) -> None:
        """Follow a complex field: its instruction is hidden, its result shown."""
        kind = child.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def run(self, element: Any, runs: list[Run], boxes: list[Any], link: bool) -> None:
        first = element[0] if len(element) else None
        lang, flagged, hidden = self.run_props(first if first is not None and first.tag == R_PR else None)
        for child in element:
            tag = child.tag
            if tag == f"{W}fldChar":
                self.field_char(child)
            elif tag == f"{W}instrText":
                if self.fields and not self.fields[-1][1]:
                    self.fields[-1][0] += child.text or ""
            elif tag in RUN_OBJECTS:
                self.walk(child, [], boxes, link)
            elif self.showing() and not hidden:
                text = (child.text or "") if tag == f"{W}t" else RUN_TEXT.get(tag)
                if text:
                    runs.append(Run(text, lang or self.default_lang, flagged, link))
                    self.count_language(lang, text)

    def count_language(self, lang: str | None, text: str) -> None:
        if lang and any(c.isalpha() for c in text):
            base = lang.split("-")[0].lower()
            self.languages[base] = self.languages.get(base, 0) + len(text)

    # --- blocks

    def paragraph(self, element: Any) -> Iterator[Block]:
        first = element[0] if len(element) else None
        style_id, outline, num_id, ilvl = _paragraph_props(
            first if first is not None and first.tag == P_PR else None
        )
        style_name = self.styles[style_id].name if style_id in self.styles else (style_id or "")
        toc_before = self.in_toc()
        runs: list[Run] = []
        boxes: list[Any] = []
        self.walk(element, runs, boxes, False)
        para = Paragraph(runs, style=style_name, heading=self.heading_level(outline, style_id))
        para.contents = toc_before or self.in_toc() or bool(TOC_NAME.match(style_name.strip()))
        listed = self.list_number(num_id, ilvl, style_id)
        if listed is not None and para.heading is None:
            para.list_level, para.numbered, para.list_label = listed
        yield para
        for box in boxes:
            yield from self.blocks(box)

    def table(self, element: Any) -> Table:
        rows = []
        for tr in element.iterchildren(f"{W}tr"):
            cells = []
            for tc in tr.iterchildren(f"{W}tc"):
                cells.append(list(self.blocks(tc)))
            rows.append(cells)
        return Table(rows)

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph(child)
            elif tag == f"{W}tbl":
                yield self.table(child)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
                blocks = list(self.blocks(child))
                if gallery is not None and "content" in (gallery.get(f"{W}val") or "").lower():
                    for block in blocks:
                        if isinstance(block, Paragraph):
                            block.contents = True
                yield from blocks
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    yield from self.blocks(choice)


def read_document(package: DocxPackage) -> Document:
    """The body of ``package`` as blocks, with the text of its headers and footers and its title."""
    reader = _Reader(package)
    body = package.document.find(f"{W}body")
    blocks = list(reader.blocks(body)) if body is not None else []
    header_lines = []
    for root in package.headers:
        reader.fields = []
        for block in reader.blocks(root):
            if isinstance(block, Paragraph):
                header_lines.append(block.text)
    title = ""
    if package.core is not None:
        found = package.core.find(f"{DC}title")
        title = (found.text or "").strip() if found is not None else ""
    return Document(blocks, "\n".join(header_lines), title, reader.languages)
