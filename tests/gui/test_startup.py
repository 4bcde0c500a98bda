"""Start-up: the window shows the library tree before the library is open, and works fully once it is."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.errors import N_, LibraryError
from briefing.gui.app import DESKTOP_FILE_NAME, ICON_FOLDER, app_icon, start
from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.store import Library
from briefing.store.snapshot import read_snapshot
from tests.gui.settle import settle

HEAVY = (
    "sqlalchemy",
    "alembic",
    "docx",
    "openpyxl",
    "babel",
    "briefing.operations",
    "briefing.store.library",
)


@pytest.fixture
def early_window(
    qtbot: QtBot, sample_library: Library, library_path: Path, settings: Settings, language: UiLanguage
) -> Iterator[MainWindow]:
    """A window shown from a snapshot of the sample library; the test calls ``open_later``."""
    sample_library.close()
    snapshot = read_snapshot(library_path)
    assert snapshot is not None
    main = MainWindow(None, settings, language, snapshot=snapshot)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.close_library()


def tree_titles(window: MainWindow) -> list[str]:
    tree = window.library_panel.tree
    titles = []
    for i in range(tree.topLevelItemCount()):
        area = tree.topLevelItem(i)
        assert area is not None
        titles.append(area.text(0))
        titles += [
            f"  {child.text(0)}" for child in (area.child(j) for j in range(area.childCount())) if child
        ]
    return titles


def test_importing_the_window_needs_no_sqlalchemy_nor_office_libraries() -> None:
    script = (
        "import sys, briefing.gui.app, briefing.gui.main_window; "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "none"


def test_the_tree_is_shown_before_the_library_is_open_and_editing_works_after(
    early_window: MainWindow, qtbot: QtBot, library_path: Path
) -> None:
    window = early_window
    assert not window.ready
    assert tree_titles(window)[:3] == [
        "Internal security",
        "  Drug trafficking and organised crime",
        "  Presidency programme",
    ]
    assert window.focusWidget() is window.library_panel.search
    assert window.statusBar().currentMessage() == "Opening the library…"
    assert not window.new_topic_action.isEnabled() and not window.export_action.isEnabled()
    assert not window.library_panel.translation.isEnabled()
    window.new_topic("Too early")  # refused quietly: the action is disabled anyway
    window.library_panel.select_topic("drug-trafficking")  # waits for the library
    window.library_panel.search.setText("tráfico")

    with qtbot.waitSignal(window.libraryReady, timeout=10_000):
        window.open_later(lambda: Library.open(library_path, create=False))
    assert window.ready
    assert window.statusBar().currentMessage() == "Every change is saved in the library as you make it."
    assert window.new_topic_action.isEnabled() and window.library_panel.translation.isEnabled()
    assert window.tabs.currentWidget() is window.topic_editor
    settle(window)  # the topic is read on the background task
    assert window.topic_editor.view is not None and window.topic_editor.view.key == "drug-trafficking"
    assert [label for label in window.findChildren(QLabel) if label.text() == "Opening the library…"] == []
    assert set(window.loader.timings if window.loader else {}) == {"core imports", "panel imports", "open"}

    pair = window.topic_editor.frames["dt-ltt-1"].pairs[0]
    pair.editors["en"].setFocus()
    pair.editors["en"].setPlainText("Ports are a shared responsibility.")
    qtbot.waitUntil(lambda: stored(window, "dt-ltt-1") == "Ports are a shared responsibility.", timeout=3000)
    window.undo_action.trigger()
    assert stored(window, "dt-ltt-1") != "Ports are a shared responsibility."

    window.library_panel.search.clear()
    window.new_topic("Visa liberalisation")
    settle(window)
    assert "  Visa liberalisation" in tree_titles(window)


def stored(window: MainWindow, item_key: str) -> str | None:
    with window.library.unit_of_work() as uow:
        body = uow.items.require(item_key).body
        assert body is not None
        return body.text("en")


def test_a_search_typed_while_opening_runs_once_the_library_is_open(
    early_window: MainWindow, qtbot: QtBot, library_path: Path
) -> None:
    window = early_window
    window.library_panel.search.setText("trafic")
    qtbot.wait(300)  # the search delay passes: nothing to search with yet, the tree stays
    assert tree_titles(window)[0] == "Internal security"
    with qtbot.waitSignal(window.libraryReady, timeout=10_000):
        window.open_later(lambda: Library.open(library_path, create=False))
    settle(window)  # the search runs on the background task
    assert "Drug trafficking and organised crime" in tree_titles(window)
    assert "Internal security" not in tree_titles(window)  # hits, not the areas


def test_the_interface_language_can_change_while_opening(
    early_window: MainWindow, qtbot: QtBot, library_path: Path
) -> None:
    window = early_window
    window.set_ui_language("fr")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Sujet" and window.idle(), timeout=5000)
    assert tree_titles(window)[1] == "  Trafic de drogue et criminalité organisée"
    with qtbot.waitSignal(window.libraryReady, timeout=10_000):
        window.open_later(lambda: Library.open(library_path, create=False))
    assert [window.tabs.tabText(i) for i in range(3)] == ["Sujet", "Réunion", "Participants"]
    assert window.builder.new_button.text() == "Nouvelle réunion…"
    assert window.french_action.isChecked()


def test_a_library_that_cannot_be_opened_is_reported(early_window: MainWindow, qtbot: QtBot) -> None:
    def refuse() -> Library:
        raise LibraryError(N_("The library {path} cannot be opened: {reason}"), path="x", reason="locked")

    with qtbot.waitSignal(early_window.libraryFailed, timeout=10_000) as failed:
        early_window.open_later(refuse)
    assert isinstance(failed.args[0], LibraryError)
    assert not early_window.ready
    assert "locked" in early_window.statusBar().currentMessage()


def test_start_shows_an_existing_library_at_once_and_opens_it_behind(
    qtbot: QtBot, sample_library: Library, library_path: Path, language: UiLanguage
) -> None:
    sample_library.close()
    started = start(str(library_path))
    assert started is not None
    _app, window = started
    qtbot.addWidget(window)
    assert window.isVisible() and not window.ready
    assert tree_titles(window)[0] == "Internal security"
    assert window.collector is not None and not gc.isenabled()  # cycles are collected on the UI thread only
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)
    assert window.library.path == library_path
    window.close()
    window.close_library()
    assert gc.isenabled()


def test_start_refuses_a_file_that_is_not_a_library(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: UiLanguage
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    path = tmp_path / "notes.sqlite"
    path.write_text("not a library", encoding="utf-8")
    assert start(str(path)) is None
    assert gc.isenabled()
    assert len(shown) == 1 and "not a Briefing library" in shown[0]
    assert path.read_text(encoding="utf-8") == "not a library"


def test_the_app_shows_its_icon_and_names_its_desktop_entry(
    qtbot: QtBot, sample_library: Library, library_path: Path, language: UiLanguage
) -> None:
    sample_library.close()
    started = start(str(library_path))
    assert started is not None
    app, window = started
    qtbot.addWidget(window)
    assert app.desktopFileName() == DESKTOP_FILE_NAME
    root = Path(__file__).parents[2]
    assert (root / "packaging" / f"{DESKTOP_FILE_NAME}.desktop").is_file()
    assert root / "resources" / "icons" == ICON_FOLDER
    for icon in (app.windowIcon(), window.windowIcon()):
        assert not icon.isNull()
        image = icon.pixmap(48, 48).toImage()
        assert image.width() == 48
        assert len({image.pixel(x, y) for x in range(0, 48, 4) for y in range(0, 48, 4)}) > 2  # drawn
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)
    window.close()
    window.close_library()


def test_the_icon_is_made_of_png_sizes_where_svg_cannot_be_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    for size in (16, 48):
        folder = tmp_path / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(QColor("#1f3864"))
        assert image.save(str(folder / f"{DESKTOP_FILE_NAME}.png"))
    icon = app_icon(tmp_path)
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 48]
    (tmp_path / "empty").mkdir()
    assert app_icon(tmp_path / "empty").isNull()
