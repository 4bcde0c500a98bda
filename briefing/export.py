"""Exporting a pack: the one function the CLI and the desktop app both call.

Assembly runs inside one unit of work; the renderer then reads only the outline. Progress is reported through a
callback and cancellation is checked between steps, so the app can run this off the UI thread.

Every file written is recorded in the meeting's export history (:mod:`briefing.history`) in the same step that
puts it in place: its number, language, copy, template, recipient, time, SHA-256 and the outline it was made
from. :func:`export_recorded` makes a recorded version again, byte for byte, from that outline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.assemble import PackRequest, assemble
from briefing.errors import N_, BriefingError

if TYPE_CHECKING:
    from briefing.assemble import Outline
    from briefing.store import Library, UnitOfWork

FORMATS = ("docx", "xlsx", "pdf")

MAX_COPIES = 1000
"""The most numbered copies one export makes."""
MAX_RECIPIENT = 300
"""The longest recipient's name the history keeps."""

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
    warnings: list[str] = field(default_factory=list)
    untranslated: int = 0
    marking: str | None = None
    number: int | None = None
    """The file's number in the meeting's export history."""
    sha256: str = ""
    identical: bool = True
    """For a recorded version made again: whether the file is the same, byte for byte, as the one recorded."""


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

    def step(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelledError(N_("Export cancelled; nothing was written."))
        if progress is not None:
            progress(fraction)

    step(0.0)
    if request.format == "pdf":
        from briefing.render.pdf import find_soffice

        find_soffice()  # no LibreOffice: said before anything is done
    outline = with_copy_line(_assemble(library, request.pack), request)
    step(0.4)
    return _export_outline(library, outline, request, step)


def _assemble(library: Any, pack: PackRequest) -> Outline:
    if isinstance(library, sqlite3.Connection) or not hasattr(library, "reading"):
        return assemble(library, pack)
    with library.reading() as uow:  # one consistent snapshot, even while someone saves
        return assemble(uow, pack)


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
    outline = _assemble(library, request.pack)
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
        results.append(_export_outline(library, copy_outline, copy_request, lambda _f: None))
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
        warnings: list[str] = []
        for index, (copy_request, copy_outline) in enumerate(copies):
            document = Path(folder) / f"copy-{index}.docx"
            pack = build_pack(copy_outline, copy_request.template, now=now)
            pack.save(document)
            warnings = pack.warnings
            pairs.append((document, document.with_suffix(".pdf")))
        if cancelled is not None and cancelled():
            raise ExportCancelledError(N_("Export cancelled; nothing was written."))
        convert_many(pairs)
        results = []
        for index, ((copy_request, copy_outline), (_document, pdf)) in enumerate(
            zip(copies, pairs, strict=True)
        ):

            def make(path: Path, made: Path = pdf) -> list[str]:
                shutil.copyfile(made, path)
                return list(warnings)

            results.append(
                _write_recorded(
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
    template_hash = _file_hash(request.template) if request.template is not None else None

    def record(digest: str, size: int, outline_data: bytes) -> Any:
        return _new_record(request, outline, digest, size, now, outline_data, template_hash)

    return record


def file_part(name: str) -> str:
    """``name`` as a piece of a file name: letters and digits, dashes between, at most 40 characters."""
    import re

    return re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_")[:40].strip("-_") or "copy"


def _export_outline(
    library: Any, outline: Outline, request: ExportRequest, step: Callable[[float], None]
) -> ExportResult:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    template_hash = _file_hash(request.template) if request.template is not None else None
    result = _write_recorded(
        library,
        outline,
        request.output,
        request.format,
        template=request.template,
        now=now,
        step=step,
        record=lambda digest, size, outline_data: _new_record(
            request, outline, digest, size, now, outline_data, template_hash
        ),
    )
    step(1.0)
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


def _new_record(
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


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def render(outline: Outline, path: Path, fmt: str, *, template: Path | None, now: dt.datetime) -> list[str]:
    """Write ``outline`` as a ``fmt`` file at ``path``, dated ``now``; returns the renderer's warnings."""
    if fmt == "pdf":
        import tempfile

        from briefing.render.docx import build_pack
        from briefing.render.pdf import render_pdf

        pack = build_pack(outline, template, now=now)
        with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
            document = Path(folder) / "pack.docx"
            pack.save(document)
            render_pdf(document, path)
        return pack.warnings
    if fmt == "docx":
        from briefing.render.docx import render_docx

        return render_docx(outline, path, template=template, now=now)
    from briefing.render.xlsx import render_xlsx

    render_xlsx(outline, path, now=now)
    return []


Maker = Callable[[Path], list[str]]
"""Writes the file at the path it is given; returns warnings."""


def _write_recorded(
    library: Any,
    outline: Outline,
    output: Path,
    fmt: str,
    *,
    template: Path | None,
    now: dt.datetime,
    step: Callable[[float], None],
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

    def made(path: Path) -> list[str]:
        if make is not None:
            return make(path)
        return render(outline, path, fmt, template=template, now=now)

    if record is None:
        with atomic_output(Path(output)) as temporary:
            warnings = made(temporary)
            digest = _file_hash(temporary)
        return _result(output, outline, warnings, None, digest)
    outline_data = encode_outline(outline)
    # the write lock is taken only at the insert, after rendering; the record commits once the file is in place
    with writing(library) as write, atomic_output(Path(output)) as temporary:
        warnings = made(temporary)
        step(0.9)
        digest = _file_hash(temporary)
        new_record = record(digest, temporary.stat().st_size, outline_data)
        number = insert_record(write, outline.meeting_slug, new_record)
    return _result(output, outline, warnings, number, digest)


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
        if _file_hash(template) != record.template_sha256:
            raise BriefingError(
                N_("Version {number} was made with the template {path}, which has changed since."),
                number=number,
                path=template,
            )
    result = _write_recorded(
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
        request.meeting, mode, base.copy, allow_missing=request.allow_missing, version=base.pack_version
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

    def make(path: Path) -> list[str]:
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

    result = _write_recorded(
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

    def make(path: Path) -> list[str]:
        render_addendum(addendum, path, now=record.created_at)
        return []

    result = _write_recorded(
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


def _result(
    output: Path, outline: Outline, warnings: list[str], number: int | None, digest: str
) -> ExportResult:
    return ExportResult(
        Path(output), warnings, outline.untranslated_count, outline.marking_text, number, digest
    )


__all__ = [
    "FORMATS",
    "AddendumRequest",
    "ExportCancelledError",
    "ExportRequest",
    "ExportResult",
    "export_addendum",
    "export_pack",
    "export_recorded",
    "read_recorded",
    "render",
]
