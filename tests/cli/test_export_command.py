"""`briefing export`: the main job, from a fresh machine to a pack on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing.cli.main import main


def test_first_export_creates_the_demo_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    env = {**os.environ, "LANG": "en_GB.UTF-8"}
    output = tmp_path / "pack.docx"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "jha-council-2024-06", "--lang", "en", "-o", str(output)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "demo library was created" in result.stdout
    assert (tmp_path / "data" / "Briefing" / "library.sqlite").exists()
    text = "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    assert "Justice and Home Affairs Council" in text and "Agenda item 1" in text


def test_french_export_stops_with_the_list_of_missing_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "library.sqlite"
    main(["demo", "--db", str(db)])
    output = tmp_path / "pack-fr.docx"
    assert main(["export", "val-duchesse-ii", "--lang", "fr", "-o", str(output), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "item val-duchesse-counter-terrorism-01 [fr: missing]" in err
    assert not output.exists()
    assert (
        main(
            [
                "export",
                "val-duchesse-ii",
                "--lang",
                "fr",
                "--allow-missing",
                "-o",
                str(output),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    assert "marked as untranslated" in capsys.readouterr().out
    assert output.exists()


def test_excel_pack_from_the_file_name(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    main(["demo", "--db", str(db)])
    output = tmp_path / "pack.xlsx"
    assert main(["--db", str(db), "export", "jha-council-2024-06", "-o", str(output)]) == 0
    import openpyxl

    workbook = openpyxl.load_workbook(output)
    assert len(workbook.sheetnames) >= 3


def test_unknown_meeting_and_unwritable_destination(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "library.sqlite"
    main(["demo", "--db", str(db)])
    assert main(["--db", str(db), "export", "no-such-meeting", "-o", str(tmp_path / "x.docx")]) == 1
    assert "no-such-meeting" in capsys.readouterr().err
    blocker = tmp_path / "pack.docx"
    blocker.mkdir()  # a folder where the pack should go: it cannot be replaced
    assert main(["--db", str(db), "export", "jha-council-2024-06", "-o", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: ") and "cannot be written" in err and "Traceback" not in err
    assert blocker.is_dir() and not list(tmp_path.glob(".pack.docx*"))


def test_library_workbook_from_the_file_name(tmp_path: Path) -> None:
    import openpyxl

    db = tmp_path / "library.sqlite"
    main(["demo", "--db", str(db)])
    output = tmp_path / "library.xlsx"
    assert main(["--db", str(db), "export-library", "-o", str(output)]) == 0
    workbook = openpyxl.load_workbook(output, read_only=True)
    texts = workbook[workbook.sheetnames[0]]
    assert sum(1 for _ in texts.iter_rows()) > 150  # one row per text of the demo library
