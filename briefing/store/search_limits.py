"""How much a search takes in and gives back; light, so the command line can name the limits in its help.

The bounds keep every search fast whatever is typed or pasted: a query is cut to its first words, and a match's
snippet is built from a window of its text, never from the whole of a text that may be megabytes long.
"""

from __future__ import annotations

MAX_SEARCH_LIMIT = 1000
"""The most matches one search returns."""

MAX_QUERY_CHARS = 1000
"""Characters of a query looked at; the rest is ignored."""

MAX_QUERY_WORDS = 32
"""Words of a query looked for; the rest are ignored (every word must match, so more only narrows)."""

SNIPPET_SCAN_CHARS = 65_536
"""Characters of a matching text searched for the first matching word when building its snippet."""
