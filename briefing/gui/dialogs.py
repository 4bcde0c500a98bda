"""Small shared dialogs: errors from the core, confirmations, and a text asked in English and French."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.retranslate import Retranslating
from briefing.gui.vocabulary import language_name

if TYPE_CHECKING:
    from briefing.gui.settings import Settings, TextOption

OpenFileName = Callable[[QWidget, str, str, str], tuple[str, str]]
"""Asks for a file to open: ``QFileDialog.getOpenFileName``'s signature (tests replace it)."""


def show_error(parent: QWidget | None, text: str) -> QMessageBox:
    """A warning box (not blocking) with ``text``: a core error's message in the interface language."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Briefing"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.open()
    return box


def ask_open_path(
    parent: QWidget,
    ask: OpenFileName,
    settings: Settings,
    folder: TextOption,
    title: str,
    file_filter: str,
    path: str | Path | None = None,
) -> Path | None:
    """The file to open: ``path`` when given, else asked for, starting in the folder ``folder`` remembers (the
    home folder the first time); None when the person cancels. The file's folder is remembered for next time."""
    if path is None:
        chosen, _filter = ask(parent, title, settings[folder] or str(Path.home()), file_filter)
        if not chosen:
            return None
        path = chosen
    opened = Path(path)
    settings[folder] = str(opened.parent)
    return opened


def confirm(
    parent: QWidget | None, title: str, text: str, action: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Ask before doing something (not blocking); ``on_yes`` runs when the user presses ``action``.

    The action button is named after what it does ("Delete topic"), not "Yes"; Cancel is the default.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setObjectName("confirmBox")
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    yes.setObjectName("confirmButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def clicked(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


class TextsDialog(Retranslating, QDialog):
    """A short text (a title) in English and French side by side; English may not be left empty."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        texts: Mapping[str, str],
        on_accept: Callable[[dict[str, str]], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textsDialog")
        self.setWindowTitle(title)
        self._on_accept = on_accept
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for lang in ("en", "fr"):
            edit = QLineEdit(texts.get(lang, ""), self)
            edit.setObjectName(f"text_{lang}")
            edit.setMinimumWidth(360)
            label = QLabel(self)
            label.setBuddy(edit)
            self.edits[lang] = edit
            self.labels[lang] = label
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edits["en"].textChanged.connect(lambda _text: self._enable())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        self._enable()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        for lang, label in self.labels.items():
            label.setText(language_name(lang))
            self.edits[lang].setAccessibleName(language_name(lang))

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.edits["en"].text().strip()))

    def texts(self) -> dict[str, str]:
        return {lang: edit.text().strip() for lang, edit in self.edits.items()}

    def accept(self) -> None:
        if not self.edits["en"].text().strip():
            return
        super().accept()
        self._on_accept(self.texts())
