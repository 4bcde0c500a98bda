"""Translation of the core's own sentences (errors, CLI output) through the gettext catalogue."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "briefing"
LOCALE_DIR = Path(__file__).with_name("locale")


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``lang``; English (the msgids) when there is none."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def translate(msgid: str, lang: str) -> str:
    """``msgid`` in ``lang``."""
    return catalogue(lang).gettext(msgid)
