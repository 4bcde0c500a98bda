"""File › Import Word brief…: preview what a .docx brings into the library, then import it in one step.

:class:`ImportDocxDialog` works out the plan (:func:`briefing.interchange.word_import.plan_import`) off the GUI
thread and shows it as a tree — each topic, new or merged, with its items and actions and what happens to each —
with the counts under it. The area and the brief's language can be changed, which works the plan out again.
*Import* writes it in one unit of work (:func:`~briefing.interchange.word_import.apply_plan`); an import is not
on the undo stack, so the window clears the stack and reads the library anew, as after importing translations.

:class:`ImportDocxMenu` puts the menu entry in a window's File menu and opens the dialog, so the window itself
needs one line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError, Message
from briefing.gui.dialogs import ask_open_path
from briefing.gui.retranslate import Retranslating
from briefing.gui.settings import IMPORT_FOLDER
from briefing.gui.worker import Task

if TYPE_CHECKING:
    from briefing.interchange.word_import import ImportPlan, ImportReport
    from briefing.store import Library


class ImportDocxDialog(Retranslating, QDialog):
    """The preview of a Word brief's import and the button that does it."""

    imported = Signal(object)
    """The import was written: the :class:`~briefing.interchange.word_import.ImportReport`."""

    def __init__(
        self, library: Library, path: Path, lang: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDocxDialog")
        self.library = library
        self.path = path
        self.lang = lang
        self.worker: Task | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.error: object | None = None
        self.planned_options: dict[str, Any] | None = None

        self.file_label = QLabel(self)
        self.area = QLineEdit(self)
        self.area.setObjectName("importDocxArea")
        self.area.editingFinished.connect(self._options_changed)
        self.language = QComboBox(self)
        self.language.setObjectName("importDocxLanguage")
        self.language.addItems(["", "", ""])
        self.language.currentIndexChanged.connect(self._options_changed)
        self.form = QFormLayout()
        self.area_label = QLabel(self)
        self.area_label.setBuddy(self.area)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.form.addRow(self.area_label, self.area)
        self.form.addRow(self.language_label, self.language)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importDocxPlan")
        self.tree.setColumnCount(2)
        self.summary = QLabel(self)
        self.summary.setObjectName("importDocxSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importDocxButton")
        self.import_button.clicked.connect(self.start_import)
        self.import_button.setEnabled(False)
        self.close_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(self.form)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self.retranslateUi()

    # --- texts

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.setWindowTitle(self.tr("Import Word brief"))
        self.file_label.setText(self.tr("Brief: %1").replace("%1", self.path.name))
        self.area_label.setText(self.tr("&Policy area for new topics:"))
        self.area.setPlaceholderText(self.tr("Imported from Word"))
        self.language_label.setText(self.tr("&Language of the brief:"))
        for index, text in enumerate(
            (self.tr("As tagged in the document"), self.tr("English"), self.tr("French"))
        ):
            self.language.setItemText(index, text)
        self.tree.setHeaderLabels([self.tr("Topics and items"), self.tr("What happens")])
        self.tree.setAccessibleName(self.tr("What the import creates and merges"))
        self.import_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close") if self.report is not None else self.tr("Cancel"))
        self._show()

    def _show(self) -> None:
        lang = self.lang()
        self.tree.clear()
        if self.error is not None:
            message = self.error.message(lang) if isinstance(self.error, BriefingError) else str(self.error)
            self.summary.setText(self.tr("The brief cannot be imported: %1").replace("%1", message))
            if self.plan is not None and self.report is None:
                self.summary.setText(
                    self.summary.text() + "\n" + self.tr("Nothing was saved; the library is as it was.")
                )
            return
        if self.plan is None:
            self.summary.setText(self.tr("Reading %1…").replace("%1", self.path.name))
            return
        self._fill_tree(self.plan, lang)
        from briefing.interchange.word_import.report import notes, summary

        lines = [summary(self.plan).render(lang), *(note.render(lang) for note in notes(self.plan))]
        if self.report is not None:
            lines = [self.tr("Imported: %1 topics written.").replace("%1", str(len(self.report.topic_keys)))]
        self.summary.setText("\n".join(lines))

    def _fill_tree(self, plan: ImportPlan, lang: str) -> None:
        from briefing.i18n.labels import ACTION, Labels
        from briefing.interchange.word_import.report import (
            STATUS_MESSAGES,
            item_preview,
            pick,
            shorten,
            topic_line,
        )

        labels = Labels.for_language(lang)
        colon = "\u00a0: " if lang == "fr" else ": "
        for topic in plan.topics:
            line = topic_line(topic, lang).render(lang)
            title, _, what = line.partition(" — ")
            row = QTreeWidgetItem(self.tree, [title, what])
            for item in topic.items:
                kind = labels.item_kind(item.item.kind.value)
                status = Message(STATUS_MESSAGES[item.status]).render(lang)
                QTreeWidgetItem(row, [f"{kind}{colon}{item_preview(item, lang)}", status])
            for action in topic.actions:
                if action.status == "new":
                    when = action.action.deadline.isoformat() if action.action.deadline else "—"
                    text = shorten(pick(action.action.text, lang))
                    QTreeWidgetItem(row, [f"{labels.get(ACTION)}{colon}{text}", when])
        unattached = [a for a in plan.actions if a.status == "new"]
        if unattached:
            row = QTreeWidgetItem(self.tree, [self.tr("Actions tied to no topic"), str(len(unattached))])
            for action in unattached:
                QTreeWidgetItem(row, [shorten(pick(action.action.text, lang)), ""])
        self.tree.resizeColumnToContents(1)

    # --- planning and importing

    def options(self) -> dict[str, Any]:
        return {
            "area": self.area.text().strip() or None,
            "lang": (None, "en", "fr")[max(0, self.language.currentIndex())],
        }

    def _options_changed(self, *_args: object) -> None:
        """Plan again when the area or language changed (not when the field merely loses focus on closing)."""
        if self.report is None and self.isVisible() and self.options() != self.planned_options:
            self.start()

    def start(self) -> None:
        """Work the plan out in a worker thread."""
        if self.worker is not None:
            return
        from briefing.interchange.word_import import plan_import

        library, path, options = self.library, self.path, self.options()
        self.planned_options = options
        self.plan, self.error = None, None
        self.import_button.setEnabled(False)
        self._show()
        self._run(lambda: plan_import(library, path, **options), self._planned)

    def start_import(self) -> None:
        """Write the plan in a worker thread."""
        plan = self.plan
        if self.worker is not None or plan is None or plan.empty:
            return
        from briefing.interchange.word_import import apply_plan

        library = self.library
        self.import_button.setEnabled(False)
        self._run(lambda: apply_plan(library, plan), self._imported)

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        self.worker = Task(lambda _progress, _cancelled: work(), self)
        self.worker.succeeded.connect(done)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._worker_done)
        self.worker.start()

    def _worker_done(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None

    def _planned(self, plan: object) -> None:
        self.plan = plan  # type: ignore[assignment]
        self._show()
        self.import_button.setEnabled(self.plan is not None and not self.plan.empty)

    def _imported(self, report: object) -> None:
        self.report = report  # type: ignore[assignment]
        self.area.setEnabled(False)
        self.language.setEnabled(False)
        self.retranslateUi()
        self.imported.emit(report)

    def _failed(self, error: object) -> None:
        self.error = error
        self._show()

    def done(self, result: int) -> None:
        if self.worker is not None:
            self.worker.wait()
        super().done(result)


class ImportDocxMenu(QObject):
    """File › Import Word brief…, added to a main window's File menu after its export entry."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDocxDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("importDocxAction")
        self.action.triggered.connect(lambda _checked=False: self.open())
        window.file_menu.insertAction(window.translations_menu.menuAction(), self.action)
        window.file_menu.aboutToShow.connect(self.update_enabled)
        window.installEventFilter(self)
        self.retranslate()
        self.update_enabled()

    def update_enabled(self) -> None:
        """Enabled once the window's library is open (checked each time the File menu opens)."""
        self.action.setEnabled(bool(self.window.ready))

    def retranslate(self) -> None:
        self.action.setText(self.tr("Import &Word brief…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open(self, path: str | Path | None = None) -> ImportDocxDialog | None:
        """Ask for a .docx (unless ``path`` is given) and show what importing it would do."""
        window = self.window
        self.update_enabled()
        if not window.ready:
            return None
        title, kind = self.tr("Import Word brief"), self.tr("Word documents (*.docx)")
        brief = ask_open_path(
            window, window.get_open_file_name, window.settings, IMPORT_FOLDER, title, kind, path
        )
        if brief is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ImportDocxDialog(window.library, brief, lambda: window.language.code, window)
        self.dialog.imported.connect(self._imported)
        self.dialog.open()
        self.dialog.start()
        return self.dialog

    def _imported(self, report: object) -> None:
        """Written outside the undo stack: start a new undo history and show the library as it is now."""
        self.window.undo_stack.clear()
        self.window.refresh()
