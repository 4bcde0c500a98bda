"""The French of a short field — a topic's owner, who prepared a pack — in a line box beside its English one.

Short fields are texts like any other (they have translation states and go stale when the English changes), but
a whole side-by-side editor would be too much for a line. This box edits the French only; the English stays in
the form's own box. Its frame says when the French is missing or out of date, and its tooltip says which. A save
is based on the French the box showed, so a colleague's newer French opens the merge dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.text_pair import STATE_COLOURS
from briefing.gui.vocabulary import state_name
from briefing.model.enums import TranslationState
from briefing.operations.queries import TextView

FLAGGED = (TranslationState.MISSING, TranslationState.STALE)


class FrenchShortField(Retranslating, QLineEdit):
    """The French of one short field; disabled while the field has no English."""

    def __init__(self, runner: Runner, undo_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.undo_text = undo_text
        self.view: TextView | None = None
        self.editingFinished.connect(self._edited)
        self.setEnabled(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setPlaceholderText(self.tr("French"))
        self._show_state()

    def show_view(self, view: TextView | None) -> None:
        """Show the field's French (leaving alone what is being typed in the same field)."""
        same = view is not None and self.view is not None and view.block_id == self.view.block_id
        self.view = view
        self.setEnabled(view is not None)
        if not (same and self.isModified()):
            self.setText(view.texts.get("fr", "") if view is not None else "")
            self.setModified(False)
        self._show_state()

    def state(self) -> TranslationState | None:
        return self.view.states.get("fr", TranslationState.MISSING) if self.view is not None else None

    def _show_state(self) -> None:
        state = self.state()
        if state is None or state is TranslationState.SOURCE:
            self.setStyleSheet("")
            self.setToolTip("")
            return
        self.setToolTip(self.tr("French: %1").replace("%1", state_name(state)))
        colour = STATE_COLOURS[state]
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {colour}; }}" if state in FLAGGED else "")

    def _edited(self) -> None:
        view = self.view
        if view is None or not self.isModified():
            return
        self.setModified(False)
        typed, shown = self.text().strip(), view.texts.get("fr", "")
        if typed != shown:
            self.runner.run_text(self.undo_text, view.block_id, "fr", typed, shown)


__all__ = ["FrenchShortField"]
