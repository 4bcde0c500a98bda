"""`briefing demo`: creates the demo library, never overwrites content without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli.main import main


def test_demo_then_refuse_then_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "library.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["--db", str(db), "meetings"]) == 0
    out = capsys.readouterr().out
    assert "jha-council-2024-06\t2024-06-13\tJustice and Home Affairs Council" in out
    assert "val-duchesse-ii\t2018-06-11" in out

    assert main(["demo", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already has content" in err and "--force" in err

    assert main(["demo", "--db", str(db), "--force"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "meetings"]) == 0
    assert capsys.readouterr().out.count("jha-council-2024-06") == 1
