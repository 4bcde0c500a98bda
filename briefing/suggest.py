"""Translation suggestions from the library's own English/French pairs (a small translation memory).

:func:`suggest_french` takes an English text and returns the French of the most similar English texts the
library already has translated. Suggestions are only offered: nothing here writes to the library, and the
desktop app shows them for the adviser to copy, adapt or ignore.

How it works, so that it stays fast on a library of a hundred thousand texts:

1. **Candidates.** The English text is split into words; short words and common English function words are
   dropped and at most :data:`QUERY_WORDS` of the longest remaining words are kept. On SQLite those words are
   looked up in the full-text index of the store (:mod:`briefing.store.search`) as one OR query restricted to
   English texts, ranked by the index's BM25 score, and the best :data:`CANDIDATES` are kept. Other databases
   have no such index: there the English texts are scanned once and ranked by how many of the words they share.
2. **Pairs.** Only texts whose English and French are both present and neither is stale (see
   :meth:`briefing.model.TextBlock.state`) can be suggested; drafts can, and say so.
3. **Score.** Each candidate is compared with the English text by :class:`difflib.SequenceMatcher` on their
   words (casefolded, accents removed, punctuation dropped): the score is the ratio, from 0 to 1, twice the
   number of words the two have in common, in the same order, divided by the total number of words; 1 means
   the same words in the same order. Comparing words rather than characters is how translation memories
   usually count a fuzzy match, and it keeps a long paragraph to a fraction of a millisecond. Candidates below
   ``min_score`` are dropped and the same French is offered once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from briefing.i18n.folding import fold
from briefing.model import Item, TextBlock, Translation
from briefing.model.enums import TranslationState
from briefing.store import UnitOfWork

QUERY_WORDS = 16
"""At most this many words of the English text are looked up in the index."""

CANDIDATES = 200
"""At most this many English texts are scored for one suggestion request."""

_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_WORD = 3
_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        """
        a an and are as at be been being but by can could did do does for from had has have he her his how i if
        in into is it its may might must no not of on or our shall she should so such than that the their them
        then there these they this those to too under up upon was we were what when where which while who whom
        why will with would you your also all any each more most other over same some very within without
        """,
    )
)
"""Common English words left out of the index query (they match nearly every text)."""
_USABLE = frozenset(
    {TranslationState.SOURCE, TranslationState.DRAFT, TranslationState.TRANSLATED, TranslationState.REVIEWED}
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The French of a similar English text of the library."""

    french: str
    english_source: str
    """The English text the French translates (the one found similar)."""
    score: float
    """Similarity of ``english_source`` to the English asked about, from 0 to 1."""
    item_key: str | None
    """The item the pair belongs to; None for other texts (titles, actions, bios, …)."""
    block_id: int = 0
    state: TranslationState = TranslationState.TRANSLATED
    """State of the French: source, draft, translated or reviewed."""


def normalise(value: str) -> str:
    """``value`` casefolded, without accents or punctuation, words separated by single spaces."""
    return " ".join(_WORD.findall(fold(value)))


def query_words(english: str) -> list[str]:
    """The words of ``english`` worth looking up: no short or function words, longest first, at most
    :data:`QUERY_WORDS`."""
    words = dict.fromkeys(
        word for word in normalise(english).split() if len(word) >= _MIN_WORD and word not in _STOPWORDS
    )
    return sorted(words, key=lambda word: (-len(word), word))[:QUERY_WORDS]


def similarity(a: str, b: str) -> float:
    """The score of two texts (see the module description)."""
    first, second = normalise(a).split(), normalise(b).split()
    if not first or not second:
        return 0.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def _session(source: UnitOfWork | Session) -> Session:
    return source.session if isinstance(source, UnitOfWork) else source


