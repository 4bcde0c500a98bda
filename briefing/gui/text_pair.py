"""One text edited in English and French side by side, with the translation's state and a review button.

Each column is labelled with its language. A stale translation shows it on its own box (a coloured frame and
a note above it) and offers "What changed in the English": a word diff of the English the translation was last
reviewed against and the English now. Marking a stale translation reviewed is offered only with that view
open, so nobody confirms a translation without seeing what it has to follow.

In the topic editor and the meeting details, a French box whose text is missing or stale also offers
suggestions from the library (:meth:`TextPair.enable_suggestions`, used by
:class:`~briefing.gui.suggestions.SuggestionsController`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from briefing.gui.retranslate import Retranslating
from briefing.gui.suggestions import SuggestionPanel
from briefing.gui.vocabulary import language_name, state_name
from briefing.gui.widgets import GrowingTextEdit
from briefing.gui.word_diff import diff_html
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
STALE_FRAME = "QPlainTextEdit { border: 2px solid #b35c00; border-radius: 3px; }"


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
        self._bases = dict(view.texts)
        """Per language, the library's text the box was last showed or saved: what typing is based on."""
        self.label_text = label
        self.editors: dict[str, QPlainTextEdit] = {}
        self.headers: dict[str, QLabel] = {}
        self.suggestions: SuggestionPanel | None = None
        self._timers: dict[str, QTimer] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        for column, lang in enumerate(("en", "fr")):
            header = QLabel(self)
            header.setObjectName(f"header_{lang}")
            header.setWordWrap(True)
            editor = GrowingTextEdit(self)
            editor.setObjectName(f"text_{lang}")
            editor.installEventFilter(self)
            editor.before_window_key = lambda lang=lang: self.commit(lang)
            header.setBuddy(editor)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(COMMIT_DELAY_MS)
            timer.timeout.connect(lambda lang=lang: self.commit(lang))
            editor.textChanged.connect(timer.start)
            self.headers[lang] = header
            self.editors[lang] = editor
            self._timers[lang] = timer
            layout.addWidget(header, 0, column)
            layout.addWidget(editor, 1, column)
            layout.setColumnStretch(column, 1)
        self._make_review_row(layout)
        self._layout = layout
        self.show_view(view)
        self.retranslateUi()

    def _make_review_row(self, layout: QGridLayout) -> None:
        """The translation's state, the review button, and the view of what changed in the source."""
        self.status = QLabel(self)
        self.status.setObjectName("translationStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(60)
        self.review = QPushButton(self)
        self.review.setObjectName("markReviewed")
        self.review.clicked.connect(lambda: self.reviewRequested.emit(self.view.block_id, self.target_lang))
        self.changes_button = QPushButton(self)
        self.changes_button.setObjectName("showChanges")
        self.changes_button.setCheckable(True)
        self.changes_button.toggled.connect(lambda _on: self._show_state())
        buttons = QHBoxLayout()  # across both columns: the buttons never make one column wider than the other
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.changes_button)
        buttons.addWidget(self.review)
        self.changes = QLabel(self)
        self.changes.setObjectName("sourceChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.setFrameShape(QLabel.Shape.StyledPanel)
        self.changes.setVisible(False)
        layout.addLayout(buttons, 2, 0, 1, 2)
        layout.addWidget(self.changes, 3, 0, 1, 2)

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
        self.changes_button.setText(
            self.tr("What changed in the English")
            if self.view.source_lang == "en"
            else self.tr("What changed in the French")
        )
        self.changes_button.setToolTip(
            self.tr("Compare the source as it was when the translation was last reviewed with the source now")
        )
        self._show_state()

    def enable_suggestions(self) -> SuggestionPanel:
        """Offer suggestions under the French box while the French of an English text is missing or stale."""
        if self.suggestions is None:
            panel = SuggestionPanel(self)
            panel.requested.connect(lambda: self.suggestionsRequested.emit(self.view.block_id, panel.english))
            panel.used.connect(lambda text: self.suggestionUsed.emit(self.view.block_id, "fr", text))
            self._layout.addWidget(panel, 4, 1)
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

    def _show_headers(self, state: TranslationState) -> None:
        for lang, header in self.headers.items():
            if lang == self.view.source_lang:
                text = self.tr("%1 — source").replace("%1", language_name(lang))
                colour = "#555555"
            else:
                text = self.tr("%1 — translation").replace("%1", language_name(lang))
                colour = "#555555"
                if state is TranslationState.STALE:
                    text = self.tr("%1 — out of date: the source changed since it was reviewed").replace(
                        "%1", language_name(lang)
                    )
                    colour = STATE_COLOURS[state]
            header.setText(text)
            header.setStyleSheet(f"color: {colour}; font-size: small;")
        target = self.editors[self.target_lang]
        target.setStyleSheet(STALE_FRAME if state is TranslationState.STALE else "")

    def _show_changes(self, stale: bool) -> None:
        self.changes_button.setVisible(stale)
        if not stale:
            self.changes_button.blockSignals(True)
            self.changes_button.setChecked(False)
            self.changes_button.blockSignals(False)
        shown = stale and self.changes_button.isChecked()
        self.changes.setVisible(shown)
        if not shown:
            return
        source = self.view.texts.get(self.view.source_lang, "")
        before = self.view.reviewed_source.get(self.target_lang)
        if before is None:
            self.changes.setText(
                "<p><i>"
                + self.tr(
                    "The source as it was when this translation was last reviewed is not kept (it was "
                    "reviewed before the library kept it). Compare the whole source with the translation."
                )
                + "</i></p>"
            )
        else:
            self.changes.setText(
                "<p><b>"
                + self.tr("Changes in the source since the translation was last reviewed:")
                + "</b></p><p>"
                + diff_html(before, source)
                + "</p>"
            )

    def _show_state(self) -> None:
        state = self.state
        text = (
            self.tr("%1: %2").replace("%1", language_name(self.target_lang)).replace("%2", state_name(state))
        )
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        stale = state is TranslationState.STALE
        self._show_headers(state)
        self._show_changes(stale)
        reviewable = state not in (TranslationState.MISSING, TranslationState.REVIEWED)
        self.review.setVisible(not stale or self.changes_button.isChecked())
        self.review.setEnabled(reviewable and (not stale or self.changes_button.isChecked()))
        self._show_suggestions()

    def show_view(self, view: TextView) -> None:
        """Show ``view``'s texts (leaving a box alone while the user is typing in it) and states."""
        self.view = view
        for lang, editor in self.editors.items():
            text = view.texts.get(lang, "")
            if self._timers[lang].isActive():
                continue  # the person is typing: their text stays, based on what they saw
            if editor.toPlainText() != text:
                editor.blockSignals(True)
                editor.setPlainText(text)
                editor.blockSignals(False)
            self._bases[lang] = text
        self._show_state()

    def base(self, lang: str) -> str:
        """The library's ``lang`` text that what is in the box was typed on (``""`` for none)."""
        return self._bases.get(lang, "")

    def saved(self, lang: str, text: str) -> None:
        """``text`` is now the library's ``lang`` text: further typing is based on it."""
        self._bases[lang] = text

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
