"""The library interchange format (JSON, version 1): a public contract other tools build on.

:func:`read_document` validates a whole file before anything is written; :func:`import_document` applies it in
one unit of work, updating content that already has the same key; :func:`export_document` writes the library
back in the same shape, so export → import into an empty library → export is exact.
"""

from briefing.interchange.library_json.exporter import export_document, write_library_json
from briefing.interchange.library_json.importer import ImportSummary, import_document, import_library_json
from briefing.interchange.library_json.schema import FORMAT_NAME, FORMAT_VERSION, read_document, validate

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ImportSummary",
    "export_document",
    "import_document",
    "import_library_json",
    "read_document",
    "validate",
    "write_library_json",
]
