"""Exporting a pack: the one function the CLI and the desktop app both call.

Assembly runs inside one unit of work; the renderer then reads only the outline. Progress is reported through a
callback and cancellation is checked between steps, so the app can run this off the UI thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.assemble import PackRequest, assemble
from briefing.errors import N_, BriefingError

if TYPE_CHECKING:
    from briefing.store import Library, UnitOfWork

FORMATS = ("docx", "xlsx")

Progress = Callable[[float], None]
"""Called with the fraction of the work done, from 0 to 1."""


class ExportCancelledError(BriefingError):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ExportRequest:
    """A pack to export and where to put it."""

    pack: PackRequest
    output: Path
    format: str = "docx"
    template: Path | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise BriefingError(N_('Unknown export format "{value}"; use docx or xlsx.'), value=self.format)
        if self.template is not None and self.format != "docx":
            raise BriefingError(N_("A template can only be used for a Word pack."))
        if self.template is not None and not Path(self.template).is_file():
            raise BriefingError(N_("The template {path} does not exist."), path=self.template)


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)
    untranslated: int = 0
    marking: str | None = None


BODY_PARTS = 8
"""The parts of a Word pack's body besides its agenda items' sections (cover, contents, agenda, participants…)."""


def _reporting(body: Iterable[str], parts: int, step: Callable[[float], None]) -> Iterator[str]:
    """``body`` as it is written, reporting the progress (0.4 to 0.94) and stopping if cancelled."""
    for done, chunk in enumerate(body, start=1):
        step(min(0.94, 0.4 + 0.55 * done / max(parts, 1)))
        yield chunk


def export_pack(
    library: Library | UnitOfWork | sqlite3.Connection,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Assemble and render the pack described by ``request``; the file appears only when complete.

    ``library`` is the library (read in a unit of work of its own), or an open unit of work or read-only
    :mod:`sqlite3` connection to read the pack's selection from.
    """

    def step(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelledError(N_("Export cancelled; nothing was written."))
        if progress is not None:
            progress(fraction)

    step(0.0)
    if isinstance(library, sqlite3.Connection) or not hasattr(library, "reading"):
        outline = assemble(library, request.pack)
    else:
        with library.reading() as uow:  # one consistent snapshot, even while someone saves
            outline = assemble(uow, request.pack)
    step(0.4)
    warnings: list[str] = []
    from briefing.files import atomic_output

    with atomic_output(request.output) as written:  # cancelled up to the last moment: nothing is left behind
        if request.format == "docx":
            from briefing.render.docx import build_pack

            pack = build_pack(outline, request.template)
            pack.body = _reporting(pack.body, len(outline.sections) + BODY_PARTS, step)
            pack.save(written)  # the body is written part by part: the progress moves, a cancel stops it
            warnings = pack.warnings
        else:
            from briefing.render.xlsx import render_xlsx

            render_xlsx(outline, written)
        step(0.95)
    if progress is not None:
        progress(1.0)  # in place: too late to cancel
    return ExportResult(request.output, warnings, outline.untranslated_count, outline.marking_text)
