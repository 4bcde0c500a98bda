"""Full-text search over topic titles and item texts in every language.

User input never reaches FTS5 as syntax: it is split into words, each word is quoted, and the last word is
matched as a prefix while the user is still typing it. Quotes, ``*``, ``NEAR``, ``AND``/``OR`` and unbalanced
parentheses are therefore plain text. Accents and case are folded by the index's tokenizer, so "securite"
finds "sécurité".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from briefing.i18n.folding import fold
from briefing.model import Item, ItemKind, TextBlock, Topic, Translation
from briefing.store.search_limits import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    MAX_SEARCH_LIMIT,
    SNIPPET_SCAN_CHARS,
)

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_OPEN = "\u2045"  # markers unlikely to occur in library text; callers may style them
SNIPPET_CLOSE = "\u2046"
FULL_RANKING_LIMIT = 5000
"""Above this many matching texts, a window of matches is ranked instead of all of them."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: a topic title or an item text, with the language that matched."""

    topic_key: str
    topic_title: str
    item_key: str | None
    item_kind: ItemKind | None
    lang: str
    snippet: str
    score: float

    @property
    def is_topic(self) -> bool:
        return self.item_key is None


def query_words(user_text: str) -> tuple[list[str], bool]:
    """The words searched for in ``user_text`` (at most :data:`MAX_QUERY_WORDS`), and whether the last one is
    matched as a prefix (it is while the user may still be typing it)."""
    bounded = user_text[:MAX_QUERY_CHARS]
    words = WORD.findall(bounded)
    prefix_last = bool(words) and not bounded[-1:].isspace() and len(words) <= MAX_QUERY_WORDS
    return words[:MAX_QUERY_WORDS], prefix_last


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it holds no word."""
    words, prefix_last = query_words(user_text)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)


def search(session: Session, user_text: str, *, limit: int = 50) -> list[SearchHit]:
    """Ranked matches for ``user_text`` (best first); at most ``limit`` (1 to :data:`MAX_SEARCH_LIMIT`)."""
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    if session.get_bind().dialect.name != "sqlite":
        return _search_like(session, user_text, limit=limit)
    query = fts_query(user_text)
    if query is None:
        return []
    # Counting stops past the limit: a one-letter prefix matches most of the library, and counting all of it
    # cost more than the search itself.
    matches = session.execute(
        text("SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :query LIMIT :enough)"),
        {"query": query, "enough": FULL_RANKING_LIMIT + 1},
    ).scalar_one()
    # Rank every match on the index alone, then fetch only the best texts. A very unspecific query (the first
    # letters of a common word) matches a large part of the library: ranking all of it would make typing lag,
    # so only a window of matches is ranked until the query narrows down.
    order = "ORDER BY rank " if matches <= FULL_RANKING_LIMIT else ""
    rows = session.execute(
        text(
            "WITH best AS (SELECT rowid AS id, rank AS score FROM search_fts WHERE search_fts MATCH :query "
            f"{order}LIMIT :fetch) "
            "SELECT t.block_id, t.lang, best.score, substr(t.text, 1, :scan) AS text "
            "FROM best JOIN translation t ON t.id = best.id ORDER BY best.score"
        ),
        {"query": query, "fetch": limit * 2, "scan": SNIPPET_SCAN_CHARS},
    ).all()
    raw_words, prefix_last = query_words(user_text)
    words = [fold(word) for word in raw_words]
    found = [(r.block_id, r.lang, float(r.score), snippet(r.text, words, prefix_last)) for r in rows]
    return _hits_for_blocks(session, found, limit)


class _FoldTable(dict[int, str]):
    """For :meth:`str.translate`: each character folded like the index folds it, one character for one.

    Filled as characters are met, so folding a long text costs one C-level pass.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char)
        if len(folded) != 1:
            lowered = char.lower()
            folded = lowered if len(lowered) == 1 else char
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def snippet(text_value: str, words: list[str], prefix_last: bool, context: int = 12) -> str:
    """A window of ``text_value`` around the first matching word, matches wrapped in the snippet markers.

    However long the text, only its first :data:`SNIPPET_SCAN_CHARS` characters are searched for the first
    match (a regular expression over the text folded piece by piece, stopping at the first match), and only
    a window of characters around that match is split into words.
    """
    region = text_value[:SNIPPET_SCAN_CHARS]
    wanted = set(words[:-1] if prefix_last else words)
    prefix = words[-1] if prefix_last and words else None
    first = _first_match(region, wanted, prefix)
    anchor = first if first is not None else 0
    low_char = max(0, anchor - _CHARS_BEFORE)
    high_char = min(len(region), anchor + _CHARS_AFTER)
    shown = region[low_char:high_char]
    folded = _fold(shown)
    cut = low_char > 0 and region[low_char - 1].isalnum()
    spans = [(m.start(), m.end()) for m in WORD.finditer(folded) if not (cut and m.start() == 0)]
    if not spans:
        return region[:120]
    marked = {
        i for i, (start, end) in enumerate(spans)
        if folded[start:end] in wanted or (prefix is not None and folded[start:end].startswith(prefix))
    }  # fmt: skip
    first_word = min(marked) if marked else 0
    low = max(0, first_word - context // 3)
    high = min(len(spans), low + context)
    low = max(0, min(low, high - context))
    pieces: list[str] = ["…"] if low > 0 or low_char > 0 else []
    cursor = spans[low][0]
    for i in range(low, high):
        start, end = spans[i]
        pieces.append(shown[cursor:start])
        word = shown[start:end]
        pieces.append(f"{SNIPPET_OPEN}{word}{SNIPPET_CLOSE}" if i in marked else word)
        cursor = end
    tail_end = spans[high][0] if high < len(spans) else len(shown)
    pieces.append(shown[cursor:tail_end].rstrip())
    if high < len(spans) or high_char < len(text_value):
        pieces.append("…")
    return "".join(pieces).strip()


_CHARS_BEFORE = 400
"""Characters before the first match split into words for a snippet (enough for the words shown before it)."""
_CHARS_AFTER = 2000
_PIECE = 8192
"""Characters folded at a time while looking for the first match."""


def _fold(text_value: str) -> str:
    """``text_value`` folded one character for one (plain lower case for ASCII, which is the quick case)."""
    return text_value.lower() if text_value.isascii() else text_value.translate(_FOLD_TABLE)


def _first_match(region: str, wanted: set[str], prefix: str | None) -> int | None:
    """Where the first word of ``region`` that folds to one in ``wanted`` or starts with ``prefix`` begins."""
    choices = [re.escape(word) + r"(?!\w)" for word in sorted(wanted, key=len, reverse=True) if word]
    if prefix:
        choices.append(re.escape(prefix))
    if not choices:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(choices) + ")")
    for offset in range(0, len(region), _PIECE):
        begin = max(0, offset - 1)  # one character before, for the word boundary
        found = pattern.search(_fold(region[begin : offset + _PIECE + 64]), offset - begin)
        if found is not None:
            return begin + found.start()
    return None


