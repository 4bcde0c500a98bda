"""Running an operation from the interface: apply it, push its undo command, tell the panels."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefing.errors import BriefingError
from briefing.gui.background import Background
from briefing.gui.changes import Changes
from briefing.gui.dialogs import show_error

if TYPE_CHECKING:
    from briefing.gui.commands import OperationCommand
    from briefing.operations import Change
    from briefing.store import Library


class Runner(QObject):
    """Applies operations for the panels; every change lands on the undo stack and is saved at once.

    Operations are short writes and run on the UI thread; every read that follows them (a panel refreshing)
    goes through :attr:`background`, the window's one background task.
    """

    changed = Signal(object, object)
    """A change was applied, undone or redone: its :class:`~briefing.gui.changes.Changes` and its initiator."""

    def __init__(self, library: Library, stack: QUndoStack, window: QWidget, lang: Callable[[], str]) -> None:
        super().__init__(window)
        self.library = library
        self.stack = stack
        self.window = window
        self.lang = lang
        self.background = Background(self)

    def run(
        self,
        text: str,
        perform: Callable[[], Change],
        command: type[OperationCommand] | None = None,
        *,
        initiator: object = None,
    ) -> Change | None:
        """Apply ``perform`` (an operation on the library) and push it; a refused edit shows why.

        ``command`` is the undo command to push (:class:`~briefing.gui.commands.OperationCommand` by default);
        ``initiator`` is told apart from the other panels when they hear of the change (e.g. a tree that
        already shows the box it had checked).
        """
        if command is None:
            from briefing.gui.commands import OperationCommand

            command = OperationCommand
        try:
            change = perform()
        except BriefingError as error:
            self.fail(error)
            return None
        self.stack.push(command(text, self.library, change, self.report, self.fail, initiator))
        return change

    def report(self, change: Change, initiator: object = None) -> None:
        """Tell the panels about ``change``."""
        self.changed.emit(Changes.of(change), initiator)

    def fail(self, error: BriefingError) -> None:
        show_error(self.window, error.message(self.lang()))

    def warn(self, text: str) -> None:
        show_error(self.window, text)
