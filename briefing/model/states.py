"""The translation-state rule, once, for the mapped model, the readers and the pack selection alike.

A language of a text is *missing* without a stored row (or with only blanks), the *source* in the text's own
language, *stale* when its recorded fingerprint no longer matches the source text, and otherwise what its stored
status says. Plain Python: no SQLAlchemy, so the selection stage and the export path use it without the ORM.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from typing import Protocol

from briefing.model.enums import TextStatus, TranslationState

STALE_FINGERPRINT = "-"
"""Recorded instead of a fingerprint for a translation known to be out of date (it matches no source text)."""


class StoredText(Protocol):
    """One language of a text as stored: a :class:`~briefing.model.Translation` row or a plain record."""

    @property
    def text(self) -> str: ...

    @property
    def status(self) -> TextStatus: ...

    @property
    def source_fingerprint(self) -> str | None: ...


_STATES: dict[str, TranslationState] = {status.value: TranslationState(status.value) for status in TextStatus}
"""The state a stored status stands for (keys are the statuses' values, which the statuses equal)."""


def fingerprint(text: str) -> str:
    """A short, stable digest of a source text (NFC, surrounding whitespace ignored)."""
    normal = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def translation_state(source_lang: str, stored: Mapping[str, StoredText], lang: str) -> TranslationState:
    """What a person should be told about ``lang`` of a text whose languages are ``stored``."""
    row = stored.get(lang)
    if row is None or not row.text.strip():
        return TranslationState.MISSING
    if lang == source_lang:
        return TranslationState.SOURCE
    source = stored.get(source_lang)
    if source is not None and row.source_fingerprint != fingerprint(source.text):
        return TranslationState.STALE
    return _STATES[row.status]


__all__ = ["STALE_FINGERPRINT", "StoredText", "fingerprint", "translation_state"]
