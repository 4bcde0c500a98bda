"""A meeting's own details in the meeting builder: title, kind, dates, place, objectives and participants.

Texts (title, location, objectives) are edited in English and French side by side with their translation
state; every edit goes through the runner, so it is saved at once and can be undone. The title and the
objectives offer translation suggestions from the library while their French is missing or stale
(:class:`~briefing.gui.suggestions.SuggestionsController`); a place name does not.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.background import URGENT
from briefing.gui.changes import Changes
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner, with_saved
from briefing.gui.short_field import FrenchShortField
from briefing.gui.suggestions import SuggestionsController
from briefing.gui.text_pair import TextPair
from briefing.gui.vocabulary import meeting_kind_name
from briefing.gui.widgets import DateEdit
from briefing.model import MeetingKind
from briefing.model.enums import TranslationState
from briefing.operations import (
    Change,
    Changed,
    add_objective,
    delete_objective,
    mark_reviewed,
    move_objective,
    queries,
    set_meeting_location,
    update_meeting,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
SHORT_TEXT_HEIGHT = 40
NO_LOCATION = queries.TextView(0, "en", {}, {"en": TranslationState.MISSING, "fr": TranslationState.MISSING})


def short(pair: TextPair) -> TextPair:
    """A text pair for a one-line text (a title, a place)."""
    for editor in pair.editors.values():
        editor.setFixedHeight(SHORT_TEXT_HEIGHT)
    return pair


class ObjectiveRow(Retranslating, QFrame):
    """One objective: its number, its text in both languages, and buttons to move or delete it."""

    def __init__(self, details: MeetingDetailsPanel, objective_id: int, text: queries.TextView) -> None:
        super().__init__(details)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.objective_id = objective_id
        self.setObjectName(f"objective-{objective_id}")
        self.number = QLabel(self)
        self.pair = TextPair(text, "", self)
        details.connect_pair(self.pair)
        self.up = QToolButton(self)
        self.up.setObjectName("objectiveUp")
        self.up.clicked.connect(lambda: details.move_objective(objective_id, -1))
        self.down = QToolButton(self)
        self.down.setObjectName("objectiveDown")
        self.down.clicked.connect(lambda: details.move_objective(objective_id, 1))
        self.delete = QToolButton(self)
        self.delete.setObjectName("objectiveDelete")
        self.delete.clicked.connect(lambda: details.delete_objective(objective_id))
        buttons = QVBoxLayout()
        for button in (self.up, self.down, self.delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.pair, 1)
        layout.addLayout(buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.up.setText(self.tr("Up"))
        self.up.setAccessibleName(self.tr("Move this objective up"))
        self.down.setText(self.tr("Down"))
        self.down.setAccessibleName(self.tr("Move this objective down"))
        self.delete.setText(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete this objective"))
        self.pair.label_text = self.tr("Objective")
        self.pair.retranslateUi()

    def set_number(self, number: int) -> None:
        self.number.setText(f"{number}.")


class MeetingDetailsPanel(Retranslating, QWidget):
    """Title, kind, dates, location, who prepared the pack, and the objectives of one meeting."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.view: queries.MeetingDetails | None = None
        self.pairs: dict[int, TextPair] = {}
        self.objective_rows: list[ObjectiveRow] = []
        self.suggester = SuggestionsController(runner, self._suggesting_pairs, self)

        self.title_label = QLabel(self)
        self.title_pair = short(TextPair(NO_LOCATION, "", self))
        self.title_pair.setObjectName("meetingTitle")
        self.title_pair.edited.connect(self._title_edited)
        self.title_pair.reviewRequested.connect(self.review)
        self.suggester.connect_pair(self.title_pair)
        self.kind = QComboBox(self)
        self.kind.setObjectName("meetingKind")
        self.kind.activated.connect(self._kind_chosen)
        self.starts = DateEdit(self)
        self.starts.setObjectName("startsOn")
        self.starts.committed.connect(self._dates_edited)
        self.ends = DateEdit(self)
        self.ends.setObjectName("endsOn")
        self.ends.committed.connect(self._dates_edited)
        self.date_error = QLabel(self)
        self.date_error.setObjectName("dateError")
        self.date_error.setStyleSheet("color: #b00020;")
        self.date_error.setWordWrap(True)
        self.date_error.hide()
        self.location_label = QLabel(self)
        self.location_pair = short(TextPair(NO_LOCATION, "", self))
        self.location_pair.setObjectName("meetingLocation")
        self.location_pair.edited.connect(self._location_edited)
        self.location_pair.reviewRequested.connect(self.review)
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setObjectName("preparedBy")
        self.prepared_by.editingFinished.connect(self._prepared_by_edited)
        self.prepared_by_fr = FrenchShortField(self.runner, self.tr("Translate who prepared the pack"), self)
        self.prepared_by_fr.setObjectName("preparedByFrench")
        self._lay_out()
        self.setEnabled(False)
        self.retranslateUi()

    def _lay_out(self) -> None:
        self.kind_label = QLabel(self)
        self.starts_label = QLabel(self)
        self.ends_label = QLabel(self)
        self.prepared_by_label = QLabel(self)
        dates = QHBoxLayout()
        dates.addWidget(self.starts_label)
        dates.addWidget(self.starts)
        dates.addWidget(self.ends_label)
        dates.addWidget(self.ends)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        prepared_row = QHBoxLayout()
        prepared_row.addWidget(self.prepared_by, 1)
        prepared_row.addWidget(self.prepared_by_fr, 1)
        form.addRow(self.prepared_by_label, prepared_row)

        self.objectives_box = QGroupBox(self)
        self.objectives_layout = QVBoxLayout(self.objectives_box)
        self.add_objective_button = QPushButton(self.objectives_box)
        self.add_objective_button.setObjectName("addObjective")
        self.add_objective_button.clicked.connect(self.add_objective)
        self.objectives_layout.addWidget(self.add_objective_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title_pair)
        layout.addLayout(dates)
        layout.addWidget(self.date_error)
        layout.addWidget(self.location_label)
        layout.addWidget(self.location_pair)
        layout.addLayout(form)
        layout.addWidget(self.objectives_box)
        layout.addStretch(1)

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.title_label.setText(self.tr("Title of the meeting"))
        self.title_pair.label_text = self.tr("Title of the meeting")
        self.title_pair.retranslateUi()
        self.kind_label.setText(self.tr("Kind"))
        self.kind.setAccessibleName(self.tr("Kind of meeting"))
        current = self.kind.currentData()
        self.kind.clear()
        for kind in MeetingKind:
            self.kind.addItem(meeting_kind_name(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.starts_label.setText(self.tr("From"))
        self.ends_label.setText(self.tr("To"))
        self.starts.setSpecialValueText(self.tr("No date"))
        self.ends.setSpecialValueText(self.tr("No date"))
        self.starts.setAccessibleName(self.tr("First day of the meeting"))
        self.ends.setAccessibleName(self.tr("Last day of the meeting"))
        self.location_label.setText(self.tr("Location"))
        self.location_pair.label_text = self.tr("Location")
        self.location_pair.retranslateUi()
        self.prepared_by_label.setText(self.tr("Prepared by (EN / FR)"))
        self.prepared_by.setAccessibleName(self.tr("Prepared by"))
        self.prepared_by_fr.setAccessibleName(self.tr("Prepared by, in French"))
        self.prepared_by.setPlaceholderText(self.tr("Unit or person who prepared the pack"))
        self.objectives_box.setTitle(self.tr("Objectives of the meeting"))
        self.add_objective_button.setText(self.tr("Add objective"))
        if self.date_error.isVisible() and self.view is not None:
            self._show_date_error()

    # --- showing ------------------------------------------------------------------------------------------

    def show_meeting(self, slug: str) -> None:
        """Show a meeting ("" for none); the same meeting again is refreshed in place, keeping typing.

        The meeting is read on the background task; only the newest read is shown.
        """
        if not slug:
            self.runner.background.invalidate("details")
            self.view = None
            self._rebuild_objectives([])
            self.setEnabled(False)
            return
        library = self.library
        self.runner.background.query(
            lambda: queries.meeting_details(library, slug),
            self._show_view,
            failed=self._failed,
            channel="details",
            priority=URGENT,
        )

    def _failed(self, _error: Exception) -> None:
        self.view = None  # the meeting itself was deleted; the builder picks another

    def _show_view(self, view: queries.MeetingDetails) -> None:
        same = self.view is not None and self.view.slug == view.slug
        self.view = view
        if not same:
            self.date_error.hide()
        self.setEnabled(True)
        view = self.view
        self.title_pair.show_view(view.title)
        self.location_pair.show_view(view.location or NO_LOCATION)
        self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind.value)))
        self.starts.set_value(view.starts_on)
        self.ends.set_value(view.ends_on)
        if not self.prepared_by.isModified() or not same:  # never overwrite what is being typed
            self.prepared_by.setText(view.prepared_by)
        self.prepared_by_fr.show_view(view.prepared_by_text)
        ids = [ident for ident, _text in view.objectives]
        if ids != [row.objective_id for row in self.objective_rows]:
            self._rebuild_objectives(view.objectives)
        else:
            for row, (_ident, text) in zip(self.objective_rows, view.objectives, strict=True):
                row.pair.show_view(text)

    def refresh(self) -> None:
        if self.view is not None:
            self.show_meeting(self.view.slug)

    def _rebuild_objectives(self, objectives: list[tuple[int, queries.TextView]]) -> None:
        for row in self.objective_rows:
            self.pairs.pop(row.pair.view.block_id, None)
            self.objectives_layout.removeWidget(row)
            row.deleteLater()
        self.objective_rows = []
        for number, (ident, text) in enumerate(objectives, start=1):
            row = ObjectiveRow(self, ident, text)
            row.set_number(number)
            row.up.setEnabled(number > 1)
            row.down.setEnabled(number < len(objectives))
            self.objectives_layout.insertWidget(self.objectives_layout.count() - 1, row)
            self.objective_rows.append(row)

    def connect_pair(self, pair: TextPair) -> None:
        self.pairs[pair.view.block_id] = pair
        pair.edited.connect(self.edit_text)
        pair.reviewRequested.connect(self.review)
        self.suggester.connect_pair(pair)

    def _suggesting_pairs(self) -> list[TextPair]:
        """The pairs that offer suggestions: the title and the objectives (not the location)."""
        return [self.title_pair, *(row.pair for row in self.objective_rows)]

    def shows_texts(self, changes: Changes) -> bool:
        """Whether every text ``changes`` touched is one of this meeting's (title, location, objectives)."""
        texts = changes.known("text")
        if not texts:
            return False
        shown = {str(block) for block in self.pairs} | {
            str(self.title_pair.view.block_id),
            str(self.location_pair.view.block_id),
        }
        return texts <= shown

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        """The builder passes on every change: read the meeting again when it may concern it."""
        if self.view is None:
            return
        meetings = changes.known("meeting")
        if (changes.touches(Changed.MEETINGS) and not (meetings and self.view.slug not in meetings)) or (
            changes.touches(Changed.TEXT) and (self.shows_texts(changes) or changes.known("text") is None)
        ):
            self.refresh()

    # --- editing ------------------------------------------------------------------------------------------

    def edit_text(self, block_id: int, lang: str, text: str) -> None:
        """Save an objective on top of what its box showed (a colleague's newer one opens the merge)."""
        pair = self.pairs.get(block_id)
        if pair is not None:
            number = next((n for n, row in enumerate(self.objective_rows, 1) if row.pair is pair), None)
            what = pair.label_text if number is None else f"{pair.label_text} {number}"
            self.runner.run_typed(self.tr("Edit objective"), pair, lang, text, what=what)

    def review(self, block_id: int, lang: str) -> None:
        if block_id:
            self.runner.run(self.tr("Mark reviewed"), lambda: mark_reviewed(self.library, block_id, lang))

    def _title_edited(self, block_id: int, lang: str, text: str) -> None:
        if self.view is None:
            return
        if lang == self.view.title.source_lang and not text.strip():
            self.runner.warn(self.tr("A meeting needs a title."))
            self.title_pair.editors[lang].setPlainText(self.view.title.texts.get(lang, ""))
            self.title_pair.commit(lang)
            return
        self.runner.run_typed(self.tr("Rename meeting"), self.title_pair, lang, text)

    def _location_edited(self, _block_id: int, lang: str, text: str) -> None:
        if self.view is None:
            return
        slug, library, pair = self.view.slug, self.library, self.location_pair

        def save(words: str, base: str) -> Change:
            return set_meeting_location(library, slug, lang, words, based_on=base)

        change = self.runner.run_checked(
            self.tr("Change location"), save, text, pair.base(lang), shown=self._touched()
        )
        if change is not None:
            pair.saved(lang, text)

    def _kind_chosen(self, _index: int) -> None:
        if self.view is None or self.kind.currentData() == self.view.kind.value:
            return
        slug, kind, shown = self.view.slug, str(self.kind.currentData()), self.view.kind
        self._saved(
            self.runner.run(
                self.tr("Change kind of meeting"),
                lambda: update_meeting(self.library, slug, kind=kind, based_on={"kind": shown}),
            )
        )

    def _show_date_error(self) -> None:
        starts = self.starts.date()
        text = self.tr("The meeting cannot end before it starts: choose a last day on or after %1.")
        self.date_error.setText(text.replace("%1", QLocale().toString(starts, QLocale.FormatType.LongFormat)))
        self.date_error.show()

    def _dates_edited(self) -> None:
        """Save the dates; a last day before the first is refused, and a later first day moves the last."""
        if self.view is None:
            return
        starts, ends = self.starts.value(), self.ends.value()
        if (starts, ends) == (self.view.starts_on, self.view.ends_on):
            return
        old_starts, old_ends = self.view.starts_on, self.view.ends_on
        fields: dict[str, dt.date | None] = {}
        if ends != old_ends:
            if starts is not None and ends is not None and ends < starts:
                self._show_date_error()
                self.ends.set_value(old_ends)
                return
            fields["ends_on"] = ends
        if starts != old_starts:
            fields["starts_on"] = starts
            if starts is not None and ends is not None and ends < starts:
                # the meeting was moved: keep its length
                length = (old_ends - old_starts) if old_starts and old_ends else dt.timedelta(0)
                fields["ends_on"] = starts + length
        self.date_error.hide()
        slug, shown = self.view.slug, {"starts_on": old_starts, "ends_on": old_ends}
        self._saved(
            self.runner.run(
                self.tr("Change dates"), lambda: update_meeting(self.library, slug, based_on=shown, **fields)
            )
        )

    def _prepared_by_edited(self) -> None:
        if self.view is None or self.prepared_by.text().strip() == self.view.prepared_by:
            return
        slug, text, library = self.view.slug, self.prepared_by.text(), self.library
        self.prepared_by.setModified(False)

        def save(words: str, base: str) -> Change:
            return update_meeting(library, slug, prepared_by=words, based_on={"prepared_by": base})

        self._saved(
            self.runner.run_checked(
                self.tr("Change who prepared the pack"),
                save,
                text,
                self.view.prepared_by,
                shown=self._touched(),
            ),
            refresh=False,
        )

    def _saved(self, change: Change | None, *, refresh: bool = True) -> None:
        """Base the next edit on what was saved; when nothing was (someone else's value), show the meeting
        again with ``refresh``."""
        if change is not None and self.view is not None:
            self.view = with_saved(self.view, change)
        elif change is None and refresh:
            self.refresh()

    def _touched(self) -> Changes:
        """What the panels read again when the person keeps a colleague's version of a detail."""
        slug = self.view.slug if self.view is not None else ""
        return Changes(Changed.TEXT | Changed.MEETINGS, frozenset({("meeting", slug)}))

    def add_objective(self) -> None:
        if self.view is None:
            return
        slug = self.view.slug
        change = self.runner.run(
            self.tr("Add objective"), lambda: add_objective(self.library, slug, {"en": ""})
        )
        if change is not None and self.objective_rows:
            self.objective_rows[-1].pair.editors["en"].setFocus()

    def delete_objective(self, objective_id: int) -> None:
        self.runner.run(self.tr("Delete objective"), lambda: delete_objective(self.library, objective_id))

    def move_objective(self, objective_id: int, step: int) -> None:
        ids = [row.objective_id for row in self.objective_rows]
        position = ids.index(objective_id) + step
        if 0 <= position < len(ids):
            self.runner.run(
                self.tr("Reorder objectives"), lambda: move_objective(self.library, objective_id, position)
            )
