"""The follow-up actions of one topic: text, owner and source in English and French, deadline and status.

Every cell saves itself on top of the value the table showed: when a colleague saved another value in between,
the merge dialog opens (:meth:`~briefing.gui.runner.Runner.run_checked`) and nothing is overwritten. The French
of an action's owner and source is edited in a line box in its own column, framed while it is missing or out of
date (:class:`~briefing.gui.short_field.FrenchShortField`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from briefing.gui.changes import Changes
from briefing.gui.commands import TextEditCommand
from briefing.gui.runner import Runner, with_saved, with_text
from briefing.gui.short_field import FrenchShortField
from briefing.gui.tables import DATE_ROLE, DateDelegate, EditableTable, parse_date, ui_language
from briefing.gui.vocabulary import action_status_name
from briefing.gui.widgets import format_date
from briefing.model import ActionStatus
from briefing.operations import Change, Changed, add_action, delete_action, queries, update_action

TEXT_EN, TEXT_FR, OWNER, OWNER_FR, DEADLINE, STATUS, SOURCE, SOURCE_FR = range(8)
"""The columns of the table."""


class ActionsTable(EditableTable):
    """The follow-up actions of one topic."""

    COLUMNS = 8

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.topic: queries.TopicView | None = None
        self.table.setColumnCount(self.COLUMNS)
        self.table.setObjectName("actionsTable")
        self.table.setItemDelegateForColumn(DEADLINE, DateDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.COLUMNS):  # the action's text takes the room the short fields leave
            stretch = column in (TEXT_EN, TEXT_FR)
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            )
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Action (English)"),
                self.tr("Action (French)"),
                self.tr("Owner (EN)"),
                self.tr("Owner (FR)"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Source (EN)"),
                self.tr("Source (FR)"),
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
            cells = {
                TEXT_EN: action.text.texts.get("en", ""),
                TEXT_FR: action.text.texts.get("fr", ""),
                OWNER: action.owner,
                OWNER_FR: "",
                DEADLINE: format_date(action.deadline, ui_language()),
                STATUS: "",
                SOURCE: action.source,
                SOURCE_FR: "",
            }
            for column, text in cells.items():
                editable = column not in (OWNER_FR, STATUS, SOURCE_FR)
                self.table.setItem(row, column, self.cell(text, action.key, editable))
            deadline = self.table.item(row, DEADLINE)
            if deadline is not None:
                deadline.setData(DATE_ROLE, action.deadline.isoformat() if action.deadline else "")
            self.table.setCellWidget(row, STATUS, self._status_box(action))
            self._french_box(row, OWNER_FR, action.owner_text, self.tr("Translate action owner"))
            self._french_box(row, SOURCE_FR, action.source_text, self.tr("Translate action source"))
        self.table.blockSignals(False)
        self.setEnabled(topic is not None)

    def _status_box(self, action: queries.ActionView) -> QComboBox:
        status = QComboBox(self.table)
        for value in ActionStatus:
            status.addItem(action_status_name(value), value.value)
        status.setCurrentIndex(status.findData(action.status.value))
        status.setAccessibleName(self.tr("Status of the action"))
        status.activated.connect(
            lambda _i, key=action.key, box=status, shown=action.status: self._update_field(
                self.tr("Change action status"), key, "status", box.currentData(), shown
            )
        )
        return status

    def _french_box(self, row: int, column: int, view: queries.TextView | None, undo_text: str) -> None:
        """The French of a short field of the action (its owner or source) in its own column."""
        box = self.table.cellWidget(row, column)
        if not isinstance(box, FrenchShortField) or box.undo_text != undo_text:
            box = FrenchShortField(self.runner, undo_text, self.table)
            box.setObjectName("actionOwnerFrench" if column == OWNER_FR else "actionSourceFrench")
            self.table.setCellWidget(row, column, box)
        box.undo_text = undo_text
        what = (
            self.tr("Owner of the action, in French")
            if column == OWNER_FR
            else self.tr("Source of the action, in French")
        )
        box.setAccessibleName(what)
        box.show_view(view)

    def french_box(self, row: int, column: int) -> FrenchShortField | None:
        """The French box of ``row`` in ``column`` (:data:`OWNER_FR` or :data:`SOURCE_FR`)."""
        box = self.table.cellWidget(row, column)
        return box if isinstance(box, FrenchShortField) else None

    def cell_edited(self, key: str, column: int, text: str) -> None:
        if self.topic is None:
            return
        action = next(a for a in self.topic.actions if a.key == key)
        if column in (TEXT_EN, TEXT_FR):
            lang = "en" if column == TEXT_EN else "fr"
            shown = action.text.texts.get(lang, "")
            block = action.text.block_id
            edit = self.tr("Edit action")
            if self.runner.run_text(edit, block, lang, text, shown, TextEditCommand) is not None:
                self._replace(key, lambda a: dataclasses.replace(a, text=with_text(a.text, lang, text)))
        elif column == OWNER:
            self._edit_short(self.tr("Change action owner"), key, "owner", text, action.owner)
        elif column == DEADLINE:
            try:
                deadline = parse_date(text)
            except ValueError:
                self.runner.warn(self.tr("“%1” is not a date; write it as 2024-06-13.").replace("%1", text))
                self.show_actions(self.topic)
                return
            self._update_field(self.tr("Change deadline"), key, "deadline", deadline, action.deadline)
        elif column == SOURCE:
            self._edit_short(self.tr("Change action source"), key, "source", text, action.source)

    def _edit_short(self, undo_text: str, key: str, field: str, typed: str, shown: str) -> None:
        """Save the English of the action's owner or source on top of what the table showed."""
        library = self.library

        def save(words: str, base: str) -> Change:
            return update_action(library, key, based_on={field: base}, **{field: words})

        self._saved(key, self.runner.run_checked(undo_text, save, typed, shown, shown=self._touched(key)))

    def _update_field(self, undo_text: str, key: str, field: str, value: Any, shown: Any) -> None:
        """Save a deadline or a status chosen from the value shown; a colleague's newer one is kept and shown."""
        library = self.library

        def perform() -> Change:
            return update_action(library, key, based_on={field: shown}, **{field: value})

        change = self.runner.run(undo_text, perform)
        if change is None:
            self.runner.changed.emit(self._touched(key), None)  # show what the library holds
        self._saved(key, change)

    def _saved(self, key: str, change: Change | None) -> None:
        """Base the next edit of the action on what was saved, until the topic is read again."""
        if change is not None:
            self._replace(key, lambda action: with_saved(action, change))

    def _replace(self, key: str, saved: Callable[[queries.ActionView], queries.ActionView]) -> None:
        if self.topic is not None:
            actions = [saved(a) if a.key == key else a for a in self.topic.actions]
            self.topic = dataclasses.replace(self.topic, actions=actions)

    @staticmethod
    def _touched(key: str) -> Changes:
        return Changes(Changed.ACTIONS, frozenset({("action", key)}))

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


__all__ = ["ActionsTable"]
