"""Translation workbooks read back: every row checked first, then written unless it conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from briefing.errors import N_, InterchangeError, Message
from briefing.i18n import pack_language
from briefing.interchange.translation_workbook.bounds import MAX_COLUMNS, MAX_ROWS, check_workbook_archive
from briefing.interchange.translation_workbook.format import (
    COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
    META_SHEET,
    REQUIRED_COLUMNS,
)
from briefing.model import TextBlock, TextStatus, fingerprint
from briefing.store import Library, UnitOfWork
from briefing.store.bulk import hold_write_lock

_FINGERPRINT_LENGTH = 16
_BATCH = 500
_MAX_ID = 2**63 - 1
"""The largest ID a database can hold."""
_META_ROWS = 100
"""Rows of the hidden metadata sheet that are read (it has about a dozen)."""


def _shown(value: Any, most: int = 60) -> str:
    """A cell's value as an error message quotes it: cut short, characters that cannot be shown escaped."""
    text = str(value)
    if len(text) > most:
        text = text[:most] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
    """Read a translation workbook back into the library.

    See :mod:`briefing.interchange.translation_workbook` for the checks and when a row is a conflict.
    """
    reader = _Reader(Path(path))
    rows = reader.read()
    report = ImportReport(reader.lang)
    with library.unit_of_work() as uow:
        hold_write_lock(uow.session)  # what is compared below is still true when it is written
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

        check_workbook_archive(self.path)
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
        sheet = book[self.sheet]
        first = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), None) or ()
        header = tuple(first)
        self._find_columns(header, meta)
        width = max(self.columns.values()) + 1
        rows = sheet.iter_rows(min_row=2, max_col=width)
        result: list[_Row] = []
        seen: dict[int, int] = {}
        for number, cells in enumerate(rows, start=2):
            if number > MAX_ROWS:
                raise self.error(N_("the sheet has more than {most} rows"), most=MAX_ROWS)
            values = tuple(cell.value for cell in cells)
            if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
                continue
            self._no_formulas(number, cells)
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

    def _no_formulas(self, number: int, cells: tuple[Any, ...]) -> None:
        """A formula is never taken for a text: a translation must be typed, not computed or fetched."""
        for key, index in self.columns.items():
            if index < len(cells) and getattr(cells[index], "data_type", None) == "f":
                raise self.cell_error(
                    number,
                    key,
                    N_("this cell holds a formula ({formula}), not text; type the text itself"),
                    formula=_shown(cells[index].value),
                )

    def _metadata(self, sheet: Any) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        for number, values in enumerate(sheet.iter_rows(min_col=1, max_col=2, values_only=True), start=1):
            if number > _META_ROWS:
                break
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
        if isinstance(raw, float) and raw.is_integer() and abs(raw) <= _MAX_ID:
            raw = int(raw)
        if (
            isinstance(raw, str)
            and raw.strip().isascii()
            and raw.strip().isdigit()
            and len(raw.strip()) <= 19
        ):
            raw = int(raw.strip())
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= _MAX_ID:
            raise self.cell_error(
                number, "id", N_("expected the ID of a text, found “{value}”"), value=_shown(raw)
            )
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
