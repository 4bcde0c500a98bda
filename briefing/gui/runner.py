"""Running an operation from the interface: apply it, push its undo command, tell the panels."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefing.errors import BriefingError
from briefing.gui.dialogs import show_error

if TYPE_CHECKING:
    from briefing.gui.commands import OperationCommand
    from briefing.operations import Change
    from briefing.store import Library


class Runner(QObject):
    """Applies operations for the panels; every change lands on the undo stack and is saved at once."""

    changed = Signal(object)
    """A :class:`~briefing.operations.Change` was applied, undone or redone."""

    def __init__(self, library: Library, stack: QUndoStack, window: QWidget, lang: Callable[[], str]) -> None:
        super().__init__(window)
        self.library = library
        self.stack = stack
        self.window = window
        self.lang = lang

    def run(
        self,
        text: str,
        perform: Callable[[], Change],
        command: type[OperationCommand] | None = None,
    ) -> Change | None:
        """Apply ``perform`` (an operation on the library) and push it; a refused edit shows why.

        ``command`` is the undo command to push (:class:`~briefing.gui.commands.OperationCommand` by default).
        """
        if command is None:
            from briefing.gui.commands import OperationCommand

            command = OperationCommand
        try:
            change = perform()
        except BriefingError as error:
            self.fail(error)
            return None
        self.stack.push(command(text, self.library, change, self.changed.emit, self.fail))
        return change

    def fail(self, error: BriefingError) -> None:
        show_error(self.window, error.message(self.lang()))

    def warn(self, text: str) -> None:
        show_error(self.window, text)
