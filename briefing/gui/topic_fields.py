"""The topic's own fields in the topic editor: owner (English and French), marking, review date, tags, sources
(English and French) and the button deleting the topic.

:class:`TopicFields` is mixed into :class:`~briefing.gui.topic_editor.TopicEditor`. Every field saves on top of the
value the editor showed: a colleague's newer owner or source opens the merge dialog, a newer marking, date or
tag list is kept and shown with a message.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from briefing.gui.changes import Changes
from briefing.gui.runner import with_saved
from briefing.gui.short_field import FrenchListField, FrenchShortField
from briefing.gui.widgets import DateEdit
from briefing.model import Marking
from briefing.operations import Change, Changed, queries, update_topic

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing.gui.runner import Runner
    from briefing.store import Library

    _Widget = QWidget
else:
    _Widget = object


def split_list(text: str, separator: str) -> list[str]:
    """The non-empty entries of ``text`` split at ``separator``, stripped, without repeats."""
    entries: list[str] = []
    for part in text.split(separator):
        entry = " ".join(part.split())
        if entry and entry not in entries:
            entries.append(entry)
    return entries


class TopicFields(_Widget):
    """Mix in before the Qt class: the topic's fields, shown from :attr:`view` and saved through the runner."""

    runner: Runner
    library: Library
    view: queries.TopicView | None

    def _make_form(self) -> QFormLayout:
        """Owner, marking, review date, tags and sources, and the button deleting the topic."""
        self.owner = QLineEdit(self)
        self.owner.setObjectName("owner")
        self.owner.editingFinished.connect(self._owner_edited)
        self.owner_fr = FrenchShortField(self.runner, self.tr("Translate owner"), self)
        self.owner_fr.setObjectName("ownerFrench")
        self.marking = QComboBox(self)
        self.marking.setObjectName("marking")
        self.marking.addItem("", None)
        for marking in Marking:
            self.marking.addItem(marking.value, marking.value)
        self.marking.activated.connect(self._marking_chosen)
        self.owner_label = QLabel(self)
        self.marking_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.owner_label, _side_by_side(self.owner, self.owner_fr))
        form.addRow(self.marking_label, self.marking)
        self.reviewed = DateEdit(self)
        self.reviewed.setObjectName("reviewedOn")
        self.reviewed.committed.connect(self._reviewed_edited)
        self.reviewed_today = QPushButton(self)
        self.reviewed_today.setObjectName("reviewedToday")
        self.reviewed_today.clicked.connect(self.mark_reviewed_today)
        reviewed_row = QHBoxLayout()
        reviewed_row.addWidget(self.reviewed)
        reviewed_row.addWidget(self.reviewed_today)
        reviewed_row.addStretch(1)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tags")
        self.tags.editingFinished.connect(self._tags_edited)
        self.sources = QLineEdit(self)
        self.sources.setObjectName("sources")
        self.sources.editingFinished.connect(self._sources_edited)
        self.sources_fr = FrenchListField(self.runner, self.tr("Translate sources"), self)
        self.sources_fr.setObjectName("sourcesFrench")
        self.reviewed_label = QLabel(self)
        self.tags_label = QLabel(self)
        self.sources_label = QLabel(self)
        form.addRow(self.reviewed_label, reviewed_row)
        form.addRow(self.tags_label, self.tags)
        form.addRow(self.sources_label, _side_by_side(self.sources, self.sources_fr))
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteTopic")
        self.delete_button.clicked.connect(self.ask_delete)
        return form

    def _retranslate_fields(self) -> None:
        self.reviewed_label.setText(self.tr("Last reviewed"))
        self.reviewed.setSpecialValueText(self.tr("Never reviewed"))
        self.reviewed.setAccessibleName(self.tr("Date the topic was last reviewed"))
        self.reviewed_today.setText(self.tr("Reviewed today"))
        self.reviewed_today.setToolTip(self.tr("Record that the whole topic was reviewed today"))
        self.tags_label.setText(self.tr("Tags"))
        self.tags.setAccessibleName(self.tr("Tags of the topic, separated by commas"))
        self.tags.setPlaceholderText(self.tr("Separated by commas: ports, organised crime"))
        self.sources_label.setText(self.tr("Sources (EN / FR)"))
        self.sources.setAccessibleName(self.tr("Source documents of the topic, separated by semicolons"))
        self.sources.setPlaceholderText(self.tr("Separated by semicolons: ST 10270/24; COM(2024) 64"))
        self.sources_fr.setAccessibleName(
            self.tr("Source documents of the topic in French, separated by semicolons")
        )
        self.delete_button.setText(self.tr("Delete topic…"))
        self.delete_button.setAccessibleName(self.tr("Delete this topic"))
        self.owner_label.setText(self.tr("Owner (EN / FR)"))
        self.owner.setAccessibleName(self.tr("Owner of the topic"))
        self.owner_fr.setAccessibleName(self.tr("Owner of the topic, in French"))
        self.marking_label.setText(self.tr("Marking"))
        self.marking.setAccessibleName(self.tr("Marking of the topic"))
        self.marking.setItemText(0, self.tr("No marking"))

    def _show_fields(self, view: queries.TopicView) -> None:
        """Show every field of ``view`` (a topic just picked, or rebuilt)."""
        self.owner.setText(view.owner)
        self.reviewed.set_value(view.reviewed_on)
        self.tags.setText(", ".join(view.tags))
        self.sources.setText("; ".join(view.sources))
        self.marking.setCurrentIndex(
            max(0, self.marking.findData(view.marking.value if view.marking else None))
        )
        self._show_french_fields(view)

    def _show_french_fields(self, view: queries.TopicView) -> None:
        """Show the French of the owner and sources (a box being typed in keeps its text)."""
        self.owner_fr.show_view(view.owner_text)
        self.sources_fr.show_view(view.source_texts)

    def field_blocks(self) -> list[int]:
        """The texts the fields show: the owner's and the sources'."""
        if self.view is None:
            return []
        owner = [self.view.owner_text.block_id] if self.view.owner_text is not None else []
        return [*owner, *(text.block_id for text in self.view.source_texts)]

    # --- editing ------------------------------------------------------------------------------------------

    def _touched(self) -> Changes:
        key = self.view.key if self.view is not None else ""
        return Changes(Changed.TOPICS, frozenset({("topic", key)}))

    def _update(self, undo_text: str, field: str, value: Any, shown: Any) -> None:
        """Save a field chosen from the value shown; a colleague's newer value is kept and shown again."""
        if self.view is None:
            return
        key, library = self.view.key, self.library

        def perform() -> Change:
            return update_topic(library, key, based_on={field: shown}, **{field: value})

        change = self.runner.run(undo_text, perform)
        if change is None:
            self.runner.changed.emit(self._touched(), None)
        elif self.view is not None:
            self.view = with_saved(self.view, change)

    def _owner_edited(self) -> None:
        if self.view is None or self.owner.text().strip() == self.view.owner:
            return
        key, library = self.view.key, self.library

        def save(words: str, base: str) -> Change:
            return update_topic(library, key, owner=words, based_on={"owner": base})

        change = self.runner.run_checked(
            self.tr("Change owner"), save, self.owner.text(), self.view.owner, shown=self._touched()
        )
        if self.view is not None:
            self.view = with_saved(self.view, change)

    def _marking_chosen(self, _index: int) -> None:
        if self.view is None:
            return
        marking = self.marking.currentData()
        current = self.view.marking.value if self.view.marking else None
        if marking != current:
            self._update(self.tr("Change marking"), "marking", marking, current)

    def _reviewed_edited(self) -> None:
        if self.view is None or self.reviewed.value() == self.view.reviewed_on:
            return
        self.set_reviewed_on(self.reviewed.value())

    def mark_reviewed_today(self) -> None:
        """Record that the topic was reviewed today (the date of the whole topic, not of one translation)."""
        self.set_reviewed_on(dt.date.today())

    def set_reviewed_on(self, day: dt.date | None) -> None:
        if self.view is None or day == self.view.reviewed_on:
            return
        self._update(self.tr("Change review date"), "reviewed_on", day, self.view.reviewed_on)

    def _tags_edited(self) -> None:
        if self.view is None:
            return
        tags = split_list(self.tags.text(), ",")
        if tags == self.view.tags:
            self.tags.setText(", ".join(tags))
            return
        self._update(self.tr("Change tags"), "tags", tags, self.view.tags)

    def _sources_edited(self) -> None:
        if self.view is None:
            return
        sources = split_list(self.sources.text(), ";")
        if sources == self.view.sources:
            self.sources.setText("; ".join(sources))
            return
        self._update(self.tr("Change sources"), "sources", sources, self.view.sources)

    def ask_delete(self) -> None:
        """Ask, then delete the topic (in the editor, whose context holds the question's plural forms)."""
        raise NotImplementedError


def _side_by_side(english: QLineEdit, french: QLineEdit) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(english, 1)
    row.addWidget(french, 1)
    return row


__all__ = ["TopicFields", "split_list"]
