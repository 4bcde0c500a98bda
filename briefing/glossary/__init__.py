"""Glossaries of agreed English/French terms: lookups in texts, CSV and TBX files, the shipped starter set.

- :mod:`briefing.glossary.terms` holds :class:`GlossaryTerm`, :class:`Glossary` and :func:`check_text`, and
  documents how a term is found in a text (words, case, accents, plurals);
- :mod:`briefing.glossary.files` reads glossary CSV and TBX files safely and gives :func:`default_glossary`.
"""

from briefing.glossary.files import default_glossary, load_csv, load_glossary, load_tbx
from briefing.glossary.terms import Glossary, GlossaryMatch, GlossaryTerm, check_text, contains_phrase

__all__ = [
    "Glossary",
    "GlossaryMatch",
    "GlossaryTerm",
    "check_text",
    "contains_phrase",
    "default_glossary",
    "load_csv",
    "load_glossary",
    "load_tbx",
]
