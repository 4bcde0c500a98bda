"""Every export is recorded; a recorded version is made again byte for byte after the library changed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.assemble import PackRequest
from briefing.cli.main import main
from briefing.errors import BriefingError
from briefing.export import ExportRequest, export_pack
from briefing.history.records import list_records
from briefing.history.versions import export_recorded, read_recorded
from briefing.operations.library import add_item, delete_item
from briefing.operations.texts import set_text
from briefing.store import Library
from tests.history.conftest import MEETING, block_of


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def change_the_library(library: Library) -> None:
    set_text(library, block_of(library, "dt-ltt-1"), "en", "Security in ports is everyone's business.")
    delete_item(library, "dt-qa-1")
    add_item(
        library, "programme-fr", "background", {"fr": "Un nouveau paragraphe.", "en": "A new paragraph."}
    )


def test_each_export_is_recorded_with_what_was_made(sample_library: Library, outputs: Path) -> None:
    word = export_pack(
        sample_library,
        ExportRequest(
            PackRequest(MEETING, "fr", "external", allow_missing=True, version=3), outputs / "a.docx"
        ),
    )
    excel = export_pack(
        sample_library,
        ExportRequest(PackRequest(MEETING, "bilingual", allow_missing=True), outputs / "a.xlsx", "xlsx"),
    )
    assert (word.number, excel.number) == (1, 2)
    with sample_library.reading() as uow:
        first, second = list_records(uow, MEETING)
    assert (first.format, first.mode, first.copy, first.pack_version) == ("docx", "fr", "external", 3)
    assert first.sha256 == sha256(outputs / "a.docx") == word.sha256
    assert first.size == (outputs / "a.docx").stat().st_size
    assert (second.format, second.mode, second.copy) == ("xlsx", "bilingual", "internal")
    assert second.sha256 == sha256(outputs / "a.xlsx")
    assert first.created_at <= second.created_at
    # only the Excel pack reads the table of every text: the Word pack's record leaves it out, the Excel one's not
    (_, word_outline), (_, excel_outline) = (read_recorded(sample_library, MEETING, n) for n in (1, 2))
    assert word_outline.sections and not word_outline.texts and not word_outline.topics
    assert excel_outline.texts and excel_outline.topics


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_recorded_version_is_made_again_byte_for_byte(
    sample_library: Library, outputs: Path, fmt: str
) -> None:
    original = outputs / f"original.{fmt}"
    export_pack(
        sample_library, ExportRequest(PackRequest(MEETING, "bilingual", allow_missing=True), original, fmt)
    )
    change_the_library(sample_library)
    now = outputs / f"now.{fmt}"
    export_pack(
        sample_library, ExportRequest(PackRequest(MEETING, "bilingual", allow_missing=True), now, fmt)
    )
    assert sha256(now) != sha256(original)  # the library did change

    again = outputs / f"again.{fmt}"
    result = export_recorded(sample_library, MEETING, 1, again)
    assert result.identical
    assert again.read_bytes() == original.read_bytes()
    with sample_library.reading() as uow:
        assert len(list_records(uow, MEETING)) == 2  # making a version again records nothing new


def test_the_command_line_makes_a_version_again_in_another_process(
    sample_library: Library, tmp_path: Path
) -> None:
    """Another process (another hash seed, another clock) makes the same bytes."""
    db = str(sample_library.path)
    first = tmp_path / "first.docx"
    command = [sys.executable, "-m", "briefing", "--db", db]
    subprocess.run(
        [*command, "export", MEETING, "--allow-missing", "-o", str(first)], check=True, capture_output=True
    )
    change_the_library(sample_library)
    again = tmp_path / "again.docx"
    result = subprocess.run(
        [*command, "export", MEETING, "--version", "1", "-o", str(again)],
        capture_output=True, text=True, check=False, env={"PYTHONHASHSEED": "7", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == first.read_bytes()
    assert sha256(first) in result.stdout


def test_history_lists_the_records_in_english_and_french(
    sample_library: Library,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(sample_library.path)
    assert main(["history", MEETING, "--db", db]) == 0
    assert "Nothing has been exported" in capsys.readouterr().out
    assert (
        main(
            ["export", MEETING, "--lang", "fr", "--allow-missing", "-o", str(tmp_path / "p.docx"), "--db", db]
        )
        == 0
    )
    assert main(["export", MEETING, "--copy", "external", "-o", str(tmp_path / "p.xlsx"), "--db", db]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(["history", MEETING, "--db", db]) == 0
    heading, first, second = capsys.readouterr().out.splitlines()
    assert heading.split("\t")[:5] == ["No.", "Time (UTC)", "What", "Language", "Copy"]
    assert first.split("\t")[0] == "1" and "Word pack" in first and "French" in first
    assert first.endswith(sha256(tmp_path / "p.docx"))
    assert second.split("\t")[0] == "2" and "Excel pack" in second and "external" in second
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["history", MEETING, "--db", db]) == 0
    heading, first, _second = capsys.readouterr().out.splitlines()
    assert heading.startswith("N°\t") and "Dossier Word" in first and "Français" in first


def test_an_unknown_version_and_a_wrong_extension_are_refused(
    sample_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sample_library.path)
    assert main(["export", MEETING, "--allow-missing", "-o", str(tmp_path / "p.docx"), "--db", db]) == 0
    assert main(["export", MEETING, "--version", "2", "-o", str(tmp_path / "q.docx"), "--db", db]) == 1
    assert "no recorded export number 2" in capsys.readouterr().err
    assert main(["export", MEETING, "--version", "1", "-o", str(tmp_path / "q.xlsx"), "--db", db]) == 1
    assert ".docx" in capsys.readouterr().err
    assert not (tmp_path / "q.docx").exists() and not (tmp_path / "q.xlsx").exists()


def test_a_changed_template_is_named_rather_than_used(sample_library: Library, tmp_path: Path) -> None:
    from briefing.render.docx.package import house_package

    template = tmp_path / "ministry.docx"
    template.write_bytes(house_package())
    request = PackRequest(MEETING, allow_missing=True)
    export_pack(sample_library, ExportRequest(request, tmp_path / "p.docx", template=template))
    assert export_recorded(sample_library, MEETING, 1, tmp_path / "again.docx").identical
    template.write_bytes(house_package() + b"\0")
    with pytest.raises(BriefingError, match="has changed since"):
        export_recorded(sample_library, MEETING, 1, tmp_path / "changed.docx")
    assert not (tmp_path / "changed.docx").exists()


def test_a_record_that_cannot_be_written_leaves_no_file(sample_library: Library, tmp_path: Path) -> None:
    """The library refuses the record (read-only): the export fails and the previous file stays as it was."""
    target = tmp_path / "out" / "p.docx"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    with sample_library.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER no_history BEFORE INSERT ON export_record BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(Exception, match="refused"):
        export_pack(sample_library, ExportRequest(PackRequest(MEETING, allow_missing=True), target))
    assert target.read_bytes() == b"previous"
    assert [p.name for p in target.parent.iterdir()] == ["p.docx"]
