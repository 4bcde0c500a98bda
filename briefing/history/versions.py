"""Recorded versions made again, byte for byte, and addenda since a recorded version.

:func:`export_recorded` renders the outline recorded with a version, dated with the recorded time, so the file
is the one recorded whatever changed in the library since; :func:`export_addendum` compares a recorded version's
outline with the pack as the library holds it now and writes the changes as Word tracked changes, recorded in
the history like any export.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.assemble import PackRequest, assemble
from briefing.errors import N_, BriefingError, Message
from briefing.export import ExportResult, Progress, file_hash, write_recorded

if TYPE_CHECKING:
    from briefing.assemble import Outline
    from briefing.store import Library, UnitOfWork


def read_recorded(library: Any, meeting: int | str, number: int) -> tuple[Any, Outline]:
    """Record ``number`` of ``meeting`` and the outline it was made from."""
    from briefing.history.codec import decode_outline
    from briefing.history.records import find_record

    if isinstance(library, sqlite3.Connection) or not hasattr(library, "reading"):
        record, data = find_record(library, meeting, number)
    else:
        with library.reading() as uow:
            record, data = find_record(uow, meeting, number)
    return record, decode_outline(data)


def export_recorded(
    library: Library | UnitOfWork | sqlite3.Connection,
    meeting: int | str,
    number: int,
    output: Path,
    *,
    progress: Progress | None = None,
) -> ExportResult:
    """Make recorded version ``number`` of ``meeting``'s exports again at ``output``, from its own outline.

    Whatever changed in the library since, the file is the one recorded, byte for byte, as long as this version
    of Briefing renders packs as the one that recorded it (:attr:`ExportResult.identical` says whether it did).
    A pack made with a template needs that template, unchanged, where it was. Nothing new is recorded.
    """
    if progress is not None:
        progress(0.0)
    record, outline = read_recorded(library, meeting, number)
    if record.is_addendum:
        return _addendum_again(library, meeting, record, outline, output)
    template = Path(record.template) if record.template else None
    if template is not None:
        if not template.is_file():
            raise BriefingError(
                N_("Version {number} was made with the template {path}, which is no longer there."),
                number=number,
                path=template,
            )
        if file_hash(template) != record.template_sha256:
            raise BriefingError(
                N_("Version {number} was made with the template {path}, which has changed since."),
                number=number,
                path=template,
            )
    result = write_recorded(
        library,
        outline,
        output,
        record.format,
        template=template,
        now=record.created_at,
        step=lambda _fraction: None,
        record=None,
    )
    result.number = number
    result.identical = result.sha256 == record.sha256
    if progress is not None:
        progress(1.0)
    return result


@dataclass(frozen=True)
class AddendumRequest:
    """An addendum to recorded version :attr:`since` of a meeting's pack, in :attr:`mode` (default: that
    version's language), of the same copy type."""

    meeting: int | str
    since: int
    output: Path
    mode: str | None = None
    allow_missing: bool = False


def export_addendum(
    library: Library | UnitOfWork | sqlite3.Connection,
    request: AddendumRequest,
    *,
    progress: Progress | None = None,
) -> ExportResult:
    """Write what changed in the meeting's pack since version :attr:`AddendumRequest.since`, as a Word document
    with tracked changes, and record it (as "addendum k to version N") with the pack's outline as it is now."""
    from briefing.history.addendum import compare
    from briefing.history.records import ADDENDUM, NewRecord, next_addendum_number
    from briefing.render.docx.addendum import render_addendum
    from briefing.versions import package_version

    if progress is not None:
        progress(0.0)
    base, base_outline = read_recorded(library, request.meeting, request.since)
    if base.is_addendum:
        raise BriefingError(
            N_("Version {number} is an addendum: give the number of a pack (see `briefing history`)."),
            number=request.since,
        )
    mode = request.mode or base.mode
    pack = PackRequest(
        request.meeting,
        mode,
        base.copy,
        allow_missing=request.allow_missing,
        version=base.pack_version,
        text_table=False,
    )
    if isinstance(library, sqlite3.Connection) or not hasattr(library, "reading"):
        current = assemble(library, pack)
        number = next_addendum_number(library, request.meeting, request.since)
    else:
        with library.reading() as uow:
            current = assemble(uow, pack)
            number = next_addendum_number(uow, request.meeting, request.since)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    addendum = compare(
        base_outline, current, base_number=request.since, number=number, base_time=base.created_at
    )

    def make(path: Path) -> list[Message]:
        render_addendum(addendum, path, now=now)
        return []

    def record(digest: str, size: int, outline_data: bytes) -> NewRecord:
        return NewRecord(
            kind=ADDENDUM,
            format="docx",
            mode=current.mode.value,
            copy=current.copy.value,
            pack_version=base.pack_version,
            file_name=Path(request.output).name,
            sha256=digest,
            size=size,
            created_at=now,
            app_version=package_version(),
            outline=outline_data,
            base_number=request.since,
            addendum_number=number,
        )

    result = write_recorded(
        library,
        current,
        request.output,
        "docx",
        template=None,
        now=now,
        step=lambda _fraction: None,
        record=record,
        make=make,
    )
    if progress is not None:
        progress(1.0)
    return result


def _addendum_again(
    library: Any, meeting: int | str, record: Any, current: Outline, output: Path
) -> ExportResult:
    """A recorded addendum made again: its version's outline against the outline recorded with it."""
    from briefing.history.addendum import compare
    from briefing.render.docx.addendum import render_addendum

    base, base_outline = read_recorded(library, meeting, record.base_number)
    addendum = compare(
        base_outline,
        current,
        base_number=base.number,
        number=record.addendum_number,
        base_time=base.created_at,
    )

    def make(path: Path) -> list[Message]:
        render_addendum(addendum, path, now=record.created_at)
        return []

    result = write_recorded(
        library,
        current,
        output,
        "docx",
        template=None,
        now=record.created_at,
        step=lambda _fraction: None,
        record=None,
        make=make,
    )
    result.number = record.number
    result.identical = result.sha256 == record.sha256
    return result


__all__ = ["AddendumRequest", "export_addendum", "export_recorded", "read_recorded"]
