"""Tables whose cells save themselves, and the library's participants (a topic's actions: actions_table)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.background import URGENT
from briefing.gui.changes import ChangeAware, Changes
from briefing.gui.commands import TextEditCommand
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner, with_saved, with_text
from briefing.gui.text_pair import TextPair
from briefing.gui.widgets import DateEdit, format_date
from briefing.model.enums import TranslationState
from briefing.operations import (
    Change,
    Changed,
    add_participant,
    delete_participant,
    mark_reviewed,
    queries,
    update_participant,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
"""A date cell's date, as YYYY-MM-DD ("" for none); the cell shows it in the interface language."""


class EditableTable(Retranslating, QWidget):
    """A table whose cells save themselves when edited, with add and delete buttons below."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._cell_changed)
        self.add_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """Set the visible texts (in subclasses)."""

    def cell(self, text: str, key: str, editable: bool = True) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(KEY_ROLE, key)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def current_key(self) -> str:
        item = self.table.item(self.table.currentRow(), 0)
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        date = item.data(DATE_ROLE)  # a date cell: its date, not the text it shows
        self.cell_edited(str(item.data(KEY_ROLE)), item.column(), item.text() if date is None else str(date))

    def cell_edited(self, key: str, column: int, text: str) -> None:
        """Save an edited cell (in subclasses)."""

    def add_row(self) -> None:
        """Add a record (in subclasses)."""

    def delete_row(self) -> None:
        """Delete the current record (in subclasses)."""

    def run(self, text: str, perform: Callable[[], Change]) -> None:
        self.runner.run(text, perform)


def parse_date(text: str) -> dt.date | None:
    """The date written as YYYY-MM-DD, None when empty; ValueError otherwise."""
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell with a date box (calendar, arrows, the interface language's month names)."""

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = DateEdit(parent)
        editor.setAccessibleName(self.tr("Deadline"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, DateEdit)
        text = str(index.data(DATE_ROLE) or "")
        editor.set_value(dt.date.fromisoformat(text) if text else None)

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, DateEdit)
        value = editor.value()
        model.setItemData(  # one change: the date and the text showing it
            index,
            {
                DATE_ROLE: value.isoformat() if value else "",
                Qt.ItemDataRole.DisplayRole: format_date(value, ui_language()),
            },
        )


def ui_language() -> str:
    from PySide6.QtCore import QLocale

    return "fr" if QLocale().language() == QLocale.Language.French else "en"


NO_TEXT = queries.TextView(0, "en", {}, {"en": TranslationState.MISSING, "fr": TranslationState.MISSING})


