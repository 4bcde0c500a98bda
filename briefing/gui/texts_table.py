"""The Texts tab: every text of the library in a sortable, filterable table, with bulk edits (Anki's browser).

Columns: topic, where the text is, its English, the state of its French, the topic's owner, the marking and
the topic's last review. The list is read on the window's background task. Several rows can be selected and
marked reviewed, given an owner or a marking at once: each is one step on the window's undo stack (a
:class:`~briefing.operations.base.Batch` of ordinary operations).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.defaults import review_overdue
from briefing.gui.background import NORMAL
from briefing.gui.changes import ChangeAware, Changes
from briefing.gui.retranslate import Retranslating
from briefing.gui.settings import TEXTS_HEADER, Settings
from briefing.gui.text_pair import STATE_COLOURS
from briefing.gui.vocabulary import kind_name, state_name
from briefing.gui.widgets import format_date
from briefing.model.enums import Marking, TranslationState

if TYPE_CHECKING:
    from briefing.gui.runner import Runner
    from briefing.operations.texts_list import TextRow

CHANNEL = "texts.table"
ROW_ROLE = Qt.ItemDataRole.UserRole + 10
"""The row's position in :attr:`TextsPanel.rows`."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 11
TOPIC, WHERE, ENGLISH, STATE, OWNER, MARKING, REVIEWED = range(7)
STATE_ORDER = {
    TranslationState.MISSING: 0,
    TranslationState.STALE: 1,
    TranslationState.DRAFT: 2,
    TranslationState.TRANSLATED: 3,
    TranslationState.REVIEWED: 4,
    TranslationState.SOURCE: 5,
}


def reviewable(rows: list[TextRow]) -> list[TextRow]:
    """The rows the bulk review marks: a translation to confirm, not stale (a stale one is reviewed in the editor,
    with what changed in the source in view)."""
    refused = (TranslationState.MISSING, TranslationState.SOURCE, TranslationState.STALE)
    return [row for row in rows if row.state not in refused]


