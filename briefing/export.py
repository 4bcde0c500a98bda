"""Exporting a pack: the one function the CLI and the desktop app both call.

Assembly runs inside one unit of work; the renderer then reads only the outline. Progress is reported through a
callback and cancellation is checked between steps, so the app can run this off the UI thread.

Every file written is recorded in the meeting's export history (:mod:`briefing.history`) in the same step that
puts it in place: its number, language, copy, template, recipient, time, SHA-256 and the outline it was made
from. Numbered copies are made by :mod:`briefing.history.copies`; recorded versions made again and addenda by
:mod:`briefing.history.versions`, both through :func:`write_recorded`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.assemble import PackRequest, assemble
from briefing.errors import N_, BriefingError, Message
from briefing.progress import BUSY, ExportCancelledError, Progress, Step, part, stepper

if TYPE_CHECKING:
    from briefing.assemble import Outline
    from briefing.store import Library, UnitOfWork

FORMATS = ("docx", "xlsx", "pdf")


ASSEMBLED = 0.3
"""The share of an export's progress taken by reading the selection and building the outline."""
KEPT = 0.4
"""Where an export's progress stands once the outline is written down for its record; the file follows."""
RECORDING = 0.95
"""Where an export's progress stands once the file is written, while it is hashed and recorded."""


@dataclass(frozen=True)
class ExportRequest:
    """A pack to export and where to put it."""

    pack: PackRequest
    output: Path
    format: str = "docx"
    template: Path | None = None
    recipient: str = ""
    """Whom this copy goes to; with :attr:`copy_number`, printed in the footer of every page."""
    copy_number: int | None = None
    copy_count: int | None = None

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise BriefingError(
                N_('Unknown export format "{value}"; use docx, xlsx or pdf.'), value=self.format
            )
        if self.template is not None and self.format == "xlsx":
            raise BriefingError(N_("A template can only be used for a Word pack."))
        if self.template is not None and not Path(self.template).is_file():
            raise BriefingError(N_("The template {path} does not exist."), path=self.template)


@dataclass
class ExportResult:
    path: Path
    warnings: list[Message] = field(default_factory=list)
    untranslated: int = 0
    marking: str | None = None
    number: int | None = None
    """The file's number in the meeting's export history."""
    sha256: str = ""
    identical: bool = True
    """For a recorded version made again: whether the file is the same, byte for byte, as the one recorded."""


BODY_PARTS = 8
"""The parts of a Word pack's body besides its agenda items' sections (cover, contents, agenda, participants…)."""


def _reporting(body: Iterable[str], parts: int, step: Step) -> Iterator[str]:
    """``body`` as it is written, reporting each part to ``step`` (which stops the export if cancelled)."""
    for done, chunk in enumerate(body, start=1):
        step(min(1.0, done / max(parts, 1)))
        yield chunk


