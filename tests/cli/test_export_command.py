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


def _two_meetings(library_path: Path) -> None:
    """A library where meeting id 2 has the slug "other" and the meeting with the slug "2" has another id."""
    from briefing.interchange.library_json import import_document, validate
    from briefing.store import Library

    def meeting(slug: str, title: str) -> dict[str, object]:
        return {"slug": slug, "kind": "council", "title": {"en": title, "fr": title}, "agenda": []}

    document = {
        "format": "briefing-library",
        "version": 1,
        "areas": [],
        "participants": [],
        "meetings": [meeting("first", "First meeting"), meeting("other", "Meeting two by id")],
    }
    with Library.open(library_path) as library:
        with library.unit_of_work() as uow:
            import_document(uow, validate(document))
        document["meetings"] = [meeting("2", "Meeting named two")]
        with library.unit_of_work() as uow:
            import_document(uow, validate(document))
        with library.unit_of_work() as uow:
            assert uow.meetings.require("other").id == 2
            assert uow.meetings.require("2").id == 3


def _title(path: Path) -> str:
    return str(docx.Document(str(path)).core_properties.title)


def test_a_meeting_named_by_a_number_is_its_slug_before_an_id(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    _two_meetings(db)
    assert main(["export", "2", "-o", str(tmp_path / "slug.docx"), "--db", str(db)]) == 0
    assert _title(tmp_path / "slug.docx") == "Meeting named two"
    # no meeting has the slug "1": the command line takes it as an id
    assert main(["export", "1", "-o", str(tmp_path / "id.docx"), "--db", str(db)]) == 0
    assert _title(tmp_path / "id.docx") == "First meeting"
    assert main(["export", "7", "-o", str(tmp_path / "none.docx"), "--db", str(db)]) == 1
    assert not (tmp_path / "none.docx").exists()


def test_exporting_from_a_ready_library_imports_no_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    _two_meetings(db)
    script = (
        "import sys\n"
        "from briefing.cli.main import main\n"
        f"assert main(['export', 'other', '-o', {str(tmp_path / 'p.xlsx')!r}, '--db', {str(db)!r}]) == 0\n"
        f"assert main(['check', '2', '--db', {str(db)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "p.xlsx").exists()


def test_bilingual_copy_exports_without_allow_missing_and_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The interpreter's copy always has the source column: a missing French cell says so, never repeats it."""
    db = tmp_path / "library.sqlite"
    main(["demo", "--db", str(db)])
    output = tmp_path / "pack-bilingual.docx"
    command = ["export", "val-duchesse-ii", "--lang", "bilingual", "-o", str(output), "--db", str(db)]
    assert main(command) == 0, capsys.readouterr().err
    document = docx.Document(str(output))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    english = "To follow through on reinforcing the information exchange"
    (row,) = [
        cells for cells in rows if any(english in cell for cell in cells)
    ]  # a line to take, two columns
    assert row[-1].splitlines()[-1] == "[traduction manquante]"
    assert english not in row[-1], row
    everything = "\n".join(cell for cells in rows for cell in cells)
    assert "Gouvernement de la République française" in everything  # a short field with its French
    assert "[translation missing]" not in everything  # the English column is always there


def test_template_warnings_are_printed_in_the_users_language(
    sample_library: object,
    library_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zipfile

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    template = tmp_path / "ministry.docm"
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            blob = source.read(name)
            if name == "word/_rels/document.xml.rels":
                link = f'<Relationship Id="rIdVba" Type="{vba}" Target="vbaProject.bin"/></Relationships>'
                blob = blob.replace(b"</Relationships>", link.encode())
            elif name == "[Content_Types].xml":
                declared = (
                    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
                )
                blob = blob.replace(b"</Types>", declared.encode())
            copy.writestr(name, blob)
        copy.writestr("word/vbaProject.bin", b"macro" + bytes(64))
    monkeypatch.setenv("LANGUAGE", "fr_BE")
    output = tmp_path / "pack.docx"
    command = [
        "--db",
        str(library_path),
        "export",
        "jha-test",
        "--template",
        str(template),
        "-o",
        str(output),
    ]
    assert main(command) == 0
    err = capsys.readouterr().err
    assert "briefing: Les macros du modèle ont été écartées\u00a0: un dossier n’en contient jamais." in err
    assert "macros were left out" not in err
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(command) == 0
    assert (
        "briefing: The template's macros were left out: a pack never carries macros."
        in capsys.readouterr().err
    )
