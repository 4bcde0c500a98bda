"""The library tree (areas → topics) with search-as-you-type and filters.

Everything the panel reads from the library (the tree, search results, the translation summary behind the
French filter) is read on the window's background task once the library is open; a newer read of the same kind
drops the older one's result, so typing fast never shows an older search over a newer one. A search also finds
meetings and participants by name; Down or Enter in the search box moves into the results, and the words
matched are highlighted. The search itself is in :mod:`~briefing.gui.library_search`, the tree and the search
box in :mod:`~briefing.gui.library_widgets`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.defaults import review_overdue
from briefing.gui.background import URGENT
from briefing.gui.library_search import (
    HighlightDelegate,
    SearchResults,
    marked_html,
    plain,
    read_search,
    words_html,
)
from briefing.gui.library_widgets import HTML_ROLE, ITEM_ROLE, KEY_ROLE, KIND_ROLE, SearchBox, TopicTree
from briefing.gui.retranslate import Retranslating
from briefing.model.enums import Marking, TranslationState

if TYPE_CHECKING:
    from briefing.gui.background import Background
    from briefing.store import Library
    from briefing.store.snapshot import AreaEntry, TopicEntry

SEARCH_DELAY_MS = 150
TREE_CHANNEL, SEARCH_CHANNEL, SUMMARY_CHANNEL = "library.tree", "library.search", "library.summary"


class LibraryPanel(Retranslating, QWidget):
    """Search field, filters and the tree; emits the topic (and item), meeting or participant the user picks."""

    topicActivated = Signal(str, str)  # noqa: N815 - Qt signal naming
    """Topic key and item key ("" for the topic itself)."""
    meetingActivated = Signal(str)  # noqa: N815 - Qt signal naming
    """A meeting found by the search was picked: its slug."""
    participantActivated = Signal(str)  # noqa: N815 - Qt signal naming
    """A participant found by the search was picked: their key."""

    def __init__(self, library: Library | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.background: Background | None = None
        self.lang = "en"
        self._areas: Sequence[AreaEntry] = []
        self._summary: dict[str, set[TranslationState]] | None = None
        self._results: SearchResults | None = None
        self._results_for = ""
        self._wanted = ""
        """A topic to select once the tree holds it (asked for before its read arrived)."""
        self.today: Callable[[], dt.date] = dt.date.today

        self.search = SearchBox(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.marking = QComboBox(self)
        self.owner = QComboBox(self)
        self.translation = QComboBox(self)
        self.overdue = QCheckBox(self)
        for combo in (self.marking, self.owner, self.translation):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.tree = TopicTree(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setItemDelegate(HighlightDelegate(self.tree))

        filters = QGridLayout()
        filters.addWidget(self.marking, 0, 0)
        filters.addWidget(self.owner, 0, 1)
        filters.addWidget(self.translation, 1, 0, 1, 2)
        filters.addWidget(self.overdue, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_tree)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.intoResults.connect(self.enter_results)
        for combo in (self.marking, self.owner, self.translation):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_tree())
        self.overdue.toggled.connect(lambda _on: self.refresh_tree())
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._emit(item))
        self.translation.setEnabled(library is not None)  # the summary needs the library itself
        self.retranslateUi()

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.search.setPlaceholderText(self.tr("Search the library (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setToolTip(
            self.tr("Finds topics, texts, meetings and people; Down or Enter moves into the results")
        )
        self.tree.setAccessibleName(self.tr("Library: areas and topics"))
        self.overdue.setText(self.tr("Review overdue"))
        self.overdue.setToolTip(self.tr("Topics never reviewed or last reviewed too long ago"))
        self._fill(
            self.marking,
            self.tr("Filter by marking"),
            [("", self.tr("Any marking")), ("none", self.tr("No marking"))]
            + [(m.value, m.value) for m in Marking],
        )
        self._fill(
            self.translation,
            self.tr("Filter by French translation"),
            [
                ("", self.tr("Any translation status")),
                ("missing", self.tr("French missing")),
                ("stale", self.tr("French stale")),
                ("unreviewed", self.tr("French not reviewed")),
                ("reviewed", self.tr("French all reviewed")),
            ],
        )
        self._fill_owners()
        if self._results is not None:
            self.refresh_tree()

    def _fill(self, combo: QComboBox, name: str, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in entries:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setAccessibleName(name)
        combo.setToolTip(name)

    def _fill_owners(self) -> None:
        owners = sorted({t.owner for a in self._areas for t in a.topics if t.owner})
        self._fill(
            self.owner, self.tr("Filter by owner"), [("", self.tr("Any owner")), *[(o, o) for o in owners]]
        )

    # --- data ---------------------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.relabel_tree()

    def relabel_tree(self) -> None:
        """Word the tree's areas and topics in the language in place (no row made again); search hits anew."""
        topics = {topic.key: (area, topic) for area in self._areas for topic in area.topics}
        nodes = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        if self.search.text().strip() or any(node is None or not node.childCount() for node in nodes):
            self.refresh_tree()
            return
        model = self.tree.model()
        blocked = model.blockSignals(True)  # one layout of the tree after, not one per row (each a search)
        try:
            relabelled = self._relabel(nodes, topics)
        finally:
            model.blockSignals(blocked)
        if relabelled:
            self.tree.doItemsLayout()
        else:  # the tree is not the areas'
            self.refresh_tree()

    def _relabel(
        self, nodes: list[QTreeWidgetItem | None], topics: dict[str, tuple[AreaEntry, TopicEntry]]
    ) -> bool:
        for node in nodes:
            assert node is not None
            for index in range(node.childCount()):
                child = node.child(index)
                found = topics.get(str(child.data(0, KEY_ROLE))) if child is not None else None
                if child is None or found is None:
                    return False
                area, topic = found
                title = topic.title(self.lang)
                child.setText(0, title)
                child.setToolTip(0, title)
            node.setText(0, area.title(self.lang))
            node.setToolTip(0, area.title(self.lang))
        return True

    def show_areas(self, areas: Sequence[AreaEntry]) -> None:
        """Show ``areas`` (read without the library, e.g. from a snapshot) until the library is set."""
        self._areas = areas
        self._fill_owners()
        self.refresh_tree()

    def set_library(self, library: Library, background: Background) -> None:
        """The library is open: search and the translation filter work from now on, read on ``background``.

        The tree shown from a snapshot stays; a search typed meanwhile runs now.
        """
        self.library = library
        self.background = background
        self.translation.setEnabled(True)
        if self.search.text().strip():
            self.refresh_tree()

    def searching(self) -> bool:
        """Whether a search typed is still waiting for its delay to pass."""
        return self._timer.isActive()

    def _query(self, read: Callable[[], object], done: Callable[[object], None], channel: str) -> None:
        assert self.background is not None, "the library is not open yet"
        self.background.query(read, done, channel=channel, priority=URGENT)

    def reload(self) -> None:
        """Read the tree again from the library (after topics were created, deleted or edited)."""
        from briefing.operations import queries

        library = self.library
        assert library is not None, "the library is not open yet"

        def done(areas: object) -> None:
            self._areas = areas  # type: ignore[assignment]
            self._summary = None
            self._fill_owners()
            self._results = None
            self.refresh_tree()

        self._query(lambda: queries.library_tree(library), done, TREE_CHANNEL)

    def invalidate_translations(self) -> None:
        self._summary = None
        self._results = None
        if self.translation.currentData() or self.search.text().strip():
            self.refresh_tree()

    def _topic_passes(self, topic: TopicEntry) -> bool:
        marking = self.marking.currentData()
        if marking == "none" and topic.marking is not None:
            return False
        if marking and marking != "none" and (topic.marking is None or topic.marking.value != marking):
            return False
        owner = self.owner.currentData()
        if owner and topic.owner != owner:
            return False
        if self.overdue.isChecked() and not review_overdue(topic.reviewed_on, self.today()):
            return False
        wanted = self.translation.currentData()
        if wanted and self._summary is not None:
            states = self._summary.get(topic.key, set())
            unreviewed = {TranslationState.DRAFT, TranslationState.TRANSLATED}
            passes = {
                "missing": TranslationState.MISSING in states,
                "stale": TranslationState.STALE in states,
                "unreviewed": bool(states & unreviewed),
                "reviewed": bool(states) and states <= {TranslationState.REVIEWED, TranslationState.SOURCE},
            }
            if not passes[wanted]:
                return False
        return True

    def _needs_summary(self) -> bool:
        """Whether the French filter waits for the summary (read now on the background task)."""
        if not self.translation.currentData() or self.library is None or self._summary is not None:
            return False
        from briefing.operations import queries

        library = self.library

        def done(summary: object) -> None:
            self._summary = summary  # type: ignore[assignment]
            self.refresh_tree()

        self._query(lambda: queries.translation_summary(library, "fr"), done, SUMMARY_CHANNEL)
        return True

    def _needs_results(self, query: str) -> bool:
        """Whether the search ``query`` waits for its results (read now on the background task)."""
        if self._results is not None and self._results_for == query:
            return False
        library, lang = self.library, self.lang
        assert library is not None

        def done(results: object) -> None:
            assert isinstance(results, SearchResults)
            self._results, self._results_for = results, query
            self.refresh_tree()

        self._query(lambda: read_search(library, query, lang), done, SEARCH_CHANNEL)
        return True

    def refresh_tree(self) -> None:
        query = self.search.text().strip()
        if query and self.library is None:
            return  # searched as soon as the library is open (set_library)
        if self._needs_summary():
            return
        if query and self._needs_results(query):
            return
        if not query and self.background is not None:
            self.background.invalidate(SEARCH_CHANNEL)
        current = self._wanted or self.current_topic()
        self.tree.blockSignals(True)
        self.tree.clear()
        if query:
            self._fill_hits(query)
        else:
            for area in self._areas:
                topics = [t for t in area.topics if self._topic_passes(t)]
                if not topics:
                    continue
                node = QTreeWidgetItem(self.tree, [area.title(self.lang)])
                node.setFlags(Qt.ItemFlag.ItemIsEnabled)
                node.setToolTip(0, area.title(self.lang))
                for topic in topics:
                    title = topic.title(self.lang)
                    child = QTreeWidgetItem(node, [title])
                    child.setData(0, KEY_ROLE, topic.key)
                    child.setData(0, KIND_ROLE, "topic")
                    child.setToolTip(0, title)
                    if topic.key == current:
                        self.tree.setCurrentItem(child)
            self.tree.expandAll()
        self.tree.blockSignals(False)
        if self._wanted and self.current_topic() == self._wanted:
            self._wanted = ""
            item = self.tree.currentItem()
            if item is not None:
                self._emit(item)  # the topic asked for before the tree held it

    def _group(self, text: str) -> QTreeWidgetItem:
        node = QTreeWidgetItem(self.tree, [text])
        node.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = node.font(0)
        font.setItalic(True)
        node.setFont(0, font)
        return node

    def _fill_hits(self, query: str) -> None:
        from briefing.store.search import query_words

        results = self._results
        assert results is not None
        words, _prefix = query_words(query)
        topics = {t.key: t for a in self._areas for t in a.topics}
        nodes: dict[str, QTreeWidgetItem] = {}
        for hit in results.hits:
            row = topics.get(hit.topic_key)
            if row is not None and not self._topic_passes(row):
                continue
            node = nodes.get(hit.topic_key)
            if node is None:
                title = row.title(self.lang) if row is not None else hit.topic_title
                node = QTreeWidgetItem(self.tree, [title])
                node.setData(0, KEY_ROLE, hit.topic_key)
                node.setData(0, KIND_ROLE, "topic")
                node.setData(0, HTML_ROLE, words_html(title, words))
                node.setToolTip(0, title)
                nodes[hit.topic_key] = node
            if hit.item_key is not None:
                snippet = plain(hit.snippet)
                child = QTreeWidgetItem(node, [f"[{hit.lang}] {snippet}"])
                child.setData(0, KEY_ROLE, hit.topic_key)
                child.setData(0, ITEM_ROLE, hit.item_key)
                child.setData(0, KIND_ROLE, "topic")
                child.setData(0, HTML_ROLE, f"[{hit.lang}] {marked_html(hit.snippet)}")
                child.setToolTip(0, snippet)
        for kind, entries, heading in (
            ("meeting", results.meetings, self.tr("Meetings")),
            ("participant", results.participants, self.tr("Participants")),
        ):
            if not entries:
                continue
            group = self._group(heading)
            for key, text in entries:
                child = QTreeWidgetItem(group, [text])
                child.setData(0, KEY_ROLE, key)
                child.setData(0, KIND_ROLE, kind)
                child.setData(0, HTML_ROLE, words_html(text, words))
                child.setToolTip(0, text)
        self.tree.expandAll()

    # --- selection ----------------------------------------------------------------------------------------

    def current_topic(self) -> str:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "topic":
            return ""
        return str(item.data(0, KEY_ROLE) or "")

    def current_area(self) -> str:
        item = self.tree.currentItem()
        if item is None:
            return self._areas[0].key if self._areas else ""
        key = item.data(0, KEY_ROLE)
        for area in self._areas:
            if any(t.key == key for t in area.topics):
                return area.key
        return self._areas[0].key if self._areas else ""

    def _rows(self) -> list[QTreeWidgetItem]:
        """Every row of the tree, in reading order."""
        found: list[QTreeWidgetItem] = []
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item is None:
                continue
            found.append(item)
            pending = [item.child(i) for i in range(item.childCount())] + pending
        return found

    def select_topic(self, topic_key: str) -> None:
        """Select ``topic_key`` in the tree, or as soon as the tree holds it (it may be on its way)."""
        for item in self._rows():
            if (
                item.data(0, KEY_ROLE) == topic_key
                and item.data(0, KIND_ROLE) == "topic"
                and not item.data(0, ITEM_ROLE)
            ):
                self._wanted = ""
                self.tree.setCurrentItem(item)
                return
        self._wanted = topic_key

    def enter_results(self, open_first: bool) -> None:
        """From the search box: focus the first result (Down), or open it too (Enter)."""
        rows = [item for item in self._rows() if item.data(0, KIND_ROLE)]
        if not rows:
            return
        current = self.tree.currentItem()
        target = current if current is not None and current in rows else rows[0]
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)
        self.tree.setCurrentItem(target)
        if open_first:
            self._emit(target)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self._emit(current)

    def _emit(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KEY_ROLE)
        if not key:
            return
        kind = item.data(0, KIND_ROLE)
        if kind == "meeting":
            self.meetingActivated.emit(str(key))
        elif kind == "participant":
            self.participantActivated.emit(str(key))
        else:
            self.topicActivated.emit(str(key), str(item.data(0, ITEM_ROLE) or ""))
