"""Small editing widgets shared by the panels: a date that may be empty, and list helpers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)
"""The lowest date of a :class:`DateEdit`; it stands for "no date" and shows the special text instead."""
COMMIT_DELAY_MS = 600


def to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value is not None else NO_DATE


def to_date(value: QDate) -> dt.date | None:
    if not value.isValid() or value <= NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A date with a calendar popup that may also be empty (shown as the special value text).

    ``committed`` is emitted once the user is done: a day picked in the calendar, Enter, leaving the box, or a
    moment after the last key, so stepping through days with the arrows makes one change, not one per day.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(NO_DATE)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self._commit)
        self._loading = False
        self.dateChanged.connect(self._changed)
        self.editingFinished.connect(self._commit)
        self.calendarWidget().clicked.connect(lambda _date: self._commit())

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """Name the box and the line edit inside it (what a screen reader lands on)."""
        super().setAccessibleName(name)
        self.lineEdit().setAccessibleName(name)

    def value(self) -> dt.date | None:
        return to_date(self.date())

    def set_value(self, value: dt.date | None) -> None:
        """Show ``value`` (None: no date) without reporting it as an edit."""
        self._timer.stop()
        self._loading = True
        self.setDate(to_qdate(value))
        self._loading = False

    def set_value_by_user(self, value: dt.date | None) -> None:
        """Set the date as if the user had picked it in the calendar (for keyboard-free use and tests)."""
        self.setDate(to_qdate(value))
        self._commit()

    def _changed(self, _date: QDate) -> None:
        if not self._loading:
            self._timer.start()

    def _commit(self) -> None:
        if self._loading:
            return
        self._timer.stop()
        self.committed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.value() is None:  # open the calendar on this month rather than on the "no date" sentinel
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)