class TextsFilter(QSortFilterProxyModel):
    """Rows whose words, translation state and review age pass the filters above the table."""

    def __init__(self, panel: TextsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.words: list[str] = []
        self.state = ""
        self.overdue = False
        self.today = dt.date.today()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        number = index.data(ROW_ROLE)
        if number is None:
            return False
        row = self.panel.rows[int(number)]
        if self.state:
            unreviewed = {TranslationState.DRAFT, TranslationState.TRANSLATED}
            wanted = {
                "missing": row.state is TranslationState.MISSING,
                "stale": row.state is TranslationState.STALE,
                "unreviewed": row.state in unreviewed,
                "reviewed": row.state is TranslationState.REVIEWED,
            }
            if not wanted.get(self.state, True):
                return False
        if self.overdue and not review_overdue(row.reviewed_on, self.today):
            return False
        if self.words:
            from briefing.i18n.folding import fold

            haystack = fold(
                " ".join(
                    [
                        row.topic_key,
                        row.item_key,
                        row.owner,
                        *row.topic_titles.values(),
                        *row.excerpts.values(),
                    ]
                )
            )
            if not all(word in haystack for word in self.words):
                return False
        return True


class TextsPanel(ChangeAware, Retranslating, QWidget):
    """The table of texts with its filters and bulk actions."""

    topicRequested = Signal(str, str)  # noqa: N815 - Qt signal naming
    """Open this topic (and item) in the topic editor: a row was double-clicked."""

    def __init__(self, runner: Runner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textsPanel")
        self.runner = runner
        self.library = runner.library
        self.settings = settings
        self.rows: list[TextRow] = []
        self.loaded = False
        self._reading = False

        self.filter_text = QLineEdit(self)
        self.filter_text.setObjectName("textsFilter")
        self.filter_text.setClearButtonEnabled(True)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("textsState")
        self.overdue = QCheckBox(self)
        self.count = QLabel(self)
        self._make_table()
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("bulkReview")
        self.review_button.clicked.connect(self.mark_selected_reviewed)
        self.owner_button = QPushButton(self)
        self.owner_button.setObjectName("bulkOwner")
        self.owner_button.clicked.connect(self.ask_owner)
        self.marking_button = QPushButton(self)
        self.marking_button.setObjectName("bulkMarking")
        self.marking_menu = QMenu(self)
        self.marking_button.setMenu(self.marking_menu)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_text, 2)
        filters.addWidget(self.state_filter, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.count)
        bulk = QHBoxLayout()
        bulk.addWidget(self.review_button)
        bulk.addWidget(self.owner_button)
        bulk.addWidget(self.marking_button)
        bulk.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)

        self.filter_text.textChanged.connect(lambda _t: self._filter())
        self.state_filter.currentIndexChanged.connect(lambda _i: self._filter())
        self.overdue.toggled.connect(lambda _on: self._filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
        self.retranslateUi()
        self._selection_changed()

    def _make_table(self) -> None:
        self.model = QStandardItemModel(0, 7, self)
        self.proxy = TextsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("textsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ENGLISH, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (TOPIC, 200),
            (WHERE, 120),
            (STATE, 150),
            (OWNER, 110),
            (MARKING, 110),
            (REVIEWED, 110),
        ):
            self.table.setColumnWidth(column, width)
        saved = self.settings[TEXTS_HEADER]
        if saved is not None:
            header.restoreState(saved)
        header.sectionResized.connect(lambda *_args: self._save_header())
        header.sortIndicatorChanged.connect(lambda *_args: self._save_header())
        self.table.doubleClicked.connect(self._open)

    # --- language -----------------------------------------------------------------------------------------

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Topic"),
                self.tr("Text"),
                self.tr("English"),
                self.tr("French"),
                self.tr("Owner"),
                self.tr("Marking"),
                self.tr("Last reviewed"),
            ]
        )
        self.filter_text.setPlaceholderText(self.tr("Filter by words, topic or owner"))
        self.filter_text.setAccessibleName(self.tr("Filter the texts"))
        self.table.setAccessibleName(self.tr("Texts of the library"))
        current = self.state_filter.currentData()
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        for data, text in (
            ("", self.tr("Any French status")),
            ("missing", self.tr("French missing")),
            ("stale", self.tr("French stale")),
            ("unreviewed", self.tr("French not reviewed")),
            ("reviewed", self.tr("French reviewed")),
        ):
            self.state_filter.addItem(text, data)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(current)))
        self.state_filter.blockSignals(False)
        self.state_filter.setAccessibleName(self.tr("Filter by French status"))
        self.overdue.setText(self.tr("Review overdue"))
        self.overdue.setToolTip(self.tr("Topics never reviewed or last reviewed too long ago"))
        self.review_button.setText(self.tr("Mark French reviewed"))
        self.review_button.setToolTip(
            self.tr(
                "Stale translations are left out: review them in the topic, with what changed in the English"
            )
        )
        self.owner_button.setText(self.tr("Set owner…"))
        self.marking_button.setText(self.tr("Set marking"))
        self.marking_menu.clear()
        none = self.marking_menu.addAction(self.tr("No marking"))
        none.triggered.connect(lambda _checked=False: self.set_marking(None))
        for marking in Marking:
            action = self.marking_menu.addAction(marking.value)
            action.triggered.connect(lambda _checked=False, marking=marking: self.set_marking(marking))
        if self.rows:
            self._show_rows(self.rows)
        self._show_count()

    # --- reading ------------------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the texts the first time the tab is shown (afterwards, after each change while shown)."""
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def refresh(self) -> None:
        from briefing.operations.texts_list import text_rows

        library = self.library
        self._reading = True

        def done(rows: list[TextRow]) -> None:
            self._reading = False
            self._show_rows(rows)

        def failed(error: Exception) -> None:
            self._reading = False
            raise error

        self.runner.background.query(
            lambda: text_rows(library), done, failed=failed, channel=CHANNEL, priority=NORMAL
        )

    def filling(self) -> bool:
        return self._reading

    def on_changes(self, changes: Changes, initiator: object | None = None) -> None:
        if self.loaded:
            self.request_refresh()

    def _show_rows(self, rows: list[TextRow]) -> None:
        selected = {(self.rows[n].block_id) for n in self._selected_numbers()} if self.rows else set()
        self.rows = rows
        lang = "fr" if self.runner.lang() == "fr" else "en"
        sorting = (
            self.table.horizontalHeader().sortIndicatorSection(),
            self.table.horizontalHeader().sortIndicatorOrder(),
        )
        self.table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        for number, row in enumerate(rows):
            self.model.appendRow(self._cells(number, row, lang))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(*sorting)
        if selected:
            selection = self.table.selectionModel()
            for proxy_row in range(self.proxy.rowCount()):
                number = self.proxy.index(proxy_row, 0).data(ROW_ROLE)
                if number is not None and rows[int(number)].block_id in selected:
                    selection.select(
                        self.proxy.index(proxy_row, 0),
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )
        self._show_count()

    def _cells(self, number: int, row: TextRow, lang: str) -> list[QStandardItem]:
        where = self.tr("Title") if row.kind is None else kind_name(row.kind)
        if row.role == "question":
            where += " — " + self.tr("Question")
        elif row.role == "answer":
            where += " — " + self.tr("Answer")
        source = row.excerpts.get(row.source_lang, "")
        reviewed = format_date(row.reviewed_on, lang) if row.reviewed_on else self.tr("Never")
        texts = [
            (row.topic_title(lang), row.topic_title(lang).casefold()),
            (where, where.casefold()),
            (source, source.casefold()),
            (state_name(row.state), f"{STATE_ORDER[row.state]}"),
            (row.owner, row.owner.casefold()),
            (row.marking.value if row.marking else "", f"{row.marking.rank if row.marking else 0}"),
            (reviewed, row.reviewed_on.isoformat() if row.reviewed_on else "0000"),
        ]
        cells = []
        for column, (text, key) in enumerate(texts):
            cell = QStandardItem(text)
            cell.setData(key, SORT_ROLE)
            cell.setData(number, ROW_ROLE)
            cell.setToolTip(text)
            if column == STATE:
                cell.setForeground(QBrush(QColor(STATE_COLOURS[row.state])))
            cells.append(cell)
        return cells

    def _filter(self) -> None:
        from briefing.i18n.folding import fold

        self.proxy.beginFilterChange()
        self.proxy.words = fold(self.filter_text.text()).split()
        self.proxy.state = str(self.state_filter.currentData() or "")
        self.proxy.overdue = self.overdue.isChecked()
        self.proxy.today = dt.date.today()
        self.proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 texts")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(len(self.rows)))
        )

    def _save_header(self) -> None:
        self.settings[TEXTS_HEADER] = self.table.horizontalHeader().saveState()

    # --- selection and bulk edits -------------------------------------------------------------------------

    def _selected_numbers(self) -> list[int]:
        numbers = []
        for index in self.table.selectionModel().selectedRows(0):
            number = index.data(ROW_ROLE)
            if number is not None and int(number) < len(self.rows):
                numbers.append(int(number))
        return numbers

    def selected(self) -> list[TextRow]:
        return [self.rows[n] for n in self._selected_numbers()]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        for button in (self.review_button, self.owner_button, self.marking_button):
            button.setEnabled(bool(chosen))
        self.review_button.setEnabled(bool(reviewable(chosen)))

    def select_rows(self, block_ids: set[int]) -> None:
        """Select the rows of these texts (for the keyboard-free and for tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for proxy_row in range(self.proxy.rowCount()):
            number = self.proxy.index(proxy_row, 0).data(ROW_ROLE)
            if number is not None and self.rows[int(number)].block_id in block_ids:
                selection.select(
                    self.proxy.index(proxy_row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def mark_selected_reviewed(self) -> None:
        from briefing.operations.texts_list import mark_many_reviewed

        chosen = [(row.block_id, row.target_lang) for row in reviewable(self.selected())]
        if chosen:
            library = self.library
            self.runner.run(
                self.tr("Mark %n text(s) reviewed", "", len(chosen)),
                lambda: mark_many_reviewed(library, chosen),
            )

    def ask_owner(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        current = chosen[0].owner
        owner, ok = QInputDialog.getText(
            self, self.tr("Set owner"), self.tr("Owner of the topics of the texts chosen:"), text=current
        )
        if ok:
            self.set_owner(owner.strip())

    def set_owner(self, owner: str) -> None:
        from briefing.operations.texts_list import set_owner_of_topics

        topics = [row.topic_key for row in self.selected()]
        if topics:
            library = self.library
            self.runner.run(self.tr("Set owner"), lambda: set_owner_of_topics(library, topics, owner))

    def set_marking(self, marking: Marking | None) -> None:
        from briefing.operations.texts_list import set_marking_of

        chosen = self.selected()
        items = [row.item_key for row in chosen if row.item_key]
        topics = [row.topic_key for row in chosen if not row.item_key]
        if chosen:
            library = self.library
            self.runner.run(self.tr("Set marking"), lambda: set_marking_of(library, items, topics, marking))

    def _open(self, index: QModelIndex) -> None:
        number = index.data(ROW_ROLE)
        if number is not None:
            row = self.rows[int(number)]
            self.topicRequested.emit(row.topic_key, row.item_key)
