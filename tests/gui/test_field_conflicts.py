"""A colleague saves a field first: the action table, the meeting details and the participants table never
overwrite it, they open the merge dialog — keep theirs, keep mine or an edited merge, one undo step each.

The colleague is a second library opened on the same database: a SQLite file, and the throw-away PostgreSQL
server, as two advisers' copies of the app would be. This window edits from the value it showed before the
colleague's save (no event is handled in between, so its watch has not read the colleague's change yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from briefing.gui.actions_table import OWNER, OWNER_FR, SOURCE, TEXT_EN
from briefing.gui.conflict_dialog import ConflictDialog
from briefing.gui.language import UiLanguage
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.gui.tables import KEY_ROLE
from briefing.gui.text_pair import TextPair
from briefing.interchange.library_json import import_document, validate
from briefing.operations import (
    queries,
    set_meeting_location,
    set_text,
    update_action,
    update_meeting,
    update_participant,
    update_topic,
)
from briefing.store import Library
from tests.gui.settle import settle
from tests.gui.test_meeting_details import open_details
from tests.gui.test_topic_editor import open_topic

THEIRS = "Their value"
MINE = "My value"
MERGED = "Their value and mine"


@pytest.fixture
def shared(
    qtbot: QtBot,
    database: str | URL,
    sample_document: dict[str, Any],
    settings: Settings,
    language: UiLanguage,
) -> Iterator[tuple[MainWindow, Library]]:
    """This window on a library shared on ``database``, and a colleague's copy of it."""
    mine = Library.open(database)
    if isinstance(database, URL):  # the server outlives one test: start from an empty library
        from briefing.interchange.demo.builder import create_demo_library

        create_demo_library(mine, force=True)
    with mine.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    window = MainWindow(mine, settings, language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(window)
    colleague = Library.open(database)
    yield window, colleague
    window.close()
    colleague.close()
    mine.close()


# --- the fields -------------------------------------------------------------------------------------------


def _action(library: Library) -> Any:
    with library.reading() as uow:
        action = uow.actions.require("dt-act-1")
        return action.text_id, action.owner_id, action.owner, action.source, action.text.text("en")


def _action_row(window: MainWindow) -> int:
    table = window.topic_editor.actions_table.table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).data(KEY_ROLE) == "dt-act-1")  # type: ignore[union-attr]


def _edit_action_cell(column: int) -> Callable[[MainWindow, str], None]:
    def edit(window: MainWindow, text: str) -> None:
        item = window.topic_editor.actions_table.table.item(_action_row(window), column)
        assert item is not None
        item.setText(text)  # as the table's editor does when the person presses Enter

    return edit


def _type_line(box: QLineEdit, text: str) -> None:
    box.setText(text)
    box.setModified(True)
    box.editingFinished.emit()


def _type_pair(pair: TextPair, lang: str, text: str) -> None:
    pair.editors[lang].setPlainText(text)
    pair.commit(lang)


def _open_participant(window: MainWindow, key: str = "p-adviser") -> int:
    table = window.participants
    window.tabs.setCurrentWidget(table)
    settle(window)
    row = next(i for i, p in enumerate(table.rows) if p.key == key)
    table.table.setCurrentCell(row, 0)
    settle(window)
    return row


def _participant(library: Library, key: str = "p-adviser") -> queries.ParticipantRow:
    return next(p for p in queries.participants(library) if p.key == key)


def _edit_participant_cell(column: int) -> Callable[[MainWindow, str], None]:
    def edit(window: MainWindow, text: str) -> None:
        row = next(i for i, p in enumerate(window.participants.rows) if p.key == "p-adviser")
        item = window.participants.table.item(row, column)
        assert item is not None
        item.setText(text)

    return edit


def _details(library: Library) -> queries.MeetingDetails:
    return queries.meeting_details(library, "jha-test")


def _first_text(library: Library) -> queries.TextView:
    """The text of the topic's first item (its first line to take)."""
    return queries.topic_view(library, "drug-trafficking").items[0].texts[0][1]


def _type_first_text(window: MainWindow, text: str) -> None:
    _type_pair(window.topic_editor.pairs[_first_text(window.library).block_id], "en", text)


@dataclass(frozen=True)
class Field:
    """A field of one panel: how this window opens and edits it, how a colleague saves it, what is stored."""

    name: str
    open: Callable[[MainWindow], object]
    edit: Callable[[MainWindow, str], None]
    write: Callable[[Library, str], object]
    read: Callable[[Library], str | None]

    def __str__(self) -> str:
        return self.name


