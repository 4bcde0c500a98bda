"""Translation workbooks: the texts that need a language, out to a translator and back into the library.

:func:`export_translations` writes one row per text whose translation into ``lang`` is missing, out of date
(stale) or a draft, for one meeting's pack or for the whole library. The translator fills the translation
column; the sheet is protected everywhere else. Two hidden columns record the fingerprint of the source text
the row was made from and the fingerprint of the translation as it stood, and a hidden sheet says that the
file is a Briefing translation workbook, in which version and for which language.

:func:`import_translations` reads such a workbook back in one unit of work. Every row is checked before
anything is written; a file that is not a translation workbook, a damaged file, an unknown text ID or an
altered hidden cell stops the import with the sheet, row and cell at fault, and the library is left as it
was. Rows whose translation is empty or unchanged are skipped. A row is a *conflict*, reported and not
written, when the source text changed in the library since the export (the translation would be made from
an old text) or when someone changed the translation in the library meanwhile (it would be overwritten).
Every other row becomes the text's translation, with the status "translated".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from briefing.assemble import PackRequest
from briefing.assemble.workbook_rows import TextRow, library_text_rows, pack_text_rows
from briefing.errors import N_, BriefingError, InterchangeError, Message
from briefing.i18n import labels as lbl
from briefing.i18n import pack_language
from briefing.i18n.labels import Labels
from briefing.model import Marking, TextBlock, TextStatus, fingerprint
from briefing.model.enums import TranslationState
from briefing.store import Library, UnitOfWork

FORMAT_NAME = "briefing-translations"
FORMAT_VERSION = 1
META_SHEET = "briefing"
"""The hidden sheet that identifies a translation workbook."""

NEEDS_TRANSLATION = frozenset({TranslationState.MISSING, TranslationState.STALE, TranslationState.DRAFT})
"""States of a language that put a text in a translation workbook."""

COLUMNS = (
    "id",
    "context",
    "source",
    "translation",
    "status",
    "source_fingerprint",
    "translation_fingerprint",
)
"""The columns of the translation sheet, in order; the metadata sheet gives each one's heading."""

REQUIRED_COLUMNS = ("id", "translation", "source_fingerprint", "translation_fingerprint")
_FINGERPRINT_LENGTH = 16
_BATCH = 500


@dataclass(frozen=True)
class Conflict:
    """A row of the workbook that was not imported, and why."""

    row: int
    text_id: int
    context: str
    reason: str
    """"source_changed" or "translation_changed"."""

    def message(self) -> Message:
        if self.reason == "source_changed":
            problem = Message(N_("the source text changed in the library since the export; not imported"))
        else:
            problem = Message(N_("the translation was changed in the library since the export; not imported"))
        return Message(
            N_("row {row} (ID {id}, {context}): {problem}"),
            row=self.row,
            id=self.text_id,
            context=self.context,
            problem=problem,
        )


@dataclass
class ImportReport:
    """What an import did with each row of the workbook."""

    lang: str
    imported: list[int] = field(default_factory=list)
    """IDs of the texts whose translation was written."""
    unchanged: int = 0
    empty: int = 0
    conflicts: list[Conflict] = field(default_factory=list)


# --- export ---------------------------------------------------------------------------------------------------


def export_translations(library: Library, path: Path, *, meeting: str | None = None, lang: str = "fr") -> int:
    """Write the texts that need ``lang`` to the workbook ``path``; the number of rows written.

    With ``meeting``, only the texts of that meeting's pack (internal copy) are listed; otherwise every text
    of the library.
    """
    from briefing.files import atomic_output

    lang = _language(lang)
    with library.unit_of_work() as uow, atomic_output(Path(path)) as temporary:
        if meeting is not None:
            rows: Iterable[TextRow] = pack_text_rows(uow, PackRequest(meeting, mode=lang))
            scope = uow.meetings.require(meeting).slug
        else:
            rows = library_text_rows(uow)
            scope = ""
        writer = _Writer(lang, scope)
        count = writer.write(row for row in rows if _needs(row, lang))
        writer.book.save(temporary)
    return count


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


