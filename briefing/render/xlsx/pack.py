"""The Excel pack: points matrix, follow-up actions tracker and translation status, one Excel table each.

Reads only the outline (texts with their states, topic owners and review dates included); sheet names,
headings and statuses are in the pack's language(s). Every sheet prints landscape with the pack's marking at
the top and bottom of each page and its header row repeated; every row is as tall as its wrapped text needs
(:func:`~briefing.render.xlsx.layout.row_height`), since neither Excel nor LibreOffice sizes them on opening.

The points matrix gives each point's agenda item, topic, slot, text, marking, whether it is for internal use only
(its own column, apart from the marking), the topic's owner (the unit that prepared the pack when the topic names
none) and its last review. The actions tracker gives each action with the agenda item and topic it follows up,
and says in words which are overdue, besides the deadline's colour. The workbook is written in openpyxl's write-only
mode; the data rows of the three sheets are written as XML directly (inline strings, one style record per kind
of cell) and put into the saved package (:mod:`~briefing.render.xlsx.splice`), because openpyxl's cell-by-cell
writer takes most of a large pack's time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from briefing.assemble.outline import Entry, Outline, Passage, Section, Text, plain
from briefing.assemble.text_rows import TextRow
from briefing.files import atomic_output
from briefing.i18n import labels as lbl
from briefing.i18n.labels import Labels
from briefing.progress import Step, counter, part
from briefing.render.xlsx.cells import CellStyle, excel_text, needs_quote_prefix, text_cell
from briefing.render.xlsx.layout import (
    BOLD_WIDTH,
    DATE,
    OVERDUE_DATE,
    TEXT,
    UNTRANSLATED,
    Column,
    add_table,
    header_cells,
    row_height,
    set_up_columns,
    set_up_printing,
    sheet_title,
    unique_headers,
)
from briefing.render.xlsx.package import discard_workbook, save_workbook
from briefing.render.xlsx.splice import SheetRows, escape_text, splice_rows

LIST_SEPARATOR = ","
INLINE_LIST_LIMIT = 255
"""Excel's limit on the length of a drop-down list written in the validation itself."""


ROWS_DONE = 0.7
"""The share of the work taken by making the rows; saving and putting them into the package take the rest."""


def render_xlsx(
    outline: Outline, path: Path, *, now: dt.datetime | None = None, step: Step | None = None
) -> None:
    """Write the pack of ``outline`` as an Excel workbook at ``path`` (replaced only once complete).

    ``now`` dates the workbook's properties (default: the present moment); with the same outline and ``now``
    the file is the same, byte for byte. ``step`` is told the fraction done every few rows and every
    :data:`~briefing.render.xlsx.splice.SPLICE_CHUNK` characters compressed; it may stop the work by raising
    (:class:`~briefing.progress.ExportCancelledError`), which leaves neither the file nor a temporary one.
    """
    workbook = _PackWorkbook(outline, now, step)
    with atomic_output(Path(path)) as temporary:
        try:
            book = workbook.build()
            save_workbook(book, temporary)
        except BaseException:
            discard_workbook(workbook.book)
            raise
        workbook.add_rows(temporary)


_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's date serial numbers (1900 date system)."""


