"""The bilingual demo library: built from the seeds, imported through a real SQLite library."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from sqlalchemy import select

from briefing.errors import BriefingError
from briefing.interchange.demo.builder import (
    DemoExistsError,
    alignment_report,
    build_demo_document,
    create_demo_library,
    ensure_demo_library,
    programme_alignment,
)
from briefing.interchange.demo.seeds import (
    PROGRAMME_EN,
    PROGRAMME_FR,
    PROGRAMME_SECTION_KEYS,
    clean_markdownish_text,
    normalise_spaces,
    read_seed,
)
from briefing.interchange.library_json import export_document, import_document, validate
from briefing.model import Item, ItemKind, Marking, MeetingKind, Topic
from briefing.model.enums import TranslationState
from briefing.store import Library

FRENCH_OBJECTIVE = (
    "Le principal objectif de la Présidence sera d'abord de finaliser l'ensemble des dossiers législatifs du "
    "Pacte sur la migration et l'asile."
)
NOTE = "ST 10270/24"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build_demo_document()


@pytest.fixture
def demo(library: Library) -> Library:
    create_demo_library(library)
    return library


def counts(library: Library) -> dict[str, int]:
    with library.unit_of_work() as uow:
        return {
            "areas": uow.areas.count(),
            "topics": uow.topics.count(),
            "items": uow.items.count(),
            "actions": uow.actions.count(),
            "participants": uow.participants.count(),
            "meetings": uow.meetings.count(),
            "texts": uow.texts.count(),
            "translations": uow.translations.count(),
        }


def all_items(library: Library) -> list[Item]:
    with library.unit_of_work() as uow:
        items = list(uow.session.scalars(select(Item).order_by(Item.id)))
        for item in items:  # load what the assertions read before the session closes
            _ = item.topic.key, item.topic.sources, [b.translations for b in item.blocks()]
        return items


def programme_topics(library: Library) -> list[Topic]:
    with library.unit_of_work() as uow:
        topics = [t for t in uow.topics.list() if t.key.startswith("programme-")]
        for topic in topics:
            _ = (
                topic.title.translations,
                [(i.kind, [b.translations for b in i.blocks()]) for i in topic.items],
            )
        return topics


# --- the document -----------------------------------------------------------------------------------------


def test_the_document_validates_with_unique_keys(document: dict[str, Any]) -> None:
    validated = validate(document)
    assert [area.key for area in validated.areas] == [
        "presidency-programme",
        "asylum-migration",
        "schengen",
        "internal-security",
        "drugs-organised-crime",
        "crisis-management",
        "franco-belgian-cooperation",
    ]
    assert [meeting.slug for meeting in validated.meetings] == ["jha-council-2024-06", "val-duchesse-ii"]


def test_building_twice_gives_the_same_document(document: dict[str, Any]) -> None:
    assert build_demo_document() == document


def test_every_programme_section_is_a_topic(document: dict[str, Any]) -> None:
    keys = {topic["key"] for area in document["areas"] for topic in area["topics"]}
    assert {f"programme-{section}" for section in PROGRAMME_SECTION_KEYS} <= keys


def test_a_merged_two_to_one_pair_is_one_item_with_both_english_paragraphs(document: dict[str, Any]) -> None:
    merge = programme_alignment().section("schengen").merges[0]
    assert merge.kind == "2:1"
    schengen = next(t for a in document["areas"] for t in a["topics"] if t["key"] == "programme-schengen")
    item = next(i for i in schengen["items"] if i.get("text", {}).get("fr") == merge.fr_text)
    assert item["text"]["en"] == merge.en_text
    assert item["text"]["en"].startswith("ii. Remediation:")
    assert "iii. Strategic foresight:" in item["text"]["en"]


def test_programme_items_keep_the_seed_wording(document: dict[str, Any]) -> None:
    english = " ".join(clean_markdownish_text(read_seed(PROGRAMME_EN)))
    french = normalise_spaces(read_seed(PROGRAMME_FR))
    topics = [t for a in document["areas"] for t in a["topics"] if t["key"].startswith("programme-")]
    for topic in topics:
        for item in topic["items"]:
            if item["kind"] == "qa":
                continue  # the question is the demo's wording; the answer is checked below
            for sentence in re.split(r"(?<=[.;:])\s+(?=[A-Z])", item["text"]["en"]):
                assert sentence in english, sentence
    assert FRENCH_OBJECTIVE in french


def test_alignment_report_names_the_merge() -> None:
    report = alignment_report()
    assert report.startswith("Programme alignment EN↔FR")
    assert "schengen: EN 8, FR 7, 7 pairs, 1 merged" in report
    assert "(2:1)" in report


# --- through the library ------------------------------------------------------------------------------------


def test_import_creates_the_demo_content(library: Library) -> None:
    summary = create_demo_library(library)
    assert summary.created == {
        "areas": 7,
        "topics": 26,
        "items": summary.created["items"],
        "actions": 35,
        "participants": 6,
        "meetings": 2,
    }
    assert summary.created["items"] > 150
    assert summary.updated == {}


def test_the_french_side_of_the_migration_topic_is_the_seed_french(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        topic = uow.topics.require("programme-asylum-migration")
        assert topic.title.text("fr") == "Un système d'asile et de migration plus juste et plus efficace"
        french = [item.body.text("fr") for item in topic.items if item.body is not None]
        objective = next(i for i in topic.items if i.kind is ItemKind.OBJECTIVE)
        assert objective.body is not None
        assert objective.body.state("fr") is TranslationState.TRANSLATED
    assert FRENCH_OBJECTIVE in french
    assert any("Pacte" in (text or "") for text in french)


def test_french_texts_have_no_page_numbers_line_breaks_or_broken_hyphenation(demo: Library) -> None:
    french = [
        text for item in all_items(demo) for block in item.blocks() if (text := block.text("fr")) is not None
    ]
    assert len(french) > 60
    for text in french:
        assert "\n" not in text and "\u00ad" not in text, text
        assert not text.strip().isdigit()
        assert not re.search(r"[.!?»]\s+\d{1,3}(?:\s+[A-ZÀ-Ý]|$)", text), text  # a page number left in
        assert not re.search(r"[^\W\d_]-\s+[^\W\d_]", text), text  # "gou- vernance"
        assert "  " not in text


def test_every_item_has_text(demo: Library) -> None:
    for item in all_items(demo):
        blocks = item.blocks()
        assert blocks, item.key
        if item.kind is ItemKind.QA:
            assert item.question is not None and item.answer is not None
        for block in blocks:
            assert (block.text("en") or "").strip(), item.key


def test_every_programme_topic_has_english_and_french(demo: Library) -> None:
    topics = programme_topics(demo)
    assert {t.key for t in topics} == {f"programme-{key}" for key in PROGRAMME_SECTION_KEYS}
    for topic in topics:
        assert topic.title.text("en") and topic.title.text("fr"), topic.key
        assert topic.items, topic.key
        for item in topic.items:
            for block in item.blocks():
                assert (block.text("fr") or "").strip(), item.key
                assert block.state("fr") is not TranslationState.MISSING


def test_programme_items_have_the_kinds_of_a_brief(demo: Library) -> None:
    kinds = {item.kind for topic in programme_topics(demo) for item in topic.items}
    assert {
        ItemKind.OBJECTIVE,
        ItemKind.LINE_TO_TAKE,
        ItemKind.BACKGROUND,
        ItemKind.QA,
        ItemKind.PRESS_LINE,
    } <= kinds


def test_council_note_items_are_english_only(demo: Library) -> None:
    note_items = [item for item in all_items(demo) if NOTE in item.topic.sources]
    assert len(note_items) > 40
    kinds = {item.kind for item in note_items}
    assert {ItemKind.KEY_FACT, ItemKind.BACKGROUND, ItemKind.QA, ItemKind.OBJECTIVE} <= kinds
    for item in note_items:
        for block in item.blocks():
            assert block.state("fr") is TranslationState.MISSING, item.key
            assert block.state("en") is TranslationState.SOURCE
            assert not re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹]", block.text("en") or ""), item.key  # no footnote marks


def test_council_note_topics_cite_the_note_and_carry_limite(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        access = uow.topics.require("access-to-data")
        assert access.sources == [NOTE]
        assert access.reviewed_on == dt.date(2024, 6, 3)
        assert access.marking is Marking.LIMITE
        networks = uow.topics.require("high-risk-criminal-networks")
        marked = [item for item in networks.items if item.marking is Marking.LIMITE]
        assert marked and all("COSI" in (item.body.text("en") or "") for item in marked if item.body)
        fact = uow.items.require("drugs-progress-report-key_fact-1")
        assert fact.kind is ItemKind.KEY_FACT
        assert fact.body is not None
        assert "50% of the EU's most threatening criminal networks" in (fact.body.text("en") or "")


def test_the_actions_tracker_has_the_seed_deadlines(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        actions = uow.actions.list()
        rows = {(a.owner, a.deadline, a.source, a.topic.key if a.topic else None) for a in actions}
        statuses = {a.key: a.status.value for a in actions}
        texts = {a.key: a.text.text("en") or "" for a in actions}
    assert ("Europol", dt.date(2026, 12, 31), NOTE, "high-risk-criminal-networks") in rows
    assert ("Europol", dt.date(2024, 12, 31), NOTE, "administrative-approach") in rows
    assert ("EMPACT", dt.date(2025, 12, 31), NOTE, "administrative-approach") in rows
    assert ("High-Level Group (HLG)", dt.date(2024, 11, 30), NOTE, "access-to-data") in rows
    assert ("Eurojust", dt.date(2024, 9, 30), NOTE, "judicial-network") in rows
    assert ("COSI", dt.date(2025, 6, 30), NOTE, "latin-america") in rows
    assert ("JHA Council", dt.date(2024, 6, 30), NOTE, "judicial-cooperation") in rows
    val_duchesse = "Val Duchesse II joint communiqué, 11 June 2018"
    assert (
        "France and Belgium",
        dt.date(2018, 12, 31),
        val_duchesse,
        "val-duchesse-counter-terrorism",
    ) in rows
    assert (
        "France and Belgium",
        dt.date(2018, 12, 31),
        val_duchesse,
        "val-duchesse-violent-radicalisation",
    ) in rows
    assert len(actions) == 35  # 28 from the note, 7 from the communiqué (see the next test)
    assert set(statuses.values()) == {"open", "in_progress"}  # the note reports no deliverable as done
    assert statuses["st10270-action-13"] == "in_progress"  # "The HLG will continue its work …"
    assert all(text[:1].isupper() and text.endswith(".") for text in texts.values())
    assert texts["val-duchesse-action-01"].endswith("could be held before the end of this year.")


def test_the_jha_council_has_its_agenda_and_selection(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        meeting = uow.meetings.require("jha-council-2024-06")
        assert meeting.kind is MeetingKind.COUNCIL
        assert (meeting.title.text("en"), meeting.title.text("fr")) == (
            "Justice and Home Affairs Council",
            "Conseil Justice et affaires intérieures",
        )
        assert meeting.location is not None and meeting.location.text("en") == "Luxembourg"
        assert (meeting.starts_on, meeting.ends_on) == (dt.date(2024, 6, 13), dt.date(2024, 6, 14))
        titles = [agenda.title.text("en") for agenda in meeting.agenda]
        selections = [[entry.item for entry in agenda.selection] for agenda in meeting.agenda]
        assert not any(agenda.select_all for agenda in meeting.agenda)
        objectives = [(o.text.text("en"), o.text.text("fr")) for o in meeting.objectives]
        first = meeting.agenda[0]
        topic_keys = [topic.key for topic in first.topics]
        selected = {entry.item.key: entry.item for entry in first.selection}
        markings = {item.effective_marking for items in selections for item in items}
        internal = [item.key for items in selections for item in items if item.internal]
        kinds = {item.kind for items in selections for item in items}
    assert titles == [
        "Fight against organised crime and drug trafficking",
        "Schengen area",
        "Asylum and migration",
        "Terrorism",
    ]
    assert all(len(items) >= 5 for items in selections)
    assert "drugs-progress-report" in topic_keys and "programme-organised-crime" in topic_keys
    assert "drugs-progress-report-key_fact-1" in selected
    assert "programme-organised-crime-qa-1" in selected
    assert Marking.LIMITE in markings
    assert internal == ["drugs-progress-report-assessment"]
    assert {ItemKind.OBJECTIVE, ItemKind.LINE_TO_TAKE, ItemKind.KEY_FACT, ItemKind.QA} <= kinds
    assert any(fr is None for _, fr in objectives)  # an English-only objective shows the missing French
    assert sum(1 for _, fr in objectives if fr) >= 3


def test_the_bilateral_has_six_participants_and_its_agenda(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        meeting = uow.meetings.require("val-duchesse-ii")
        assert meeting.kind is MeetingKind.BILATERAL
        assert meeting.location is not None and meeting.location.text("fr") == "Paris"
        assert meeting.starts_on == meeting.ends_on == dt.date(2018, 6, 11)
        assert meeting.prepared_by == "Cabinet of the Minister of the Interior"
        people = [
            (
                link.participant.name,
                link.participant.function.text("en"),
                link.participant.function.text("fr"),
                link.participant.organisation,
                link.participant.bio.text("en") or "",
                link.participant.bio.text("fr") or "",
            )
            for link in meeting.participant_links
        ]
        titles = [(agenda.title.text("en"), agenda.title.text("fr")) for agenda in meeting.agenda]
        select_all = [agenda.select_all for agenda in meeting.agenda]
        selected = [entry.item for agenda in meeting.agenda for entry in agenda.selection]
        internal_limite = [item.key for item in selected if item.internal and item.marking is Marking.LIMITE]
        objectives = [o.text.text("fr") for o in meeting.objectives]
    assert [(name, en, fr) for name, en, fr, *_ in people] == [
        ("Édouard Philippe", "Prime Minister", "Premier ministre"),
        ("Charles Michel", "Prime Minister", "Premier ministre"),
        ("Gérard Collomb", "Minister of the Interior", "Ministre de l’Intérieur"),
        ("Jan Jambon", "Minister of the Interior", "Ministre de l’Intérieur"),
        ("Nicole Belloubet", "Minister of Justice", "Ministre de la Justice"),
        ("Koen Geens", "Minister of Justice", "Ministre de la Justice"),
    ]
    assert [organisation for *_, organisation, _, _ in people].count("Government of the French Republic") == 3
    for *_, bio_en, bio_fr in people:
        assert "Val Duchesse II (Paris, 11 June 2018)" in bio_en
        assert "Val Duchesse II (Paris, 11 juin 2018)" in bio_fr
    assert titles == [
        ("Counter-terrorism", "Lutte contre le terrorisme"),
        ("Countering violent radicalisation", "Lutte contre la radicalisation violente"),
        ("At European level", "Au niveau européen"),
    ]
    assert select_all == [False, True, False]
    assert internal_limite == ["val-duchesse-european-level-assessment"]
    assert any(item.kind is ItemKind.PRESS_LINE for item in selected)
    assert None in objectives and any(objectives)


def test_the_external_copy_differs_from_the_ministers(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        internal = {item.key for item in uow.items.list() if item.internal}
    assert internal == {
        "drugs-progress-report-assessment",
        "val-duchesse-counter-terrorism-assessment",
        "val-duchesse-european-level-assessment",
    }


# --- creating, refusing, replacing -------------------------------------------------------------------------


def test_create_twice_without_force_is_refused_and_changes_nothing(demo: Library) -> None:
    before = counts(demo)
    with demo.unit_of_work() as uow:
        exported = export_document(uow)
    with pytest.raises(DemoExistsError) as raised:
        create_demo_library(demo)
    assert isinstance(raised.value, BriefingError)
    assert str(demo.path) in raised.value.message("en")
    assert "--force" in raised.value.message("en")
    assert counts(demo) == before
    with demo.unit_of_work() as uow:
        assert export_document(uow) == exported


def test_a_library_with_other_content_is_refused(library: Library, sample_document: dict[str, Any]) -> None:
    with library.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    before = counts(library)
    with pytest.raises(DemoExistsError):
        create_demo_library(library)
    assert counts(library) == before
    assert ensure_demo_library(library) is False
    assert counts(library) == before


def test_force_replaces_everything_without_duplicates(
    library: Library, sample_document: dict[str, Any]
) -> None:
    create_demo_library(library)
    fresh = counts(library)
    create_demo_library(library, force=True)
    assert counts(library) == fresh

    with library.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    summary = create_demo_library(library, force=True)
    assert counts(library) == fresh
    assert summary.updated == {}
    with library.unit_of_work() as uow:
        assert uow.meetings.by_key("jha-test") is None  # the sample library's content is gone
        assert uow.participants.by_key("p-minister") is None
        assert uow.topics.by_key("programme-fr") is None
        assert uow.search("Pacte migration asile")


def test_ensure_creates_the_demo_only_in_an_empty_library(library: Library) -> None:
    assert ensure_demo_library(library) is True
    once = counts(library)
    assert ensure_demo_library(library) is False
    assert counts(library) == once
    assert once["meetings"] == 2
