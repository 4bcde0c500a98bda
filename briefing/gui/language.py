"""The language of the user interface: Qt translators installed and swapped at run time.

Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every window; each window and
panel re-sets its texts in ``retranslateUi()`` when it receives that event (Frescobaldi's pattern), so the
interface changes language without a restart. The main window hands the event on to its panels a few at a
time (:mod:`briefing.gui.staged_retranslation`). Qt's own ``qtbase_fr.qm`` translates the standard dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

UI_LANGUAGES = ("en", "fr")
CATALOGUE_DIR = Path(__file__).with_name("i18n")


def catalogue_path(lang: str) -> Path:
    """The compiled Qt catalogue of the app's own strings in ``lang``."""
    return CATALOGUE_DIR / f"briefing_{lang}.qm"


def system_language() -> str:
    """French when the system locale is French, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


class UiLanguage(QObject):
    """The current interface language; :meth:`set` swaps the translators."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.code = "en"

    def set(self, lang: str) -> None:
        lang = lang if lang in UI_LANGUAGES else "en"
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"briefing_{lang}", str(CATALOGUE_DIR)), (f"qtbase_{lang}", qt_dir)):
                translator = QTranslator(self)
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
        self.code = lang
        QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English))
        self.changed.emit(lang)
