"""Exporting a pack reports its progress part by part, and a cancel at any point leaves nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.assemble import PackRequest
from briefing.export import ASSEMBLED, RECORDING, ExportCancelledError, ExportRequest, export_pack
from briefing.progress import BUSY
from briefing.store import Library
from tests.support.big_meeting import MEETING, export_count
from tests.support.cancelling import CancelAt


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


# --- a big meeting: progress from the first read, a cancel at any stage ------------------------------------


def big_request(folder: Path, fmt: str) -> ExportRequest:
    return ExportRequest(
        pack=PackRequest(MEETING, "bilingual", "internal", True), output=folder / f"pack.{fmt}", format=fmt
    )


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_progress_moves_while_the_selection_is_read_and_the_outline_built(
    big_library: Library, tmp_path: Path, fmt: str
) -> None:
    import briefing.export

    seen: list[float] = []
    outline_built_after: list[int] = []
    assemble_pack = briefing.export.assemble_pack

    def watched(*args: Any, **kwargs: Any) -> Any:  # the real assembly, noting how far the progress went
        outline = assemble_pack(*args, **kwargs)
        outline_built_after.append(len(seen))
        return outline

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefing.export, "assemble_pack", watched)
        export_pack(big_library, big_request(folder, fmt), progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0
    assembling = [f for f in seen[: outline_built_after[0]] if 0.0 < f < ASSEMBLED]
    assert len(set(assembling)) >= 50  # the selection read and each agenda item assembled, step by step
    writing = [f for f in seen if ASSEMBLED < f < RECORDING]
    assert len(set(writing)) >= 50
    assert (folder / f"pack.{fmt}").exists()


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("at", [0.05, 0.2, 0.5, 0.8, 0.94])
def test_a_cancel_at_any_stage_leaves_no_file_no_temporary_file_and_no_record(
    big_library: Library, tmp_path: Path, temporary: Path, fmt: str, at: float
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    cancel = CancelAt(at)
    before = export_count(big_library)
    with pytest.raises(
        ExportCancelledError
    ):  # openpyxl's sheets and LibreOffice's folder are in ``temporary``
        export_pack(
            big_library, big_request(folder, fmt), progress=cancel.progress, cancelled=cancel.cancelled
        )
    assert list(folder.iterdir()) == []
    assert list(temporary.iterdir()) == []
    assert export_count(big_library) == before


def test_a_cancel_while_libreoffice_converts_ends_it_and_leaves_nothing(
    big_library: Library, tmp_path: Path, temporary: Path, soffice: str
) -> None:
    import time

    folder = tmp_path / "out"
    folder.mkdir()
    converting_since: list[float] = []

    def progress(fraction: float) -> None:
        if fraction == BUSY and not converting_since:
            converting_since.append(time.monotonic())

    def cancelled() -> bool:  # cancelled a second into the conversion
        return bool(converting_since) and time.monotonic() - converting_since[0] > 1.0

    request = ExportRequest(
        pack=PackRequest(MEETING, "en", "internal", True), output=folder / "pack.pdf", format="pdf"
    )
    with pytest.raises(ExportCancelledError):
        export_pack(big_library, request, progress=progress, cancelled=cancelled)
    stopped = time.monotonic() - converting_since[0] - 1.0
    assert stopped < 0.5, f"LibreOffice ran on for {stopped:.2f} s after the cancel"
    assert list(folder.iterdir()) == []
    assert list(temporary.iterdir()) == []  # its profile and the pack it was converting are gone
    assert not running_with(str(temporary))  # no LibreOffice process left converting


def running_with(text: str) -> list[str]:
    """The command lines of this machine's processes that mention ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if entry.name.isdigit() and text in command:
            found.append(command)
    return found
