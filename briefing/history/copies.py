"""Numbered copies: one file per recipient, "Copy 3 of 12 — Name" in the footer of every page, each recorded.

The pack is assembled once, so every copy holds the same content; PDF copies are converted in one LibreOffice
run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import N_, BriefingError, Message
from briefing.export import (
    ExportCancelledError,
    ExportRequest,
    ExportResult,
    Progress,
    assemble_pack,
    export_outline,
    file_hash,
    new_record,
    with_copy_line,
    write_recorded,
)
from briefing.progress import stepper

if TYPE_CHECKING:
    import sqlite3

    from briefing.assemble import Outline
    from briefing.store import Library, UnitOfWork

MAX_COPIES = 1000
"""The most numbered copies one export makes."""
MAX_RECIPIENT = 300
"""The longest recipient's name the history keeps."""


def export_copies(
    library: Library | UnitOfWork | sqlite3.Connection,
    request: ExportRequest,
    recipients: list[str],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ExportResult]:
    """One numbered copy of the pack per recipient, each with "Copy 3 of 12 — Name" in the footer of every page
    and recorded on its own. The pack is assembled once, so every copy holds the same content. The files are
    named after :attr:`ExportRequest.output`: ``pack-03-Name.docx``."""
    names = [name.strip() for name in recipients if name.strip()]
    if not names:
        raise BriefingError(N_("The list of recipients is empty: write one name a line."))
    if len(names) > MAX_COPIES:
        raise BriefingError(N_("At most {most} numbered copies can be made at once."), most=MAX_COPIES)
    if request.format == "xlsx":
        raise BriefingError(N_("Numbered copies are Word or PDF packs, not Excel workbooks."))
    too_long = next((name for name in names if len(name) > MAX_RECIPIENT), None)
    if too_long is not None:
        raise BriefingError(
            N_("A recipient's name is at most {most} characters: “{name}…”."),
            most=MAX_RECIPIENT,
            name=too_long[:40],
        )
    if request.format == "pdf":
        from briefing.render.pdf import find_soffice

        find_soffice()
    outline = assemble_pack(library, request.pack)
    width = max(2, len(str(len(names))))
    copies = []
    for index, name in enumerate(names, start=1):
        output = Path(request.output)
        copy_output = output.with_name(f"{output.stem}-{index:0{width}d}-{file_part(name)}{output.suffix}")
        copy_request = dataclasses.replace(
            request, output=copy_output, recipient=name, copy_number=index, copy_count=len(names)
        )
        copies.append((copy_request, with_copy_line(outline, copy_request)))
    if request.format == "pdf":
        return _pdf_copies(library, copies, progress=progress, cancelled=cancelled)
    results = []
    for index, (copy_request, copy_outline) in enumerate(copies, start=1):
        if cancelled is not None and cancelled():
            raise ExportCancelledError(N_("Export cancelled; the copies already written are kept."))
        results.append(export_outline(library, copy_outline, copy_request, lambda _f: None))
        if progress is not None:
            progress(index / len(copies))
    return results


def _pdf_copies(
    library: Any,
    copies: list[tuple[ExportRequest, Outline]],
    *,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[ExportResult]:
    """Numbered PDF copies: every Word copy rendered, then converted in one LibreOffice run, then each PDF put in
    place and recorded."""
    import shutil
    import tempfile

    from briefing.render.docx import build_pack
    from briefing.render.pdf import convert_many

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="briefing-copies-") as folder:
        pairs = []
        warnings: list[Message] = []
        for index, (copy_request, copy_outline) in enumerate(copies):
            document = Path(folder) / f"copy-{index}.docx"
            pack = build_pack(copy_outline, copy_request.template, now=now)
            pack.save(document)
            warnings = pack.warnings
            pairs.append((document, document.with_suffix(".pdf")))
        if cancelled is not None and cancelled():
            raise ExportCancelledError(N_("Export cancelled; nothing was written."))
        convert_many(pairs, step=stepper(None, cancelled))  # a cancel ends LibreOffice
        results = []
        for index, ((copy_request, copy_outline), (_document, pdf)) in enumerate(
            zip(copies, pairs, strict=True)
        ):

            def make(path: Path, made: Path = pdf) -> list[Message]:
                shutil.copyfile(made, path)
                return list(warnings)

            results.append(
                write_recorded(
                    library,
                    copy_outline,
                    copy_request.output,
                    "pdf",
                    template=copy_request.template,
                    now=now,
                    step=lambda _fraction: None,
                    record=_recorder(copy_request, copy_outline, now),
                    make=make,
                )
            )
            if progress is not None:
                progress((index + 1) / len(copies))
    return results


def _recorder(request: ExportRequest, outline: Outline, now: dt.datetime) -> Callable[[str, int, bytes], Any]:
    """What records the file of ``request`` once it is written (its hash, size and outline snapshot given)."""
    template_hash = file_hash(request.template) if request.template is not None else None

    def record(digest: str, size: int, outline_data: bytes) -> Any:
        return new_record(request, outline, digest, size, now, outline_data, template_hash)

    return record


def file_part(name: str) -> str:
    """``name`` as a piece of a file name: letters and digits, dashes between, at most 40 characters."""
    import re

    return re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_")[:40].strip("-_") or "copy"


__all__ = ["MAX_COPIES", "MAX_RECIPIENT", "export_copies", "file_part"]