FIELDS = {
    field.name: field
    for field in [
        Field(
            "action owner",
            open_topic,
            _edit_action_cell(OWNER),
            lambda lib, text: update_action(lib, "dt-act-1", owner=text),
            lambda lib: _action(lib)[2],
        ),
        Field(
            "action source",
            open_topic,
            _edit_action_cell(SOURCE),
            lambda lib, text: update_action(lib, "dt-act-1", source=text),
            lambda lib: _action(lib)[3],
        ),
        Field(
            "action text",
            open_topic,
            _edit_action_cell(TEXT_EN),
            lambda lib, text: set_text(lib, _action(lib)[0], "en", text),
            lambda lib: _action(lib)[4],
        ),
        Field(
            "action owner in French",
            open_topic,
            lambda window, text: _type_line(
                window.topic_editor.actions_table.french_box(_action_row(window), OWNER_FR),  # type: ignore[arg-type]
                text,
            ),
            lambda lib, text: set_text(lib, _action(lib)[1], "fr", text),
            lambda lib: queries.topic_view(lib, "drug-trafficking").actions[0].owner_text.texts["fr"],  # type: ignore[union-attr]
        ),
        Field(
            "item text",
            open_topic,
            _type_first_text,
            lambda lib, text: set_text(lib, _first_text(lib).block_id, "en", text),
            lambda lib: _first_text(lib).texts["en"],
        ),
        Field(
            "topic owner",
            open_topic,
            lambda window, text: _type_line(window.topic_editor.owner, text),
            lambda lib, text: update_topic(lib, "drug-trafficking", owner=text),
            lambda lib: queries.topic_view(lib, "drug-trafficking").owner,
        ),
        Field(
            "topic sources in French",
            open_topic,
            lambda window, text: _type_line(window.topic_editor.sources_fr, text),
            lambda lib, text: set_text(
                lib, queries.topic_view(lib, "drug-trafficking").source_texts[0].block_id, "fr", text
            ),
            lambda lib: queries.topic_view(lib, "drug-trafficking").source_texts[0].texts.get("fr"),
        ),
        Field(
            "meeting title",
            open_details,
            lambda window, text: _type_pair(window.builder.details.title_pair, "en", text),
            lambda lib, text: set_text(lib, _details(lib).title.block_id, "en", text),
            lambda lib: _details(lib).title.texts["en"],
        ),
        Field(
            "meeting location",
            open_details,
            lambda window, text: _type_pair(window.builder.details.location_pair, "fr", text),
            lambda lib, text: set_meeting_location(lib, "jha-test", "fr", text),
            lambda lib: _details(lib).location.texts.get("fr"),  # type: ignore[union-attr]
        ),
        Field(
            "prepared by",
            open_details,
            lambda window, text: _type_line(window.builder.details.prepared_by, text),
            lambda lib, text: update_meeting(lib, "jha-test", prepared_by=text),
            lambda lib: _details(lib).prepared_by,
        ),
        Field(
            "objective",
            open_details,
            lambda window, text: _type_pair(window.builder.details.objective_rows[0].pair, "en", text),
            lambda lib, text: set_text(lib, _details(lib).objectives[0][1].block_id, "en", text),
            lambda lib: _details(lib).objectives[0][1].texts["en"],
        ),
        Field(
            "participant name",
            _open_participant,
            _edit_participant_cell(0),
            lambda lib, text: update_participant(lib, "p-adviser", name=text),
            lambda lib: _participant(lib).name,
        ),
        Field(
            "participant organisation",
            _open_participant,
            _edit_participant_cell(1),
            lambda lib, text: update_participant(lib, "p-adviser", organisation=text),
            lambda lib: _participant(lib).organisation,
        ),
        Field(
            "participant function",
            _open_participant,
            lambda window, text: _type_pair(window.participants.function_pair, "en", text),
            lambda lib, text: set_text(lib, _participant(lib).function.block_id, "en", text),
            lambda lib: _participant(lib).function.texts["en"],
        ),
    ]
}


