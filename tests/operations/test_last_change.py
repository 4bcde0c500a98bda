"""The topic view says who last changed the topic or any part of it, and when."""

from __future__ import annotations

import datetime as dt
import getpass

from briefing.operations import queries, set_text
from briefing.store import Library


def test_an_edit_to_one_of_its_texts_is_the_topics_last_change(sample_library: Library) -> None:
    before = dt.datetime.now(dt.UTC)
    with sample_library.reading() as uow:
        body = uow.items.require("dt-bg-1").body_id
        assert body is not None
    set_text(sample_library, body, "fr", "Contexte revu.")
    view = queries.topic_view(sample_library, "drug-trafficking")
    assert view.last_change is not None
    assert view.last_change.by == getpass.getuser()
    assert view.last_change.at >= before


def test_a_topic_imported_and_never_edited_names_nobody_or_the_importer(sample_library: Library) -> None:
    view = queries.topic_view(sample_library, "drug-trafficking")
    assert view.last_change is not None
    assert view.last_change.by in (None, getpass.getuser())
