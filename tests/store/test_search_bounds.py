"""Search on hostile input: huge texts, huge queries and absurd limits give results, never an exception.

How fast they are is measured by ``benchmarks/hostile_search.py``; these tests check what comes back.
"""

from __future__ import annotations

from briefing.interchange.library_json import import_document, validate
from briefing.store import Library
from briefing.store.search import SNIPPET_CLOSE as C
from briefing.store.search import SNIPPET_OPEN as O
from briefing.store.search import fts_query, query_words, snippet
from briefing.store.search_limits import MAX_QUERY_WORDS, MAX_SEARCH_LIMIT, SNIPPET_SCAN_CHARS

FILLER = "lorem ipsum dolor sit amet "


def test_a_snippet_of_a_megabyte_paragraph_is_a_window_around_the_match() -> None:
    text = FILLER * 20_000 + "the Ports Alliance meets " + FILLER * 20_000
    assert len(text) > 1_000_000
    early = FILLER * 10 + "the Ports Alliance meets " + FILLER * 40_000
    shown = snippet(early, ["ports", "alliance"], False)
    assert f"the {O}Ports{C} {O}Alliance{C} meets" in shown
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 200
    far = snippet(text, ["ports"], False)  # beyond the part searched: the text's beginning, unmarked
    assert far.startswith("lorem ipsum") and O not in far and len(far) < 200


def test_a_snippet_at_the_edge_of_the_window_and_with_folds_that_change_length() -> None:
    text = "x" * (SNIPPET_SCAN_CHARS - 3) + " ports"
    assert O not in snippet(text, ["ports"], False)  # cut at the window: never a half-marked word
    turkish = "İstanbul ﬁnance et la sécurité des ports"  # İ and ﬁ fold to two characters
    assert snippet(turkish, ["securite"], False).endswith(f"la {O}sécurité{C} des ports")


def test_a_query_of_200000_words_is_cut_to_its_first_words() -> None:
    query = " ".join(f"word{i}" for i in range(200_000))
    words, prefix_last = query_words(query)
    assert len(words) == MAX_QUERY_WORDS and words[0] == "word0" and not prefix_last
    assert fts_query(query) == " ".join(f'"word{i}"' for i in range(MAX_QUERY_WORDS))


def test_huge_texts_queries_and_limits_through_the_library(library: Library) -> None:
    paragraph = "Port security " + FILLER * 40_000 + " final sécurité"
    document = {
        "format": "briefing-library",
        "version": 1,
        "areas": [{"key": "a", "title": {"en": "Area"}, "topics": [{"key": "t", "title": {"en": "Ports"},
                   "items": [{"key": f"i{n}", "kind": "background", "text": {"en": paragraph, "fr": paragraph}}
                             for n in range(3)]}]}],
    }  # fmt: skip
    with library.unit_of_work() as uow:
        import_document(uow, validate(document))
    with library.unit_of_work() as uow:
        hits = uow.search("security")
        assert {hit.item_key for hit in hits} == {"i0", "i1", "i2"}
        assert all(f"{O}security{C}" in hit.snippet and len(hit.snippet) < 300 for hit in hits)
        assert len(uow.search("port " * 200_000)) > 0
        assert len(uow.search("security", limit=10**20)) == 6
        assert len(uow.search("security", limit=0)) == 1
        assert len(uow.search("security", limit=-5)) == 1
        assert uow.search("\ud800 \udfff") == []
        assert len(uow.search("x", limit=MAX_SEARCH_LIMIT)) == 0
