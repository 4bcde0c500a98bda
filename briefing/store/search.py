"""Full-text search over topic titles and item texts in every language.

User input never reaches FTS5 as syntax: it is split into words, each word is quoted, and the last word is
matched as a prefix while the user is still typing it. Quotes, ``*``, ``NEAR``, ``AND``/``OR`` and unbalanced
parentheses are therefore plain text. Accents and case are folded by the index's tokenizer, so "securite"
finds "sécurité".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from briefing.model import Item, ItemKind, Topic, Translation

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_OPEN = "\u2045"  # markers unlikely to occur in library text; callers may style them
SNIPPET_CLOSE = "\u2046"


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
    rows = session.execute(
        text(
            # rank first, on the index alone; only the best rows are joined and get a snippet
            "WITH best AS (SELECT rowid AS id, rank AS score FROM search_fts WHERE search_fts MATCH :query "
            "ORDER BY rank LIMIT :fetch) "
            "SELECT t.block_id, t.lang, best.score, "
            "snippet(search_fts, 0, :open, :close, '…', 12) AS snippet "
            "FROM best JOIN search_fts ON search_fts.rowid = best.id JOIN translation t ON t.id = best.id "
            "WHERE search_fts MATCH :query ORDER BY best.score"
        ),
        {"query": query, "open": SNIPPET_OPEN, "close": SNIPPET_CLOSE, "fetch": limit * 4},
    ).all()
    return _hits_for_blocks(session, [(r.block_id, r.lang, float(r.score), r.snippet) for r in rows], limit)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _search_like(session: Session, user_text: str, *, limit: int) -> list[SearchHit]:
    """Portable fallback for databases without FTS5: every word must appear (case-insensitive)."""
    words = WORD.findall(user_text)
    if not words:
        return []
    statement = select(Translation.block_id, Translation.lang, Translation.text)
    for word in words:
        statement = statement.where(Translation.text.ilike(f"%{word}%"))
    rows = session.execute(statement.limit(limit * 4)).all()
    folded = [_fold(w) for w in words]
    found = [
        (r.block_id, r.lang, -float(len(folded)), r.text[:120])
        for r in rows
        if all(w in _fold(r.text) for w in folded)
    ]
    return _hits_for_blocks(session, found, limit)


def _hits_for_blocks(
    session: Session, rows: list[tuple[int, str, float, str]], limit: int
) -> list[SearchHit]:
    """Attach each matching text to the topic or item it belongs to, dropping other texts (bios, …)."""
    block_ids = {row[0] for row in rows}
    if not block_ids:
        return []
    topics = {t.title_id: t for t in session.scalars(select(Topic).where(Topic.title_id.in_(block_ids)))}
    owners: dict[int, Item] = {}
    items = session.scalars(
        select(Item).where(
            or_(Item.body_id.in_(block_ids), Item.question_id.in_(block_ids), Item.answer_id.in_(block_ids))
        )
    )
    for owner_item in items:
        for block_id in (owner_item.body_id, owner_item.question_id, owner_item.answer_id):
            if block_id is not None:
                owners[block_id] = owner_item
    hits: list[SearchHit] = []
    for block_id, lang, score, snippet in rows:
        title_of = topics.get(block_id)
        item = owners.get(block_id)
        if title_of is not None:
            hits.append(SearchHit(title_of.key, _title(title_of, lang), None, None, lang, snippet, score))
        elif item is not None:
            owner = item.topic
            hits.append(SearchHit(owner.key, _title(owner, lang), item.key, item.kind, lang, snippet, score))
        if len(hits) >= limit:
            break
    return hits


def _title(topic: Topic, lang: str) -> str:
    return topic.title.text(lang) or topic.title.source_text or topic.key
