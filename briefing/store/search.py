"""Full-text search over topic titles and item texts in every language.

User input never reaches FTS5 as syntax: it is split into words, each word is quoted, and the last word is
matched as a prefix while the user is still typing it. Quotes, ``*``, ``NEAR``, ``AND``/``OR`` and unbalanced
parentheses are therefore plain text. Accents and case are folded by the index's tokenizer, so "securite"
finds "sécurité".

Every search costs a bounded amount of work, however much of the library matches: the index hands back at most
:data:`FULL_RANKING_LIMIT` matching texts (all of them when there are fewer) without ranking them, and those are
ranked here, in Python, by how densely they hold the words (:func:`density_score`), the same way whatever the
database; a word of one or two letters still being typed, which nearly every text matches, reads
:data:`SHORT_PREFIX_RANKING_LIMIT`. Only the hits returned get their topic's title and a snippet. A one-letter prefix, which FTS5's prefix indexes (two and three letters) do not cover, is looked up as
the letter itself or any of its two-letter prefixes, so it too reads only the matches it needs.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from briefing.i18n.folding import fold
from briefing.model import ItemKind, Translation
from briefing.store.search_limits import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    MAX_SEARCH_LIMIT,
    SNIPPET_SCAN_CHARS,
)

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_OPEN = "\u2045"  # markers unlikely to occur in library text; callers may style them
SNIPPET_CLOSE = "\u2046"
FULL_RANKING_LIMIT = 200
"""The most matching texts one search reads and ranks: all of them when fewer match, otherwise the first ones the
index finds (a query that matches more is so unspecific that the user is still typing it)."""
SHORT_PREFIX_RANKING_LIMIT = 100
"""The most matching texts read and ranked for a query of one word of one or two characters still being typed
("d", "de"): nearly every text matches it, and the next keystroke narrows it."""
SCORE_CHARS = 1000
"""Characters of a matching text read to rank it."""
SECOND_CHARACTERS = string.ascii_lowercase + string.digits
"""What may follow the letter of a one-letter prefix, looked up in the two-letter prefix index."""
K1 = 1.2
B = 0.75
AVERAGE_WORDS = 40
"""BM25's constants, and the length of a typical library text in words."""


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
        terms[-1] = _prefix_term(words[-1])
    return (" AND " if terms[-1].startswith("(") else " ").join(terms)


