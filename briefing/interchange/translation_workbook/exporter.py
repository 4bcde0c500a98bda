"""Translation workbooks written: one row per text that needs a language, for a translator to fill in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from briefing.assemble import PackRequest
from briefing.assemble.workbook_rows import TextRow, library_text_rows, pack_text_rows
from briefing.errors import N_, BriefingError
from briefing.i18n import labels as lbl
from briefing.i18n import pack_language
from briefing.i18n.labels import Labels
from briefing.interchange.translation_workbook.format import (
    COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
    META_SHEET,
    NEEDS_TRANSLATION,
)
from briefing.model import Marking, fingerprint
from briefing.progress import Cancelled, Progress, Step, counter, part, stepper
from briefing.store import Library


def export_translations(
    library: Library,
    path: Path,
    *,
    meeting: str | None = None,
    lang: str = "fr",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the texts that need ``lang`` to the workbook ``path``; the number of rows written.

    With ``meeting``, only the texts of that meeting's pack (internal copy) are listed; otherwise every text
    of the library. ``progress`` is told the fraction done as the texts are read and written, and
    ``cancelled`` asked between steps: a cancel raises :class:`~briefing.progress.ExportCancelledError` and
    leaves neither the workbook nor a temporary file.
    """
    from briefing.files import atomic_output
    from briefing.render.xlsx.package import discard_workbook, save_workbook

    lang = _language(lang)
    step = stepper(progress, cancelled)
    step(0.0)
    with library.reading() as uow, atomic_output(Path(path)) as temporary:
        if meeting is not None:
            listed = pack_text_rows(uow, PackRequest(meeting, mode=lang), step=part(step, 0.0, 0.6))
            scope = uow.meetings.require(meeting).slug
            rows: Iterable[TextRow] = _counted(listed.texts, part(step, 0.6, WRITTEN))
        else:
            rows = library_text_rows(uow, step=part(step, 0.0, WRITTEN))
            scope = ""
        writer = _Writer(lang, scope)
        try:
            count = writer.write(row for row in rows if _needs(row, lang))
            step(WRITTEN)
            save_workbook(writer.book, temporary)
        except BaseException:
            discard_workbook(writer.book)
            raise
    if progress is not None:
        progress(1.0)  # in place: too late to cancel
    return count


WRITTEN = 0.9
"""Where the progress stands once the rows are written, while the workbook is saved."""


def _counted(rows: Sequence[TextRow], step: Step) -> Iterator[TextRow]:
    """``rows``, each one reported to ``step``."""
    done = counter(step, len(rows), every=50)
    for index, row in enumerate(rows, start=1):
        yield row
        done(index)


def _language(lang: str) -> str:
    try:
        return pack_language(lang)
    except ValueError:
        raise BriefingError(N_('Unknown language "{value}"; use en or fr.'), value=lang) from None


def _needs(row: TextRow, lang: str) -> bool:
    return bool(
        row.source_lang != lang and row.text(row.source_lang).strip() and row.state(lang) in NEEDS_TRANSLATION
    )


class _Writer:
    def __init__(self, lang: str, scope: str) -> None:
        from openpyxl import Workbook

        self.lang = lang
        self.scope = scope
        self.labels = Labels.for_language(lang)
        self.book = Workbook(write_only=True)

    def headers(self, source_lang: str) -> dict[str, str]:
        get = self.labels.get
        names = {"en": get(lbl.ENGLISH), "fr": get(lbl.FRENCH)}
        return {
            "id": get(lbl.TEXT_ID),
            "context": get(lbl.CONTEXT),
            "source": names.get(source_lang, source_lang),
            "translation": names.get(self.lang, self.lang),
            "status": get(lbl.STATUS),
            "source_fingerprint": "source_fingerprint",
            "translation_fingerprint": "translation_fingerprint",
        }

    def write(self, rows: Iterator[TextRow]) -> int:
        from openpyxl.cell import WriteOnlyCell

        from briefing.i18n import PACK_LANGUAGES
        from briefing.render.xlsx.cells import text_cell
        from briefing.render.xlsx.layout import (
            EDITABLE,
            TEXT,
            Column,
            add_table,
            header_cells,
            set_up_columns,
            set_up_printing,
            sheet_title,
        )

        source_lang = next((code for code in PACK_LANGUAGES if code != self.lang), "en")
        headers = self.headers(source_lang)
        sheet = self.book.create_sheet(sheet_title(self.labels.get(lbl.TRANSLATIONS), [META_SHEET]))
        set_up_columns(
            sheet,
            [
                Column(headers["id"], 8),
                Column(headers["context"], 30),
                Column(headers["source"], 60),
                Column(headers["translation"], 60),
                Column(headers["status"], 16),
                Column(headers["source_fingerprint"], 18, hidden=True),
                Column(headers["translation_fingerprint"], 18, hidden=True),
            ],
        )
        sheet.append(header_cells(sheet, [headers[key] for key in COLUMNS]))
        count = 0
        marking: Marking | None = None
        for row in rows:
            count += 1
            marking = Marking.highest([marking, row.marking])
            current = row.text(self.lang)
            id_cell = WriteOnlyCell(sheet, row.block_id)
            TEXT.apply(id_cell)
            sheet.append(
                [
                    id_cell,
                    text_cell(sheet, row.context(self.labels), TEXT),
                    text_cell(sheet, row.text(row.source_lang), TEXT),
                    text_cell(sheet, current, EDITABLE),
                    text_cell(sheet, self.labels.translation_state(row.state(self.lang).value), TEXT),
                    text_cell(sheet, fingerprint(row.text(row.source_lang))),
                    text_cell(sheet, fingerprint(current) if current.strip() else ""),
                ]
            )
        add_table(sheet, "Translations", [headers[key] for key in COLUMNS], count)
        set_up_printing(sheet, marking=marking.value if marking else None)
        protection = sheet.protection
        protection.sheet = True
        protection.formatRows = False
        protection.autoFilter = False
        protection.sort = False
        self.metadata(sheet.title, headers, count)
        return count

    def metadata(self, sheet_name: str, headers: dict[str, str], count: int) -> None:
        meta = self.book.create_sheet(META_SHEET)
        meta.sheet_state = "veryHidden"
        from briefing.render.xlsx.cells import text_cell

        entries: list[tuple[str, object]] = [
            ("format", FORMAT_NAME),
            ("version", FORMAT_VERSION),
            ("lang", self.lang),
            ("sheet", sheet_name),
            ("scope", self.scope),
            ("rows", count),
            ("exported_at", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
        ]
        entries += [(f"column.{key}", headers[key]) for key in COLUMNS]
        for key, value in entries:
            meta.append([key, text_cell(meta, value) if isinstance(value, str) else value])
