"""Running an operation from the interface: apply it, push its undo command, tell the panels."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefing.errors import BriefingError, ConflictError, EditConflictError
from briefing.gui.background import Background
from briefing.gui.changes import Changes
from briefing.gui.dialogs import show_error

if TYPE_CHECKING:
    from briefing.gui.commands import OperationCommand
    from briefing.gui.text_pair import TextPair
    from briefing.model import TextStatus
    from briefing.operations import Change
    from briefing.operations.queries import TextView
    from briefing.store import Library

V = TypeVar("V")

Save = Callable[[str, str], "Change"]
"""Saves the words typed (first) on top of the value the editor showed (second); see :meth:`Runner.run_checked`."""


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
        self.conflict_dialog: QWidget | None = None
        """The merge dialog last opened (see :meth:`resolve_conflict`)."""

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
        try:
            change = perform()
        except BriefingError as error:
            self.fail(error)
            return None
        self.stack.push(self._command(command)(text, self.library, change, self.report, self.fail, initiator))
        return change

    def run_text(
        self,
        text: str,
        block_id: int,
        lang: str,
        typed: str,
        based_on: str,
        command: type[OperationCommand] | None = None,
        *,
        status: TextStatus | None = None,
        initiator: object = None,
        what: str = "",
    ) -> Change | None:
        """Save ``typed`` as the ``lang`` version of a text the editor showed as ``based_on``.

        When someone else saved another version meanwhile, nothing is written and the merge dialog shows both
        (naming ``what`` was edited, else ``text``); the person's choice is saved (on top of their version) or
        their version is shown again.
        """
        from briefing.operations import Changed, set_text

        def save(words: str, base: str) -> Change:
            return set_text(self.library, block_id, lang, words, status, based_on=base)

        shown = Changes(Changed.TEXT, frozenset({("text", str(block_id))}))
        return self.run_checked(
            text, save, typed, based_on, command, shown=shown, initiator=initiator, what=what
        )

    def run_typed(self, text: str, pair: TextPair, lang: str, typed: str, *, what: str = "") -> Change | None:
        """Save what was typed in ``pair``'s ``lang`` box on top of what the box showed (one undo step with the
        typing around it); a colleague's newer version opens the merge dialog, naming ``what`` was edited (by
        default ``text`` and the box's label)."""
        from briefing.gui.commands import TextEditCommand

        block_id = pair.view.block_id
        what = what or (f"{text} — {pair.label_text}" if pair.label_text else text)
        change = self.run_text(text, block_id, lang, typed, pair.base(lang), TextEditCommand, what=what)
        if change is not None:
            pair.saved(lang, typed)
        return change

    def run_checked(
        self,
        text: str,
        save: Save,
        typed: str,
        based_on: str,
        command: type[OperationCommand] | None = None,
        *,
        shown: Changes,
        initiator: object = None,
        what: str = "",
    ) -> Change | None:
        """Save ``typed`` through ``save``, on top of the value the editor showed as ``based_on``, and push it.

        ``save(words, base)`` is the operation (a text, an action's owner, a meeting's location…), refusing
        with :class:`~briefing.errors.EditConflictError` when the library no longer holds ``base``: then the
        merge dialog opens (:meth:`resolve_conflict`), naming ``what`` was edited (else the undo ``text``, such
        as "Change action owner"); ``shown`` is what the panels read again when the person keeps the other
        version.
        """
        try:
            change = self._save(save, typed, based_on)
        except EditConflictError as conflict:
            retry = partial(self.run_checked, text, save, command=command, shown=shown, what=what)
            self.resolve_conflict(conflict, retry, shown, what or text)
            return None
        except BriefingError as error:
            self.fail(error)
            return None
        self.stack.push(self._command(command)(text, self.library, change, self.report, self.fail, initiator))
        return change

    @staticmethod
    def _save(save: Save, typed: str, based_on: str) -> Change:
        """``save``, once more when another save landed between its read and its write (a version clash that
        is not someone else's text: the second try reads what that save left)."""
        try:
            return save(typed, based_on)
        except EditConflictError:
            raise
        except ConflictError:
            return save(typed, based_on)

    def resolve_conflict(
        self, conflict: EditConflictError, retry: Callable[[str, str], object], shown: Changes, what: str = ""
    ) -> None:
        """Open the merge dialog for ``conflict`` (``what`` was being edited); what the person chooses is saved,
        or their version shown.

        ``retry(words, base)`` saves the person's choice on top of the other version; keeping the other
        version writes nothing and tells the panels ``shown`` so they read it again.
        """
        from briefing.gui.conflict_dialog import ConflictDialog, Resolution
        from briefing.gui.vocabulary import language_name

        def resolved(resolution: Resolution, words: str) -> None:
            if resolution is Resolution.THEIRS:  # nothing to write: the panels show what the library holds
                self.changed.emit(shown, None)
                return
            retry(words, conflict.theirs)

        dialog = ConflictDialog(self.window, conflict, language_name(conflict.lang), resolved, what)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.conflict_dialog = dialog

    @staticmethod
    def _command(command: type[OperationCommand] | None) -> type[OperationCommand]:
        if command is None:
            from briefing.gui.commands import OperationCommand

            return OperationCommand
        return command

    def report(self, change: Change, initiator: object = None) -> None:
        """Tell the panels about ``change``."""
        self.changed.emit(Changes.of(change), initiator)

    def fail(self, error: BriefingError) -> None:
        show_error(self.window, error.message(self.lang()))

    def warn(self, text: str) -> None:
        show_error(self.window, text)


def with_text(view: TextView, lang: str, text: str) -> TextView:
    """``view`` with ``text`` just saved as its ``lang`` version (see :func:`with_saved`)."""
    return dataclasses.replace(view, texts={**view.texts, lang: text})


def with_saved(view: V, change: Change | None) -> V:
    """``view`` (a frozen record a panel shows) with the fields ``change`` just saved, so that an edit made
    before the panel reads the record again is based on them, not on the value before (no conflict with
    one's own save)."""
    from briefing.operations import FieldsChange

    if not isinstance(change, FieldsChange) or not dataclasses.is_dataclass(view):
        return view
    values: dict[str, Any] = {}
    for name, value in change.new.items():
        if hasattr(view, name):
            values[name] = "" if value is None and isinstance(getattr(view, name), str) else value
    return dataclasses.replace(view, **values)  # type: ignore[type-var]
