"""Language support for packs: labels, dates and numbers, French typography.

The submodules are imported where they are used, so this package stays cheap to import:

- :mod:`briefing.i18n.labels` gives every pack label in English or French from a gettext catalogue;
- :mod:`briefing.i18n.catalogue` keeps that catalogue in step with the labels and compiles it;
- :mod:`briefing.i18n.dates` writes days, date ranges, times and numbers the way each pack language does;
- :mod:`briefing.i18n.typography` applies French typography to text at render time.

Only the list of pack languages and the function that reads a language code live here.
"""

from __future__ import annotations

PACK_LANGUAGES: tuple[str, ...] = ("en", "fr")
"""The languages a pack can be written in."""


def pack_language(lang: str) -> str:
    """Return the pack language for a language code: ``"fr_BE"``, ``"fr-BE"`` or ``"FR"`` all give ``"fr"``.

    Raises ValueError for a language no pack is written in.
    """
    code = lang.strip().replace("-", "_").split("_", 1)[0].lower()
    if code not in PACK_LANGUAGES:
        raise ValueError(f"no pack language for {lang!r}; packs are written in {', '.join(PACK_LANGUAGES)}")
    return code