# --- import ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """A row of the workbook, checked for form but not yet against the library."""

    number: int
    text_id: int
    translation: str
    source_print: str
    translation_print: str
    context: str


def import_translations(library: Library, path: Path) -> ImportReport:
    """Read a translation workbook back into the library (see the module's description)."""
    reader = _Reader(Path(path))
    rows = reader.read()
    report = ImportReport(reader.lang)
    with library.unit_of_work() as uow:
        blocks = _blocks(uow, rows, reader)
        updates: list[tuple[TextBlock, str]] = []
        for row in rows:
            block = blocks[row.text_id]
            decision = _decide(block, row, reader.lang)
            if decision == "empty":
                report.empty += 1
            elif decision == "unchanged":
                report.unchanged += 1
            elif decision == "import":
                updates.append((block, row.translation.strip()))
            else:
                report.conflicts.append(Conflict(row.number, row.text_id, row.context, decision))
        for block, text in updates:
            block.set_text(reader.lang, text, TextStatus.TRANSLATED)
            report.imported.append(block.id)
    return report


def _decide(block: TextBlock, row: _Row, lang: str) -> str:
    """What to do with ``row``: "empty", "unchanged", "import" or the reason of a conflict."""
    from briefing.render.xlsx.cells import excel_text, read_text

    new = row.translation.strip()
    if not new:
        return "empty"
    current = block.text(lang) or ""
    current_print = fingerprint(current) if current.strip() else ""
    if fingerprint(new) == row.translation_print or new == current.strip():
        return "unchanged"
    if current_print == row.translation_print and new == read_text(excel_text(current)).strip():
        return "unchanged"  # the translation as the workbook showed it: cut to fit in a cell, for example
    if block.source_lang == lang or fingerprint(block.source_text or "") != row.source_print:
        return "source_changed"
    if current_print != row.translation_print:
        return "translation_changed"
    return "import"


def _blocks(uow: UnitOfWork, rows: list[_Row], reader: _Reader) -> dict[int, TextBlock]:
    """The text blocks the rows name, read in batches; an unknown ID stops the import."""
    found: dict[int, TextBlock] = {}
    ids = [row.text_id for row in rows]
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        found.update((b.id, b) for b in uow.session.scalars(select(TextBlock).where(TextBlock.id.in_(chunk))))
    for row in rows:
        if row.text_id not in found:
            raise reader.cell_error(
                row.number, "id", N_("no text with ID {id} in the library"), id=row.text_id
            )
    return found


