"""A translation workbook's progress moves with the rows read and written, and a cancel leaves nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from briefing.interchange.translation_workbook import export_translations
from briefing.progress import ExportCancelledError
from briefing.store import Library
from tests.support.big_meeting import MEETING
from tests.support.cancelling import CancelAt


@pytest.mark.parametrize("meeting", [MEETING, None])
def test_the_progress_moves_with_the_rows(big_library: Library, tmp_path: Path, meeting: str | None) -> None:
    seen: list[float] = []
    path = tmp_path / "todo.xlsx"
    count = export_translations(big_library, path, meeting=meeting, lang="fr", progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0
    assert len(set(seen)) >= 20  # not 0 % then 100 %
    assert count > 100
    assert openpyxl.load_workbook(path).worksheets[0].max_row == count + 1


@pytest.mark.parametrize("meeting", [MEETING, None])
@pytest.mark.parametrize("at", [0.1, 0.5, 0.85])
def test_a_cancel_leaves_no_workbook_and_no_temporary_file(
    big_library: Library, tmp_path: Path, temporary: Path, meeting: str | None, at: float
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    cancel = CancelAt(at)
    with pytest.raises(ExportCancelledError):  # openpyxl keeps a sheet's rows in ``temporary``
        export_translations(
            big_library,
            folder / "todo.xlsx",
            meeting=meeting,
            progress=cancel.progress,
            cancelled=cancel.cancelled,
        )
    assert list(folder.iterdir()) == []
    assert list(temporary.iterdir()) == []
