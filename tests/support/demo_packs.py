"""Names of the demo packs the render tests export: every meeting, language and copy type."""

from __future__ import annotations

MEETINGS = ("jha-council-2024-06", "val-duchesse-ii")
MODES = ("en", "fr", "bilingual")
COPIES = ("internal", "external")


def pack_name(meeting: str, mode: str, copy: str) -> str:
    """The key of a pack in the ``packs``, ``pdf_files`` and ``pdfs`` fixtures."""
    return f"{meeting}-{mode}-{copy}"
