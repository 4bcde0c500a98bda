"""The library interchange format (JSON, version 1): a public contract other tools build on.

:func:`check_library_file` validates a whole file before anything is written and :func:`import_checked_file`
applies it in one unit of work, updating content that already has the same key, both reading the file a record
at a time; :func:`write_library_json` writes the library back in the same shape as it reads it, batch by batch,
so export → import into an empty library → export is exact and memory stays flat. :func:`read_document`,
:func:`import_document` and :func:`export_document` do the same with a whole document in memory.
"""

from briefing.interchange.library_json.exporter import (
    ExportSummary,
    export_document,
    library_summary,
    write_library_json,
)
from briefing.interchange.library_json.importer import (
    ImportSummary,
    import_checked_file,
    import_document,
    import_library_json,
)
from briefing.interchange.library_json.library_file import CheckedFile, check_library_file, read_document
from briefing.interchange.library_json.schema import FORMAT_NAME, FORMAT_VERSION, validate

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CheckedFile",
    "ExportSummary",
    "ImportSummary",
    "check_library_file",
    "export_document",
    "import_checked_file",
    "import_document",
    "import_library_json",
    "library_summary",
    "read_document",
    "validate",
    "write_library_json",
]
