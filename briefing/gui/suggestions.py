"""Translation suggestions under a French box: the French of similar texts the library already has.

:class:`SuggestionPanel` is a "Suggestions" expander. Opening it asks for suggestions (:attr:`requested`);
a :class:`SuggestionsController` (one per panel of text pairs: the topic editor, the meeting details) looks them
up off the GUI thread (:func:`briefing.suggest.suggest_french`) and hands them back with
:meth:`SuggestionPanel.show_suggestions`. Each one shows its French, its similarity score and, as a tooltip,
the English it translates; nothing is written until the user presses its "Use" button (:attr:`used`), which
the controller turns into an ordinary, undoable edit saved as a draft.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from briefing.errors import BriefingError
from briefing.gui.background import URGENT
from briefing.gui.retranslate import Retranslating
from briefing.gui.vocabulary import state_name
from briefing.model.enums import TextStatus, TranslationState
from briefing.operations import set_text
from briefing.suggest import suggest_french

if TYPE_CHECKING:
    from briefing.gui.runner import Runner
    from briefing.gui.text_pair import TextPair
    from briefing.store import Library
    from briefing.suggest import Suggestion

SUGGESTIONS = 3
"""At most this many suggestions are offered for one text."""
MIN_SCORE = 0.5
"""Suggestions whose English is less similar than this (0 to 1) are not offered."""


def look_up_suggestions(
    library: Library, block_id: int, english: str
) -> tuple[int, str, list[Suggestion] | BriefingError]:
    """The suggestions for one text (run off the GUI thread), or why there are none, with what they are for."""
    try:
        with library.unit_of_work() as uow:
            found = suggest_french(
                uow, english, limit=SUGGESTIONS, min_score=MIN_SCORE, exclude_block=block_id
            )
    except BriefingError as error:
        return block_id, english, error
    return block_id, english, found


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


class SuggestionsController(QObject):
    """Suggestions for the text pairs of one panel: looked up off the GUI thread, used as an undoable draft.

    ``pairs`` gives the panel's text pairs now (they are rebuilt as the panel shows other things); a lookup
    whose text is no longer shown, or whose English changed meanwhile, is dropped. Using a suggestion goes
    through ``runner`` like any edit: it is saved at once, can be undone, and still waits for review.
    """

    def __init__(
        self, runner: Runner, pairs: Callable[[], Iterable[TextPair]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pairs = pairs

    def connect_pair(self, pair: TextPair) -> None:
        """Offer suggestions in ``pair`` (while its French is missing or stale)."""
        pair.suggestionsRequested.connect(self.find_suggestions)
        pair.suggestionUsed.connect(self.use_suggestion)
        pair.enable_suggestions()

    def pair(self, block_id: int) -> TextPair | None:
        """The pair shown now for a text, if any."""
        if not block_id:
            return None
        return next((pair for pair in self._pairs() if pair.view.block_id == block_id), None)

    def find_suggestions(self, block_id: int, english: str) -> None:
        """Look up suggestions for one text off the GUI thread; its panel shows them when they come."""
        library = self.runner.library
        self.runner.background.query(
            lambda: look_up_suggestions(library, block_id, english),
            self._suggestions_found,
            failed=self._suggestions_failed,
            channel=f"suggestions.{block_id}",
            priority=URGENT,
        )

    def _suggestions_found(self, result: object) -> None:
        assert isinstance(result, tuple)
        block_id, english, found = result
        pair = self.pair(block_id)
        if pair is None or pair.suggestions is None:
            return  # something else is shown now
        if isinstance(found, BriefingError):
            pair.suggestions.show_failure(english, found.message(self.runner.lang()))
        else:
            pair.suggestions.show_suggestions(english, found)

    def _suggestions_failed(self, error: object) -> None:
        for pair in self._pairs():
            if pair.suggestions is not None and pair.suggestions.loading:
                pair.suggestions.show_failure(pair.suggestions.english, str(error))

    def wait(self) -> None:
        """Let the lookups still running finish (before the window goes away)."""
        self.runner.background.stop()

    def use_suggestion(self, block_id: int, lang: str, text: str) -> None:
        """Put a suggestion in a text as a draft: an ordinary edit, undoable, which a person still reviews."""
        pair = self.pair(block_id)
        if pair is not None:
            pair.commit(lang)  # what was typed first is its own edit
        library = self.runner.library
        self.runner.run(
            self.tr("Use suggestion"),
            lambda: set_text(library, block_id, lang, text, TextStatus.DRAFT),
        )
