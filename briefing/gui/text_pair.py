"""One text edited in English and French side by side, with the translation's state and a review button.

In the topic editor and the meeting details, a French box whose text is missing or stale also offers
suggestions from the library (:meth:`TextPair.enable_suggestions`, used by
:class:`~briefing.gui.suggestions.SuggestionsController`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from briefing.gui.retranslate import Retranslating
from briefing.gui.suggestions import SuggestionPanel
from briefing.gui.vocabulary import language_name, state_name
from briefing.model.enums import TranslationState
from briefing.operations.queries import TextView

COMMIT_DELAY_MS = 700
STATE_COLOURS = {
    TranslationState.MISSING: "#b00020",
    TranslationState.STALE: "#b35c00",
    TranslationState.DRAFT: "#7a6a00",
    TranslationState.TRANSLATED: "#555555",
    TranslationState.REVIEWED: "#1b7a2f",
    TranslationState.SOURCE: "#555555",
}


class TextPair(Retranslating, QWidget):
    """English and French of one text; typing is saved a moment after it stops, or on leaving the box."""

    edited = Signal(int, str, str)
    """Block id, language, new text."""
    reviewRequested = Signal(int, str)  # noqa: N815 - Qt signal naming
    suggestionsRequested = Signal(int, str)  # noqa: N815 - Qt signal naming
    """Block id and the English to find suggestions for (see :meth:`enable_suggestions`)."""
    suggestionUsed = Signal(int, str, str)  # noqa: N815 - Qt signal naming
    """Block id, language, the suggestion the user chose."""

    def __init__(self, view: TextView, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.label_text = label
        self.editors: dict[str, QPlainTextEdit] = {}
        self.suggestions: SuggestionPanel | None = None
        self._timers: dict[str, QTimer] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for column, lang in enumerate(("en", "fr")):
            editor = QPlainTextEdit(self)
            editor.setObjectName(f"text_{lang}")
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(64)
            editor.installEventFilter(self)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(COMMIT_DELAY_MS)
            timer.timeout.connect(lambda lang=lang: self.commit(lang))
            editor.textChanged.connect(timer.start)
            self.editors[lang] = editor
            self._timers[lang] = timer
            layout.addWidget(editor, 0, column)
        self.status = QLabel(self)
        self.status.setObjectName("translationStatus")
        self.review = QPushButton(self)
        self.review.setObjectName("markReviewed")
        self.review.clicked.connect(lambda: self.reviewRequested.emit(self.view.block_id, self.target_lang))
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.review, 1, 1)
        self._layout = layout
        self.show_view(view)
        self.retranslateUi()

    @property
    def target_lang(self) -> str:
        """The language translated into: French, or English for a text written in French."""
        return "en" if self.view.source_lang == "fr" else "fr"

    @property
    def state(self) -> TranslationState:
        return self.view.states.get(self.target_lang, TranslationState.MISSING)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        for lang, editor in self.editors.items():
            source = lang == self.view.source_lang
            what = self.tr("%1 (source)") if source else self.tr("%1 (translation)")
            name = what.replace("%1", language_name(lang))
            if self.label_text:
                name = f"{self.label_text} — {name}"
            editor.setAccessibleName(name)
            editor.setPlaceholderText(name)
        self.review.setText(
            self.tr("Mark French reviewed") if self.target_lang == "fr" else self.tr("Mark English reviewed")
        )
        self.review.setAccessibleName(self.review.text())
        self._show_state()

    def enable_suggestions(self) -> SuggestionPanel:
        """Offer suggestions under the French box while the French of an English text is missing or stale."""
        if self.suggestions is None:
            panel = SuggestionPanel(self)
            panel.requested.connect(lambda: self.suggestionsRequested.emit(self.view.block_id, panel.english))
            panel.used.connect(lambda text: self.suggestionUsed.emit(self.view.block_id, "fr", text))
            self._layout.addWidget(panel, 2, 1)
            self.suggestions = panel
            self._show_suggestions()
        return self.suggestions

    @property
    def wants_suggestions(self) -> bool:
        """The French of this English text is missing or out of date."""
        return (
            self.view.source_lang == "en"
            and self.target_lang == "fr"
            and self.state in (TranslationState.MISSING, TranslationState.STALE)
        )

    def _show_suggestions(self) -> None:
        if self.suggestions is not None:
            self.suggestions.set_source(self.view.texts.get("en", ""), self.wants_suggestions)

    def _show_state(self) -> None:
        state = self.state
        text = (
            self.tr("%1: %2").replace("%1", language_name(self.target_lang)).replace("%2", state_name(state))
        )
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        self.review.setEnabled(state not in (TranslationState.MISSING, TranslationState.REVIEWED))
        self._show_suggestions()

    def show_view(self, view: TextView) -> None:
        """Show ``view``'s texts (leaving a box alone while the user is typing in it) and states."""
        self.view = view
        for lang, editor in self.editors.items():
            text = view.texts.get(lang, "")
            if editor.toPlainText() != text and not self._timers[lang].isActive():
                editor.blockSignals(True)
                editor.setPlainText(text)
                editor.blockSignals(False)
        self._show_state()

    def commit(self, lang: str | None = None) -> None:
        """Save what was typed now rather than after the delay."""
        for code in [lang] if lang else list(self.editors):
            self._timers[code].stop()
            text = self.editors[code].toPlainText()
            if text != self.view.texts.get(code, ""):
                self.edited.emit(self.view.block_id, code, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            for lang, editor in self.editors.items():
                if watched is editor and self._timers[lang].isActive():
                    self.commit(lang)
        return super().eventFilter(watched, event)
