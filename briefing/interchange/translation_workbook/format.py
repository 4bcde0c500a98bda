"""What makes a translation workbook: its name and version, the hidden sheet, the columns of the sheet."""

from __future__ import annotations

from briefing.model.enums import TranslationState

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