class ParticipantsTable(ChangeAware, EditableTable):
    """Every participant of the library: name, organisation and function in both languages.

    Below the table, the chosen participant's function and biography are edited in English and French side
    by side, with the state of the French (missing, stale…) and a button confirming it.
    """

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.rows: list[queries.ParticipantRow] = []
        self.person_key = ""
        self.table.setColumnCount(4)
        self.table.setObjectName("participantsTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # headers fit
        self.details = QGroupBox(self)
        self.details.setObjectName("participantDetails")
        self.function_pair = TextPair(NO_TEXT, "", self.details)
        self.function_pair.setObjectName("participantFunction")
        self.bio_pair = TextPair(NO_TEXT, "", self.details)
        self.bio_pair.setObjectName("participantBio")
        self.organisation_pair = TextPair(
            NO_TEXT, "", self.details
        )  # its French; the English is in the table
        self.organisation_pair.setObjectName("participantOrganisation")
        for pair in (self.function_pair, self.bio_pair, self.organisation_pair):
            pair.edited.connect(self.edit_text)
            pair.reviewRequested.connect(self.review)
        details_layout = QVBoxLayout(self.details)
        details_layout.addWidget(self.function_pair)
        details_layout.addWidget(self.organisation_pair)
        details_layout.addWidget(self.bio_pair)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.details)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_chosen(row))
        runner.changed.connect(self.on_changes)
        self.details.setEnabled(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Function (English)"),
                self.tr("Function (French)"),
            ]
        )
        self.table.setAccessibleName(self.tr("Participants"))
        self.add_button.setText(self.tr("Add participant"))
        self.delete_button.setText(self.tr("Delete participant"))
        self._title_details()
        self.function_pair.label_text = self.tr("Function")
        self.function_pair.retranslateUi()
        self.bio_pair.label_text = self.tr("Biography")
        self.bio_pair.retranslateUi()
        self.organisation_pair.label_text = self.tr("Organisation")
        self.organisation_pair.retranslateUi()

    def person(self, key: str) -> queries.ParticipantRow | None:
        """The participant ``key`` among the rows shown (None when not there)."""
        return next((p for p in self.rows if p.key == key), None)

    def _title_details(self) -> None:
        person = self.person(self.person_key)
        if person is None:
            self.details.setTitle(self.tr("Choose a participant to edit their function and biography"))
        else:
            self.details.setTitle(self.tr("Function and biography of %1").replace("%1", person.name))

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Everyone's names and functions: read again (when on screen) after a change to participants."""
        if changes.touches(Changed.PARTICIPANTS) or (
            changes.touches(Changed.TEXT) and not changes.touches(Changed.MEETINGS | Changed.AGENDA)
        ):
            self.request_refresh()

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read everyone on the background task, then show them."""
        library = self.library
        self.runner.background.query(
            lambda: queries.participants(library),
            self._show_rows,
            channel="participants.table",
            priority=URGENT,
        )

    def _show_rows(self, rows: list[queries.ParticipantRow]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        chosen = -1
        for row, person in enumerate(self.rows):
            cells = [
                person.name,
                person.organisation,
                person.function.texts.get("en", ""),
                person.function.texts.get("fr", ""),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, self.cell(text, person.key))
            if person.key == self.person_key:
                chosen = row
        if chosen >= 0:
            self.table.setCurrentCell(chosen, max(0, self.table.currentColumn()))
        self.table.blockSignals(False)
        self.show_person(self.person_key if chosen >= 0 else "")

    def _row_chosen(self, row: int) -> None:
        item = self.table.item(row, 0)
        self.show_person(str(item.data(KEY_ROLE)) if item is not None else "")

    def show_person(self, key: str) -> None:
        """Show ``key``'s function and biography below the table ("" for none)."""
        person = self.person(key)
        if person is None or key != self.person_key:
            for pair in (self.function_pair, self.bio_pair, self.organisation_pair):
                pair.commit()
        self.person_key = person.key if person is not None else ""
        organisation = person.organisation_text if person is not None else None
        self.organisation_pair.show_view(organisation or NO_TEXT)
        self.organisation_pair.setEnabled(organisation is not None)
        self.function_pair.show_view(person.function if person is not None else NO_TEXT)
        self.bio_pair.show_view(person.bio if person is not None else NO_TEXT)
        self.details.setEnabled(person is not None)
        self._title_details()

    def edit_text(self, block_id: int, lang: str, text: str) -> None:
        """Save a function, biography or organisation on top of what its box showed."""
        pair = next((p for p in self._pairs() if p.view.block_id == block_id), None)
        if block_id and pair is not None:
            person = self.person(self.person_key)
            what = f"{person.name} — {pair.label_text}" if person is not None else ""
            self.runner.run_typed(self.tr("Edit participant"), pair, lang, text, what=what)

    def _pairs(self) -> tuple[TextPair, ...]:
        return (self.function_pair, self.bio_pair, self.organisation_pair)

    def review(self, block_id: int, lang: str) -> None:
        if block_id:
            self.run(self.tr("Mark reviewed"), lambda: mark_reviewed(self.library, block_id, lang))

    def cell_edited(self, key: str, column: int, text: str) -> None:
        """Save a cell on top of what the table showed (a colleague's newer value opens the merge dialog)."""
        person = next(p for p in self.rows if p.key == key)
        if column == 0:
            self._edit_field(self.tr("Rename participant"), key, "name", text, person.name)
        elif column == 1:
            self._edit_field(self.tr("Change organisation"), key, "organisation", text, person.organisation)
        else:
            lang = "en" if column == 2 else "fr"
            function = person.function
            shown = function.texts.get(lang, "")
            change = self.runner.run_text(
                self.tr("Edit function"), function.block_id, lang, text, shown, TextEditCommand
            )
            if change is not None:
                saved = dataclasses.replace(person, function=with_text(function, lang, text))
                self.rows = [saved if p.key == key else p for p in self.rows]

    def _edit_field(self, undo_text: str, key: str, field: str, typed: str, shown: str) -> None:
        library = self.library

        def save(words: str, base: str) -> Change:
            return update_participant(library, key, based_on={field: base}, **{field: words})

        touched = Changes(Changed.PARTICIPANTS, frozenset({("participant", key)}))
        change = self.runner.run_checked(undo_text, save, typed, shown, shown=touched)
        if change is not None:  # the next edit is based on it, until everyone is read again
            self.rows = [with_saved(p, change) if p.key == key else p for p in self.rows]

    def add_row(self) -> None:
        name = self.tr("New participant")
        self.run(self.tr("Add participant"), lambda: add_participant(self.library, name))

    def delete_row(self) -> None:
        key = self.current_key()
        if key:
            self.run(self.tr("Delete participant"), lambda: delete_participant(self.library, key))
