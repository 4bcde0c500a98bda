"""The topic editor: title, heading and last change, the topic's fields, its items in brief order, and its
actions.

The topic is read on the window's background task (:class:`~briefing.gui.background.Background`), on the
channel :data:`TOPIC_CHANNEL`: picking another topic before a read arrives drops that read's result. The fields
(owner, marking, sources…) are :class:`~briefing.gui.topic_fields.TopicFields`, the item frames
:class:`~briefing.gui.topic_items.TopicItems`, the actions :class:`~briefing.gui.actions_table.ActionsTable`.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
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
from briefing.gui.suggestions import SuggestionsController
from briefing.gui.text_pair import TextPair
from briefing.gui.topic_fields import TopicFields, split_list
from briefing.gui.topic_items import ItemFrame, TopicItems, item_texts, shape
from briefing.gui.vocabulary import kind_name
from briefing.gui.watching import EXTERNAL
from briefing.gui.widgets import format_date
from briefing.model import ItemKind
from briefing.operations import Changed, delete_topic, mark_reviewed, queries, set_text

TOPIC_CHANNEL = "editor.topic"


class TopicEditor(TopicFields, TopicItems, Retranslating, QWidget):
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

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.title_label.setText(self.tr("Title"))
        self._retranslate_fields()
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
            title = self.shown_title()
            self.heading.setText(f"<h2>{html.escape(title)}</h2>")
            self.heading.setToolTip(title)
        self._show_last_change()

    def shown_title(self) -> str:
        """The topic's title in the interface's language (English, or its key, when there is none)."""
        if self.view is None:
            return ""
        lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
        texts = self.view.title.texts
        return texts.get(lang) or texts.get("en") or self.view.key

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
        self._show_fields(view)
        self.actions_table.show_actions(view)
        self._generation += 1
        self._unbuilt = list(view.items)
        self._build_items(self._generation)

    def connect_pair(self, pair: TextPair) -> None:
        self.pairs[pair.view.block_id] = pair
        pair.edited.connect(self.edit_text)
        pair.reviewRequested.connect(self.review)
        self.suggester.connect_pair(pair)

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
        actions = [
            view.block_id
            for action in self.view.actions
            for view in (action.text, action.owner_text, action.source_text)
            if view is not None
        ]
        return [*self.pairs, *actions, *self.field_blocks()]

    def _reread(self, rebuild: bool, *, unless_same_shape: bool = False) -> None:
        """Read the topic shown again; rebuild the editor if this or a read it replaces changed its structure.

        With ``unless_same_shape``, the editor is rebuilt only when the topic read has other items than the
        one shown (someone else's change); otherwise the boxes are updated in place, leaving typing alone.
        """
        assert self.view is not None
        key, library = self.view.key, self.library
        self._needs_rebuild = self._needs_rebuild or rebuild

        def done(view: queries.TopicView) -> None:
            if unless_same_shape and self.view is not None and shape(view) != shape(self.view):
                self._needs_rebuild = True
            self.view = view
            if self._needs_rebuild:
                self._needs_rebuild = False
                self._rebuild()
                return
            for text in item_texts(view):
                if text.block_id in self.pairs:
                    self.pairs[text.block_id].show_view(text)
            if self._unbuilt:  # frames still to build: from the topic as it is now
                self._unbuilt = [item for item in view.items if item.key not in self.frames]
            self._show_heading()
            self._show_french_fields(view)
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

    # --- editing ------------------------------------------------------------------------------------------

    def edit_text(self, block_id: int, lang: str, text: str) -> None:
        """Save what was typed on top of what the box showed; a colleague's newer version opens the merge."""
        pair = self.pairs.get(block_id)
        if pair is None:
            self.runner.run(
                self.tr("Edit text"), lambda: set_text(self.library, block_id, lang, text), TextEditCommand
            )
            return
        topic = self.shown_title()
        what = f"{topic} — {pair.label_text}" if topic and pair.label_text else topic
        self.runner.run_typed(self.tr("Edit text"), pair, lang, text, what=what)

    def review(self, block_id: int, lang: str) -> None:
        self.runner.run(self.tr("Mark reviewed"), lambda: mark_reviewed(self.library, block_id, lang))

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


__all__ = ["TOPIC_CHANNEL", "ItemFrame", "TopicEditor", "split_list"]
