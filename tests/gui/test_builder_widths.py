"""At 1280×800, in English and French, the builder shows the meeting's title, the agenda's lines and preflight's
severities whole, or elides them with the whole text in a tooltip (real widgets, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTreeView
from pytestqt.qtbot import QtBot

from briefing.gui.main_window import MainWindow
from tests.gui.agenda_rows import agenda_count, agenda_index, children, level, topic_indexes
from tests.gui.settle import settle
from tests.gui.test_meeting_builder import open_builder

LONG_TITLE = (
    "Strengthening EU cooperation with Latin American and Caribbean partners on justice and home affairs"
)


def at_1280(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    window.resize(1280, 800)
    if lang == "fr":
        window.french_action.trigger()
    open_builder(window, qtbot)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=2000)


def painted(view: QTreeView, index: QModelIndex) -> tuple[str, int]:
    """The text a row is painted with and the width it has for it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    return option.text, rect.width() - 6  # the style's text margins


def fits(view: QTreeView, text: str, width: int) -> bool:
    return view.fontMetrics().horizontalAdvance(text) <= width


def rows(window: MainWindow) -> list[QModelIndex]:
    found = []
    for number in range(agenda_count(window)):
        found.append(agenda_index(window, number))
        for topic in topic_indexes(window, number):
            found += [topic, *children(window, topic)]
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_meeting_drop_down_shows_the_title_or_elides_it_with_a_tooltip(
    window: MainWindow, qtbot: QtBot, lang: str
) -> None:
    at_1280(window, qtbot, lang)
    box = window.builder.meeting
    assert box.shown_text() == box.currentText()  # "Justice and Home Affairs Council (2024-06-13)" fits
    assert box.toolTip() == box.currentText()
    window.builder.new_meeting(LONG_TITLE)
    settle(window)
    assert box.currentText() == f"{LONG_TITLE} (—)"
    shown = box.shown_text()
    assert "…" in shown and shown != box.currentText()
    assert shown.startswith(LONG_TITLE[:20]) and shown.endswith("(—)")  # elided in the middle
    assert box.toolTip() == box.currentText()
    assert window.width() == 1280  # nothing widened the window


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_agenda_lines_have_room_and_show_their_text_or_elide_it_with_a_tooltip(
    window: MainWindow, qtbot: QtBot, lang: str
) -> None:
    at_1280(window, qtbot, lang)
    view = window.builder.agenda
    average = view.fontMetrics().averageCharWidth()
    tip = Qt.ItemDataRole.ToolTipRole
    elided = 0
    for index in rows(window):
        text, width = painted(view, index)
        assert width >= 35 * average, f"{index.data()!r} has room for fewer than 35 characters"
        whole = str(index.data())
        if fits(view, text, width) and text == whole:
            continue
        elided += 1  # the view elides it in the middle (a topic heading: its title, by the delegate)
        lines = str(index.data(tip)).split("\n")
        if level(index) == "item":  # "[kind] text": the tooltip has the topic and the whole text
            assert whole.split("] ", 1)[1].rstrip("…") in " ".join(lines[1].split())
        elif level(index) == "topic":  # the title is elided, the French summary shown whole
            assert "…" in text and fits(view, text, width) and text.endswith(whole.split(" — ", 1)[1])
            assert lines[0] == whole.split(" — ", 1)[0]
        else:
            assert lines[0] == whole
    assert elided  # the demo's long lines are elided, not cut


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_preflight_severity_column_is_not_cut(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    at_1280(window, qtbot, lang)
    panel = window.builder.preflight
    view = panel.list
    names = {row.severity for row in panel.lines}
    assert names
    header = view.headerItem()
    assert header is not None
    heads = view.header().fontMetrics()
    assert heads.horizontalAdvance(header.text(0)) < view.columnWidth(0) - 8
    for number in range(view.topLevelItemCount()):
        row = view.topLevelItem(number)
        assert row is not None
        index = view.indexFromItem(row, 0)
        text, width = painted(view, index)
        assert text == panel.severity_name(str(row.data(0, Qt.ItemDataRole.UserRole + 3)))
        assert fits(view, text, width), f"{text!r} is cut"
        assert row.toolTip(0) == text and not row.icon(0).isNull()
    if lang == "fr":
        assert "Avertissement" in [view.topLevelItem(n).text(0) for n in range(view.topLevelItemCount())]  # type: ignore[union-attr]
    # The finding takes the rest of the width and wraps: a long one is taller than a short one.
    assert view.header().stretchLastSection()
    heights = [view.visualRect(view.indexFromItem(view.topLevelItem(n), 2)).height() for n in range(3)]  # type: ignore[arg-type]
    assert max(heights) > min(heights)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_copy_drop_down_shows_each_copy_type_whole(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    at_1280(window, qtbot, lang)
    box = window.builder.copy
    texts = [box.itemText(i) for i in range(box.count())]
    assert len(texts) == 2 and ("Exemplaire interne (ministre)" in texts) == (lang == "fr")
    for number, text in enumerate(texts):
        box.setCurrentIndex(number)
        QApplication.processEvents()
        assert box.shown_text() == text  # whole, not "Exemplair…ministre)"
    assert window.width() == 1280  # nothing widened the window


def test_a_drop_down_ends_its_painter_even_when_its_frame_outlives_the_paint(qtbot: QtBot) -> None:
    """A frame kept alive (a traceback, a profiler, a debugger) keeps its locals: the painter is ended by the
    paint itself, not when Python frees it later, perhaps on another thread in the middle of another paint."""
    import sys
    from types import FrameType

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from briefing.gui.builder_layout import ElidingComboBox

    box = ElidingComboBox()
    qtbot.addWidget(box)
    box.addItem("Justice and Home Affairs Council")
    box.resize(160, 30)
    kept: list[FrameType] = []
    messages: list[str] = []

    def keep(frame: FrameType, event: str, _arg: object) -> None:
        if event == "return" and frame.f_code.co_name == "paintEvent":
            kept.append(frame)

    def record(_kind: QtMsgType, _context: object, message: str) -> None:
        messages.append(message)

    before = qInstallMessageHandler(record)
    sys.setprofile(keep)
    try:
        box.grab()
        box.grab()
    finally:
        sys.setprofile(None)
        qInstallMessageHandler(before)
    assert kept, "the drop-down was not painted"
    assert not [m for m in messages if "active painter" in m]
    assert all(not frame.f_locals["painter"].isActive() for frame in kept)
