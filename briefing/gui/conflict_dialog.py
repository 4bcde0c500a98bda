"""Two versions of one text, side by side, when someone else saved theirs while this person was typing.

The dialog names the text first (the edit, as the undo menu words it, and the field or topic when the panel
knows them): a text is saved a moment after typing stops, so the person may be in another box by then.

Nothing is overwritten and nothing typed is lost: the other person's version (what the library holds now) is
shown read-only on the left, this person's on the right, where it can be edited into a merge. The choice is
given back through a callback — keep theirs (nothing is written), keep mine, or save the merged text — and
closing the dialog writes nothing, leaving the typed text in the editor.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import EditConflictError


class Resolution(enum.Enum):
    """What the person chose."""

    THEIRS = "theirs"
    MINE = "mine"
    MERGED = "merged"


Resolved = Callable[[Resolution, str], None]
"""Told the choice and the text to save (their text for :attr:`Resolution.THEIRS`, which saves nothing)."""


class ConflictDialog(QDialog):
    """Their version and mine of one text; the person keeps either or edits a merge."""

    def __init__(
        self,
        parent: QWidget | None,
        conflict: EditConflictError,
        language_name: str,
        on_resolved: Resolved,
        what: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflict = conflict
        self._on_resolved = on_resolved
        self.setWindowTitle(self.tr("Someone else changed this text"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        intro = QLabel(
            self.tr(
                "While you were editing this text ({language}), someone else saved another version. Nothing has "
                "been overwritten. Keep their version, keep yours, or edit yours into a merge and save it."
            ).format(language=language_name),
            self,
        )
        intro.setWordWrap(True)
        self.what = self._what_label(what, language_name)

        self.theirs = QPlainTextEdit(conflict.theirs, self)
        self.theirs.setObjectName("theirVersion")
        self.theirs.setReadOnly(True)
        self.theirs.setPlaceholderText(self.tr("(They removed this text.)"))
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.mine = QPlainTextEdit(conflict.mine, self)
        self.mine.setObjectName("myVersion")
        self.mine.setAccessibleName(self.tr("Your version, to edit into a merge"))
        self.mine.textChanged.connect(self._update_buttons)

        grid = QGridLayout()
        their_label = QLabel(self.tr("Their version (saved in the library)"), self)
        their_label.setBuddy(self.theirs)
        my_label = QLabel(self.tr("&Your version (edit it to merge)"), self)
        my_label.setBuddy(self.mine)
        grid.addWidget(their_label, 0, 0)
        grid.addWidget(my_label, 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.mine, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        buttons = QDialogButtonBox(self)
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"), self)
        self.keep_mine = QPushButton(self.tr("Keep &mine"), self)
        self.save_merged = QPushButton(self.tr("&Save the merged text"), self)
        for button, role in (
            (self.keep_theirs, QDialogButtonBox.ButtonRole.RejectRole),
            (self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.save_merged, QDialogButtonBox.ButtonRole.AcceptRole),
        ):
            button.setAutoDefault(False)
            buttons.addButton(button, role)
        self.keep_theirs.clicked.connect(lambda: self._choose(Resolution.THEIRS, conflict.theirs))
        self.keep_mine.clicked.connect(lambda: self._choose(Resolution.MINE, conflict.mine))
        self.save_merged.clicked.connect(lambda: self._choose(Resolution.MERGED, self.mine.toPlainText()))

        layout = QVBoxLayout(self)
        layout.addWidget(self.what)  # which text: the edit may have been saved after the person moved on
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self._update_buttons()

    def _what_label(self, what: str, language_name: str) -> QLabel:
        """The text in conflict, named in bold above the explanation (hidden when the caller named nothing)."""
        label = QLabel(self)
        label.setObjectName("conflictWhat")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(f"{what} ({language_name})" if what else "")
        label.setStyleSheet("font-weight: bold;")
        label.setWordWrap(True)
        label.setVisible(bool(what))
        return label

    def _update_buttons(self) -> None:
        edited = self.mine.toPlainText() != self.conflict.mine
        self.save_merged.setEnabled(edited)
        self.keep_mine.setEnabled(not edited)

    def _choose(self, resolution: Resolution, text: str) -> None:
        self.accept()
        self._on_resolved(resolution, text)


__all__ = ["ConflictDialog", "Resolution", "Resolved"]
