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


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it holds no word."""
    words = WORD.findall(user_text)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if not user_text[-1:].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def search(session: Session, user_text: str, *, limit: int = 50) -> list[SearchHit]:
    """Ranked matches for ``user_text`` (best first)."""
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
            "SELECT t.block_id, t.lang, best.score, t.text FROM best JOIN translation t ON t.id = best.id "
            "ORDER BY best.score"
        ),
        {"query": query, "fetch": limit * 2},
    ).all()
    words = [fold(word) for word in WORD.findall(user_text)]
    prefix_last = not user_text[-1:].isspace()
    found = [(r.block_id, r.lang, float(r.score), snippet(r.text, words, prefix_last)) for r in rows]
    return _hits_for_blocks(session, found, limit)


def _fold_char(char: str) -> str:
    """One character folded like the index folds it, keeping one character per character."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()


def snippet(text_value: str, words: list[str], prefix_last: bool, context: int = 12) -> str:
    """A window of ``text_value`` around the first matching word, matches wrapped in the snippet markers."""
    folded = "".join(_fold_char(ch) for ch in text_value)
    spans = [(m.start(), m.end()) for m in WORD.finditer(folded)]
    wanted = set(words[:-1] if prefix_last else words)
    prefix = words[-1] if prefix_last and words else None
    marked = [
        i for i, (start, end) in enumerate(spans)
        if folded[start:end] in wanted or (prefix is not None and folded[start:end].startswith(prefix))
    ]  # fmt: skip
    if not spans:
        return text_value[:120]
    first = marked[0] if marked else 0
    low = max(0, first - context // 3)
    high = min(len(spans), low + context)
    low = max(0, min(low, high - context))
    pieces: list[str] = ["…"] if low > 0 else []
    cursor = spans[low][0]
    for i in range(low, high):
        start, end = spans[i]
        pieces.append(text_value[cursor:start])
        word = text_value[start:end]
        pieces.append(f"{SNIPPET_OPEN}{word}{SNIPPET_CLOSE}" if i in marked else word)
        cursor = end
    tail_end = spans[high][0] if high < len(spans) else len(text_value)
    pieces.append(text_value[cursor:tail_end].rstrip())
    if high < len(spans):
        pieces.append("…")
    return "".join(pieces).strip()


def _search_like(session: Session, user_text: str, *, limit: int) -> list[SearchHit]:
    """Portable fallback for databases without FTS5: every word must appear (case-insensitive)."""
    words = WORD.findall(user_text)
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