def _search_like(session: Session, user_text: str, *, limit: int) -> list[SearchHit]:
    """Portable fallback for databases without FTS5: every word must appear (case-insensitive)."""
    words, _prefix_last = query_words(user_text)
    if not words:
        return []
    statement = select(Translation.block_id, Translation.lang, Translation.text)
    for word in words:
        statement = statement.where(Translation.text.ilike(f"%{word}%"))
    rows = session.execute(statement.limit(limit * 4)).all()
    folded = [fold(w) for w in words]
    found = [
        (r.block_id, r.lang, -float(len(folded)), r.text[:120])
        for r in rows
        if all(w in fold(r.text) for w in folded)
    ]
    return _hits_for_blocks(session, found, limit)


def _hits_for_blocks(
    session: Session, rows: list[tuple[int, str, float, str]], limit: int
) -> list[SearchHit]:
    """Attach each matching text to the topic or item it belongs to, dropping other texts (bios, …).

    Plain column queries, no ORM objects: this runs on every keystroke.
    """
    block_ids = list({row[0] for row in rows})
    if not block_ids:
        return []
    owners: dict[int, tuple[str, str | None, ItemKind | None, int]] = {}
    topic_rows = session.execute(
        select(Topic.title_id, Topic.key, Topic.title_id).where(Topic.title_id.in_(block_ids))
    ).all()
    for block_id, topic_key, title_id in topic_rows:
        owners[block_id] = (topic_key, None, None, title_id)
    item_rows = session.execute(
        select(Item.body_id, Item.question_id, Item.answer_id, Item.key, Item.kind, Topic.key, Topic.title_id)
        .join(Topic, Topic.id == Item.topic_id)
        .where(
            or_(Item.body_id.in_(block_ids), Item.question_id.in_(block_ids), Item.answer_id.in_(block_ids))
        )
    ).all()
    for row in item_rows:
        for owned in (row[0], row[1], row[2]):
            if owned is not None:
                owners[owned] = (row[5], row[3], row[4], row[6])
    titles: dict[tuple[int, str], str] = {}
    sources: dict[int, str] = {}
    title_ids = {owner[3] for owner in owners.values()}
    for block_id, lang, text_value, source_lang in session.execute(
        select(Translation.block_id, Translation.lang, Translation.text, TextBlock.source_lang)
        .join(TextBlock, TextBlock.id == Translation.block_id)
        .where(Translation.block_id.in_(title_ids))
    ):
        titles[(block_id, lang)] = text_value
        if lang == source_lang:
            sources[block_id] = text_value
    hits: list[SearchHit] = []
    for matched_id, matched_lang, score, shown in rows:
        owner = owners.get(matched_id)
        if owner is None:
            continue
        owner_topic, owner_item, owner_kind, owner_title = owner
        title = titles.get((owner_title, matched_lang)) or sources.get(owner_title) or owner_topic
        hits.append(SearchHit(owner_topic, title, owner_item, owner_kind, matched_lang, shown, score))
        if len(hits) >= limit:
            break
    return hits
