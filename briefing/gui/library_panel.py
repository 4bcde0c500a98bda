"""The library tree (areas → topics) with search-as-you-type and filters.

Everything the panel reads from the library (the tree, search results, the translation summary behind the
French filter) is read on the window's background task once the library is open; a newer read of the same kind
drops the older one's result, so typing fast never shows an older search over a newer one. A search also finds
meetings and participants by name; Down or Enter in the search box moves into the results, and the words
matched are highlighted.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.defaults import review_overdue
from briefing.gui.background import URGENT
from briefing.gui.retranslate import Retranslating
from briefing.gui.widgets import is_window_key
from briefing.model.enums import Marking, TranslationState

if TYPE_CHECKING:
    from briefing.gui.background import Background
    from briefing.store import Library
    from briefing.store.search import SearchHit
    from briefing.store.snapshot import AreaEntry, TopicEntry

TOPIC_MIME = "application/x-briefing-topic"
KEY_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""What a result row stands for: "topic", "meeting" or "participant" (none for an area)."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row's text as HTML, with the words matched in bold."""
SEARCH_DELAY_MS = 150
SNIPPET_OPEN, SNIPPET_CLOSE = "\u2045", "\u2046"
TREE_CHANNEL, SEARCH_CHANNEL, SUMMARY_CHANNEL = "library.tree", "library.search", "library.summary"
OTHER_HITS = 20
"""At most this many meetings, and as many participants, are listed in search results."""


@dataclass(frozen=True)
class SearchResults:
    """What a search found: texts and titles of topics, and meetings and participants by name."""

    hits: list[SearchHit]
    meetings: list[tuple[str, str]]
    """(slug, title in the interface language)."""
    participants: list[tuple[str, str]]
    """(key, name — organisation)."""


def marked_html(snippet: str) -> str:
    """A search snippet with its match markers as bold HTML."""
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(html.escape(SNIPPET_OPEN), "<b>").replace(html.escape(SNIPPET_CLOSE), "</b>")


def words_html(text: str, words: Sequence[str]) -> str:
    """``text`` as HTML with the words searched for (accents and case aside, as prefixes) in bold."""
    from briefing.i18n.folding import fold

    wanted = [fold(word) for word in words if word]
    parts: list[str] = []
    import re

    for token in re.findall(r"\w+|\W+", text):
        folded = fold(token)
        if token[:1].isalnum() and any(folded.startswith(word) for word in wanted):
            parts.append(f"<b>{html.escape(token)}</b>")
        else:
            parts.append(html.escape(token))
    return "".join(parts)


def plain(snippet: str) -> str:
    return " ".join(snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "").split())


class HighlightDelegate(QStyledItemDelegate):
    """Paints a row's :data:`HTML_ROLE` text (matches in bold) where there is one, plain text otherwise."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        marked = index.data(HTML_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = QTextDocument()
        document.setDefaultFont(options.font)
        document.setDocumentMargin(1)
        document.setHtml(str(marked))
        rect = options.rect.adjusted(4, 0, -2, 0)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height() - document.size().height()) / 2))
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return super().sizeHint(option, index)


class SearchBox(QLineEdit):
    """The search field: Down and Enter move into the results; the window's shortcuts (Ctrl+E…) stay the window's."""

    intoResults = Signal(bool)  # noqa: N815 - Qt signal naming
    """Down (False) or Enter (True: open the first result) was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passthrough: list[QKeySequence] = []
        """Shortcuts of the window that the line edit would otherwise take for itself (Ctrl+E: end of line)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_window_key(event, self.passthrough)
            and not event.matches(QKeySequence.StandardKey.Undo)
            and not event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down:
            self.intoResults.emit(False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.intoResults.emit(True)
            return
        super().keyPressEvent(event)


class TopicTree(QTreeWidget):
    """Areas and topics; a topic can be dragged onto an agenda item of the meeting builder."""

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        keys = [
            item.data(0, KEY_ROLE)
            for item in items
            if item.data(0, KEY_ROLE) and item.data(0, KIND_ROLE) == "topic"
        ]
        data.setData(TOPIC_MIME, "\n".join(keys).encode())
        data.setText("\n".join(keys))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [TOPIC_MIME]


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


def read_search(library: Library, query: str, lang: str) -> SearchResults:
    """Search the library for ``query`` (on the background task): texts, and meetings and people by name."""
    from briefing.i18n.folding import fold
    from briefing.operations import queries
    from briefing.store.search import query_words

    with library.unit_of_work() as uow:
        hits = uow.search(query)
    words, _prefix = query_words(query)
    wanted = [fold(word) for word in words]

    def matches(*texts: str) -> bool:
        folded = fold(" ".join(texts))
        tokens = folded.split()
        return bool(wanted) and all(
            any(token.startswith(word) or word in token for token in tokens) for word in wanted
        )

    meetings = [
        (row.slug, row.title(lang))
        for row in queries.meetings(library)
        if matches(row.slug, *row.titles.values())
    ][:OTHER_HITS]
    people = [
        (person.key, " — ".join(part for part in (person.name, person.organisation) if part))
        for person in queries.participants(library)
        if matches(person.name, person.organisation, *person.function.texts.values())
    ][:OTHER_HITS]
    return SearchResults(list(hits), meetings, people)
