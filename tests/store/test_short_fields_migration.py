"""Revision 0003: owners, sources, "prepared by" and organisations move from plain strings into texts, unchanged.

A library written at revision 0002 (plain string columns, a topic's sources a JSON list) is upgraded on SQLite
and on PostgreSQL; every value reads back the same, in its source language, with the French missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from briefing.model import Action, Meeting, Participant, Topic
from briefing.model.enums import TranslationState
from briefing.store import Library
from briefing.store.engine import make_engine
from briefing.store.location import sqlite_url
from briefing.store.migrate import current_revision, migrate
from briefing.store.snapshot import HEAD_REVISION

STAMP = "'2024-01-01 00:00:00'"
ROWS = [
    "INSERT INTO text_block (id, source_lang) VALUES (1, 'en'), (2, 'fr'), (3, 'en'), (4, 'en'), (5, 'en'), (6, 'en')",
    "INSERT INTO area (id, key, position, title_id, version, created_at, updated_at) "
    f"VALUES (1, 'security', 0, 1, 1, {STAMP}, {STAMP})",
    "INSERT INTO topic (id, key, area_id, position, title_id, owner, tags, sources, source_lang, version, "
    f"created_at, updated_at) VALUES (1, 'ports', 1, 0, 3, 'Police co-operation unit', '[]', "
    f"'[\"ST 10270/24\", \"Joint communiqué, 11 June 2018\"]', 'en', 1, {STAMP}, {STAMP}), "
    f"(2, 'fr-topic', 1, 1, 2, 'Cellule police', '[]', '[\"Note du 3 juin 2024\"]', 'fr', 1, {STAMP}, {STAMP}), "
    f"(3, 'bare', 1, 2, 6, NULL, '[]', '[]', 'en', 1, {STAMP}, {STAMP})",
    "INSERT INTO action (id, key, topic_id, position, text_id, owner, deadline, status, source, version, "
    f"created_at, updated_at) VALUES (1, 'act-1', 1, 0, 4, 'Europol', NULL, 'open', 'ST 10270/24', 1, {STAMP}, "
    f"{STAMP}), (2, 'act-2', NULL, 1, 5, '', NULL, 'open', NULL, 1, {STAMP}, {STAMP})",
    "INSERT INTO meeting (id, slug, kind, title_id, prepared_by, version, created_at, updated_at) "
    f"VALUES (1, 'jha', 'council', 1, 'Home Affairs unit', 1, {STAMP}, {STAMP})",
    "INSERT INTO participant (id, key, name, organisation, function_id, bio_id, version, created_at, updated_at) "
    f"VALUES (1, 'p-1', 'Jeanne Exemple', 'Ministry of the Interior', 1, 1, 1, {STAMP}, {STAMP})",
]


def write_revision_0002(engine: Engine) -> None:
    migrate(engine, "0002")
    with engine.begin() as connection:
        for statement in ROWS:
            connection.execute(text(statement))
        if engine.dialect.name == "postgresql":  # rows were given their ids: move the sequences past them
            for table in ("text_block", "area", "topic", "action", "meeting", "participant"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
                )


@pytest.fixture(params=["sqlite", "postgresql"])
def old_library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "old.sqlite")
    else:
        server_url: URL = request.getfixturevalue("server")
        admin = make_engine(server_url)
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("DROP DATABASE IF EXISTS migrate_0003"))
            connection.execute(text("CREATE DATABASE migrate_0003"))
        admin.dispose()
        url = server_url.set(database="migrate_0003")
    engine = make_engine(url)
    write_revision_0002(engine)
    engine.dispose()
    yield url


def test_upgrade_moves_every_short_field_into_a_text(old_library: URL) -> None:
    library = Library.open(old_library)
    try:
        assert current_revision(library.engine) == HEAD_REVISION
        with library.unit_of_work() as uow:
            session = uow.session
            ports = session.get(Topic, 1)
            french = session.get(Topic, 2)
            bare = session.get(Topic, 3)
            assert ports is not None and french is not None and bare is not None
            assert ports.owner == "Police co-operation unit"
            assert ports.sources == ["ST 10270/24", "Joint communiqué, 11 June 2018"]
            assert ports.owner_block is not None and ports.owner_block.state("fr") is TranslationState.MISSING
            assert french.owner == "Cellule police" and french.owner_block is not None
            assert french.owner_block.source_lang == "fr" and french.sources == ["Note du 3 juin 2024"]
            assert bare.owner is None and bare.sources == []
            action, loose = session.get(Action, 1), session.get(Action, 2)
            assert action is not None and loose is not None
            assert (action.owner, action.source) == ("Europol", "ST 10270/24")
            assert (loose.owner, loose.source) == (None, None)  # an empty owner stays empty
            meeting, person = session.get(Meeting, 1), session.get(Participant, 1)
            assert meeting is not None and person is not None
            assert meeting.prepared_by == "Home Affairs unit"
            assert person.organisation == "Ministry of the Interior"
            person.organisation_block.set_text("fr", "Ministère de l’Intérieur")  # type: ignore[union-attr]
        with library.unit_of_work() as uow:
            found = uow.session.get(Participant, 1)
            assert found is not None and found.organisation_block is not None
            assert found.organisation_block.text("fr") == "Ministère de l’Intérieur"
            assert found.organisation_block.state("fr") is TranslationState.TRANSLATED
    finally:
        library.close()
