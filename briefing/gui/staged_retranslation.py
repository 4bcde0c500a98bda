"""A window's change of interface language, spread over turns of the event loop so the window never freezes.

Installing a translator makes Qt post ``QEvent.LanguageChange`` to each window, and a widget hands that event on
to its whole tree at once: every panel's ``retranslateUi``, every label re-measured, in one go (on a meeting of
500 agenda items, most of a second with the UI thread blocked). The main window takes the event itself instead
and gives it to :class:`StagedRetranslation`, which hands it on in *parts* — a container's own texts, or a
widget with its children — as many per turn of the event loop as fit in :data:`TURN_BUDGET_S`, so the window
paints and answers between two turns:

1. the parts that are visible;
2. the *steps*: work that words data again rather than widgets (the library tree's titles, the meeting
   builder's preview notes and preflight findings), given by the window with :meth:`~StagedRetranslation.add_step`;
3. the parts that are hidden (another tab, a collapsed section). A part that is shown before its turn is
   taken next, ahead of the hidden ones.

The window does not paint while its shown parts are worded (a few turns): it paints them all at once, in the
new language, rather than a part of the screen after each turn.

Every widget still receives the event exactly once, from its own part: a container that Qt itself does nothing
for on a language change (a plain widget, frame, splitter, scroll area, tab or stacked widget, group box) is
split into its own texts (``retranslateUi``, when it is :class:`~briefing.gui.retranslate.Retranslating`) and
its children; any other widget gets the event whole, so Qt's own handling (a calendar's month names, a button
box's standard buttons) and any ``changeEvent`` of ours run as they would. Windows that are children of the
window (dialogs, popups) are left out: Qt sends each window its own event.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from briefing.gui.retranslate import Retranslating

TURN_BUDGET_S = 0.010
"""How long one turn of the event loop hands the event on before it lets the window paint and answer."""

_CONTAINERS: tuple[type[QWidget], ...] = (
    QWidget,
    QFrame,
    QSplitter,
    QStackedWidget,
    QScrollArea,
    QTabWidget,
    QGroupBox,
    QMainWindow,
)
"""Qt classes that do nothing of their own on a language change: theirs is only to hand it to the children."""
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def _qt_class(cls: type) -> type:
    """The Qt class a widget's (possibly Python) class derives from."""
    return next(base for base in cls.__mro__ if base.__module__.startswith("PySide6."))


def splittable(widget: QWidget) -> bool:
    """Whether ``widget`` may be given the language change apart from its children.

    True for the containers of :data:`_CONTAINERS` whose Python class, if any, reacts to the change only through
    :class:`~briefing.gui.retranslate.Retranslating` (no ``event`` or ``changeEvent`` of its own).
    """
    cls = type(widget)
    base = _qt_class(cls)
    if base not in _CONTAINERS or cls.event is not base.event:
        return False
    change = cls.changeEvent
    return change is base.changeEvent or change is Retranslating.changeEvent


def language_change(target: QObject) -> None:
    """Send ``target`` (and, for a widget, its whole tree) a language change now."""
    QCoreApplication.sendEvent(target, QEvent(QEvent.Type.LanguageChange))


def retranslate_own(widget: QWidget) -> None:
    """What a language change does to ``widget`` itself, not to its child widgets (see :func:`splittable`)."""
    for child in widget.children():
        if not isinstance(child, QWidget):
            language_change(child)  # actions, layouts, models: as QWidget.event hands them the event
    if isinstance(widget, Retranslating):
        widget.retranslateUi()  # what changes repaints itself: no repaint of the whole container


@dataclass
class _Part:
    """A widget to give the language change to: whole, or (``split``) its own texts now and its children after."""

    widget: QWidget
    split: bool = False

    def alive(self) -> bool:
        return shiboken6.isValid(self.widget)

    def visible(self) -> bool:
        return self.widget.isVisible()


@dataclass
class _Step:
    name: str
    run: Callable[[], object]


def _parts_of(widget: QWidget) -> list[_Part]:
    """``widget``'s child widgets (not windows: Qt sends those their own event), in the tree's order."""
    return [_Part(child) for child in widget.findChildren(QWidget, options=_DIRECT) if not child.isWindow()]


