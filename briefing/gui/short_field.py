"""The French of a short field — a topic's owner and sources, who prepared a pack, an action's owner and
source — in a line box beside its English one.

Short fields are texts like any other (they have translation states and go stale when the English changes), but
a whole side-by-side editor would be too much for a line. This box edits the French only; the English stays in
the form's own box. Its frame says when the French is missing or out of date, and its tooltip says which. A save
is based on the French the box showed, so a colleague's newer French opens the merge dialog.

A topic's sources are a list: :class:`FrenchListField` shows the French of every source in one box, separated
by semicolons as the English box does, and saves them as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from briefing.gui.changes import Changes
from briefing.gui.retranslate import Retranslating
from briefing.gui.runner import Runner
from briefing.gui.text_pair import STATE_COLOURS
from briefing.gui.vocabulary import state_name
from briefing.model.enums import TranslationState
from briefing.operations import Change, Changed
from briefing.operations.queries import TextView
from briefing.operations.texts import LIST_SEPARATOR

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
        show_french_state(self, self.state())

    def _edited(self) -> None:
        view = self.view
        if view is None or not self.isModified():
            return
        self.setModified(False)
        typed, shown = self.text().strip(), view.texts.get("fr", "")
        if typed != shown:
            self.runner.run_text(self.undo_text, view.block_id, "fr", typed, shown)


class FrenchListField(Retranslating, QLineEdit):
    """The French of a list of short fields (a topic's sources) in one box, separated by semicolons.

    The frame says when any of them is missing or out of date; a save writes them all as one undo step,
    based on the French the box showed (a colleague's newer French of any of them opens the merge dialog).
    """

    def __init__(self, runner: Runner, undo_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.undo_text = undo_text
        self.views: list[TextView] = []
        self.editingFinished.connect(self._edited)
        self.setEnabled(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setPlaceholderText(self.tr("French, separated by semicolons"))
        self._show_state()

    def show_view(self, views: list[TextView]) -> None:
        """Show the French of ``views`` (leaving alone what is being typed for the same list)."""
        same = [v.block_id for v in views] == [v.block_id for v in self.views]
        self.views = list(views)
        self.setEnabled(bool(views))
        if not (same and self.isModified()):
            self.setText(self.shown())
            self.setModified(False)
        self._show_state()

    def shown(self) -> str:
        return LIST_SEPARATOR.join(view.texts.get("fr", "") for view in self.views)

    def state(self) -> TranslationState | None:
        """The state that needs work first: missing, then out of date (None when there is no list)."""
        states = [view.states.get("fr", TranslationState.MISSING) for view in self.views]
        for wanted in (*FLAGGED, TranslationState.DRAFT, TranslationState.TRANSLATED):
            if wanted in states:
                return wanted
        return states[0] if states else None

    def _show_state(self) -> None:
        show_french_state(self, self.state())

    def _edited(self) -> None:
        if not self.views or not self.isModified():
            return
        self.setModified(False)
        typed, shown = LIST_SEPARATOR.join(split_entries(self.text())), self.shown()
        if typed != shown:
            self.runner.run_checked(
                self.undo_text, self._save, typed, shown, shown=self._touched(), initiator=None
            )

    def _save(self, words: str, base: str) -> Change:
        """Write one French text per source; refused (with both lists) when any of them changed meanwhile."""
        from briefing.operations import set_text_list

        blocks = [view.block_id for view in self.views]
        return set_text_list(
            self.runner.library,
            blocks,
            "fr",
            split_entries(words, len(blocks)),
            based_on=split_entries(base, len(blocks)),
        )

    def _touched(self) -> Changes:
        return Changes(Changed.TEXT, frozenset(("text", str(view.block_id)) for view in self.views))


def split_entries(text: str, count: int | None = None) -> list[str]:
    """The entries of a box separated by semicolons, stripped; an empty box is ``count`` empty entries."""
    if count is not None and not text.strip():
        return [""] * count
    return [" ".join(part.split()) for part in text.split(";")]


__all__ = ["FrenchListField", "FrenchShortField", "split_entries"]


def show_french_state(box: QLineEdit, state: TranslationState | None) -> None:
    """Say ``state`` of the French in ``box`` in its tooltip, and frame the box when the French needs work."""
    if state is None or state is TranslationState.SOURCE:
        box.setStyleSheet("")
        box.setToolTip("")
        return
    box.setToolTip(
        QCoreApplication.translate("FrenchShortField", "French: %1").replace("%1", state_name(state))
    )
    colour = STATE_COLOURS[state]
    box.setStyleSheet(f"QLineEdit {{ border: 2px solid {colour}; }}" if state in FLAGGED else "")