class _PackWorkbook:
    def __init__(self, outline: Outline, now: dt.datetime | None = None, step: Step | None = None) -> None:
        self.outline = outline
        self.step = step
        rows = sum(len(slot.entries) for section in outline.sections for slot in section.slots)
        self.row_done = counter(
            part(step, 0.0, ROWS_DONE), rows + len(outline.actions) + len(outline.texts), every=20
        )
        self.rows_written = 0
        self.now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
        self.languages = outline.languages
        self.labels = {lang: Labels.for_language(lang) for lang in self.languages}
        self.book = Workbook(write_only=True)
        self.titles: list[str] = []
        self.rows: dict[int, SheetRows] = {}
        self.xfs: dict[tuple[int, bool], int] = {}

    # --- words ------------------------------------------------------------------------------------------------

    def word(self, name: str) -> str:
        """A pack label on one line, in every language of the pack."""
        return plain(self.outline.label(name))

    def msg(self, msgid: str) -> str:
        """A label of :mod:`briefing.i18n.labels` the outline does not carry, in every language of the pack."""
        return plain(tuple(Text(self.labels[lang].get(msgid), lang) for lang in self.languages))

    def text_headers(self, single: str) -> list[str]:
        """Headings of the text columns: ``single`` for a one-language pack, the language names otherwise."""
        if len(self.languages) == 1:
            return [single]
        names = {"en": self.word("english"), "fr": self.word("french")}
        return [names.get(lang, lang) for lang in self.languages]

    def new_sheet(self, label: str, columns: Sequence[Column]) -> tuple[Any, list[str]]:
        """A sheet with its columns, printing and header row set up; rows are appended next."""
        passage = self.outline.label(label)
        title = plain(passage, " - ")
        if len(title) > 31:
            title = passage[0].text
        title = sheet_title(title, self.titles)
        self.titles.append(title)
        sheet = self.book.create_sheet(title)
        part = f"xl/worksheets/sheet{len(self.titles)}.xml"
        headers = unique_headers([c.header for c in columns])
        widths = tuple(c.width for c in columns)
        self.rows[id(sheet)] = SheetRows(
            part, widths, row_height(zip(headers, widths, strict=True), widen=BOLD_WIDTH)
        )
        set_up_columns(sheet, columns)
        page = self.outline.page_parts[0] if self.outline.page_parts else None
        set_up_printing(
            sheet,
            marking=self.outline.marking_text,
            title=self.outline.title_text,
            page=(page.before, page.between, page.after) if page else None,
        )
        sheet.append(header_cells(sheet, headers))
        return sheet, headers

    # --- sheets -----------------------------------------------------------------------------------------------

    def build(self) -> Workbook:
        self.points_matrix()
        self.actions_tracker()
        self.translation_status()
        self.book.properties.title = self.outline.title_text
        self.book.properties.creator = "Briefing"
        self.book.properties.created = self.now.replace(tzinfo=None)  # openpyxl takes naive UTC
        return self.book

    def points_matrix(self) -> None:
        columns = [
            Column(self.word("agenda_item"), 24),
            Column(self.word("topic"), 24),
            Column(self.word("slot"), 18),
            *(
                Column(h, 60 if len(self.languages) == 1 else 45)
                for h in self.text_headers(self.word("text"))
            ),
            Column(self.word("marking"), 14),
            Column(self.msg(lbl.INTERNAL), 18),
            Column(self.word("owner"), 20),
            Column(self.word("last_reviewed"), 13),
        ]
        sheet, headers = self.new_sheet("points_matrix", columns)
        internal = self.word("not_for_counterpart")
        row = 1
        for section in self.outline.sections:
            for slot in section.slots:
                for entry in slot.entries:
                    row += 1
                    facts = self.outline.topics.get(entry.topic_key)
                    values: list[tuple[object, CellStyle]] = [
                        (self.agenda_item(section), TEXT),
                        (self.topic_title(section, entry.topic_key), TEXT),
                        (plain(slot.heading), TEXT),
                    ]
                    for index in range(len(self.languages)):
                        text = self.entry_text(entry, index)
                        values.append((text.text, UNTRANSLATED if text.untranslated else TEXT))
                    values += [
                        (entry.marking.value if entry.marking is not None else "", TEXT),
                        (internal if entry.internal else "", TEXT),
                        (self.owner(facts.owner if facts else ""), TEXT),
                        (facts.reviewed_on if facts else None, DATE),
                    ]
                    self.write_row(sheet, values)
        add_table(sheet, "PointsMatrix", headers, row - 1)

    def actions_tracker(self) -> None:
        columns = [
            Column(self.word("agenda_item"), 22),
            Column(self.word("topic"), 22),
            *(
                Column(h, 50 if len(self.languages) == 1 else 40)
                for h in self.text_headers(self.word("action"))
            ),
            Column(self.word("owner"), 20),
            Column(self.word("deadline"), 13),
            Column(self.word("overdue"), 12 * len(self.languages)),
            Column(self.word("status"), 16 * len(self.languages)),
            Column(self.word("source"), 18),
        ]
        sheet, headers = self.new_sheet("actions_tracker", columns)
        status_column = len(self.languages) + 6
        overdue = self.word("overdue")
        followed_up: dict[str, Section] = {}
        for section in self.outline.sections:
            for listed in section.actions:
                followed_up.setdefault(listed.key, section)
        row = 1
        for action in self.outline.actions:
            row += 1
            values: list[tuple[object, CellStyle]] = [
                (text, TEXT) for text in self.followed_up(followed_up.get(action.key), action.topic_key)
            ]
            values += [(text.text, UNTRANSLATED if text.untranslated else TEXT) for text in action.text]
            values += [
                (action.owner, TEXT),
                (action.deadline, OVERDUE_DATE if action.overdue else DATE),
                (overdue if action.overdue else "", TEXT),
                (plain(action.status_text), TEXT),
                (action.source, TEXT),
            ]
            self.write_row(sheet, values)
        add_table(sheet, "ActionsTracker", headers, row - 1)
        self.status_list(sheet, get_column_letter(status_column), max(row, 2))

    def status_list(self, sheet: Any, column: str, last_row: int) -> None:
        """A drop-down of the action statuses, in the pack's language(s), on the status column."""
        choices = [
            plain(tuple(Text(self.labels[lang].action_status(value), lang) for lang in self.languages))
            for value in lbl.ACTION_STATUSES
        ]
        inline = LIST_SEPARATOR.join(choices)
        if len(inline) + 2 <= INLINE_LIST_LIMIT and not any('"' in c or LIST_SEPARATOR in c for c in choices):
            formula = f'"{inline}"'
        else:
            formula = self.list_range(choices)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
        validation.showErrorMessage = True
        validation.add(f"{column}2:{column}{last_row}")
        sheet.data_validations.append(validation)  # what add_data_validation does; write-only sheets lack it

    def list_range(self, choices: Sequence[str]) -> str:
        """The choices written on a hidden sheet, for lists too long or too odd to write inline."""
        lists = self.book.create_sheet(sheet_title("lists", self.titles))
        self.titles.append(lists.title)
        lists.sheet_state = "hidden"
        for choice in choices:
            lists.append([text_cell(lists, choice)])
        return f"'{lists.title}'!$A$1:$A${len(choices)}"

    def translation_status(self) -> None:
        labels = self.labels[self.languages[0]]
        columns = [
            Column(self.word("agenda_item"), 24),
            Column(self.msg(lbl.CONTEXT), 30),
            Column(self.word("english"), 45),
            Column(self.word("french"), 45),
            Column(self.word("status"), 16 * len(self.languages)),
        ]
        sheet, headers = self.new_sheet("translation_status", columns)
        sections = {section.number: section for section in self.outline.sections}
        row = 1
        for text_row in self.outline.texts:
            row += 1
            section = sections.get(text_row.section) if text_row.section is not None else None
            self.write_row(
                sheet,
                [
                    (self.agenda_item(section) if section is not None else "", TEXT),
                    (text_row.context(labels), TEXT),
                    (text_row.text("en"), TEXT),
                    (text_row.text("fr"), TEXT),
                    (self.state(text_row), TEXT),
                ],
            )
        add_table(sheet, "TranslationStatus", headers, row - 1)

    # --- cells ------------------------------------------------------------------------------------------------

    def write_row(self, sheet: Any, values: Sequence[tuple[object, CellStyle]]) -> None:
        """Add a data row to ``sheet``: written as XML now, put into the package once openpyxl has saved it."""
        rows = self.rows[id(sheet)]
        number = rows.last_row + 1
        cells = []
        wrapped: list[tuple[str, float]] = []
        for column, (value, style) in enumerate(values):
            ref = f"{get_column_letter(column + 1)}{number}"
            if isinstance(value, str):
                text = excel_text(value)
                wrapped.append((value, rows.widths[column]))
                xf = self.xf(sheet, style, needs_quote_prefix(text))
                if text:
                    cells.append(
                        f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t xml:space="preserve">{escape_text(text)}</t></is></c>'
                    )
                else:
                    cells.append(f'<c r="{ref}" s="{xf}"/>')
            elif value is None:
                cells.append(f'<c r="{ref}" s="{self.xf(sheet, style, False)}"/>')
            else:
                number_value = (value - _EPOCH).days if isinstance(value, dt.date) else value
                cells.append(f'<c r="{ref}" s="{self.xf(sheet, style, False)}"><v>{number_value}</v></c>')
        height = row_height(wrapped)
        rows.xml.append(f'<row r="{number}" ht="{height:g}" customHeight="1">{"".join(cells)}</row>')
        self.rows_written += 1
        self.row_done(self.rows_written)

    def xf(self, sheet: Any, style: CellStyle, quote_prefix: bool) -> int:
        """The index of ``style``'s cell format record in the workbook (with Excel's quote prefix or not)."""
        key = (id(style), quote_prefix)
        found = self.xfs.get(key)
        if found is None:
            cell = WriteOnlyCell(sheet)
            style.apply(cell)
            cell.quotePrefix = quote_prefix
            found = self.xfs[key] = self.book._cell_styles.add(cell._style)
        return found

    def add_rows(self, path: Path) -> None:
        """Put the data rows into the sheets of the package openpyxl saved at ``path``."""
        splice_rows(path, list(self.rows.values()), self.now, part(self.step, ROWS_DONE, 1.0))

    def agenda_item(self, section: Section) -> str:
        return f"{section.number}. {plain(section.title)}"

    def topic_title(self, section: Section, topic_key: str) -> str:
        keys = section.topic_keys
        if topic_key in keys:
            index = keys.index(topic_key)
            if index < len(section.topics):
                return plain(section.topics[index])
        if len(section.topics) == 1:
            return plain(section.topics[0])
        return topic_key

    def entry_text(self, entry: Entry, index: int) -> Text:
        """The entry's text in the pack's ``index``-th language; a Q&A as its question and its answer."""
        if entry.body is not None:
            return entry.body[index]
        parts: list[Text] = []
        for name, passage in (("question", entry.question), ("answer", entry.answer)):
            if passage is not None:
                label = self.outline.label(name)[index]
                colon = "\u00a0: " if label.lang == "fr" else ": "
                parts.append(
                    Text(
                        f"{label.text}{colon}{passage[index].text}",
                        passage[index].lang,
                        passage[index].untranslated,
                    )
                )
        if not parts:
            return Text("", self.languages[index])
        return Text("\n".join(p.text for p in parts), parts[0].lang, any(p.untranslated for p in parts))

    def followed_up(self, section: Section | None, topic_key: str | None) -> tuple[str, str]:
        """The agenda item and the topic an action follows up ("" where it has none)."""
        if section is None:
            return "", ""
        return self.agenda_item(section), self.topic_title(section, topic_key) if topic_key else ""

    def owner(self, topic_owner: str | Passage) -> str:
        """The owner of a topic's points: the topic's own, else the unit that prepared the pack."""
        for owner in (topic_owner, self.outline.cover.prepared_by):
            text = owner if isinstance(owner, str) else plain(owner)
            if text.strip():
                return text
        return ""

    def state(self, row: TextRow) -> str:
        value = row.translation_state.value
        return plain(tuple(Text(self.labels[lang].translation_state(value), lang) for lang in self.languages))
