"""A language change handed on part by part: every text of the window changes, each widget hears it once."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing.gui.i18n.build import ts_path
from briefing.gui.main_window import MainWindow
from briefing.gui.retranslate import Retranslating
from briefing.gui.staged_retranslation import StagedRetranslation, splittable
from tests.gui.settle import settle


def catalogue() -> list[tuple[str, str]]:
    """(English, French) of every finished entry of the catalogue whose French differs from its English."""
    pairs = []
    for message in ET.parse(ts_path("fr")).iter("message"):
        source = message.findtext("source") or ""
        french = message.findtext("translation") or ""
        if french and french != source:
            pairs.append((source, french))
    return pairs


def window_texts(root: MainWindow) -> set[str]:
    """Every text the window can show: labels, buttons, menus, actions, tabs, tooltips, placeholders, combo
    boxes, headers and accessible names, of shown and hidden widgets alike.

    View › Language's choices are left out: each language is named in itself ("English", "Français")."""
    texts: set[str] = set()
    for action in root.findChildren(QAction):
        if action not in (root.english_action, root.french_action):
            texts.update((action.text(), action.toolTip()))
    for widget in [root, *root.findChildren(QWidget)]:
        texts.update((widget.toolTip(), widget.accessibleName(), widget.windowTitle()))
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QMenu):
            texts.add(widget.title())
        if isinstance(widget, QGroupBox):
            texts.add(widget.title())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                texts.update((widget.tabText(index), widget.tabToolTip(index)))
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(index) for index in range(widget.count()))
        header = (
            widget.header()
            if isinstance(widget, QTreeView)
            else widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else None
        )
        if header is not None and header.model() is not None:
            for section in range(header.count()):
                texts.add(str(header.model().headerData(section, Qt.Orientation.Horizontal) or ""))
    texts.discard("")
    return texts


def open_every_panel(window: MainWindow) -> None:
    for panel in (window.topic_editor, window.participants, window.texts, window.builder):
        window.tabs.setCurrentWidget(panel)
        settle(window)


def test_every_text_of_the_window_follows_a_switch_even_in_hidden_panels(window: MainWindow) -> None:
    window.topic_editor.show_topic("drug-trafficking")
    open_every_panel(window)  # the builder shown, the other panels hidden during the switch
    pairs = catalogue()
    english = {source for source, _french in pairs}
    french = {translation for _source, translation in pairs}
    assert window_texts(window) & english  # what the check looks for is there to be found
    window.french_action.trigger()
    settle(window)
    assert window.language_change.turns > 1  # handed on over several turns of the event loop
    assert window_texts(window) & english == set()
    assert "Nouvelle réunion…" in window_texts(window)
    open_every_panel(window)  # shown after the switch: worded in French already
    assert window_texts(window) & english == set()
    window.english_action.trigger()
    settle(window)
    assert window_texts(window) & french == set()
    assert "New meeting…" in window_texts(window)


def test_a_panel_shown_during_the_switch_is_worded_before_the_hidden_ones(window: MainWindow) -> None:
    window.topic_editor.show_topic("drug-trafficking")
    open_every_panel(window)
    window.language_change.budget = 0.0  # one part a turn
    window.set_ui_language("fr")
    QCoreApplication.processEvents()  # the window's own texts, and the first part of the builder
    window.tabs.setCurrentWidget(window.texts)  # shown before its turn came
    while window.texts.review_button.text() != "Marquer le français comme relu":
        assert window.language_change.pending()
        QCoreApplication.processEvents()
    assert "Drug trafficking and organised crime" in window.topic_editor.heading.text()  # hidden: not yet
    settle(window)
    assert "Trafic de drogue et criminalité organisée" in window.topic_editor.heading.text()


def test_reads_wait_while_the_switch_words_the_panels_then_run(window: MainWindow) -> None:
    """The reads the switch queues (preview and preflight worded again) start once every panel is worded: Qt's
    calls into Python during the switch do not wait for the GIL a read holds."""
    open_every_panel(window)
    background = window.runner.background
    window.language_change.budget = 0.0  # one part a turn: the switch takes several turns
    ran = background.ran
    window.set_ui_language("fr")
    QCoreApplication.processEvents()
    held = []
    while window.language_change.pending():
        held.append(background.held())
        QCoreApplication.processEvents()
    assert held and all(held)
    assert background.ran == ran  # nothing read while the panels were worded
    settle(window)
    assert not background.held()
    assert background.ran > ran  # the preview and preflight were read again afterwards


class Counting(QObject):
    """Counts the language changes each watched object receives."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[int, int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.counts[id(watched)] = self.counts.get(id(watched), 0) + 1
        return False


class Panel(Retranslating, QWidget):
    def __init__(self, parent: QWidget, buttons: int) -> None:
        super().__init__(parent)
        self.worded = 0
        layout = QVBoxLayout(self)
        self.buttons = [QPushButton(self) for _ in range(buttons)]
        for button in self.buttons:
            layout.addWidget(button)
        self.tree = QTreeWidget(self)
        layout.addWidget(self.tree)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        self.worded += 1


def test_each_widget_hears_the_change_once_and_containers_are_split(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    splitter = QSplitter(root)
    big = Panel(splitter, 50)
    small = Panel(splitter, 3)
    hidden = Panel(root, 2)
    hidden.hide()
    layout = QVBoxLayout(root)
    layout.addWidget(splitter)
    root.show()
    assert splittable(big) and splittable(splitter) and not splittable(big.tree)
    counting = Counting()
    watched = [*root.findChildren(QWidget), *root.findChildren(QAction)]
    for widget in watched:
        widget.installEventFilter(counting)
    staged = StagedRetranslation(root, budget=0.0)  # one part a turn
    for panel in (big, small, hidden):
        panel.worded = 0
    staged.begin(root)
    QCoreApplication.processEvents()
    assert staged.pending()
    qtbot.waitUntil(lambda: not staged.pending(), timeout=5000)
    assert staged.turns > 3
    assert [big.worded, small.worded, hidden.worded] == [1, 1, 1]
    split = {id(w) for w in (root, splitter, big, small, hidden)}  # their own texts worded without the event
    assert all(counting.counts.get(id(widget), 0) == (id(widget) not in split) for widget in watched)
