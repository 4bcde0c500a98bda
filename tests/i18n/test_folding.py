"""Folding: case and accents ignored, the same rule for search, the glossary and suggestions."""

from __future__ import annotations

import pytest

from briefing.i18n.folding import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Sécurité", "securite"), ("ÉTAT", "etat"), ("coopération", "cooperation"), ("Straße", "strasse"),
     ("naïve", "naive"), ("e\u0301", "e"), ("", "")],
)  # fmt: skip
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(fold(text)) == fold(text)
