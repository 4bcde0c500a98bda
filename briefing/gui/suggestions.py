"""Translation suggestions under a French box: the French of similar texts the library already has.

:class:`SuggestionPanel` is a "Suggestions" expander. Opening it asks for suggestions (:attr:`requested`);
the topic editor looks them up off the GUI thread (:func:`briefing.suggest.suggest_french`) and hands them back
with :meth:`SuggestionPanel.show_suggestions`. Each one shows its French, its similarity score and, as a
tooltip, the English it translates; nothing is written until the user presses its "Use" button
(:attr:`used`), which the editor turns into an ordinary, undoable edit saved as a draft.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from briefing.gui.retranslate import Retranslating
from briefing.gui.vocabulary import state_name
from briefing.model.enums import TranslationState

if TYPE_CHECKING:
    from briefing.suggest import Suggestion


class SuggestionRow(Retranslating, QFrame):
    """One suggestion: score, French, and the button that puts it in the French box."""

    def __init__(self, suggestion: Suggestion, panel: SuggestionPanel) -> None:
        super().__init__(panel)
        self.suggestion = suggestion
        self.setObjectName("suggestion")
        self.score = QLabel(self)
        self.score.setObjectName("suggestionScore")
        self.french = QLabel(self)
        self.french.setObjectName("suggestionText")
        self.french.setWordWrap(True)
        self.french.setTextFormat(Qt.TextFormat.PlainText)
        self.french.setText(suggestion.french)
        self.use = QPushButton(self)
        self.use.setObjectName("useSuggestion")
        self.use.clicked.connect(lambda: panel.used.emit(suggestion.french))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.score, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.french, 1)
        layout.addWidget(self.use, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        score = self.tr("%1%").replace("%1", str(round(self.suggestion.score * 100)))
        if self.suggestion.state is TranslationState.DRAFT:
            score = self.tr("%1 (%2)").replace("%1", score).replace("%2", state_name(TranslationState.DRAFT))
        self.score.setText(score)
        self.score.setToolTip(self.tr("How similar the English of this suggestion is to this text"))
        source = self.tr("Translation of: %1").replace("%1", self.suggestion.english_source)
        for widget in (self.french, self.use):
            widget.setToolTip(f"<p>{html.escape(source)}</p>")
        self.use.setText(self.tr("Use"))
        self.use.setAccessibleName(
            self.tr("Use this suggestion (%1 similar): %2")
            .replace("%1", score)
            .replace("%2", self.suggestion.french)
        )


class SuggestionPanel(Retranslating, QWidget):
    """The "Suggestions" expander of one text's French box; computed when first opened."""

    requested = Signal()
    """The user opened the panel and there are no suggestions yet for the current English."""
    used = Signal(str)
    """The French of the suggestion the user chose."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions")
        self.english: str = ""
        """The English the suggestions are (or will be) for."""
        self.suggestions: list[Suggestion] | None = None
        """None until looked up for :attr:`english`."""
        self.failure = ""
        self.rows: list[SuggestionRow] = []
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("suggestionsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._toggled)
        self.message = QLabel(self)
        self.message.setObjectName("suggestionsMessage")
        self.message.setWordWrap(True)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(12, 0, 0, 0)
        self.body_layout.addWidget(self.message)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.hide()
        self.retranslateUi()

    @property
    def loading(self) -> bool:
        return self.toggle.isChecked() and self.suggestions is None and not self.failure

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.toggle.setText(self.tr("Suggestions"))
        self.toggle.setToolTip(
            self.tr("French of similar English texts of the library; nothing is used until you press Use")
        )
        self.toggle.setAccessibleName(self.tr("Show translation suggestions from the library"))
        self._show_message()

    def _show_message(self) -> None:
        if self.failure:
            text = self.tr("Suggestions are not available: %1").replace("%1", self.failure)
        elif self.suggestions is None:
            text = self.tr("Looking for similar texts in the library…")
        elif not self.suggestions:
            text = self.tr("No similar text in the library has a French translation.")
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_source(self, english: str, wanted: bool) -> None:
        """The text's English now, and whether its French needs suggestions (missing or stale)."""
        if english != self.english:
            self.english = english
            self._clear()
            if self.toggle.isChecked() and wanted:
                self.requested.emit()  # the open panel follows the English
        self.setVisible(wanted and bool(english.strip()))

    def _clear(self) -> None:
        self.suggestions = None
        self.failure = ""
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self._show_message()

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        if on and self.suggestions is None:
            self.failure = ""
            self._show_message()
            self.requested.emit()

    def show_suggestions(self, english: str, suggestions: Sequence[Suggestion]) -> None:
        """Show what was found for ``english`` (ignored when the English changed meanwhile)."""
        if english != self.english:
            return
        self._clear()
        self.suggestions = list(suggestions)
        for suggestion in self.suggestions:
            row = SuggestionRow(suggestion, self)
            self.rows.append(row)
            self.body_layout.addWidget(row)
        self._show_message()

    def show_failure(self, english: str, text: str) -> None:
        if english == self.english:
            self._clear()
            self.failure = text
            self._show_message()
