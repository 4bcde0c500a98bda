"""File › Import Word brief…: the plan as a tree with counts, Import writes it, the library panel shows it."""

from __future__ import annotations

from pathlib import Path

import docx
from pytestqt.qtbot import QtBot

from briefing.gui.import_dialog import ImportDocxDialog
from briefing.gui.main_window import MainWindow
from tests.gui.settle import settle


def brief(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("RESTREINT UE/EU RESTRICTED")
    document.add_heading("Cyber resilience", level=1)
    document.add_heading("Lines to take", level=2)
    document.add_paragraph("Critical entities must report incidents.", style="List Bullet")
    document.add_paragraph("Belgium transposed NIS2 on time.", style="List Bullet")
    document.add_heading("If asked", level=2)
    document.add_paragraph("Is Belgium ready?")
    document.add_paragraph("Yes: the centre for cyber security is in charge.")
    document.add_paragraph("A loose remark.", style="Quote")
    document.save(str(path))
    return path


def open_from_menu(window: MainWindow, qtbot: QtBot, path: Path) -> ImportDocxDialog:
    window.get_open_file_name = lambda *_args: (str(path), "")
    menu = window.import_docx_menu
    assert menu.action in window.file_menu.actions()
    menu.update_enabled()
    assert menu.action.isEnabled()
    menu.action.trigger()
    dialog = menu.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.plan is not None, timeout=20000)
    return dialog


def tree_rows(dialog: ImportDocxDialog) -> list[tuple[str, str, list[tuple[str, str]]]]:
    rows = []
    for index in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(index)
        children = [(top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())]
        rows.append((top.text(0), top.text(1), children))
    return rows


def test_preview_tree_then_import(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_from_menu(window, qtbot, brief(tmp_path / "cyber.docx"))

    assert dialog.isVisible()
    assert tree_rows(dialog) == [
        (
            "Cyber resilience",
            "new topic: 3 items, 0 actions",
            [
                ("Line to take: Critical entities must report incidents.", "new"),
                ("Line to take: Belgium transposed NIS2 on time.", "new"),
                ("Question and answer: Is Belgium ready?", "new"),
            ],
        )
    ]
    assert dialog.summary.text().startswith("1 new topics, 0 merged; 3 new items")
    assert dialog.import_button.isEnabled()
    with window.library.unit_of_work() as uow:
        assert all(t.title.text("en") != "Cyber resilience" for t in uow.topics.list())

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.worker is None, timeout=20000)

    assert dialog.summary.text() == "Imported: 1 topics written."
    assert not dialog.import_button.isEnabled()
    with window.library.unit_of_work() as uow:
        topic = next(t for t in uow.topics.list() if t.title.text("en") == "Cyber resilience")
        assert topic.marking is not None and topic.marking.value == "RESTREINT UE/EU RESTRICTED"
        qa = [i for i in topic.items if i.kind.value == "qa"]
        assert qa[0].answer is not None
        assert qa[0].answer.text("en") == "Yes: the centre for cyber security is in charge.\nA loose remark."
    settle(window)  # the tree is read again on the background task
    panel = window.library_panel.tree
    areas = {panel.topLevelItem(i).text(0): panel.topLevelItem(i) for i in range(panel.topLevelItemCount())}
    imported = areas["Imported from Word"]
    assert [imported.child(i).text(0) for i in range(imported.childCount())] == ["Cyber resilience"]
    dialog.close()


def test_changing_the_area_plans_again_and_a_bad_file_is_refused(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_from_menu(window, qtbot, brief(tmp_path / "cyber.docx"))
    dialog.area.setText("Digital policy")
    dialog.area.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.plan is not None, timeout=20000)
    assert dialog.plan is not None and dialog.plan.area_key == "digital-policy"
    dialog.close()

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    window.get_open_file_name = lambda *_args: (str(bad), "")
    window.import_docx_menu.action.trigger()
    refused = window.import_docx_menu.dialog
    assert refused is not None
    qtbot.waitUntil(lambda: refused.worker is None and refused.error is not None, timeout=20000)
    assert "password-protected" in refused.summary.text()
    assert not refused.import_button.isEnabled()
    assert refused.tree.topLevelItemCount() == 0
    refused.close()


def test_dialog_follows_the_interface_language(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.language.set("fr")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    assert window.import_docx_menu.action.text() == "Importer une note &Word…"

    dialog = open_from_menu(window, qtbot, brief(tmp_path / "cyber.docx"))

    assert dialog.windowTitle() == "Importer une note Word"
    assert dialog.import_button.text() == "&Importer"
    assert tree_rows(dialog)[0][2][0] == (
        "Élément de langage\u00a0: Critical entities must report incidents.",
        "nouveau",
    )
    assert dialog.summary.text().startswith("1 nouveaux sujets")
    dialog.close()
