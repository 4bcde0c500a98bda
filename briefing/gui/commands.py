"""Undo commands: each wraps a core operation's change; undo and redo call ``change.revert``.

The operation runs *before* the command is pushed (a refused edit never reaches the stack); the first
``redo()`` that ``QUndoStack.push`` calls only reports the change. The model never knows about undo
(orange-canvas-core's pattern); undo lives beside the operations, which return how to revert themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.errors import BriefingError
from briefing.operations import Change, TextChange
from briefing.store import Library

TEXT_EDIT_ID = 1

Report = Callable[[Change, object], None]
"""Tells the panels: the change and its initiator (the panel that asked for it, ``None`` for undo and redo)."""
Fail = Callable[[BriefingError], None]


class OperationCommand(QUndoCommand):
    """An operation already applied; undo applies its inverse, redo the inverse's inverse."""

    def __init__(
        self,
        text: str,
        library: Library,
        change: Change,
        report: Report,
        fail: Fail,
        initiator: object = None,
    ) -> None:
        super().__init__(text)
        self.initiator = initiator
        self.library = library
        self.change = change
        self._report = report
        self._fail = fail
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._report(self.change, self.initiator)
            return
        self._swap()
        self._applied = True

    def undo(self) -> None:
        self._swap()
        self._applied = False

    def _swap(self) -> None:
        try:
            self.change = self.change.revert(self.library)
        except BriefingError as exc:
            self._fail(exc)
            return
        self._report(self.change, None)


class TextEditCommand(OperationCommand):
    """Typing in one language of one text: successive edits of the same text undo together."""

    def id(self) -> int:
        return TEXT_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TextEditCommand):
            return False
        mine, theirs = self.change, other.change
        if not (isinstance(mine, TextChange) and isinstance(theirs, TextChange)):
            return False
        if (mine.block_id, mine.lang) != (theirs.block_id, theirs.lang) or not self._applied:
            return False
        self.change = mine.merged_with(theirs)
        return True
