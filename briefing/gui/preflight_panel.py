"""The preflight panel: what to fix before exporting the pack, in the chosen language and copy."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.retranslate import Retranslating

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.selection import PackSelection

TOPIC_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
LANG_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 3

FILL_BUDGET_S = 0.008
"""How long one turn of the event loop may spend making rows of findings."""
WRAP_ROWS = 200
"""The most findings whose text wraps over several lines."""
SEVERITY_COLOURS = {"blocking": "#b00020", "warning": "#8a5a00", "info": "#1f5fa8"}
SEVERITY_ICONS = {
    "blocking": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


@dataclass(frozen=True)
class Line:
    """A finding as the panel shows it."""

    severity: str
    """"blocking", "warning" or "info"."""
    message: str
    agenda_number: int | None
    topic_key: str | None
    item_key: str | None
    lang: str | None = None
    """The language of the text that needs work (a missing or stale translation), if any."""


def lines_of(selection: PackSelection, request: PackRequest, lang: str) -> list[Line]:
    """Preflight's findings about ``selection`` (already read: no database access), worded in ``lang``."""
    from briefing.preflight import run_preflight

    found = run_preflight(selection, request)
    return [
        Line(f.severity.value, f.message.render(lang), f.agenda_number, f.topic_key, f.item_key, f.lang)
        for f in found
    ]


class FindingDelegate(QStyledItemDelegate):
    """Gives a finding the height of its text wrapped to the column's width (the tree asks for a row's height
    without a width, so it would never wrap)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        width = self.view.header().sectionSize(index.column()) - 8
        if width <= 0 or self.view.uniformRowHeights():
            return size
        text = str(index.data() or "")
        flags = Qt.TextFlag.TextWordWrap
        bounds = self.view.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


class PreflightPanel(Retranslating, QWidget):
    """Findings sorted by agenda item; double-click one to open the text concerned."""

    jump = Signal(str, str)
    """Topic key and item key ("" when the finding is about the topic)."""
    jumpText = Signal(str, str, str)  # noqa: N815 - Qt signal naming
    """Topic key, item key and the language of the box that needs work ("" when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self._pending: list[Line] = []
        self._rows: list[QTreeWidgetItem] = []
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_some)
        self.summary = QLabel(self)
        self.summary.setObjectName("preflightSummary")
        self.list = QTreeWidget(self)
        self.list.setObjectName("preflight")
        self.list.setColumnCount(3)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setWordWrap(True)
        self.list.setItemDelegateForColumn(2, FindingDelegate(self.list))
        header = self.list.header()
        header.setStretchLastSection(True)  # the finding takes the width left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.list.doItemsLayout)
        header.sectionResized.connect(self._finding_resized)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.itemActivated.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.list.setHeaderLabels([self.tr("Severity"), self.tr("Agenda item"), self.tr("Finding")])
        self.list.setAccessibleName(self.tr("Preflight findings"))
        self.list.setToolTip(self.tr("Double-click a finding to open the text that needs work"))
        self._fit_columns()
        names = {name: self.severity_name(name) for name in SEVERITY_ICONS}
        for index in range(self.list.topLevelItemCount()):  # in place: the findings stay as they are
            row = self.list.topLevelItem(index)
            if row is not None:
                severity = str(row.data(0, SEVERITY_ROLE))
                row.setText(0, names.get(severity, severity))
                row.setToolTip(0, names.get(severity, severity))
        self._summarise()

    def _fit_columns(self) -> None:
        """Severity and agenda item as wide as their longest word or header in the language shown, icon and
        margins included (measured once, not row by row); the finding takes the rest."""
        style, header = self.list.style(), self.list.header()
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.list)
        item_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.list) + 1)
        header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        rows, heads = self.list.fontMetrics(), header.fontMetrics()
        names = [self.severity_name(name) for name in SEVERITY_ICONS]
        widest = max(rows.horizontalAdvance(n) for n in names) + icon + 2 * item_margin
        title = heads.horizontalAdvance(self.tr("Severity")) + header_margin
        self.list.setColumnWidth(0, max(widest, title) + 4)
        where = heads.horizontalAdvance(self.tr("Agenda item")) + header_margin
        self.list.setColumnWidth(1, max(where, rows.horizontalAdvance("000") + 2 * item_margin) + 4)

    def _finding_resized(self, column: int, _old: int, _new: int) -> None:
        """The finding column changed width: wrapped findings take their new number of lines."""
        if column == 2 and not self.list.uniformRowHeights():
            self._relayout.start()

    def severity_name(self, severity: str) -> str:
        return {
            "blocking": self.tr("Blocking"),
            "warning": self.tr("Warning"),
            "info": self.tr("Information"),
        }.get(severity, severity)

    @property
    def filling(self) -> bool:
        """Whether findings are still being put in the list."""
        return bool(self._pending)

    def show_lines(self, lines: list[Line]) -> None:
        """Show ``lines``: rows are made a few per turn of the event loop, off the list, and put in at once."""
        self.lines = lines
        self._pending = list(reversed(lines))
        self._rows = []
        self._fill_timer.stop()
        self._fill_some()

    def _fill_some(self) -> None:
        started = time.perf_counter()
        style = self.style()
        icons = {name: style.standardIcon(pixmap) for name, pixmap in SEVERITY_ICONS.items()}
        brushes = {name: QBrush(QColor(colour)) for name, colour in SEVERITY_COLOURS.items()}
        names = {name: self.severity_name(name) for name in SEVERITY_ICONS}
        while self._pending and time.perf_counter() - started < FILL_BUDGET_S:
            line = self._pending.pop()
            where = str(line.agenda_number) if line.agenda_number is not None else ""
            row = QTreeWidgetItem([names.get(line.severity, line.severity), where, line.message])
            if line.severity in icons:
                row.setIcon(0, icons[line.severity])
                row.setForeground(0, brushes[line.severity])
            row.setToolTip(0, names.get(line.severity, line.severity))
            row.setToolTip(2, line.message)
            row.setData(0, TOPIC_ROLE, line.topic_key or "")
            row.setData(0, ITEM_ROLE, line.item_key or "")
            row.setData(0, LANG_ROLE, line.lang or "")
            row.setData(0, SEVERITY_ROLE, line.severity)
            self._rows.append(row)
        if self._pending:
            self._fill_timer.start()
            return
        rows, self._rows = self._rows, []
        self.list.clear()
        # A short list wraps long findings over several lines; a long one keeps one line a finding (measuring
        # every row's height would hold the window), the whole finding in its tooltip.
        self.list.setUniformRowHeights(len(rows) > WRAP_ROWS)
        self.list.addTopLevelItems(rows)  # at once: one layout of the list, not one per finding
        self._summarise()

    def _summarise(self) -> None:
        lines = self.lines
        blocking = sum(1 for line in lines if line.severity == "blocking")
        if not lines:
            self.summary.setText(self.tr("Preflight: nothing to fix."))
        else:
            text = self.tr("Preflight: %1 findings, %2 blocking.")
            self.summary.setText(text.replace("%1", str(len(lines))).replace("%2", str(blocking)))

    def _double_clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        topic = str(row.data(0, TOPIC_ROLE) or "")
        if topic:
            item = str(row.data(0, ITEM_ROLE) or "")
            self.jump.emit(topic, item)
            self.jumpText.emit(topic, item, str(row.data(0, LANG_ROLE) or ""))
