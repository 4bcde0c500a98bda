"""Small editing widgets shared by the panels: a date that may be empty, text boxes that grow with their text,
labels that elide rather than widen the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QDateEdit, QLabel, QPlainTextEdit, QSizePolicy, QWidget

NO_DATE = QDate(2000, 1, 1)
"""The lowest date of a :class:`DateEdit`; it stands for "no date" and shows the special text instead."""
COMMIT_DELAY_MS = 600


DATE_FORMAT = "d MMMM yyyy"
"""How a date box reads: 13 June 2024, 13 juin 2024 (the month in the interface language)."""


def ui_locale(lang: str | None = None) -> QLocale:
    """The locale of the interface language (``lang``, or the one in use)."""
    if lang is None:
        return QLocale()
    return QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)


def format_date(value: dt.date | None, lang: str) -> str:
    """``value`` as the interface shows dates in ``lang`` (the packs' own rule: 1er juin 2024), "" for none."""
    if value is None:
        return ""
    from briefing.i18n.dates import format_day

    return format_day(value, lang)


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
        self._follow_language()
        self.setDate(NO_DATE)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self._commit)
        self._loading = False
        self.dateChanged.connect(self._changed)
        self.editingFinished.connect(self._commit)
        self.calendarWidget().clicked.connect(lambda _date: self._commit())

    def _follow_language(self) -> None:
        self.setLocale(ui_locale())
        self.calendarWidget().setLocale(ui_locale())
        self.setDisplayFormat(DATE_FORMAT)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._follow_language()
        super().changeEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        """Tab leaves the box (the arrows move between day, month and year): no focus trap on "Never reviewed"."""
        return QWidget.focusNextPrevChild(self, next)

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


# --- text boxes and labels that fit the window ---------------------------------------------------------------

MIN_LINES = 2
MAX_LINES = 14
"""A text box shows between this many lines; a longer text scrolls inside it."""

WINDOW_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
"""Keys a text box leaves to the window: its edits are undone on the window's one history (Edit › Undo)."""


def is_window_key(event: QKeyEvent, extra: Sequence[QKeySequence] = ()) -> bool:
    """Whether ``event`` is one of the keys a text box passes to the window's actions."""
    if any(event.matches(key) for key in WINDOW_KEYS):
        return True
    combo = QKeySequence(event.keyCombination())
    return any(combo.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch for sequence in extra)


class GrowingTextEdit(QPlainTextEdit):
    """A plain text box that grows with its text (from two lines to a screenful) instead of a fixed height.

    It keeps no undo history of its own: Ctrl+Z and Ctrl+Shift+Z go to the window's Edit › Undo and Redo, so a
    text box and the menu undo one and the same history.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before_window_key: Callable[[], None] | None = None
        """Called before a key goes to the window (e.g. to save the text typed, so Undo takes it back)."""
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and is_window_key(event)
        ):
            if self.before_window_key is not None:
                self.before_window_key()
            event.ignore()  # not taken here: the window's shortcut runs
            return False
        return super().event(event)

    def lines_shown(self) -> int:
        """How many lines the box is tall enough for now."""
        lines = int(self.document().documentLayout().documentSize().height())  # in lines for a plain text
        return max(MIN_LINES, min(MAX_LINES, lines))

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = (
            int(self.lines_shown() * metrics.lineSpacing() + 2 * self.document().documentMargin()) + frame
        )
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines


class ElidedLabel(QLabel):
    """One line of text cut with "…" to the width it is given; never widens its window. The tooltip shows it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_cut(self) -> bool:
        return self.text() != self._full

    def _elide(self) -> None:
        width = max(self.width() - 2, 10)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()
