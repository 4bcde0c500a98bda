"""The library tree (areas → topics) with search-as-you-type and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.retranslate import Retranslating
from briefing.model.enums import Marking, TranslationState

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.store.snapshot import AreaEntry, TopicEntry

TOPIC_MIME = "application/x-briefing-topic"
KEY_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
SNIPPET_OPEN, SNIPPET_CLOSE = "\u2045", "\u2046"


class TopicTree(QTreeWidget):
    """Areas and topics; a topic can be dragged onto an agenda item of the meeting builder."""

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        keys = [item.data(0, KEY_ROLE) for item in items if item.data(0, KEY_ROLE)]
        data.setData(TOPIC_MIME, "\n".join(keys).encode())
        data.setText("\n".join(keys))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [TOPIC_MIME]


class LibraryPanel(Retranslating, QWidget):
    """Search field, filters and the tree; emits the topic (and item) the user picks."""

    topicActivated = Signal(str, str)  # noqa: N815 - Qt signal naming
    """Topic key and item key ("" for the topic itself)."""

    def __init__(self, library: Library | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = "en"
        self._areas: Sequence[AreaEntry] = []
        self._summary: dict[str, set[TranslationState]] | None = None
        self._overdue_actions: set[str] | None = None

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.marking = QComboBox(self)
        self.owner = QComboBox(self)
        self.translation = QComboBox(self)
        self.overdue = QCheckBox(self)
        self.tree = TopicTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)

        filters = QGridLayout()
        filters.addWidget(self.marking, 0, 0)
        filters.addWidget(self.owner, 0, 1)
        filters.addWidget(self.translation, 1, 0)
        filters.addWidget(self.overdue, 1, 1)
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
        for combo in (self.marking, self.owner, self.translation):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_tree())
        self.overdue.toggled.connect(lambda _on: self.refresh_tree())
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._emit(item))
        self.translation.setEnabled(library is not None)  # the summary needs the library itself
        self.retranslateUi()

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.search.setPlaceholderText(self.tr("Search topics and texts (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.tree.setAccessibleName(self.tr("Library: areas and topics"))
        self.overdue.setText(self.tr("Review overdue"))
        self.overdue.setToolTip(self.tr("Topics never reviewed or last reviewed more than a year ago"))
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
        self.refresh_tree()

    def show_areas(self, areas: Sequence[AreaEntry]) -> None:
        """Show ``areas`` (read without the library, e.g. from a snapshot) until the library is set."""
        self._areas = areas
        self._fill_owners()
        self.refresh_tree()

    def set_library(self, library: Library) -> None:
        """The library is open: search and the translation filter work from now on.

        The tree shown from a snapshot stays; a search typed meanwhile runs now.
        """
        self.library = library
        self.translation.setEnabled(True)
        if self.search.text().strip():
            self.refresh_tree()

    def reload(self) -> None:
        """Read the tree again from the library (after topics were created, deleted or edited)."""
        from briefing.operations import queries

        assert self.library is not None, "the library is not open yet"
        self._areas = queries.library_tree(self.library)
        self._summary = None
        self._overdue_actions = None
        self._fill_owners()
        self.refresh_tree()

    def invalidate_translations(self) -> None:
        self._summary = None
        if self.translation.currentData():
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
        if self.overdue.isChecked():
            limit = dt.date.today() - dt.timedelta(days=365)
            if topic.reviewed_on is not None and topic.reviewed_on >= limit:
                return False
        wanted = self.translation.currentData()
        if wanted and self.library is not None:
            if self._summary is None:
                from briefing.operations import queries

                self._summary = queries.translation_summary(self.library, "fr")
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

    def refresh_tree(self) -> None:
        query = self.search.text().strip()
        if query and self.library is None:
            return  # searched as soon as the library is open (set_library)
        current = self.current_topic()
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
                for topic in topics:
                    child = QTreeWidgetItem(node, [topic.title(self.lang)])
                    child.setData(0, KEY_ROLE, topic.key)
                    child.setToolTip(0, topic.key)
                    if topic.key == current:
                        self.tree.setCurrentItem(child)
            self.tree.expandAll()
        self.tree.blockSignals(False)

    def _fill_hits(self, query: str) -> None:
        assert self.library is not None
        with self.library.unit_of_work() as uow:
            hits = uow.search(query)
        topics = {t.key: t for a in self._areas for t in a.topics}
        nodes: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            row = topics.get(hit.topic_key)
            if row is not None and not self._topic_passes(row):
                continue
            node = nodes.get(hit.topic_key)
            if node is None:
                title = row.title(self.lang) if row is not None else hit.topic_title
                node = QTreeWidgetItem(self.tree, [title])
                node.setData(0, KEY_ROLE, hit.topic_key)
                nodes[hit.topic_key] = node
            if hit.item_key is not None:
                snippet = " ".join(hit.snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "").split())
                child = QTreeWidgetItem(node, [f"[{hit.lang}] {snippet}"])
                child.setData(0, KEY_ROLE, hit.topic_key)
                child.setData(0, ITEM_ROLE, hit.item_key)
                child.setToolTip(0, snippet)
        self.tree.expandAll()

    # --- selection ----------------------------------------------------------------------------------------

    def current_topic(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, KEY_ROLE) or "") if item is not None else ""

    def current_area(self) -> str:
        item = self.tree.currentItem()
        if item is None:
            return self._areas[0].key if self._areas else ""
        key = item.data(0, KEY_ROLE)
        for area in self._areas:
            if any(t.key == key for t in area.topics):
                return area.key
        return self._areas[0].key if self._areas else ""

    def select_topic(self, topic_key: str) -> None:
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item is None:
                continue
            if item.data(0, KEY_ROLE) == topic_key and not item.data(0, ITEM_ROLE):
                self.tree.setCurrentItem(item)
                return
            pending += [item.child(i) for i in range(item.childCount())]

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self._emit(current)

    def _emit(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.topicActivated.emit(str(key), str(item.data(0, ITEM_ROLE) or ""))
