"""The plan compares a brief with the library; applying it creates or merges, in one unit of work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.interchange.word_import import apply_plan, plan_import
from briefing.model import Area, ItemKind, Marking, TextStatus
from briefing.model.enums import TranslationState
from briefing.operations import add_action, add_item, create_topic
from briefing.operations.base import new_text_block
from briefing.store import Library
from tests.interchange.word_import.wordml import p, style, table, write_docx

STYLES = style("Heading1", "heading 1") + style("Heading2", "heading 2")


@pytest.fixture
def english_library(library: Library) -> Library:
    with library.unit_of_work() as uow:
        uow.areas.add(Area(key="migration", title=new_text_block({"en": "Migration"})))
    create_topic(library, "migration", {"en": "Schengen"}, key="schengen")
    add_item(library, "schengen", "line_to_take", {"en": "Schengen is an achievement."}, key="ltt-1")
    add_item(library, "schengen", "line_to_take", {"en": "Controls stay exceptional."}, key="ltt-2")
    add_item(library, "schengen", "background", {"en": "Created in 1985."}, key="bg-1")
    add_action(library, "schengen", {"en": "Report to the Council"}, owner="Presidency", key="act-1")
    return library


def french_brief(tmp_path: Path) -> Path:
    body = (
        p("Schengen", style="Heading1")
        + p("Éléments de langage", style="Heading2")
        + p("Schengen est un acquis.")
        + p("Les contrôles restent exceptionnels.")
        + p("La solidarité est nécessaire.")
        + p("Contexte", style="Heading2")
        + p("Créé en 1985.")
        + p("Actions", style="Heading2")
        + table(
            [
                ["Action", "Responsable", "Échéance"],
                ["Report to the Council", "Presidency", "30 juin 2024"],
                ["Informer la presse", "Cabinet", "15 juillet 2024"],
            ]
        )
        + p("Frontières", style="Heading1")
        + p("Faits et chiffres", style="Heading2")
        + p("50 000 km de frontières.")
    )
    return write_docx(tmp_path / "schengen-fr.docx", body, styles=STYLES, header=p("LIMITE"))


def test_french_onto_an_english_topic_becomes_its_french_draft(
    english_library: Library, tmp_path: Path
) -> None:
    plan = plan_import(english_library, french_brief(tmp_path), area="Migration", lang="fr")

    schengen, borders = plan.topics
    assert schengen.existing_key == "schengen" and borders.existing_key is None
    assert [(i.item.kind, i.status, i.existing_key) for i in schengen.items] == [
        (ItemKind.LINE_TO_TAKE, "fill", "ltt-1"),
        (ItemKind.LINE_TO_TAKE, "fill", "ltt-2"),
        (ItemKind.LINE_TO_TAKE, "new", None),
        (ItemKind.BACKGROUND, "fill", "bg-1"),
    ]
    assert [a.status for a in schengen.actions] == ["same", "new"]
    assert plan.area_key == "migration" and plan.area_exists
    counts = plan.counts()
    assert (counts["topics_new"], counts["topics_merged"], counts["items_fill"], counts["items_new"]) == (
        1,
        1,
        3,
        2,
    )

    apply_plan(english_library, plan)

    with english_library.unit_of_work() as uow:
        topic = uow.topics.require("schengen")
        assert topic.marking is Marking.LIMITE
        ltt = uow.items.require("ltt-1").body
        assert ltt is not None and ltt.text("fr") == "Schengen est un acquis."
        assert ltt.translations["fr"].status is TextStatus.DRAFT
        assert ltt.state("fr") is TranslationState.DRAFT
        assert ltt.text("en") == "Schengen is an achievement."
        bodies = [(i.kind, i.body.text("fr") if i.body else None) for i in topic.items]
        assert bodies[2] == (ItemKind.LINE_TO_TAKE, "La solidarité est nécessaire.")
        assert len(topic.items) == 4
        actions = sorted(
            (a.text.source_text or a.text.text("fr"), a.owner, a.deadline) for a in uow.actions.list()
        )
        assert actions == [
            ("Informer la presse", "Cabinet", dt.date(2024, 7, 15)),
            ("Report to the Council", "Presidency", None),
        ]
        borders = next(t for t in uow.topics.list() if t.title.text("fr") == "Frontières")
        assert borders.area.key == "migration" and borders.source_lang == "fr"
        assert [i.body.text("fr") for i in borders.items if i.body] == ["50 000 km de frontières."]
        assert uow.topics.count() == 2


def test_dry_run_plan_writes_nothing(english_library: Library, tmp_path: Path) -> None:
    plan_import(english_library, french_brief(tmp_path), lang="fr")

    with english_library.unit_of_work() as uow:
        assert uow.topics.count() == 1 and uow.areas.count() == 1
        body = uow.items.require("ltt-1").body
        assert body is not None and body.text("fr") is None


def test_new_topics_go_to_a_new_area_named_by_the_user(english_library: Library, tmp_path: Path) -> None:
    body = p("Cyber", style="Heading1") + p("Lines to take", style="Heading2") + p("Be resilient.")
    path = write_docx(tmp_path / "cyber.docx", body, styles=STYLES)

    plan = plan_import(english_library, path, area="Digital affairs", lang="en")
    apply_plan(english_library, plan)

    assert (plan.area_key, plan.area_exists) == ("digital-affairs", False)
    with english_library.unit_of_work() as uow:
        area = uow.areas.require("digital-affairs")
        assert area.title.text("en") == "Digital affairs"
        assert [t.title.text("en") for t in area.topics] == ["Cyber"]
