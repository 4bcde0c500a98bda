"""The README's team set-up, run on a throw-away server: a team role owns the library, each adviser logs in as
themselves, and every change is recorded under the adviser's own name."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from briefing.operations import queries, set_text
from briefing.store import Library

SET_UP = [
    "CREATE ROLE briefing_team NOLOGIN",
    "CREATE DATABASE team_library OWNER briefing_team",
    "CREATE ROLE anne LOGIN IN ROLE briefing_team",
    "ALTER ROLE anne SET ROLE briefing_team",
    "CREATE ROLE marc LOGIN IN ROLE briefing_team",
    "ALTER ROLE marc SET ROLE briefing_team",
]


def as_superuser(server: URL, database: str, statements: list[str]) -> None:
    engine = create_engine(server.set(database=database), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_advisers_share_the_team_library_and_their_changes_carry_their_names(server: URL) -> None:
    as_superuser(server, "postgres", SET_UP)
    as_superuser(server, "team_library", ["CREATE EXTENSION IF NOT EXISTS unaccent"])
    anne = Library.open(server.set(database="team_library", username="anne"))
    marc = Library.open(server.set(database="team_library", username="marc"))
    try:
        from briefing.interchange.demo.builder import create_demo_library

        create_demo_library(anne)  # the first copy to open the empty database creates the schema
        with anne.engine.connect() as connection:
            owner = connection.execute(text("SELECT tableowner FROM pg_tables WHERE tablename = 'topic'"))
            assert owner.scalar_one() == "briefing_team"
        assert (anne.stamp.editor, marc.stamp.editor) == ("anne", "marc")

        with marc.reading() as uow:
            topic = uow.topics.list()[0]
            key, block = topic.key, topic.title_id
        set_text(marc, block, "fr", "Titre revu par Marc")
        view = queries.topic_view(anne, key)
        assert view.last_change is not None and view.last_change.by == "marc"
        with anne.reading() as uow:
            assert uow.texts.require_id(block).text("fr") == "Titre revu par Marc"
            assert uow.search("revu par marc")  # accent- and case-folding search works for the team role
    finally:
        marc.close()
        anne.close()
