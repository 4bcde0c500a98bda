"""The topic editor: title, owner and marking, the items in brief order, and the topic's actions.

The topic is read on the window's background task (:class:`~briefing.gui.background.Background`), on the
channel :data:`TOPIC_CHANNEL`: picking another topic before a read arrives drops that read's result.
"""

from __future__ import annotations

import datetime as dt
import html
import time
from functools import partial

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
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
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.actions_table import ActionsTable
from briefing.gui.background import URGENT
from briefing.gui.changes import Changes
from briefing.gui.commands import TextEditCommand
from briefing.gui.dialogs import confirm
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.settings import EDITOR_SPLITTER, Settings, remember_splitter
from briefing.gui.short_field import FrenchShortField
from briefing.gui.suggestions import SuggestionsController
from briefing.gui.text_pair import TextPair
from briefing.gui.vocabulary import kind_name
from briefing.gui.watching import EXTERNAL
from briefing.gui.widgets import DateEdit, format_date
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

TOPIC_CHANNEL = "editor.topic"
BUILD_SLICE_S = 0.03
"""How long item frames are built before the window handles its events again."""


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

    shown = Signal(str)
    """A topic read on the background task is now shown: its key."""

    def __init__(
        self, runner: Runner, parent: QWidget | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library = runner.library
        self.background = runner.background
        self.view: queries.TopicView | None = None
        self.pairs: dict[int, TextPair] = {}
        self.frames: dict[str, ItemFrame] = {}
        self.wanted = ""
        """The key of the topic asked for (shown once its read arrives)."""
        self._needs_rebuild = False
        self._generation = 0
        self._unbuilt: list[queries.ItemView] = []  # items of the topic shown whose frames are still to build
        self._focus_wanted = ""
        self._text_wanted: tuple[str, str] | None = None  # (item, language) to put the cursor in once shown
        self._showing = 0  # topic reads on their way
        self.suggester = SuggestionsController(runner, lambda: list(self.pairs.values()), self)

        self.heading = QLabel(self)
        self.heading.setObjectName("topicHeading")
        self.heading.setWordWrap(True)  # a long title wraps; it never widens the window
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.heading.setMinimumWidth(80)
        self.last_change = QLabel(self)
        self.last_change.setObjectName("lastChange")
        self.last_change.setWordWrap(True)
        self.last_change.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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

        self._lay_out(form, settings)
        runner.changed.connect(self.on_changes)
        self.setEnabled(False)
        self.retranslateUi()

    def _lay_out(self, form: QFormLayout, settings: Settings | None) -> None:
        """The topic's details above, its items and actions below, split where the user last left it."""
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(heading_row)
        top_layout.addWidget(self.last_change)
        top_layout.addWidget(self.title_label)
        top_layout.addLayout(self.title_box)
        top_layout.addLayout(form)
        top_layout.addStretch(1)
        top_scroll = QScrollArea(self)
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QFrame.Shape.NoFrame)
        top_scroll.setWidget(top)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top_scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 430])  # the topic's details whole at 1280×800
        if settings is not None:
            remember_splitter(settings, self.splitter, EDITOR_SPLITTER)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

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
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner, 1)
        owner_row.addWidget(self.owner_fr, 1)
        form.addRow(self.owner_label, owner_row)
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
        self.owner_fr.setAccessibleName(self.tr("Owner of the topic, in French"))
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
            self.heading.setToolTip(title)
        self._show_last_change()

    def _show_last_change(self) -> None:
        """Who changed the topic (or any part of it) last, and when, in the interface's language and time."""
        change = self.view.last_change if self.view is not None else None
        if change is None:
            self.last_change.clear()
            return
        lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
        local = change.at.astimezone()
        day = format_date(local.date(), lang)
        time_of_day = f"{local.hour}\u00a0h\u00a0{local.minute:02d}" if lang == "fr" else f"{local:%H:%M}"
        if change.by:
            text = self.tr("Last changed by %1 on %2 at %3").replace("%1", change.by)
        else:
            text = self.tr("Last changed on %2 at %3")
        self.last_change.setText(text.replace("%2", day).replace("%3", time_of_day))

    # --- showing ------------------------------------------------------------------------------------------

    def show_topic(self, topic_key: str, item_key: str = "") -> None:
        """Read the topic on the background task and show it (and put the cursor in ``item_key``'s box)."""
        self.wanted = topic_key
        self._showing += 1
        library = self.library

        def done(view: queries.TopicView) -> None:
            self._showing = 0
            self.view = view
            self._needs_rebuild = False
            if item_key:
                self._focus_wanted = item_key  # once its frame is built, before any box that needs work
            self._rebuild()
            self._focus_text_wanted()
            self.shown.emit(view.key)

        self.background.query(
            lambda: queries.topic_view(library, topic_key),
            done,
            failed=lambda _error: self._not_shown(),
            channel=TOPIC_CHANNEL,
            priority=URGENT,
        )

    def _not_shown(self) -> None:  # the topic read was deleted meanwhile
        self._showing = 0
        self.clear()

    def clear(self) -> None:
        self._showing = 0
        self.background.invalidate(TOPIC_CHANNEL)
        self.wanted = ""
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
        self.frames = {}
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
        self.owner_fr.show_view(view.owner_text)
        self.reviewed.set_value(view.reviewed_on)
        self.tags.setText(", ".join(view.tags))
        self.sources.setText("; ".join(view.sources))
        self.marking.setCurrentIndex(
            max(0, self.marking.findData(view.marking.value if view.marking else None))
        )
        self.actions_table.show_actions(view)
        self._generation += 1
        self._unbuilt = list(view.items)
        self._build_items(self._generation)

    def _build_items(self, generation: int) -> None:
        """Build item frames for a moment, then let the window breathe and go on (a topic of many items never
        blocks the window for long)."""
        if generation != self._generation:
            return  # another topic, or the same rebuilt, since
        started = time.perf_counter()
        while self._unbuilt and time.perf_counter() - started < BUILD_SLICE_S:
            item = self._unbuilt.pop(0)
            frame = ItemFrame(item, self)
            self.frames[item.key] = frame
            self.items_layout.insertWidget(self.items_layout.count() - 1, frame)
        if self._unbuilt:
            QTimer.singleShot(0, lambda: self._build_items(generation))
        else:
            if self._focus_wanted:
                wanted, self._focus_wanted = self._focus_wanted, ""
                self.focus_item(wanted)
            self._focus_text_wanted()

    def _focus_text_wanted(self) -> None:
        wanted = self._text_wanted
        if wanted is not None and not self.building() and wanted[0] in self.frames:
            (item_key, lang), self._text_wanted = wanted, None
            self.focus_text(item_key, lang)

    def building(self) -> bool:
        """Whether item frames of the topic shown are still being built."""
        return bool(self._unbuilt)

    def connect_pair(self, pair: TextPair) -> None:
        self.pairs[pair.view.block_id] = pair
        pair.edited.connect(self.edit_text)
        pair.reviewRequested.connect(self.review)
        self.suggester.connect_pair(pair)

    def focus_item(self, item_key: str) -> None:
        if self.building() and item_key not in self.frames:
            self._focus_wanted = item_key  # once its frame is built
            return
        frame = self.frames.get(item_key)
        if frame is not None and frame.pairs:
            self.tabs.setCurrentIndex(0)
            frame.pairs[0].editors["en"].setFocus()
            scroll = self.items_widget.parentWidget()
            if scroll is not None and isinstance(scroll.parentWidget(), QScrollArea):
                scroll.parentWidget().ensureWidgetVisible(frame)  # type: ignore[union-attr]

    def focus_text(self, item_key: str, lang: str) -> QPlainTextEdit | None:
        """Open ``item_key``, highlight it and put the cursor in its ``lang`` box that needs work (else its first).

        While the topic is still being read or its frames built, this is done once the item's frame is there.
        """
        frame = self.frames.get(item_key)
        waiting = frame is None or bool(self._showing) or self.building()
        if waiting and lang in ("en", "fr"):  # a topic on its way: done once it is built
            self._text_wanted = (item_key, lang)
            return None
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
        """Refresh after an edit, an undo or a redo of the topic shown (other topics' changes are ignored).

        The topic is read again on the background task; a change to its structure rebuilds the editor, a
        change to its texts updates the boxes in place (leaving alone a box being typed in).
        """
        if self.view is None:
            return
        if (
            initiator == EXTERNAL
        ):  # someone else committed something: rebuild only if the topic's shape changed
            self._reread(rebuild=False, unless_same_shape=True)
            return
        structural = Changed.ITEMS | Changed.TOPICS | Changed.ACTIONS
        if changes.touches(structural):
            self._reread(rebuild=True)
        elif changes.touches(Changed.TEXT) and any(changes.about("text", block) for block in self._blocks()):
            self._reread(rebuild=False)

    def _blocks(self) -> list[int]:
        """The texts the editor shows: in its boxes and in the actions table."""
        if self.view is None:
            return list(self.pairs)
        actions = [action.text.block_id for action in self.view.actions]
        owner = [self.view.owner_text.block_id] if self.view.owner_text is not None else []
        return [*self.pairs, *actions, *owner]

    def _reread(self, rebuild: bool, *, unless_same_shape: bool = False) -> None:
        """Read the topic shown again; rebuild the editor if this or a read it replaces changed its structure.

        With ``unless_same_shape``, the editor is rebuilt only when the topic read has other items than the
        one shown (someone else's change); otherwise the boxes are updated in place, leaving typing alone.
        """
        assert self.view is not None
        key, library = self.view.key, self.library
        self._needs_rebuild = self._needs_rebuild or rebuild

        def done(view: queries.TopicView) -> None:
            if unless_same_shape and self.view is not None and _shape(view) != _shape(self.view):
                self._needs_rebuild = True
            self.view = view
            if self._needs_rebuild:
                self._needs_rebuild = False
                self._rebuild()
                return
            for text in self._texts():
                if text.block_id in self.pairs:
                    self.pairs[text.block_id].show_view(text)
            if self._unbuilt:  # frames still to build: from the topic as it is now
                self._unbuilt = [item for item in view.items if item.key not in self.frames]
            self._show_heading()
            self.owner_fr.show_view(view.owner_text)
            self.actions_table.show_actions(view)

        def failed(_error: Exception) -> None:  # the topic itself was deleted
            self._needs_rebuild = False
            self.clear()

        self.background.query(
            lambda: queries.topic_view(library, key),
            done,
            failed=failed,
            channel=TOPIC_CHANNEL,
            priority=URGENT,
        )

    def _texts(self) -> list[queries.TextView]:
        assert self.view is not None
        found = [self.view.title]
        for item in self.view.items:
            found += [text for _role, text in item.texts]
        return found

    # --- editing ------------------------------------------------------------------------------------------

    def edit_text(self, block_id: int, lang: str, text: str) -> None:
        """Save what was typed on top of what the box showed; a colleague's newer version opens the merge."""
        pair = self.pairs.get(block_id)
        if pair is None:
            self.runner.run(
                self.tr("Edit text"), lambda: set_text(self.library, block_id, lang, text), TextEditCommand
            )
            return
        self.runner.run_typed(self.tr("Edit text"), pair, lang, text)

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


def _shape(view: queries.TopicView) -> tuple[object, ...]:
    """What the editor's frames are built from: the items, their kinds and flags, and the topic's details."""
    items = tuple(
        (item.key, item.kind, item.internal, item.marking, tuple(role for role, _ in item.texts))
        for item in view.items
    )
    return items, view.owner, view.marking, view.reviewed_on, tuple(view.tags), tuple(view.sources)
