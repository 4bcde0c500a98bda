"""A meeting's participants: people of the library added to the meeting, in the order the pack lists them."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.background import URGENT
from briefing.gui.changes import Changes
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.model.enums import TranslationState
from briefing.operations import (
    Changed,
    add_participant_to_meeting,
    move_meeting_participant,
    queries,
    remove_participant_from_meeting,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
SHORT_TEXT_HEIGHT = 40
NO_LOCATION = queries.TextView(0, "en", {}, {"en": TranslationState.MISSING, "fr": TranslationState.MISSING})


class MeetingParticipantsPanel(Retranslating, QWidget):
    """Who attends: participants of the library added to the meeting, in the order the pack lists them."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.slug = ""
        self.ui_lang = "en"
        self.rows: list[queries.ParticipantRow] = []
        self.everyone: list[queries.ParticipantRow] = []

        self.list = QListWidget(self)
        self.list.setObjectName("meetingParticipants")
        self.choices = QComboBox(self)
        self.choices.setObjectName("participantChoices")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addToMeeting")
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeFromMeeting")
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self)
        self.up_button.clicked.connect(partial(self.move_current, -1))
        self.down_button = QPushButton(self)
        self.down_button.clicked.connect(partial(self.move_current, 1))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.choices, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.hint)
        self.setEnabled(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.list.setAccessibleName(self.tr("Participants of the meeting, in the order of the pack"))
        self.choices.setAccessibleName(self.tr("Participant of the library to add"))
        self.add_button.setText(self.tr("Add to meeting"))
        self.remove_button.setText(self.tr("Remove from meeting"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.hint.setText(
            self.tr(
                "New people are added in the Participants tab; their function and biography are edited there."
            )
        )
        self.reload()

    def set_language(self, lang: str) -> None:
        """Word the lists in ``lang`` from the rows already read."""
        self.ui_lang = lang
        if self.slug:
            self._show_rows((self.rows, self.everyone))

    def show_meeting(self, slug: str) -> None:
        self.slug = slug
        self.reload()

    def _label(self, person: queries.ParticipantRow) -> str:
        function = person.function.texts.get(self.ui_lang) or person.function.texts.get("en", "")
        parts = [person.name] + [p for p in (function, person.organisation) if p]
        return " — ".join(parts)

    def reload(self) -> None:
        """Read the meeting's participants and everyone else on the background task, then list them."""
        self.setEnabled(bool(self.slug))
        if not self.slug:
            self.runner.background.invalidate("participants")
            self.list.clear()
            self.choices.clear()
            return
        library, slug = self.library, self.slug

        def read() -> tuple[list[queries.ParticipantRow], list[queries.ParticipantRow]]:
            return queries.meeting_details(library, slug).participants, queries.participants(library)

        self.runner.background.query(
            read, self._show_rows, failed=self._failed, channel="participants", priority=URGENT
        )

    def _failed(self, _error: Exception) -> None:
        self.rows = []  # the meeting was deleted; the builder picks another
        self.list.clear()
        self.choices.clear()

    def _show_rows(self, found: tuple[list[queries.ParticipantRow], list[queries.ParticipantRow]]) -> None:
        current = self.current_key()
        self.list.clear()
        self.choices.clear()
        self.rows, everyone = found
        self.everyone = everyone
        for person in self.rows:
            item = QListWidgetItem(self._label(person), self.list)
            item.setData(KEY_ROLE, person.key)
            if person.key == current:
                self.list.setCurrentItem(item)
        attending = {p.key for p in self.rows}
        for person in everyone:
            if person.key not in attending:
                self.choices.addItem(self._label(person), person.key)
        self.add_button.setEnabled(self.choices.count() > 0)

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        """The builder passes on every change: list the participants again when they may have changed."""
        if changes.touches(Changed.PARTICIPANTS | Changed.MEETINGS | Changed.TEXT):
            meetings = changes.known("meeting")
            if not (meetings and self.slug not in meetings):
                self.reload()

    def current_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def add_chosen(self) -> None:
        key = self.choices.currentData()
        if self.slug and key:
            slug = self.slug
            self.runner.run(
                self.tr("Add participant to meeting"),
                lambda: add_participant_to_meeting(self.library, slug, str(key)),
            )

    def remove_current(self) -> None:
        key = self.current_key()
        if self.slug and key:
            slug = self.slug
            self.runner.run(
                self.tr("Remove participant from meeting"),
                lambda: remove_participant_from_meeting(self.library, slug, key),
            )

    def move_current(self, step: int) -> None:
        key = self.current_key()
        if not (self.slug and key):
            return
        position = self.list.currentRow() + step
        if 0 <= position < self.list.count():
            slug = self.slug
            self.runner.run(
                self.tr("Reorder participants"),
                lambda: move_meeting_participant(self.library, slug, key, position),
            )
