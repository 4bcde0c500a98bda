"""The topic editor: title, owner and marking, the items in brief order, and the topic's actions."""

from __future__ import annotations

import datetime as dt
import html
from functools import partial

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.changes import Changes
from briefing.gui.commands import TextEditCommand
from briefing.gui.dialogs import confirm
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.suggestions import SuggestionsController
from briefing.gui.tables import ActionsTable
from briefing.gui.text_pair import TextPair
from briefing.gui.vocabulary import kind_name
from briefing.gui.widgets import DateEdit
from briefing.model import ItemKind, Marking
from briefing.model.enums import TranslationState
from briefing.operations import (
    Changed,
    add_item,
    delete_item,
    delete_topic,
    mark_reviewed,
    queries,
    set_text,
    update_item,
    update_topic,
)


def split_list(text: str, separator: str) -> list[str]:
    """The non-empty entries of ``text`` split at ``separator``, stripped, without repeats."""
    entries: list[str] = []
    for part in text.split(separator):
        entry = " ".join(part.split())
        if entry and entry not in entries:
            entries.append(entry)
    return entries


class ItemFrame(Retranslating, QFrame):
    """One item: its kind and flags, and its text (or question and answer) in both languages."""

    def __init__(self, item: queries.ItemView, editor: TopicEditor) -> None:
        super().__init__(editor)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"item-{item.key}")
        self.heading = QLabel(self)
        self.internal = QToolButton(self)
        self.internal.setCheckable(True)
        self.internal.setChecked(item.internal)
        self.internal.toggled.connect(
            lambda on: editor.runner.run(
                self.tr("Change internal flag"), lambda: update_item(editor.library, item.key, internal=on)
            )
        )
        self.delete = QToolButton(self)
        self.delete.clicked.connect(
            lambda: editor.runner.run(self.tr("Delete item"), lambda: delete_item(editor.library, item.key))
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.internal)
        top.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.pairs: list[TextPair] = []
        for role, text in item.texts:
            pair = TextPair(text, self._role_label(role), self)
            editor.connect_pair(pair)
            self.pairs.append(pair)
            layout.addWidget(pair)
        self.retranslateUi()

    def _role_label(self, role: str) -> str:
        return {"question": self.tr("Question"), "answer": self.tr("Answer")}.get(
            role, kind_name(self.item.kind)
        )

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        flags = []
        if self.item.marking is not None:
            flags.append(self.item.marking.value)
        heading = f"<b>{kind_name(self.item.kind)}</b>"
        if flags:
            heading += " · " + " · ".join(flags)
        self.heading.setText(heading)
        self.internal.setText(self.tr("Internal"))
        self.internal.setToolTip(self.tr("Not for use with the counterpart: left out of external copies"))
        self.internal.setAccessibleName(self.tr("Internal: not for use with the counterpart"))
        self.delete.setText(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete this item"))
        for pair, (role, _text) in zip(self.pairs, self.item.texts, strict=True):
            pair.label_text = self._role_label(role)
            pair.retranslateUi()


class TopicEditor(Retranslating, QWidget):
    """Everything about one topic; every edit goes through the runner (undoable, saved at once)."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.view: queries.TopicView | None = None
        self.pairs: dict[int, TextPair] = {}
        self.suggester = SuggestionsController(runner, lambda: list(self.pairs.values()), self)

        self.heading = QLabel(self)
        self.heading.setObjectName("topicHeading")
        self.title_label = QLabel(self)
        self.title_box = QVBoxLayout()
        form = self._make_form()

        self.items_widget = QWidget()
        self.items_layout = QVBoxLayout(self.items_widget)
        self.items_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.items_widget)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addItem")
        self.add_menu = QMenu(self)
        self.add_button.setMenu(self.add_menu)
        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.addWidget(scroll, 1)
        items_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.actions_table = ActionsTable(runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(items_page, "")
        self.tabs.addTab(self.actions_table, "")

        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading_row)
        layout.addWidget(self.title_label)
        layout.addLayout(self.title_box)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        runner.changed.connect(self.on_changes)
        self.setEnabled(False)
        self.retranslateUi()

    def _make_form(self) -> QFormLayout:
        """Owner, marking, review date, tags and sources, and the button deleting the topic."""
        self.owner = QLineEdit(self)
        self.owner.setObjectName("owner")
        self.owner.editingFinished.connect(self._owner_edited)
        self.marking = QComboBox(self)
        self.marking.setObjectName("marking")
        self.marking.addItem("", None)
        for marking in Marking:
            self.marking.addItem(marking.value, marking.value)
        self.marking.activated.connect(self._marking_chosen)
        self.owner_label = QLabel(self)
        self.marking_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.owner_label, self.owner)
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
        self.reviewed_label = QLabel(self)
        self.tags_label = QLabel(self)
        self.sources_label = QLabel(self)
        form.addRow(self.reviewed_label, reviewed_row)
        form.addRow(self.tags_label, self.tags)
        form.addRow(self.sources_label, self.sources)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteTopic")
        self.delete_button.clicked.connect(self.ask_delete)
        return form

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.title_label.setText(self.tr("Title"))
        self.reviewed_label.setText(self.tr("Last reviewed"))
        self.reviewed.setSpecialValueText(self.tr("Never reviewed"))
        self.reviewed.setAccessibleName(self.tr("Date the topic was last reviewed"))
        self.reviewed_today.setText(self.tr("Reviewed today"))
        self.reviewed_today.setToolTip(self.tr("Record that the whole topic was reviewed today"))
        self.tags_label.setText(self.tr("Tags"))
        self.tags.setAccessibleName(self.tr("Tags of the topic, separated by commas"))
        self.tags.setPlaceholderText(self.tr("Separated by commas: ports, organised crime"))
        self.sources_label.setText(self.tr("Sources"))
        self.sources.setAccessibleName(self.tr("Source documents of the topic, separated by semicolons"))
        self.sources.setPlaceholderText(self.tr("Separated by semicolons: ST 10270/24; COM(2024) 64"))
        self.delete_button.setText(self.tr("Delete topic…"))
        self.delete_button.setAccessibleName(self.tr("Delete this topic"))
        self.owner_label.setText(self.tr("Owner"))
        self.owner.setAccessibleName(self.tr("Owner of the topic"))
        self.marking_label.setText(self.tr("Marking"))
        self.marking.setAccessibleName(self.tr("Marking of the topic"))
        self.marking.setItemText(0, self.tr("No marking"))
        self.add_button.setText(self.tr("Add item"))
        self.add_button.setAccessibleName(self.tr("Add an item to this topic"))
        self.tabs.setTabText(0, self.tr("Items"))
        self.tabs.setTabText(1, self.tr("Actions"))
        self.add_menu.clear()
        for kind in ItemKind:
            action = self.add_menu.addAction(kind_name(kind))
            action.triggered.connect(partial(self.add_item, kind))
        self._show_heading()

    def _show_heading(self) -> None:
        if self.view is None:
            self.heading.setText(self.tr("Choose a topic in the library, or create one with Ctrl+N."))
        else:
            lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
            texts = self.view.title.texts
            title = texts.get(lang) or texts.get("en") or self.view.key
            self.heading.setText(f"<h2>{html.escape(title)}</h2>")

    # --- showing ------------------------------------------------------------------------------------------

    def show_topic(self, topic_key: str, item_key: str = "") -> None:
        self.view = queries.topic_view(self.library, topic_key)
        self._rebuild()
        if item_key:
            self.focus_item(item_key)

    def clear(self) -> None:
        self.view = None
        self._rebuild()

    def _rebuild(self) -> None:
        for layout, keep in ((self.title_box, 0), (self.items_layout, 1)):
            while layout.count() > keep:
                taken = layout.takeAt(0)
                widget = taken.widget() if taken is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.pairs = {}
        self.frames: dict[str, ItemFrame] = {}
        view = self.view
        self.setEnabled(view is not None)
        self._show_heading()
        if view is None:
            self.actions_table.show_actions(None)
            return
        title = TextPair(view.title, self.tr("Title"), self)
        self.connect_pair(title)
        self.title_box.addWidget(title)
        self.owner.setText(view.owner)
        self.reviewed.set_value(view.reviewed_on)
        self.tags.setText(", ".join(view.tags))
        self.sources.setText("; ".join(view.sources))
        self.marking.setCurrentIndex(
            max(0, self.marking.findData(view.marking.value if view.marking else None))
        )
        for item in view.items:
            frame = ItemFrame(item, self)
            self.frames[item.key] = frame
            self.items_layout.insertWidget(self.items_layout.count() - 1, frame)
        self.actions_table.show_actions(view)

    def connect_pair(self, pair: TextPair) -> None:
        self.pairs[pair.view.block_id] = pair
        pair.edited.connect(self.edit_text)
        pair.reviewRequested.connect(self.review)
        self.suggester.connect_pair(pair)

    def focus_item(self, item_key: str) -> None:
        frame = self.frames.get(item_key)
        if frame is not None and frame.pairs:
            self.tabs.setCurrentIndex(0)
            frame.pairs[0].editors["en"].setFocus()
            scroll = self.items_widget.parentWidget()
            if scroll is not None and isinstance(scroll.parentWidget(), QScrollArea):
                scroll.parentWidget().ensureWidgetVisible(frame)  # type: ignore[union-attr]

    def focus_text(self, item_key: str, lang: str) -> QPlainTextEdit | None:
        """Open ``item_key``, highlight it and put the cursor in its ``lang`` box that needs work (else its first)."""
        frame = self.frames.get(item_key)
        if frame is None or not frame.pairs or lang not in ("en", "fr"):
            return None
        self.focus_item(item_key)
        needs_work = (TranslationState.MISSING, TranslationState.STALE, TranslationState.DRAFT)
        pair = next((p for p in frame.pairs if p.view.states.get(lang) in needs_work), frame.pairs[0])
        for other in self.frames.values():
            other.setLineWidth(1)
        frame.setLineWidth(3)  # highlighted until another item is
        editor = pair.editors[lang]
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        return editor

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        """Refresh after an edit, an undo or a redo of the topic shown (other topics' changes are ignored)."""
        if self.view is None:
            return
        structural = Changed.ITEMS | Changed.TOPICS | Changed.ACTIONS
        if changes.touches(structural):
            try:
                self.view = queries.topic_view(self.library, self.view.key)
            except Exception:  # the topic itself was deleted
                self.view = None
            self._rebuild()
            return
        if changes.touches(Changed.TEXT) and any(changes.about("text", block) for block in self.pairs):
            self.view = queries.topic_view(self.library, self.view.key)
            for text in self._texts():
                if text.block_id in self.pairs:
                    self.pairs[text.block_id].show_view(text)
            self._show_heading()

    def _texts(self) -> list[queries.TextView]:
        assert self.view is not None
        found = [self.view.title]
        for item in self.view.items:
            found += [text for _role, text in item.texts]
        return found

    # --- editing ------------------------------------------------------------------------------------------

    def edit_text(self, block_id: int, lang: str, text: str) -> None:
        self.runner.run(
            self.tr("Edit text"), lambda: set_text(self.library, block_id, lang, text), TextEditCommand
        )

    def review(self, block_id: int, lang: str) -> None:
        self.runner.run(self.tr("Mark reviewed"), lambda: mark_reviewed(self.library, block_id, lang))

    def add_item(self, kind: ItemKind) -> None:
        if self.view is None:
            return
        key = self.view.key
        self.runner.run(self.tr("Add item"), lambda: add_item(self.library, key, kind, {"en": ""}))

    def _owner_edited(self) -> None:
        if self.view is None or self.owner.text().strip() == self.view.owner:
            return
        key, owner = self.view.key, self.owner.text()
        self.runner.run(self.tr("Change owner"), lambda: update_topic(self.library, key, owner=owner))

    def _marking_chosen(self, _index: int) -> None:
        if self.view is None:
            return
        key, marking = self.view.key, self.marking.currentData()
        current = self.view.marking.value if self.view.marking else None
        if marking != current:
            self.runner.run(
                self.tr("Change marking"), lambda: update_topic(self.library, key, marking=marking)
            )

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
        key = self.view.key
        self.runner.run(
            self.tr("Change review date"), lambda: update_topic(self.library, key, reviewed_on=day)
        )

    def _tags_edited(self) -> None:
        if self.view is None:
            return
        tags = split_list(self.tags.text(), ",")
        if tags == self.view.tags:
            self.tags.setText(", ".join(tags))
            return
        key = self.view.key
        self.runner.run(self.tr("Change tags"), lambda: update_topic(self.library, key, tags=tags))

    def _sources_edited(self) -> None:
        if self.view is None:
            return
        sources = split_list(self.sources.text(), ";")
        if sources == self.view.sources:
            self.sources.setText("; ".join(sources))
            return
        key = self.view.key
        self.runner.run(self.tr("Change sources"), lambda: update_topic(self.library, key, sources=sources))

    def ask_delete(self) -> None:
        """Ask, then delete the topic with its items (undoable: Edit › Undo puts everything back)."""
        if self.view is None:
            return
        key = self.view.key
        title = self.view.title.texts.get("en") or key
        lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
        title = self.view.title.texts.get(lang) or title
        count = len(self.view.items)
        text = self.tr(
            "Delete the topic “%1” and its %n item(s)? It also leaves the agendas it is on. "
            "You can undo this with Edit › Undo.",
            "",
            count,
        ).replace("%1", title)
        confirm(self, self.tr("Delete topic"), text, self.tr("Delete topic"), partial(self.delete_topic, key))

    def delete_topic(self, topic_key: str) -> None:
        self.runner.run(self.tr("Delete topic"), lambda: delete_topic(self.library, topic_key))