def _prefix_term(word: str) -> str:
    """The FTS5 term for a word still being typed. A single ASCII letter or digit is spelt out as itself or any
    of its two-character prefixes, which the prefix index holds: FTS5 would otherwise merge the lists of every
    word starting with it before returning the first match."""
    letter = fold(word)
    if len(letter) != 1 or not (letter.isascii() and letter.isalnum()):
        return f'"{word}"*'
    return "(" + " OR ".join([f'"{letter}"'] + [f'"{letter}{c}"*' for c in SECOND_CHARACTERS]) + ")"


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A matching text as the index found it, with the start of its text (for ranking)."""

    id: int
    block_id: int
    lang: str
    start: str


def search(session: Session, user_text: str, *, limit: int = 50) -> list[SearchHit]:
    """Ranked matches for ``user_text`` (best first); at most ``limit`` (1 to :data:`MAX_SEARCH_LIMIT`)."""
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    raw_words, prefix_last = query_words(user_text)
    if not raw_words:
        return []
    enough = max(
        SHORT_PREFIX_RANKING_LIMIT if _short_prefix(raw_words, prefix_last) else FULL_RANKING_LIMIT, limit * 2
    )
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        candidates = _sqlite_candidates(session, user_text, enough)
    elif dialect == "postgresql":
        candidates = _postgresql_candidates(session, raw_words, prefix_last, enough)
    else:
        candidates = _like_candidates(session, raw_words, prefix_last, enough)
    words = [fold(word) for word in raw_words]
    pattern = word_pattern(words, prefix_last)
    ranked = sorted((density_score(c.start, pattern, len(words)), c.id, c) for c in candidates)
    best = ranked[: limit * 2]  # some texts belong to no topic or item (a bio, a meeting's title…)
    found = [(c.block_id, c.lang, score, c.id) for score, _, c in best]
    hits = _hits_for_blocks(session, found, limit)
    regions = _text_regions(session, [hit[0] for hit in hits])
    return [
        SearchHit(*fields, snippet(regions.get(hit_id, ""), words, prefix_last), score)
        for hit_id, fields, score in hits
    ]


def _short_prefix(words: list[str], prefix_last: bool) -> bool:
    """Whether the query is a single word of one or two characters that the user is still typing."""
    return prefix_last and len(words) == 1 and len(fold(words[0])) <= 2


def _accent_variants() -> dict[str, str]:
    """For each ASCII letter, the Latin letters that fold to it ("e": "éèêëÉ…"), for patterns that match a folded
    word in a text that is not folded."""
    variants: dict[str, list[str]] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            variants.setdefault(folded, []).append(char)
    return {letter: "".join(chars) for letter, chars in variants.items()}


_VARIANTS = _accent_variants()


def _unfolded(word: str) -> str:
    """A regular expression matching ``word`` (folded) in text as written, whatever its case and accents."""
    return "".join(f"[{char}{_VARIANTS[char]}]" if char in _VARIANTS else re.escape(char) for char in word)


def word_pattern(words: Sequence[str], prefix_last: bool) -> re.Pattern[str]:
    """One pattern finding the folded ``words`` in a text as written: group ``i + 1`` is the ``i``-th word (the
    last one as a prefix when ``prefix_last``)."""
    choices = []
    for index, word in enumerate(words):
        end = "" if prefix_last and index == len(words) - 1 else r"(?!\w)"
        choices.append(f"({_unfolded(word)}){end}")
    return re.compile(r"(?<!\w)(?:" + "|".join(choices) + ")", re.IGNORECASE)


def density_score(text_start: str, pattern: re.Pattern[str], words: int) -> float:
    """How well a text matches: BM25's term-frequency part summed over the query's words, from the first
    :data:`SCORE_CHARS` characters of the text (``pattern`` from :func:`word_pattern`, ``words`` its number of
    words). Lower is better, like FTS5's rank: a text that holds the words more often, or is shorter, comes first.
    The same on every database, and cheap enough to rank every candidate of a search."""
    region = text_start[:SCORE_CHARS]
    length = max(1, region.count(" ") + 1)
    norm = K1 * (1 - B + B * length / AVERAGE_WORDS)
    if words == 1:  # the common case while typing: one count, no need to tell the words apart
        found = len(pattern.findall(region))
        total = found * (K1 + 1) / (found + norm)
    else:
        counts = [0] * (words + 1)
        for match in pattern.finditer(region):
            counts[match.lastindex or 0] += 1
        total = sum(n * (K1 + 1) / (n + norm) for n in counts[1:])
    return -round(total, 6)


def _sqlite_candidates(session: Session, user_text: str, enough: int) -> list[_Candidate]:
    query = fts_query(user_text)
    if query is None:
        return []
    rows = (
        session.connection()
        .execute(
            text(
                "SELECT t.id, t.block_id, t.lang, substr(t.text, 1, :chars) AS start "
                "FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :query LIMIT :enough) AS found "
                "JOIN translation t ON t.id = found.id"
            ),
            {"query": query, "enough": enough, "chars": SCORE_CHARS},
        )
        .all()
    )
    return [_Candidate(r.id, r.block_id, r.lang, r.start) for r in rows]


_LEXEME = re.compile(r"[^\W_]+")


def _postgresql_candidates(
    session: Session, words: list[str], prefix_last: bool, enough: int
) -> list[_Candidate]:
    """Matches through the GIN index of revision 0005: each word folded by the database as the index folds texts,
    quoted (user input is never tsquery syntax), the last one as a prefix while it is being typed."""
    lexemes = [
        (piece, index == len(words) - 1)
        for index, word in enumerate(words)
        for piece in _LEXEME.findall(word)
    ]
    if not lexemes:
        return []
    parameters: dict[str, object] = {"enough": enough, "chars": SCORE_CHARS}
    terms = []
    for number, (lexeme, last) in enumerate(lexemes):
        parameters[f"w{number}"] = lexeme
        prefix = " || ':*'" if prefix_last and last and number == len(lexemes) - 1 else ""
        terms.append(f"to_tsquery('pg_catalog.simple', quote_literal(briefing_fold(:w{number})){prefix})")
    rows = (
        session.connection()
        .execute(
            text(
                "SELECT id, block_id, lang, substr(text, 1, :chars) AS start FROM translation "
                f"WHERE briefing_search_vector(text) @@ ({' && '.join(terms)}) LIMIT :enough"
            ),
            parameters,
        )
        .all()
    )
    return [_Candidate(r.id, r.block_id, r.lang, r.start) for r in rows]


def _text_regions(session: Session, ids: list[int]) -> dict[int, str]:
    """The part of each text searched for a snippet, for the texts ranked best only."""
    if not ids:
        return {}
    rows = session.connection().exec_driver_sql(
        f"SELECT id, substr(text, 1, {int(SNIPPET_SCAN_CHARS)}) FROM translation WHERE id IN ({_id_list(ids)})"
    )
    return {ident: region for ident, region in rows}


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
    spans = [match.span() for match in WORD.finditer(folded)]
    if cut and spans and spans[0][0] == 0:
        del spans[0]
    if not spans:
        return region[:120]
    first_word = bisect.bisect_left(spans, anchor - low_char, key=_start) if first is not None else 0
    if first_word >= len(spans) or not _marks(folded, spans[first_word], wanted, prefix):
        first_word = next((i for i, span in enumerate(spans) if _marks(folded, span, wanted, prefix)), 0)
    low = max(0, first_word - context // 3)
    high = min(len(spans), low + context)
    low = max(0, min(low, high - context))
    marked = {i for i in range(low, high) if _marks(folded, spans[i], wanted, prefix)}
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


def _start(span: tuple[int, int]) -> int:
    return span[0]


def _marks(folded: str, span: tuple[int, int], wanted: set[str], prefix: str | None) -> bool:
    """Whether the word of ``folded`` at ``span`` is one searched for (or starts with the prefix)."""
    word = folded[span[0] : span[1]]
    return word in wanted or (prefix is not None and word.startswith(prefix))


_CHARS_BEFORE = 400
"""Characters before the first match split into words for a snippet (enough for the words shown before it)."""
_CHARS_AFTER = 800
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


def _like_candidates(session: Session, words: list[str], prefix_last: bool, enough: int) -> list[_Candidate]:
    """Portable fallback for databases without a search index: every word must appear (case-insensitive)."""
    statement = select(
        Translation.id, Translation.block_id, Translation.lang, func.substr(Translation.text, 1, SCORE_CHARS)
    )
    for word in words:
        statement = statement.where(Translation.text.ilike(f"%{word}%"))
    rows = session.connection().execute(statement.order_by(Translation.id).limit(enough)).all()
    folded = [fold(w) for w in words]
    return [
        _Candidate(ident, block_id, lang, start)
        for ident, block_id, lang, start in rows
        if all(w in fold(start) for w in folded)
    ]


def _id_list(ids: Iterable[int]) -> str:
    """Ids as the inside of an SQL ``IN (…)``: whole numbers only, so they can be written into the statement,
    which spares binding a parameter per id on every keystroke. Such statements, different each time, go to the
    driver as they are: compiling them would cost more than running them, and fill the statement cache."""
    return ",".join(str(int(ident)) for ident in set(ids))


_HitFields = tuple[str, str, str | None, ItemKind | None, str]
"""A hit's topic key, topic title, item key, item kind and language: all but its snippet and score."""


