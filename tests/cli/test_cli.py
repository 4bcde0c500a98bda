"""The command line: --db anywhere, plain output, one-line errors in the user's language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.cli.language import user_language
from briefing.cli.main import main

DATA = Path(__file__).parents[1] / "data"


def run_cli(
    *args: str, lang: str = "en_GB.UTF-8", db: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    env.pop("BRIEFING_DB", None)
    if db is not None:
        env["BRIEFING_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, check=False
    )


def test_db_before_or_after_the_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    assert main(["--db", str(db), "import-library", str(DATA / "sample-library.json")]) == 0
    assert main(["meetings", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "jha-test\t2024-06-13\tJustice and Home Affairs Council" in out
    assert "empty-meeting\t—\tBilateral" in out


def test_search_prints_matches_with_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    main(["import-library", str(DATA / "sample-library.json"), "--db", str(db)])
    capsys.readouterr()
    assert main(["--db", str(db), "search", "securite"]) == 0
    out = capsys.readouterr().out
    assert "[fr] drug-trafficking › dt-ltt-1: La [sécurité] des ports" in out
    assert main(["--db", str(db), "search", "zzzz"]) == 1


def test_environment_variable_names_the_library(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite"
    assert run_cli("import-library", str(DATA / "sample-library.json"), db=db).returncode == 0
    result = run_cli("meetings", db=db)
    assert result.returncode == 0 and "jha-test" in result.stdout


def test_export_then_import_into_empty_library(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    main(["--db", str(first), "import-library", str(DATA / "sample-library.json")])
    main(["--db", str(first), "export-library", "-o", str(tmp_path / "a.json")])
    main(["--db", str(second), "import-library", str(tmp_path / "a.json")])
    main(["--db", str(second), "export-library", "-o", str(tmp_path / "b.json")])
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    original: dict[str, Any] = json.loads((DATA / "sample-library.json").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == original


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["import-library", "absent.json"], "Cannot read"),
        (["meetings"], "not a Briefing library"),
    ],
)
def test_user_mistakes_give_one_line_and_no_traceback(tmp_path: Path, args: list[str], fragment: str) -> None:
    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("shopping list", encoding="utf-8")
    result = run_cli(*args, db=not_a_library)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: ") and fragment in lines[0]
    assert not_a_library.read_text(encoding="utf-8") == "shopping list"


def test_errors_follow_the_user_language(tmp_path: Path) -> None:
    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("shopping list", encoding="utf-8")
    result = run_cli("meetings", lang="fr_BE.UTF-8", db=not_a_library)
    assert result.returncode == 1
    assert "n’est pas une bibliothèque Briefing" in result.stderr


def test_broken_import_names_the_json_path(tmp_path: Path) -> None:
    broken = json.loads((DATA / "sample-library.json").read_text(encoding="utf-8"))
    broken["areas"][0]["topics"][0]["items"][1]["kind"] = "lines"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    result = run_cli("import-library", str(path), db=tmp_path / "lib.sqlite")
    assert result.returncode == 1
    assert 'areas[0].topics[0].items[1].kind: unknown kind "lines"' in result.stderr


def test_unknown_subcommand_is_a_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:en", "LANG": "C"}, "fr"),
        ({"LC_ALL": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_user_language(environ: dict[str, str], expected: str) -> None:
    assert user_language(environ) == expected


def test_damaged_library_is_one_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(page * 8, len(data) - page, page):  # keep the schema pages, damage the content
        data[start + 16 : start + 400] = b"\xa5" * 384
    db.write_bytes(bytes(data))
    for args in (["search", "police"], ["export", "jha-council-2024-06", "-o", str(tmp_path / "p.docx")]):
        result = run_cli(*args, db=db)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and ("cannot be read" in lines[0] or "malformed" in lines[0]), lines


def test_help_and_usage_errors_in_french() -> None:
    help_text = run_cli("export", "--help", lang="fr_BE.UTF-8")
    assert help_text.returncode == 0
    assert help_text.stdout.startswith("utilisation\u00a0: briefing export")
    assert "exporter le dossier d’une réunion (Word, Excel ou PDF)" in help_text.stdout
    assert "afficher cette aide et quitter" in help_text.stdout
    missing = run_cli("export", lang="fr_BE.UTF-8")
    assert missing.returncode == 2
    assert "erreur\u00a0: les arguments suivants sont obligatoires\u00a0: MEETING" in missing.stderr
    english = run_cli("export", "--help")
    assert english.stdout.startswith("usage: briefing export")


def test_no_screen_for_the_app_is_one_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LANG"] = "en_GB.UTF-8"
    result = subprocess.run([sys.executable, "-m", "briefing", "--db", str(tmp_path / "l.sqlite")],
                            capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("briefing: There is no screen") and "Traceback" not in result.stderr


def test_version_names_briefing_python_and_the_qt_binding() -> None:
    import platform
    from importlib import metadata

    result = run_cli("--version")
    assert result.returncode == 0
    qt = metadata.version("PySide6-Essentials")
    assert result.stdout.strip() == (
        f"briefing {metadata.version('briefing')} (Python {platform.python_version()}, PySide6 {qt})"
    )