class _Reader:
    """Reads and checks a translation workbook; every problem names the file, sheet, row and cell."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lang = ""
        self.sheet = ""
        self.columns: dict[str, int] = {}

    def read(self) -> list[_Row]:
        from openpyxl import load_workbook

        try:
            book = load_workbook(self.path, read_only=True, data_only=False)
        except OSError as exc:
            raise InterchangeError(
                N_("Cannot read {path}: {reason}"), path=self.path, reason=exc.strerror or exc
            ) from exc
        except Exception as exc:  # zip, XML and openpyxl errors alike: the file is not a workbook we can read
            raise InterchangeError(
                N_("{path} is not an Excel workbook (.xlsx), or it is damaged."), path=self.path
            ) from exc
        try:
            return self._read(book)
        except InterchangeError:
            raise
        except Exception as exc:  # a damaged part found while reading rows
            raise InterchangeError(
                N_("{path} is not an Excel workbook (.xlsx), or it is damaged."), path=self.path
            ) from exc
        finally:
            book.close()

    # --- errors -----------------------------------------------------------------------------------------------

    def error(self, msgid: str, **params: Any) -> InterchangeError:
        where = Message(N_("{file}, sheet “{sheet}”"), file=self.path.name, sheet=self.sheet)
        return InterchangeError(N_("{path}: {problem}"), path=where, problem=Message(msgid, **params))

    def cell_error(self, row: int, column: str, msgid: str, **params: Any) -> InterchangeError:
        from openpyxl.utils import get_column_letter

        cell = f"{get_column_letter(self.columns.get(column, 0) + 1)}{row}"
        where = Message(
            N_("{file}, sheet “{sheet}”, cell {cell}"), file=self.path.name, sheet=self.sheet, cell=cell
        )
        return InterchangeError(N_("{path}: {problem}"), path=where, problem=Message(msgid, **params))

    def not_ours(self) -> InterchangeError:
        return InterchangeError(
            N_(
                "{path} is not a Briefing translation workbook; export one with “briefing translations export”."
            ),
            path=self.path,
        )

    # --- reading ----------------------------------------------------------------------------------------------

    def _read(self, book: Any) -> list[_Row]:
        if META_SHEET not in book.sheetnames:
            raise self.not_ours()
        meta = self._metadata(book[META_SHEET])
        self.sheet = str(meta.get("sheet") or "")
        if self.sheet not in book.sheetnames:
            raise self.error(N_("the sheet is missing; it holds the translations"))
        rows = book[self.sheet].iter_rows(values_only=True)
        header = next(rows, None) or ()
        self._find_columns(header, meta)
        result: list[_Row] = []
        seen: dict[int, int] = {}
        for number, values in enumerate(rows, start=2):
            if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
                continue
            row = self._row(number, values)
            if row.text_id in seen:
                raise self.cell_error(
                    number,
                    "id",
                    N_("ID {id} is already in row {other}"),
                    id=row.text_id,
                    other=seen[row.text_id],
                )
            seen[row.text_id] = number
            result.append(row)
        return result

    def _metadata(self, sheet: Any) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        for values in sheet.iter_rows(min_col=1, max_col=2, values_only=True):
            if values and isinstance(values[0], str):
                meta[values[0]] = values[1] if len(values) > 1 else None
        if meta.get("format") != FORMAT_NAME:
            raise self.not_ours()
        version = meta.get("version")
        self.sheet = META_SHEET
        if not isinstance(version, int) or version < 1:
            raise self.error(N_("unknown version {version}"), version=version)
        if version > FORMAT_VERSION:
            raise self.error(
                N_("version {version} is newer than this application reads ({supported})"),
                version=version,
                supported=FORMAT_VERSION,
            )
        try:
            self.lang = pack_language(str(meta.get("lang") or ""))
        except ValueError:
            raise self.error(
                N_('Unknown language "{value}"; use en or fr.'), value=meta.get("lang")
            ) from None
        return meta

    def _find_columns(self, header: tuple[Any, ...], meta: dict[str, Any]) -> None:
        from briefing.render.xlsx.cells import read_text

        titles = [read_text(value).strip() for value in header]
        for key in COLUMNS:
            expected = str(meta.get(f"column.{key}") or "").strip()
            if expected and expected in titles:
                self.columns[key] = titles.index(expected)
            elif key in REQUIRED_COLUMNS:
                raise self.error(N_("the column “{column}” is missing"), column=expected or key)

    def _row(self, number: int, values: tuple[Any, ...]) -> _Row:
        from briefing.render.xlsx.cells import read_text

        def value(key: str) -> Any:
            index = self.columns.get(key)
            return values[index] if index is not None and index < len(values) else None

        return _Row(
            number=number,
            text_id=self._text_id(number, value("id")),
            translation=read_text(value("translation")),
            source_print=self._fingerprint(number, "source_fingerprint", value("source_fingerprint"), False),
            translation_print=self._fingerprint(
                number, "translation_fingerprint", value("translation_fingerprint"), True
            ),
            context=read_text(value("context")),
        )

    def _text_id(self, number: int, raw: Any) -> int:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str) and raw.strip().isdigit():
            raw = int(raw.strip())
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise self.cell_error(number, "id", N_("expected the ID of a text, found “{value}”"), value=raw)
        return raw

    def _fingerprint(self, number: int, column: str, raw: Any, empty_ok: bool) -> str:
        text = "" if raw is None else str(raw).strip()
        valid = len(text) == _FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in text)
        if valid or (empty_ok and not text):
            return text
        raise self.cell_error(
            number,
            column,
            N_("this hidden cell was changed; export a new workbook and translate in that one"),
        )