def candidates_from_index(session: Session, words: list[str]) -> list[int]:
    """Ids of the text blocks whose English holds any of ``words``, best first by the SQLite index's BM25."""
    query = " OR ".join(f'"{word}"' for word in words)
    rows = session.execute(
        text(
            "SELECT t.block_id FROM ("
            "  SELECT rowid AS id, rank FROM search_fts WHERE search_fts MATCH :query AND lang = 'en' "
            "  ORDER BY rank LIMIT :limit"
            ") AS best JOIN translation t ON t.id = best.id ORDER BY best.rank"
        ),
        {"query": query, "limit": CANDIDATES},
    ).all()
    return [row.block_id for row in rows]


def candidates_by_scan(session: Session, words: list[str]) -> list[int]:
    """The same as :func:`candidates_from_index` without an index: ranked by the number of words shared."""
    wanted = set(words)
    shared: Counter[int] = Counter()
    for block_id, value in session.execute(
        select(Translation.block_id, Translation.text).where(Translation.lang == "en")
    ):
        overlap = len(wanted.intersection(normalise(value).split()))
        if overlap:
            shared[block_id] = overlap
    return [block_id for block_id, _count in shared.most_common(CANDIDATES)]


def _item_keys(session: Session, block_ids: list[int]) -> dict[int, str]:
    keys: dict[int, str] = {}
    rows = session.execute(
        select(Item.key, Item.body_id, Item.question_id, Item.answer_id).where(
            or_(Item.body_id.in_(block_ids), Item.question_id.in_(block_ids), Item.answer_id.in_(block_ids))
        )
    )
    for key, *owned in rows:
        for block_id in owned:
            if block_id is not None:
                keys[block_id] = key
    return keys


def suggest_french(
    source: UnitOfWork | Session,
    english: str,
    *,
    limit: int = 3,
    min_score: float = 0.5,
    exclude_block: int | None = None,
) -> list[Suggestion]:
    """The French of the library's English texts most similar to ``english``, best first.

    ``source`` is a unit of work (or, inside the store, its session). ``exclude_block`` leaves out one text,
    typically the one being translated. At most ``limit`` suggestions, each scoring at least ``min_score``.
    """
    query = normalise(english).split()
    words = query_words(english)
    if not query or not words or limit <= 0:
        return []
    session = _session(source)
    if session.get_bind().dialect.name == "sqlite":
        block_ids = candidates_from_index(session, words)
    else:
        block_ids = candidates_by_scan(session, words)
    block_ids = [block_id for block_id in dict.fromkeys(block_ids) if block_id != exclude_block]
    if not block_ids:
        return []
    blocks = session.scalars(select(TextBlock).where(TextBlock.id.in_(block_ids))).all()
    scored: list[Suggestion] = []
    for block in blocks:
        en_state, fr_state = block.state("en"), block.state("fr")
        if en_state not in _USABLE or fr_state not in _USABLE:
            continue
        en_text, fr_text = block.text("en") or "", block.text("fr") or ""
        candidate = normalise(en_text).split()
        matcher = SequenceMatcher(None, query, candidate, autojunk=False)
        if matcher.real_quick_ratio() < min_score or matcher.quick_ratio() < min_score:
            continue
        score = matcher.ratio()
        if score >= min_score:
            scored.append(Suggestion(fr_text, en_text, score, None, block.id, fr_state))
    preference = {TranslationState.REVIEWED: 0, TranslationState.SOURCE: 0, TranslationState.TRANSLATED: 1}
    scored.sort(key=lambda s: (-s.score, preference.get(s.state, 2), s.block_id))
    best: list[Suggestion] = []
    offered: set[str] = set()
    for suggestion in scored:
        french = " ".join(suggestion.french.split())
        if french in offered:
            continue
        offered.add(french)
        best.append(suggestion)
        if len(best) >= limit:
            break
    keys = _item_keys(session, [s.block_id for s in best])
    return [
        Suggestion(s.french, s.english_source, s.score, keys.get(s.block_id), s.block_id, s.state)
        for s in best
    ]
