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

from briefing.interchange.translation_workbook.exporter import export_translations
from briefing.interchange.translation_workbook.format import (
    COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
    META_SHEET,
    NEEDS_TRANSLATION,
    REQUIRED_COLUMNS,
)
from briefing.interchange.translation_workbook.importer import Conflict, ImportReport, import_translations

__all__ = [
    "COLUMNS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "META_SHEET",
    "NEEDS_TRANSLATION",
    "REQUIRED_COLUMNS",
    "Conflict",
    "ImportReport",
    "export_translations",
    "import_translations",
]