def clash(window: MainWindow, colleague: Library, field: Field) -> ConflictDialog:
    """The colleague saves ``field``; this window, still showing the old value, saves its own."""
    field.open(window)
    before = field.read(colleague)
    field.write(colleague, THEIRS)
    field.edit(window, MINE)  # no event handled since: the window still shows the old value
    dialog = window.runner.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible(), f"{field}: no merge dialog"
    assert dialog.theirs.toPlainText() == THEIRS
    assert dialog.mine.toPlainText() == MINE
    assert dialog.what.text().endswith(")"), f"{field}: the dialog does not name the text"
    assert field.read(colleague) == THEIRS != before  # nothing overwritten yet
    assert window.undo_stack.count() == 0
    return dialog


@pytest.mark.parametrize("name", list(FIELDS))
def test_a_stale_edit_opens_the_merge_and_the_merge_is_one_undo_step(
    shared: tuple[MainWindow, Library], name: str
) -> None:
    window, colleague = shared
    field = FIELDS[name]
    dialog = clash(window, colleague, field)
    dialog.mine.setPlainText(MERGED)
    dialog.save_merged.click()
    settle(window)
    assert field.read(colleague) == MERGED
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    settle(window)
    assert field.read(colleague) == THEIRS  # undo goes back to their value, not to the one shown before


@pytest.mark.parametrize("name", ["action owner", "prepared by", "participant name"])
@pytest.mark.parametrize("choice", ["theirs", "mine"])
def test_keeping_theirs_writes_nothing_and_keeping_mine_is_one_undo_step(
    shared: tuple[MainWindow, Library], name: str, choice: str
) -> None:
    window, colleague = shared
    field = FIELDS[name]
    dialog = clash(window, colleague, field)
    if choice == "theirs":
        dialog.keep_theirs.click()
        settle(window)
        assert field.read(colleague) == THEIRS
        assert window.undo_stack.count() == 0
        return
    dialog.keep_mine.click()
    settle(window)
    assert field.read(colleague) == MINE
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    settle(window)
    assert field.read(colleague) == THEIRS


def test_their_value_is_shown_again_when_kept(shared: tuple[MainWindow, Library]) -> None:
    window, colleague = shared
    dialog = clash(window, colleague, FIELDS["action owner"])
    dialog.keep_theirs.click()
    settle(window)
    item = window.topic_editor.actions_table.table.item(_action_row(window), OWNER)
    assert item is not None and item.text() == THEIRS


def test_a_deadline_chosen_from_a_stale_value_keeps_theirs_and_says_so(
    shared: tuple[MainWindow, Library],
) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from briefing.gui.actions_table import DEADLINE
    from briefing.gui.tables import DATE_ROLE

    window, colleague = shared
    open_topic(window)
    update_action(colleague, "dt-act-1", deadline=dt.date(2025, 3, 1))
    item = window.topic_editor.actions_table.table.item(_action_row(window), DEADLINE)
    assert item is not None
    item.setData(DATE_ROLE, "2025-04-01")
    settle(window)
    with colleague.reading() as uow:
        assert uow.actions.require("dt-act-1").deadline == dt.date(2025, 3, 1)
    assert window.undo_stack.count() == 0
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert any("Someone else changed this" in box.text() for box in boxes)
    item = window.topic_editor.actions_table.table.item(_action_row(window), DEADLINE)
    assert item is not None and item.data(DATE_ROLE) == "2025-03-01"  # their deadline, read again


@pytest.mark.parametrize("name", ["action owner", "action text", "prepared by", "participant name"])
def test_saving_the_same_field_twice_before_it_is_read_back_is_no_conflict(
    window: MainWindow, name: str
) -> None:
    field = FIELDS[name]
    field.open(window)
    field.edit(window, "First")
    field.edit(window, "Second")  # before the panel has read the first save back
    assert window.runner.conflict_dialog is None
    settle(window)
    assert field.read(window.library) == "Second"


NAMED = {
    "action owner": "Change action owner (English)",
    "meeting location": "Change location (French)",
    "objective": "Objective 1 (English)",
    "participant function": "Karl Muster — Function (English)",
    "item text": "Drug trafficking and organised crime — Objective (English)",
    "action owner in French": "(French)",
}
"""What the merge dialog names for some fields: the edit as the undo menu words it, or whose box it was."""


@pytest.mark.parametrize("name", list(NAMED))
def test_the_merge_dialog_names_the_text_in_conflict(shared: tuple[MainWindow, Library], name: str) -> None:
    window, colleague = shared
    dialog = clash(window, colleague, FIELDS[name])
    assert dialog.what.isVisibleTo(dialog)
    assert dialog.what.text().endswith(NAMED[name])
    dialog.keep_theirs.click()
    settle(window)
