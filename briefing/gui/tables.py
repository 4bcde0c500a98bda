"""Tables for a topic's follow-up actions and for the library's participants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from briefing.gui.runner import Runner
from briefing.gui.text_pair import TextPair
from briefing.gui.vocabulary import action_status_name
from briefing.gui.widgets import DateEdit, format_date
from briefing.model import ActionStatus
from briefing.model.enums import TranslationState
from briefing.operations import (
    Change,
    Changed,
    add_action,
    add_participant,
    delete_action,
    delete_participant,
    mark_reviewed,
    queries,
    set_text,
    update_action,
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


def _date(text: str) -> dt.date | None:
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


class ActionsTable(EditableTable):
    """The follow-up actions of one topic."""

    COLUMNS = 6

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.topic: queries.TopicView | None = None
        self.table.setColumnCount(self.COLUMNS)
        self.table.setObjectName("actionsTable")
        self.table.setItemDelegateForColumn(3, DateDelegate(self.table))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Action (English)"),
                self.tr("Action (French)"),
                self.tr("Owner"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Source"),
            ]
        )
        self.table.setAccessibleName(self.tr("Follow-up actions of the topic"))
        self.add_button.setText(self.tr("Add action"))
        self.delete_button.setText(self.tr("Delete action"))
        if self.topic is not None:
            self.show_actions(self.topic)

    def show_actions(self, topic: queries.TopicView | None) -> None:
        self.topic = topic
        actions = topic.actions if topic is not None else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            cells = [
                action.text.texts.get("en", ""),
                action.text.texts.get("fr", ""),
                action.owner,
                format_date(action.deadline, ui_language()),
                "",
                action.source,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, self.cell(text, action.key, column != 4))
            deadline = self.table.item(row, 3)
            if deadline is not None:
                deadline.setData(DATE_ROLE, action.deadline.isoformat() if action.deadline else "")
            status = QComboBox(self.table)
            for value in ActionStatus:
                status.addItem(action_status_name(value), value.value)
            status.setCurrentIndex(status.findData(action.status.value))
            status.setAccessibleName(self.tr("Status of the action"))
            status.activated.connect(
                lambda _i, key=action.key, box=status: self.run(
                    self.tr("Change action status"),
                    lambda: update_action(self.library, key, status=box.currentData()),
                )
            )
            self.table.setCellWidget(row, 4, status)
        self.table.blockSignals(False)
        self.setEnabled(topic is not None)

    def cell_edited(self, key: str, column: int, text: str) -> None:
        if self.topic is None:
            return
        action = next(a for a in self.topic.actions if a.key == key)
        if column in (0, 1):
            lang = "en" if column == 0 else "fr"
            self.run(self.tr("Edit action"), lambda: set_text(self.library, action.text.block_id, lang, text))
        elif column == 2:
            self.run(self.tr("Change action owner"), lambda: update_action(self.library, key, owner=text))
        elif column == 3:
            try:
                deadline = _date(text)
            except ValueError:
                self.runner.warn(self.tr("“%1” is not a date; write it as 2024-06-13.").replace("%1", text))
                self.show_actions(self.topic)
                return
            self.run(self.tr("Change deadline"), lambda: update_action(self.library, key, deadline=deadline))
        elif column == 5:
            self.run(self.tr("Change action source"), lambda: update_action(self.library, key, source=text))

    def add_row(self) -> None:
        if self.topic is not None:
            key = self.topic.key
            self.run(
                self.tr("Add action"), lambda: add_action(self.library, key, {"en": self.tr("New action")})
            )

    def delete_row(self) -> None:
        key = self.current_key()
        if key:
            self.run(self.tr("Delete action"), lambda: delete_action(self.library, key))


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

    def _title_details(self) -> None:
        person = next((p for p in self.rows if p.key == self.person_key), None)
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
        person = next((p for p in self.rows if p.key == key), None)
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
        if block_id:
            self.runner.run(
                self.tr("Edit participant"),
                lambda: set_text(self.library, block_id, lang, text),
                TextEditCommand,
            )

    def review(self, block_id: int, lang: str) -> None:
        if block_id:
            self.run(self.tr("Mark reviewed"), lambda: mark_reviewed(self.library, block_id, lang))

    def cell_edited(self, key: str, column: int, text: str) -> None:
        person = next(p for p in self.rows if p.key == key)
        if column == 0:
            self.run(self.tr("Rename participant"), lambda: update_participant(self.library, key, name=text))
        elif column == 1:
            self.run(
                self.tr("Change organisation"),
                lambda: update_participant(self.library, key, organisation=text),
            )
        else:
            lang = "en" if column == 2 else "fr"
            self.run(
                self.tr("Edit function"), lambda: set_text(self.library, person.function.block_id, lang, text)
            )

    def add_row(self) -> None:
        name = self.tr("New participant")
        self.run(self.tr("Add participant"), lambda: add_participant(self.library, name))

    def delete_row(self) -> None:
        key = self.current_key()
        if key:
            self.run(self.tr("Delete participant"), lambda: delete_participant(self.library, key))
