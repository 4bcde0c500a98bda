"""Exporting a pack reports its progress part by part, and a cancel at any point leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.assemble import PackRequest
from briefing.export import ExportCancelledError, ExportRequest, export_pack
from briefing.store import Library


def request(folder: Path) -> ExportRequest:
    return ExportRequest(
        pack=PackRequest("jha-test", "en", "internal", True), output=folder / "pack.docx", format="docx"
    )


def test_the_progress_moves_with_the_word_pack_being_written(sample_library: Library, tmp_path: Path) -> None:
    seen: list[float] = []
    folder = tmp_path / "out"
    folder.mkdir()
    export_pack(sample_library, request(folder), progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0
    writing = [f for f in seen if 0.4 < f < 0.95]
    assert len(writing) >= 4  # cover, contents, agenda, each agenda item…: not 0 % then 100 %
    assert (folder / "pack.docx").exists()


@pytest.mark.parametrize("after", [1, 3, 6])
def test_a_cancel_while_the_pack_is_written_leaves_nothing(
    sample_library: Library, tmp_path: Path, after: int
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "pack.docx"
    target.write_bytes(b"the previous pack")
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > after

    with pytest.raises(ExportCancelledError):
        export_pack(sample_library, request(folder), cancelled=cancelled)
    assert target.read_bytes() == b"the previous pack"
    assert [p.name for p in folder.iterdir()] == ["pack.docx"]  # no temporary file left
