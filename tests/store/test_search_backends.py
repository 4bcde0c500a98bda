"""Search behaves the same on SQLite (FTS5) and PostgreSQL (unaccent + tsvector, revision 0005).

Every test here runs against both back-ends: accents and case folded, prefixes while typing, hostile input harmless,
ranked, the language of each match shown; and both give the same hits for the same library.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import URL, make_url

from briefing.errors import LibraryError
from briefing.interchange.library_copy import empty_library
from briefing.interchange.library_json import import_document, validate
from briefing.model import ItemKind
from briefing.store import Library
from tests.support.postgres import postgres_bin

QUERIES = ["securite des ports", "menac", "Trafic de dro", "ALLIANCE COST", "alliance", "a", "port ", "zzz"]


@pytest.fixture(params=["sqlite", "postgresql"])
def searchable(
    request: pytest.FixtureRequest, sample_library: Library, sample_document: dict[str, Any]
) -> Iterator[Library]:
    """The sample library on SQLite, or the same on the throw-away PostgreSQL server."""
    if request.param == "sqlite":
        yield sample_library
        return
    url: URL = request.getfixturevalue("server")
    library = Library.open(url)
    with library.unit_of_work() as uow:
        empty_library(uow)
        import_document(uow, validate(sample_document))
    yield library
    library.close()


def test_unaccented_query_finds_accented_french(searchable: Library) -> None:
    with searchable.reading() as uow:
        hits = uow.search("securite des ports")
    assert (hits[0].topic_key, hits[0].item_key, hits[0].lang) == ("drug-trafficking", "dt-ltt-1", "fr")
    assert "sécurité" in hits[0].snippet.lower()


def test_prefixes_while_typing_and_the_language_shown(searchable: Library) -> None:
    with searchable.reading() as uow:
        assert {(h.item_key, h.lang) for h in uow.search("menac")} == {("dt-fact-1", "fr")}
        topic_hits = [h for h in uow.search("Trafic de dro") if h.is_topic]
        assert uow.search("port ") != uow.search("port")  # a finished word is not a prefix
    assert [(h.topic_key, h.lang, h.topic_title) for h in topic_hits] == [
        ("drug-trafficking", "fr", "Trafic de drogue et criminalité organisée")
    ]


def test_case_and_kinds(searchable: Library) -> None:
    with searchable.reading() as uow:
        hits = uow.search("ALLIANCE COST")
    assert [(h.item_key, h.item_kind, h.lang) for h in hits] == [("dt-qa-1", ItemKind.QA, "en")]


def test_ranked_best_first(searchable: Library) -> None:
    with searchable.reading() as uow:
        hits = uow.search("alliance")
    assert len(hits) >= 3
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    assert hits[0].score < hits[-1].score


@pytest.mark.parametrize(
    "hostile",
    ['"', "'", "(", "*", "a*b", "NEAR(a b)", "OR NOT", "-ports", "ports:", "a:*", "!x & y | z", "<->", "_", "\\",
     "%", "'; DROP TABLE topic; --", "ü" * 500, "x" * 10_000, "\x00", "\ud800"],
)  # fmt: skip
def test_hostile_input_is_harmless(searchable: Library, hostile: str) -> None:
    with searchable.reading() as uow:
        uow.search(hostile)
        assert uow.topics.count() == 2


def test_the_index_follows_edits_and_deletes(searchable: Library) -> None:
    with searchable.unit_of_work() as uow:
        item = uow.items.require("dt-press-1")
        assert item.body is not None
        item.body.set_text("en", "Zanzibar quarterly")
    with searchable.unit_of_work() as uow:
        assert [h.item_key for h in uow.search("zanzib")] == ["dt-press-1"]
        uow.items.delete(uow.items.require("dt-press-1"))
    with searchable.reading() as uow:
        assert uow.search("zanzibar") == []


def test_both_back_ends_give_the_same_hits(
    sample_library: Library,
    sample_document: dict[str, Any],
    server: URL,
) -> None:
    shared = Library.open(server)
    try:
        with shared.unit_of_work() as uow:
            empty_library(uow)
            import_document(uow, validate(sample_document))
        for query in QUERIES:
            with sample_library.reading() as one, shared.reading() as other:
                assert one.search(query, limit=100) == other.search(query, limit=100), query
    finally:
        shared.close()


def test_a_role_that_may_not_create_the_extension_is_told_what_to_ask(server: URL) -> None:
    """A fresh database whose owner is an ordinary role without the right to create extensions."""
    host, port = server.query["host"], server.query["port"]
    assert isinstance(host, str) and isinstance(port, str)
    run_as = ["runuser", "-u", "postgres", "--"] if subprocess.run(["id", "-u"], capture_output=True,
              text=True, check=True).stdout.strip() == "0" else []  # fmt: skip
    psql = [
        *run_as,
        str(postgres_bin() / "psql"),
        "-h",
        host,
        "-p",
        port,
        "-U",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
    ]
    subprocess.run(
        [*psql, "-d", "postgres", "-c", "CREATE ROLE adviser LOGIN"], check=False, capture_output=True
    )
    subprocess.run(
        [*psql, "-d", "postgres", "-c", "DROP DATABASE IF EXISTS team"], check=True, capture_output=True
    )
    subprocess.run([*psql, "-d", "postgres", "-c", "CREATE DATABASE team"], check=True, capture_output=True)
    subprocess.run([*psql, "-d", "team", "-c", "GRANT CREATE ON SCHEMA public TO adviser"], check=True,
                   capture_output=True)  # fmt: skip
    url = make_url(f"postgresql+psycopg://adviser@/team?host={host}&port={port}")
    with pytest.raises(LibraryError) as caught:
        Library.open(url)
    assert "CREATE EXTENSION unaccent" in caught.value.message("en")
    assert "CREATE EXTENSION unaccent" in caught.value.message(
        "fr"
    ) and "administrat" in caught.value.message("fr")
    # once the administrator has created it, the same role opens the library and searches
    subprocess.run([*psql, "-d", "team", "-c", "CREATE EXTENSION unaccent"], check=True, capture_output=True)
    with Library.open(url) as library, library.reading() as uow:
        assert uow.search("securite") == []
