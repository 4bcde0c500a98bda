"""The keyboard: Tab through the topic editor, shortcuts from the search box, into the results, Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from briefing.gui.help import GuideDialog, ShortcutsDialog
from briefing.gui.library_widgets import HTML_ROLE, KIND_ROLE
from briefing.gui.main_window import MainWindow
from tests.gui.settle import settle


def activate(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts work in the active window


def test_tab_goes_through_the_topic_editor_without_a_trap_on_never_reviewed(
    window: MainWindow, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    window.library_panel.select_topic("programme-fr")  # never reviewed
    settle(window)
    editor = window.topic_editor
    assert editor.reviewed.text() == "Never reviewed"
    editor.owner.setFocus()
    qtbot.waitUntil(editor.owner.hasFocus)
    visited: list[QWidget] = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        visited.append(focus)
    date_box = [w for w in visited if w is editor.reviewed or w.parentWidget() is editor.reviewed]
    assert len(date_box) == 1  # Tab entered the date once and left it
    after = visited[visited.index(date_box[0]) + 1]
    assert after is editor.reviewed_today
    assert editor.tags in visited and editor.sources in visited
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # and back


def test_ctrl_e_works_while_the_search_box_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    activate(window, qtbot)
    search = window.library_panel.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "ports")
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert search.text() == "ports"  # the line edit did not take the key for itself
    dialog.reject()


def test_down_and_enter_move_from_the_search_box_into_highlighted_results(
    window: MainWindow, qtbot: QtBot
) -> None:
    activate(window, qtbot)
    panel = window.library_panel
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "securite des po")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=3000)
    settle(window)
    top = panel.tree.topLevelItem(0)
    assert top is not None and top.child(0) is not None
    assert "<b>" in str(top.child(0).data(0, HTML_ROLE))  # the words matched are highlighted
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.tree.hasFocus()
    assert panel.tree.currentItem() is top
    settle(window)
    assert window.topic_editor.view is not None and window.topic_editor.view.key == "drug-trafficking"
    panel.search.setFocus()
    window.topic_editor.clear()
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    settle(window)
    assert panel.tree.hasFocus()
    assert window.topic_editor.view is not None and window.topic_editor.view.key == "drug-trafficking"


def test_meetings_and_participants_are_found_by_the_search(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.library_panel
    panel.search.setText("interieures")  # the French title of the meeting, without accents
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=3000)
    settle(window)
    rows = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
    }  # type: ignore[union-attr]
    meetings = rows["Meetings"]
    assert meetings.child(0).data(0, KIND_ROLE) == "meeting"
    panel.tree.setCurrentItem(meetings.child(0))
    settle(window)
    assert window.tabs.currentWidget() is window.builder
    assert window.builder.slug == "jha-test"

    panel.search.setText("exemple")
    qtbot.waitUntil(
        lambda: panel.tree.topLevelItemCount() > 0 and panel.tree.topLevelItem(0).text(0) == "Participants",
        timeout=3000,
    )  # type: ignore[union-attr]
    settle(window)
    person = panel.tree.topLevelItem(0).child(0)  # type: ignore[union-attr]
    assert person.text(0) == "Jeanne Exemple — Ministry of the Interior"
    assert "<b>Exemple</b>" in str(person.data(0, HTML_ROLE))
    panel.tree.setCurrentItem(person)
    settle(window)
    assert window.tabs.currentWidget() is window.participants
    assert window.participants.person_key == "p-minister"


def test_help_lists_the_shortcuts_and_a_guide_in_both_languages(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}  # type: ignore[union-attr]
    assert rows["Export pack…"] == "Ctrl+E"
    assert rows["Find in library"] == "Ctrl+F"
    assert "Ctrl+Z" in rows["Undo"]
    dialog.close()
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.help_menu.title() == "Aid&e", timeout=2000)
    assert [a.text() for a in window.help_menu.actions() if a.text()][:2] == [
        "&Raccourcis clavier",
        "&Prise en main",
    ]
    guide = window.show_guide()
    assert isinstance(guide, GuideDialog)
    browser = guide.findChild(QTextBrowser, "guideText")
    assert browser is not None
    assert "Briefing en cinq étapes" in browser.toPlainText()
    assert "Ctrl+E" in browser.toPlainText()
    guide.close()