class StagedRetranslation(QObject):
    """Hands a window's language change on part by part, a few parts per turn of the event loop."""

    settled = Signal()
    """Every part and step of the last language change is done."""

    def __init__(self, parent: QObject | None = None, budget: float = TURN_BUDGET_S) -> None:
        super().__init__(parent)
        self.budget = budget
        self._shown: list[_Part] = []
        self._hidden: list[_Part] = []
        self._frozen: QWidget | None = None
        """The window while its shown parts are worded: it paints them all at once after, not turn by turn."""
        self._steps: list[_Step] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)
        self.started_at = 0.0
        self.turns = 0
        """Turns of the event loop the last language change took (for the benchmark)."""
        self.longest_turn = 0.0
        """The longest of them, in seconds."""

    def begin(self, root: QWidget) -> None:
        """The interface language changed: every widget under ``root`` is to be worded again.

        ``root``'s own texts are its caller's (done at once); what was left of an earlier change is dropped, as
        this one covers it."""
        idle = not self.pending()
        self._shown, self._hidden = [], []
        self._sort(_parts_of(root))
        if self._frozen is None and root.updatesEnabled():
            root.setUpdatesEnabled(False)  # painted once, when what shows is worded (see _thaw)
            self._frozen = root
        self._start(idle)

    def add_step(self, name: str, run: Callable[[], object]) -> None:
        """Run ``run`` after the visible parts (in place of a step of the same ``name`` not yet run)."""
        idle = not self.pending()
        self._steps = [step for step in self._steps if step.name != name]
        self._steps.append(_Step(name, run))
        self._start(idle)

    def pending(self) -> bool:
        """Whether a part or step of a language change is still to be done."""
        return bool(self._shown or self._steps or self._hidden)

    def finish(self) -> None:
        """Do what is left at once (e.g. before the window is grabbed as an image)."""
        while self.pending():
            self._run(self._next())
        self._timer.stop()
        self._thaw()

    def _thaw(self) -> None:
        frozen, self._frozen = self._frozen, None
        if frozen is not None and shiboken6.isValid(frozen):
            frozen.setUpdatesEnabled(True)

    # --- the turns ----------------------------------------------------------------------------------------

    def _start(self, idle: bool) -> None:
        if idle:  # a new change, not one more step of the change under way
            self.started_at = time.perf_counter()
            self.turns = 0
            self.longest_turn = 0.0
        if not self._timer.isActive():
            self._timer.start()

    def _sort(self, parts: list[_Part], *, first: bool = False) -> None:
        """Put ``parts`` with the shown or the hidden ones (ahead of those already there when ``first``)."""
        shown = [part for part in parts if part.visible()]
        hidden = [part for part in parts if not part.visible()]
        self._shown = shown + self._shown if first else self._shown + shown
        self._hidden = hidden + self._hidden if first else self._hidden + hidden

    def _turn(self) -> None:
        started = time.perf_counter()
        self.turns += 1
        self._hidden = [part for part in self._hidden if part.alive()]
        if any(part.visible() for part in self._hidden):  # shown since (another tab): theirs is next
            hidden, self._hidden = self._hidden, []
            self._sort(hidden, first=True)
        while self.pending():  # at least one part a turn, more while the budget lasts
            self._run(self._next())
            if time.perf_counter() - started >= self.budget:
                break
        if not self._shown and not self._steps:
            self._thaw()
        self.longest_turn = max(self.longest_turn, time.perf_counter() - started)
        if self.pending():
            self._timer.start()
        else:
            self.settled.emit()

    def _next(self) -> _Part | _Step:
        """The first shown part, else the first step, else the first hidden part."""
        if self._shown:
            return self._shown.pop(0)
        if self._steps:
            return self._steps.pop(0)
        return self._hidden.pop(0)

    def _run(self, item: _Part | _Step) -> None:
        if isinstance(item, _Step):
            item.run()
            return
        widget = item.widget
        if not item.alive():
            return  # deleted since: nothing to word
        if item.split:
            retranslate_own(widget)
        elif splittable(widget) and widget.findChild(QWidget, options=_DIRECT) is not None:
            self._sort(
                [_Part(widget, split=True), *_parts_of(widget)], first=True
            )  # next, in the tree's order
        else:
            language_change(widget)
