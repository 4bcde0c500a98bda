"""Comparing texts the way a reader does: without case and without accents ("État" and "etat" are alike)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` casefolded, with its accents removed (``"Sécurité"`` gives ``"securite"``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
