"""Search: accents and case folded, prefixes while typing, ranked, language shown, hostile input harmless."""

from __future__ import annotations

import pytest

from briefing.model import ItemKind
from briefing.store import Library
from briefing.store.search import fts_query


def test_unaccented_query_finds_accented_french(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        hits = uow.search("securite des ports")
    assert hits
    assert (hits[0].topic_key, hits[0].item_key, hits[0].lang) == ("drug-trafficking", "dt-ltt-1", "fr")
    assert "sécurité" in hits[0].snippet.lower()


def test_prefix_matching_while_typing(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        assert {(h.item_key, h.lang) for h in uow.search("menac")} == {("dt-fact-1", "fr")}
        topic_hits = [h for h in uow.search("Trafic de dro") if h.is_topic]
    assert [(h.topic_key, h.lang, h.topic_title) for h in topic_hits] == [
        ("drug-trafficking", "fr", "Trafic de drogue et criminalité organisée")
    ]


def test_case_and_kinds(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        hits = uow.search("ALLIANCE COST")
    assert [(h.item_key, h.item_kind, h.lang) for h in hits] == [("dt-qa-1", ItemKind.QA, "en")]


def test_ranking_puts_the_denser_match_first(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        hits = uow.search("alliance")
    scores = [h.score for h in hits]
    assert scores == sorted(scores)
    assert len(hits) >= 3


def test_a_finished_word_is_not_a_prefix() -> None:
    assert fts_query("port ") == '"port"'
    assert fts_query("port") == '"port"*'
    assert fts_query("  ") is None


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "'",
        '"unbalanced',
        "(",
        "ports)",
        "*",
        "a*b",
        "NEAR(a b)",
        "NEAR",
        "AND",
        "OR NOT",
        "-ports",
        "^ports",
        "ports:",
        "col:value",
        "{a b}",
        "\x00",
        "\\",
        "%",
        "_",
        "'; DROP TABLE topic; --",
        "ü" * 500,
        "x" * 10_000,
    ],
)
def test_hostile_input_never_raises(sample_library: Library, hostile: str) -> None:
    with sample_library.unit_of_work() as uow:
        uow.search(hostile)
        assert uow.topics.count() == 2


def test_index_follows_edits_and_deletes(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        item = uow.items.require("dt-press-1")
        assert item.body is not None
        item.body.set_text("en", "Zanzibar quarterly")
    with sample_library.unit_of_work() as uow:
        assert [h.item_key for h in uow.search("zanzib")] == ["dt-press-1"]
        assert uow.search("Europe stands together") == []
        uow.items.delete(uow.items.require("dt-press-1"))
    with sample_library.unit_of_work() as uow:
        assert uow.search("zanzibar") == []


def test_unspecific_queries_rank_a_window_of_matches(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.store import search as search_module

    with sample_library.unit_of_work() as uow:
        ranked_all = uow.search("alliance")
    monkeypatch.setattr(search_module, "FULL_RANKING_LIMIT", 1)
    with sample_library.unit_of_work() as uow:
        windowed = uow.search("alliance")
    assert {(h.item_key, h.lang) for h in windowed} == {(h.item_key, h.lang) for h in ranked_all}
    assert [h.score for h in windowed] == sorted(h.score for h in windowed)


def test_snippet_marks_whole_words_and_the_typed_prefix() -> None:
    from briefing.store.search import SNIPPET_CLOSE as C
    from briefing.store.search import SNIPPET_OPEN as O
    from briefing.store.search import snippet

    text = "La sécurité des ports reste une priorité de sécurité intérieure."
    assert snippet(text, ["securite", "inter"], True) == (
        f"La {O}sécurité{C} des ports reste une priorité de {O}sécurité{C} {O}intérieure{C}."
    )
    assert f"{O}ports{C}" not in snippet(text, ["port"], False)


def test_a_one_letter_prefix_is_spelt_out_with_the_two_letter_prefix_index() -> None:
    query = fts_query("police d")
    assert query is not None and query.startswith('"police" AND ("d" OR "da"* OR "db"*')
    assert fts_query("é") == fts_query("e")  # folded first, like the index folds
    assert fts_query("δ") == '"δ"*'  # not spelt out: letters outside the two-letter alphabet stay a prefix


def test_a_one_letter_prefix_finds_what_a_prefix_finds(sample_library: Library) -> None:
    with sample_library.reading() as uow:
        hits = uow.search("a", limit=1000)
    assert hits
    from briefing.i18n.folding import fold

    for hit in hits:  # every hit holds a word starting with "a" (the snippet marks it)
        from briefing.store.search import SNIPPET_OPEN

        marked = hit.snippet.split(SNIPPET_OPEN)[1]
        assert fold(marked).startswith("a"), hit.snippet


def test_density_ranks_more_occurrences_and_shorter_texts_first() -> None:
    from briefing.store.search import density_score, word_pattern

    pattern = word_pattern(["securite", "port"], True)
    dense = density_score("Sécurité des ports, sécurité des ports.", pattern, 2)
    sparse = density_score("La sécurité " + "mot " * 80 + "portuaire.", pattern, 2)
    absent = density_score("Rien à voir.", pattern, 2)
    assert dense < sparse < absent == 0


def test_an_unspecific_query_reads_a_bounded_number_of_matches(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.store import search as search_module

    seen: list[int] = []
    original = search_module._sqlite_candidates

    def counting(session: object, user_text: str, enough: int) -> object:
        found = original(session, user_text, enough)  # type: ignore[arg-type]
        seen.append(len(found))
        return found

    monkeypatch.setattr(search_module, "FULL_RANKING_LIMIT", 3)
    monkeypatch.setattr(search_module, "SHORT_PREFIX_RANKING_LIMIT", 3)
    monkeypatch.setattr(search_module, "_sqlite_candidates", counting)
    with sample_library.reading() as uow:
        hits = uow.search("a", limit=2)
    assert seen == [4]  # at least twice the limit, whatever the number of matches
    assert len(hits) == 2


def test_a_one_or_two_letter_prefix_reads_fewer_matches_than_a_longer_query(
    sample_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.store import search as search_module

    asked: dict[str, int] = {}
    original = search_module._sqlite_candidates

    def recording(session: object, user_text: str, enough: int) -> object:
        asked[user_text] = enough
        return original(session, user_text, enough)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "FULL_RANKING_LIMIT", 12)
    monkeypatch.setattr(search_module, "SHORT_PREFIX_RANKING_LIMIT", 5)
    monkeypatch.setattr(search_module, "_sqlite_candidates", recording)
    with sample_library.reading() as uow:
        for query in ("s", "se", "sec", "se ", "ports s"):
            uow.search(query, limit=2)
    # still typing a word of one or two letters: fewer; a longer word, a whole word or a second word: all
    assert asked == {"s": 5, "se": 5, "sec": 12, "se ": 12, "ports s": 12}
