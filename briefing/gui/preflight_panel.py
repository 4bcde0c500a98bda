"""The preflight panel: what to fix before exporting the pack, in the chosen language and copy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefing.gui.retranslate import Retranslating

if TYPE_CHECKING:
    from briefing.assemble import PackRequest
    from briefing.store import Library

TOPIC_ROLE = Qt.ItemDataRole.UserRole
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Line:
    """A finding as the panel shows it."""

    severity: str
    """"blocking", "warning" or "info"."""
    message: str
    agenda_number: int | None
    topic_key: str | None
    item_key: str | None


def findings(library: Library, request: PackRequest, lang: str) -> list[Line]:
    """Preflight's findings, or (without the preflight module) the missing translations assembly reports."""
    try:
        from briefing.preflight import run_preflight
    except ImportError:  # pragma: no cover - preflight ships with the app; kept for partial installs
        return _missing_translations(library, request)
    with library.reading() as uow:
        found = run_preflight(uow, request)
    return [
        Line(f.severity.value, f.message.render(lang), f.agenda_number, f.topic_key, f.item_key)
        for f in found
    ]


def _missing_translations(library: Library, request: PackRequest) -> list[Line]:
    from briefing.assemble import MissingTranslationsError, PackRequest, assemble

    strict = PackRequest(
        request.meeting, request.mode, request.copy, allow_missing=False, today=request.today
    )
    try:
        with library.reading() as uow:
            assemble(uow, strict)
    except MissingTranslationsError as error:
        return [
            Line("blocking", f"{p.where} [{p.lang}: {p.state.value}]", None, None, None)
            for p in error.problems
        ]
    return []


class PreflightPanel(Retranslating, QWidget):
    """Findings sorted by agenda item; double-click one to open the text concerned."""

    jump = Signal(str, str)
    """Topic key and item key ("" when the finding is about the topic)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("preflightSummary")
        self.list = QTreeWidget(self)
        self.list.setObjectName("preflight")
        self.list.setColumnCount(3)
        self.list.setRootIsDecorated(False)
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
        self.show_lines(self.lines)

    def severity_name(self, severity: str) -> str:
        return {
            "blocking": self.tr("Blocking"),
            "warning": self.tr("Warning"),
            "info": self.tr("Information"),
        }.get(severity, severity)

    def show_lines(self, lines: list[Line]) -> None:
        self.lines = lines
        self.list.clear()
        for line in lines:
            where = str(line.agenda_number) if line.agenda_number is not None else ""
            row = QTreeWidgetItem(self.list, [self.severity_name(line.severity), where, line.message])
            row.setToolTip(2, line.message)
            row.setData(0, TOPIC_ROLE, line.topic_key or "")
            row.setData(0, ITEM_ROLE, line.item_key or "")
        blocking = sum(1 for line in lines if line.severity == "blocking")
        if not lines:
            self.summary.setText(self.tr("Preflight: nothing to fix."))
        else:
            text = self.tr("Preflight: %1 findings, %2 blocking.")
            self.summary.setText(text.replace("%1", str(len(lines))).replace("%2", str(blocking)))

    def _double_clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        topic = str(row.data(0, TOPIC_ROLE) or "")
        if topic:
            self.jump.emit(topic, str(row.data(0, ITEM_ROLE) or ""))