def export_pack(
    library: Library | UnitOfWork | sqlite3.Connection,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Assemble and render the pack described by ``request``; the file appears only when complete, recorded.

    ``library`` is the library (read in a unit of work of its own), or an open unit of work or read-only
    :mod:`sqlite3` connection to read the pack's selection from; the record is written beside that read, in a
    transaction of its own, and committed once the file is in place.
    """

    step = stepper(progress, cancelled)
    step(0.0)
    if request.format == "pdf":
        from briefing.render.pdf import find_soffice

        find_soffice()  # no LibreOffice: said before anything is done
    load_renderer(request.format)
    step(0.0)
    # only the Excel pack reads the table of every text: a Word pack's outline (and its record) leaves it out
    pack = dataclasses.replace(request.pack, text_table=request.format == "xlsx")
    outline = with_copy_line(assemble_pack(library, pack, step=part(step, 0.0, ASSEMBLED)), request)
    step(ASSEMBLED)
    result = export_outline(library, outline, request, step)
    if progress is not None:
        progress(1.0)  # in place and recorded: too late to cancel
    return result


def load_renderer(fmt: str) -> None:
    """Import the renderer of ``fmt`` (and its libraries), a moment the first time: done before the export's
    steps begin, so that no step waits on it."""
    import importlib

    importlib.import_module("briefing.render.xlsx" if fmt == "xlsx" else "briefing.render.docx")


def assemble_pack(library: Any, pack: PackRequest, *, step: Step | None = None) -> Outline:
    """The outline of ``pack``, read from ``library``; ``step`` follows the selection's load and the assembly."""
    if isinstance(library, sqlite3.Connection) or not hasattr(library, "reading"):
        return assemble(library, pack, step=step)
    with library.reading() as uow:  # one consistent snapshot, even while someone saves
        return assemble(uow, pack, step=step)


def export_outline(library: Any, outline: Outline, request: ExportRequest, step: Step) -> ExportResult:
    """Write and record ``outline``; ``step`` is the whole export's (the outline is written down for the
    record from :data:`ASSEMBLED` to :data:`KEPT`, the file from there to :data:`RECORDING`)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    template_hash = file_hash(request.template) if request.template is not None else None
    result = write_recorded(
        library,
        outline,
        request.output,
        request.format,
        template=request.template,
        now=now,
        step=step,
        record=lambda digest, size, outline_data: new_record(
            request, outline, digest, size, now, outline_data, template_hash
        ),
    )
    return result


def with_copy_line(outline: Outline, request: ExportRequest) -> Outline:
    """``outline`` with the numbered copy's line ("Copy 3 of 12 — Name") when ``request`` is for one copy."""
    if request.copy_number is None or request.copy_count is None:
        return outline
    from briefing.assemble.outline import Text
    from briefing.history.labels import COPY_LINE
    from briefing.i18n.labels import Labels
    from briefing.i18n.typography import for_language

    line = tuple(
        Text(
            for_language(
                Labels.for_language(lang).get(
                    COPY_LINE,
                    number=request.copy_number,
                    count=request.copy_count,
                    recipient=request.recipient.strip(),
                ),
                lang,
            ),
            lang,
        )
        for lang in outline.languages
    )
    return dataclasses.replace(outline, copy_line=line)


def new_record(
    request: ExportRequest,
    outline: Outline,
    digest: str,
    size: int,
    now: dt.datetime,
    outline_data: bytes,
    template_hash: str | None,
) -> Any:
    from briefing.history.records import PACK, NewRecord
    from briefing.versions import package_version

    return NewRecord(
        kind=PACK,
        format=request.format,
        mode=outline.mode.value,
        copy=outline.copy.value,
        pack_version=request.pack.version,
        file_name=Path(request.output).name,
        sha256=digest,
        size=size,
        created_at=now,
        app_version=package_version(),
        outline=outline_data,
        template=str(request.template) if request.template is not None else None,
        template_sha256=template_hash,
        recipient=request.recipient.strip() or None,
        copy_number=request.copy_number,
        copy_count=request.copy_count,
    )


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def render(
    outline: Outline,
    path: Path,
    fmt: str,
    *,
    template: Path | None,
    now: dt.datetime,
    step: Step | None = None,
) -> list[Message]:
    """Write ``outline`` as a ``fmt`` file at ``path``, dated ``now``; returns the renderer's warnings.

    The work is reported to ``step``, from 0 to 1, which may stop it by raising :class:`ExportCancelledError`:
    a Word pack's body part by part, an Excel pack's rows as they are written; a PDF is its Word pack written,
    then LibreOffice's conversion (of unknown length: :data:`~briefing.progress.BUSY`), which a cancel stops."""
    parts = len(outline.sections) + BODY_PARTS
    if fmt == "pdf":
        import tempfile

        from briefing.render.docx import build_pack
        from briefing.render.pdf import render_pdf

        pack = build_pack(outline, template, now=now)
        pack.body = _reporting(pack.body, parts, part(step, 0.0, 0.3))
        with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
            document = Path(folder) / "pack.docx"
            pack.save(document)
            converting = part(step, 0.3, 1.0)
            converting(BUSY)
            render_pdf(document, path, step=converting)
            converting(1.0)
        return pack.warnings
    if fmt == "docx":
        from briefing.render.docx import build_pack

        pack = build_pack(outline, template, now=now)
        pack.body = _reporting(pack.body, parts, part(step, 0.0, 1.0))
        pack.save(path)
        return pack.warnings
    from briefing.render.xlsx import render_xlsx

    render_xlsx(outline, path, now=now, step=step)
    return []


Maker = Callable[[Path], list[Message]]
"""Writes the file at the path it is given; returns warnings."""


def write_recorded(
    library: Any,
    outline: Outline,
    output: Path,
    fmt: str,
    *,
    template: Path | None,
    now: dt.datetime,
    step: Step,
    record: Callable[[str, int, bytes], Any] | None,
    make: Maker | None = None,
) -> ExportResult:
    """Render ``outline`` (or let ``make`` write the file) into ``output`` and, when ``record`` makes a record
    of it, record it with ``outline``.

    The record is inserted once the file is complete and committed once it is in place: a file that could not be
    written leaves no record, and a record that cannot be written leaves the previous file where it was.
    """
    from briefing.files import atomic_output
    from briefing.history.codec import encode_outline
    from briefing.history.records import insert_record, writing

    def made(path: Path) -> list[Message]:
        if make is not None:
            return make(path)
        return render(outline, path, fmt, template=template, now=now, step=part(step, KEPT, RECORDING))

    if record is None:
        with atomic_output(Path(output)) as temporary:
            warnings = made(temporary)
            digest = file_hash(temporary)
        return _result(output, outline, warnings, None, digest)
    outline_data = encode_outline(outline, step=part(step, ASSEMBLED, KEPT))
    # the write lock is taken only at the insert, after rendering; the record commits once the file is in place
    with writing(library) as write, atomic_output(Path(output)) as temporary:
        warnings = made(temporary)
        step(RECORDING)
        digest = file_hash(temporary)
        new_record = record(digest, temporary.stat().st_size, outline_data)
        number = insert_record(write, outline.meeting_slug, new_record)
    return _result(output, outline, warnings, number, digest)


def _result(
    output: Path, outline: Outline, warnings: list[Message], number: int | None, digest: str
) -> ExportResult:
    return ExportResult(
        Path(output), warnings, outline.untranslated_count, outline.marking_text, number, digest
    )


__all__ = [
    "ASSEMBLED",
    "FORMATS",
    "KEPT",
    "RECORDING",
    "ExportCancelledError",
    "ExportRequest",
    "ExportResult",
    "Progress",
    "assemble_pack",
    "export_outline",
    "export_pack",
    "file_hash",
    "new_record",
    "render",
    "with_copy_line",
    "write_recorded",
]