def _hits_for_blocks(
    session: Session, rows: list[tuple[int, str, float, int]], limit: int
) -> list[tuple[int, _HitFields, float]]:
    """Attach each matching text (block, language, score, translation id) to the topic or item it belongs to,
    dropping other texts (bios, …); each hit comes as its translation's id, its fields but the snippet, and its
    score.

    Plain column queries, no ORM objects: this runs on every keystroke.
    """
    block_ids = _id_list(row[0] for row in rows)
    if not block_ids:
        return []
    connection = session.connection()
    owners: dict[int, tuple[str, str | None, ItemKind | None, int]] = {}
    for topic_key, title_id in connection.exec_driver_sql(
        f"SELECT key, title_id FROM topic WHERE title_id IN ({block_ids})"
    ):
        owners[title_id] = (topic_key, None, None, title_id)
    kinds = {kind.value: kind for kind in ItemKind}
    for row in connection.exec_driver_sql(
        "SELECT i.body_id, i.question_id, i.answer_id, i.key, i.kind, t.key, t.title_id "
        "FROM item i JOIN topic t ON t.id = i.topic_id "
        f"WHERE i.body_id IN ({block_ids}) OR i.question_id IN ({block_ids}) OR i.answer_id IN ({block_ids})"
    ):
        for owned in (row[0], row[1], row[2]):
            if owned is not None:
                owners[owned] = (row[5], row[3], kinds[row[4]], row[6])
    shown = [row for row in rows if row[0] in owners][:limit]
    titles: dict[tuple[int, str], str] = {}
    sources: dict[int, str] = {}
    title_ids = _id_list(owners[row[0]][3] for row in shown)  # the titles of the hits returned only
    for block_id, lang, text_value, source_lang in connection.exec_driver_sql(
        "SELECT t.block_id, t.lang, t.text, b.source_lang FROM translation t "
        f"JOIN text_block b ON b.id = t.block_id WHERE t.block_id IN ({title_ids or 'NULL'})"
    ):
        titles[(block_id, lang)] = text_value
        if lang == source_lang:
            sources[block_id] = text_value
    hits: list[tuple[int, _HitFields, float]] = []
    for matched_id, matched_lang, score, translation_id in shown:
        owner_topic, owner_item, owner_kind, owner_title = owners[matched_id]
        title = titles.get((owner_title, matched_lang)) or sources.get(owner_title) or owner_topic
        hits.append((translation_id, (owner_topic, title, owner_item, owner_kind, matched_lang), score))
    return hits
