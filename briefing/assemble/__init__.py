"""From a meeting's selection to a language-resolved outline that renderers only read."""

from briefing.assemble.assembler import MissingTranslationsError, PackRequest, assemble
from briefing.assemble.outline import Outline

__all__ = ["MissingTranslationsError", "Outline", "PackRequest", "assemble"]
