"""Tables for a topic's follow-up actions and for the library's participants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.runner import Runner
from briefing.gui.vocabulary import action_status_name
from briefing.model import ActionStatus
from briefing.operations import (
    Change,
    Changed,
    add_action,
    add_participant,
    delete_action,
    delete_participant,
    queries,
    set_text,
    update_action,
    update_participant,
)

KEY_ROLE = Qt.ItemDataRole.UserRole


class EditableTable(QWidget):
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

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
        self.cell_edited(str(item.data(KEY_ROLE)), item.column(), item.text())

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


class ActionsTable(EditableTable):
    """The follow-up actions of one topic."""

    COLUMNS = 6

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.topic: queries.TopicView | None = None
        self.table.setColumnCount(self.COLUMNS)
        self.table.setObjectName("actionsTable")
        runner.changed.connect(self._changed)
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

    def _changed(self, change: Change) -> None:
        if change.changed & Changed.ACTIONS and self.topic is not None:
            self.show_actions(queries.topic_view(self.library, self.topic.key))

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
                action.deadline.isoformat() if action.deadline else "",
                "",
                action.source,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, self.cell(text, action.key, column != 4))
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
        if column in (0, 1):
            self.show_actions(queries.topic_view(self.library, self.topic.key))

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


class ParticipantsTable(EditableTable):
    """Every participant of the library: name, organisation and function in both languages."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.rows: list[queries.ParticipantRow] = []
        self.table.setColumnCount(4)
        self.table.setObjectName("participantsTable")
        runner.changed.connect(self._changed)
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

    def _changed(self, change: Change) -> None:
        if change.changed & (Changed.PARTICIPANTS | Changed.TEXT):
            self.reload()

    def reload(self) -> None:
        self.rows = queries.participants(self.library)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, person in enumerate(self.rows):
            cells = [
                person.name,
                person.organisation,
                person.function.texts.get("en", ""),
                person.function.texts.get("fr", ""),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, self.cell(text, person.key))
        self.table.blockSignals(False)

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
