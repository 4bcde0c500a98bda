"""``briefing import-docx``: the plan printed as a tree, --dry-run writes nothing, bad files give one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing.cli.main import main
from briefing.store import Library


def run_cli(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "BRIEFING_DB")
    }
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, check=False
    )


def brief(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Port security", level=1)
    document.add_heading("Lines to take", level=2)
    document.add_paragraph("Ports are the front line against drug trafficking.", style="List Bullet")
    document.add_paragraph("Customs need scanners.", style="List Bullet")
    document.add_heading("Background", level=2)
    document.add_paragraph("Antwerp seized 116 tonnes of cocaine in 2023.")
    document.add_paragraph("Unlabelled note at the end.", style="Intense Quote")
    document.add_heading("Actions", level=2)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Action", "Owner", "Deadline"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Visit the port", "Cabinet", "13 June 2024"), strict=True):
        cell.text = text
    document.save(str(path))
    return path


def counts(db: Path) -> tuple[int, int, int]:
    with Library.open(db) as library, library.unit_of_work() as uow:
        return uow.topics.count(), uow.items.count(), uow.actions.count()


def test_dry_run_prints_the_plan_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    path = brief(tmp_path / "ports.docx")

    assert main(["--db", str(db), "import-docx", str(path), "--dry-run", "--area", "Security"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Importing ports.docx (English) into a new area “Security”:"
    assert lines[1] == "  Port security — new topic: 4 items, 1 actions"
    assert lines[2:6] == [
        "      Line to take (new): Ports are the front line against drug trafficking.",
        "      Line to take (new): Customs need scanners.",
        "      Background (new): Antwerp seized 116 tonnes of cocaine in 2023.",
        "      Background (new): Unlabelled note at the end.",
    ]
    assert lines[6] == "      Action, by 2024-06-13: Visit the port"
    assert lines[7].startswith("1 new topics, 0 merged; 4 new items,")
    assert "0 paragraphs of unrecognised content" in lines[7]
    assert lines[-1] == "Dry run: nothing was written."
    assert counts(db) == (0, 0, 0)


def test_import_writes_and_a_second_import_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    path = brief(tmp_path / "ports.docx")

    assert main(["--db", str(db), "import-docx", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Imported ports.docx: 1 topics written."
    assert counts(db) == (1, 4, 1)

    assert main(["--db", str(db), "import-docx", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Port security — merged into “port-security”: 0 new items" in out
    assert out.splitlines()[-1] == "Nothing to import: the library already holds all of it."
    assert counts(db) == (1, 4, 1)


def test_french_user_gets_french_plan_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    path = brief(tmp_path / "ports.docx")
    bad = tmp_path / "note.docx"
    bad.write_text("not a document", encoding="utf-8")

    dry = run_cli("--db", str(db), "import-docx", str(path), "--lang", "fr", "--dry-run", lang="fr_BE.UTF-8")
    refused = run_cli("--db", str(db), "import-docx", str(bad), lang="fr_BE.UTF-8")

    assert dry.returncode == 0, dry.stderr
    assert (
        dry.stdout.splitlines()[0]
        == "Importation de ports.docx (Français) dans un nouveau domaine «\u202fImporté de Word\u202f»\u00a0:"
    )
    assert "Élément de langage (nouveau)" in dry.stdout
    assert dry.stdout.splitlines()[-1] == "Essai à blanc\u00a0: rien n’a été écrit."
    assert refused.returncode == 1
    assert refused.stderr == "briefing: note.docx n’est pas un document Word (.docx).\n"
    assert counts(db) == (0, 0, 0)


def test_an_empty_document_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))

    assert main(["--db", str(db), "import-docx", str(path)]) == 0

    assert capsys.readouterr().out.splitlines()[-1] == "blank.docx holds no text to import."
    assert counts(db) == (0, 0, 0)
