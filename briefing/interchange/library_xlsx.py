"""The library workbook: every text, every topic and every follow-up action of the library in one file.

Written in openpyxl's write-only mode from queries read in batches, so a library of 100 000 items is written
in seconds with flat memory. The workbook carries the highest marking found in the library at the top and
bottom of each printed page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import select

from briefing.assemble.workbook_rows import library_text_rows
from briefing.files import atomic_output
from briefing.i18n import labels as lbl
from briefing.i18n.labels import Labels
from briefing.model import Action, Area, Item, Marking, Topic
from briefing.render.xlsx.cells import CellStyle, plain_value, text_cell
from briefing.render.xlsx.layout import (
    DATE,
    TEXT,
    Column,
    add_table,
    header_cells,
    set_up_columns,
    set_up_printing,
    sheet_title,
    unique_headers,
)
from briefing.render.xlsx.package import save_workbook
from briefing.store import Library, UnitOfWork


def export_library_xlsx(library: Library, path: Path, *, lang: str = "en") -> int:
    """Write the whole library to the workbook ``path``, headings in ``lang``; the number of texts written."""
    labels = Labels.for_language(lang)
    with library.reading() as uow, atomic_output(Path(path)) as temporary:
        writer = _LibraryWorkbook(uow, labels)
        count = writer.write()
        save_workbook(writer.book, temporary)
    return count


class _LibraryWorkbook:
    def __init__(self, uow: UnitOfWork, labels: Labels) -> None:
        self.uow = uow
        self.labels = labels
        self.book = Workbook(write_only=True)
        self.titles: list[str] = []
        self.marking = _highest_marking(uow)

    def sheet(self, msgid: str, columns: Sequence[Column]) -> tuple[Any, list[str]]:
        title = sheet_title(self.labels.get(msgid), self.titles)
        self.titles.append(title)
        sheet = self.book.create_sheet(title)
        set_up_columns(sheet, columns)
        set_up_printing(sheet, marking=self.marking.value if self.marking else None)
        headers = unique_headers([column.header for column in columns])
        sheet.append(header_cells(sheet, headers))
        return sheet, headers

    def cells(self, sheet: Any, values: Iterable[tuple[object, CellStyle | None]]) -> list[Any]:
        """A row for ``sheet``; only values with a style get a cell of their own, which is slower."""
        row = []
        for value, style in values:
            if isinstance(value, str):
                if style is None:
                    row.append(plain_value(sheet, value))
                else:
                    row.append(text_cell(sheet, value, style) if value else None)
            elif value is None:
                row.append(None)
            elif style is None:
                row.append(value)
            else:
                cell = WriteOnlyCell(sheet, value)
                style.apply(cell)
                row.append(cell)
        return row

    def write(self) -> int:
        count = self.texts()
        self.topics()
        self.actions()
        return count

    def texts(self) -> int:
        """One row per text. Its cells carry no style of their own (no wrapping): with a hundred thousand
        rows, that halves the time to write the sheet and spares spreadsheet programs fitting row heights."""
        get = self.labels.get
        columns = [
            Column(get(lbl.POLICY_AREA), 16),
            Column(get(lbl.TOPIC), 18),
            Column(get(lbl.CONTEXT), 28),
            Column(get(lbl.KIND), 16),
            Column(get(lbl.MARKING), 16),
            Column(get(lbl.INTERNAL), 10),
            Column(get(lbl.ENGLISH), 50),
            Column(get(lbl.FRENCH), 50),
            Column(get(lbl.TRANSLATION_STATUS), 16),
        ]
        sheet, headers = self.sheet(lbl.TEXTS, columns)
        yes = get(lbl.YES)
        count = 0
        for row in library_text_rows(self.uow):
            count += 1
            sheet.append(
                self.cells(
                    sheet,
                    [
                        (row.area_key or "", None),
                        (row.topic.key if row.topic else "", None),
                        (row.context(self.labels), None),
                        (self.labels.item_kind(row.kind.value) if row.kind else "", None),
                        (row.marking.value if row.marking else "", None),
                        (yes if row.internal else "", None),
                        (row.text("en"), None),
                        (row.text("fr"), None),
                        (self.labels.translation_state(row.translation_state.value), None),
                    ],
                )
            )
        add_table(sheet, "LibraryTexts", headers, count)
        return count

    def topics(self) -> None:
        get = self.labels.get
        columns = [
            Column(get(lbl.POLICY_AREA), 16),
            Column(get(lbl.TOPIC), 18),
            Column(get(lbl.ENGLISH), 40),
            Column(get(lbl.FRENCH), 40),
            Column(get(lbl.OWNER), 20),
            Column(get(lbl.MARKING), 16),
            Column(get(lbl.LAST_REVIEWED), 13),
            Column(get(lbl.TAGS), 20),
            Column(get(lbl.SOURCES), 20),
        ]
        sheet, headers = self.sheet(lbl.TOPICS, columns)
        statement = (
            select(Topic, Area.key)
            .join(Area, Topic.area_id == Area.id)
            .order_by(Area.position, Area.id, Topic.position, Topic.id)
            .execution_options(yield_per=500)
        )
        count = 0
        for topic, area_key in self.uow.session.execute(statement):
            count += 1
            sheet.append(
                self.cells(
                    sheet,
                    [
                        (area_key, TEXT),
                        (topic.key, TEXT),
                        (topic.title.text("en") or "", TEXT),
                        (topic.title.text("fr") or "", TEXT),
                        (topic.owner or "", TEXT),
                        (topic.marking.value if topic.marking else "", TEXT),
                        (topic.reviewed_on, DATE),
                        ("\n".join(topic.tags), TEXT),
                        ("\n".join(topic.sources), TEXT),
                    ],
                )
            )
        add_table(sheet, "LibraryTopics", headers, count)

    def actions(self) -> None:
        get = self.labels.get
        columns = [
            Column(get(lbl.TOPIC), 18),
            Column(get(lbl.ENGLISH), 40),
            Column(get(lbl.FRENCH), 40),
            Column(get(lbl.OWNER), 20),
            Column(get(lbl.DEADLINE), 13),
            Column(get(lbl.STATUS), 14),
            Column(get(lbl.SOURCE), 18),
        ]
        sheet, headers = self.sheet(lbl.FOLLOW_UP_ACTIONS, columns)
        statement = (
            select(Action, Topic.key)
            .outerjoin(Topic, Action.topic_id == Topic.id)
            .order_by(Action.deadline.is_(None), Action.deadline, Action.position, Action.id)
            .execution_options(yield_per=500)
        )
        count = 0
        for action, topic_key in self.uow.session.execute(statement):
            count += 1
            sheet.append(
                self.cells(
                    sheet,
                    [
                        (topic_key or "", TEXT),
                        (action.text.text("en") or "", TEXT),
                        (action.text.text("fr") or "", TEXT),
                        (action.owner or "", TEXT),
                        (action.deadline, DATE),
                        (self.labels.action_status(action.status.value), TEXT),
                        (action.source or "", TEXT),
                    ],
                )
            )
        add_table(sheet, "LibraryActions", headers, count)


def _highest_marking(uow: UnitOfWork) -> Marking | None:
    session = uow.session
    found: list[Marking | None] = list(session.scalars(select(Topic.marking).distinct()))
    found += list(session.scalars(select(Item.marking).distinct()))
    return Marking.highest(found)
