"""Widgets whose texts follow the interface language as it changes at run time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


class Retranslating(_Widget):
    """Mix in before the Qt class: on a language change, :meth:`retranslateUi` sets every text again."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """Set every visible text through ``self.tr``; called at construction and on each language change."""
        raise NotImplementedError
