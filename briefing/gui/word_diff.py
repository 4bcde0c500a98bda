"""A word diff of two versions of a text, as HTML: what was removed struck through, what was added underlined.

Used by the French box of a stale translation to show what changed in the English since the French was last
reviewed.
"""

from __future__ import annotations

import difflib
import html
import re

TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
REMOVED_STYLE = "background:#fde2e1;color:#8a1c12;text-decoration:line-through"
ADDED_STYLE = "background:#dff3e2;color:#14592a;text-decoration:underline"


def tokens(text: str) -> list[str]:
    """Words, spaces and punctuation of ``text``, in order (joined, they give the text back)."""
    return TOKENS.findall(text)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The steps turning ``old`` into ``new``: ("same" | "removed" | "added", text), word by word."""
    before, after = tokens(old), tokens(new)
    steps: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            steps.append(("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            steps.append(("removed", "".join(before[a1:a2])))
        if b2 > b1:
            steps.append(("added", "".join(after[b1:b2])))
    return steps


def diff_html(old: str, new: str) -> str:
    """``word_diff`` as HTML for a rich-text label."""
    parts: list[str] = []
    for op, text in word_diff(old, new):
        escaped = html.escape(text).replace("\n", "<br>")
        if op == "same":
            parts.append(escaped)
        else:
            style = REMOVED_STYLE if op == "removed" else ADDED_STYLE
            parts.append(f'<span style="{style}">{escaped}</span>')
    return "".join(parts)
