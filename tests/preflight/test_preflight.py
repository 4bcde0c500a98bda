"""Preflight: each kind of problem in a real library gives exactly the findings it should."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from briefing.assemble import Outline, PackRequest, assemble
from briefing.errors import NotFoundError
from briefing.glossary import Glossary, GlossaryTerm
from briefing.interchange.library_json import import_document, validate
from briefing.model import Marking
from briefing.preflight import (
    CODES,
    Finding,
    Severity,
    check_external_copy,
    check_marking,
    run_preflight,
    sort_findings,
)
from briefing.preflight import checks as preflight_checks
from briefing.store import Library

TODAY = dt.date(2024, 6, 10)
NO_GLOSSARY = Glossary()

Doc = dict[str, Any]


def texts(en: str, fr: str | None) -> dict[str, str]:
    return {"en": en} if fr is None else {"en": en, "fr": fr}


def base_document() -> Doc:
    """A meeting whose pack is complete in both languages: preflight finds nothing in it."""
    return {
        "format": "briefing-library",
        "version": 1,
        "areas": [
            {
                "key": "security",
                "title": texts("Internal security", "Sécurité intérieure"),
                "topics": [
                    {
                        "key": "ports",
                        "title": texts("Security of ports", "Sécurité des ports"),
                        "owner": {"en": "Police unit", "fr": "Unité de police"},
                        "marking": "LIMITE",
                        "reviewed_on": "2024-05-01",
                        "sources": [{"en": "ST 10270/24", "fr": "ST 10270/24"}],
                        "items": [
                            {
                                "key": "ports-obj",
                                "kind": "objective",
                                "text": texts(
                                    "Secure support for the ports alliance.",
                                    "Obtenir le soutien à l'alliance des ports.",
                                ),
                            },
                            {
                                "key": "ports-ltt",
                                "kind": "line_to_take",
                                "text": texts(
                                    "Drug trafficking through ports must stop.",
                                    "Le trafic de drogue dans les ports doit cesser.",
                                ),
                            },
                            {
                                "key": "ports-bg",
                                "kind": "background",
                                "internal": True,
                                "text": texts(
                                    "Internal assessment of the negotiating room.",
                                    "Évaluation interne de la marge de négociation.",
                                ),
                            },
                            {
                                "key": "ports-fact",
                                "kind": "key_fact",
                                "marking": "RESTREINT UE/EU RESTRICTED",
                                "text": texts(
                                    "Half of the networks use ports.",
                                    "La moitié des réseaux utilisent les ports.",
                                ),
                            },
                            {
                                "key": "ports-qa",
                                "kind": "qa",
                                "question": texts("Will it cost more?", "Cela coûtera-t-il plus ?"),
                                "answer": texts(
                                    "Funding comes from existing programmes.",
                                    "Le financement provient des programmes existants.",
                                ),
                            },
                        ],
                        "actions": [
                            {
                                "key": "ports-act",
                                "text": texts(
                                    "Report on the alliance's first year.",
                                    "Rapport sur la première année de l'alliance.",
                                ),
                                "owner": texts("Commission", "Commission"),
                                "deadline": "2024-12-31",
                                "status": "open",
                            }
                        ],
                    },
                    {
                        "key": "borders",
                        "title": texts("Border checks", "Contrôles aux frontières"),
                        "reviewed_on": "2024-05-01",
                        "items": [
                            {
                                "key": "borders-obj",
                                "kind": "objective",
                                "text": texts(
                                    "Agree on the screening rules.", "S'accorder sur les règles de filtrage."
                                ),
                            },
                            {
                                "key": "borders-ltt",
                                "kind": "line_to_take",
                                "text": texts(
                                    "We support stronger checks at the external borders.",
                                    "Nous soutenons des contrôles renforcés aux frontières extérieures.",
                                ),
                            },
                        ],
                        "actions": [],
                    },
                    {
                        "key": "elsewhere",
                        "title": texts("Not on the agenda", "Hors de l'ordre du jour"),
                        "items": [],
                        "actions": [
                            {
                                "key": "elsewhere-act",
                                "text": texts("Long overdue.", "En retard depuis longtemps."),
                                "deadline": "2023-01-01",
                                "status": "open",
                            }
                        ],
                    },
                ],
            }
        ],
        "participants": [
            {
                "key": "p-minister",
                "name": "Jeanne Exemple",
                "organisation": texts("Ministry of the Interior", "Ministère de l'Intérieur"),
                "function": texts("Minister of the Interior", "Ministre de l'Intérieur"),
                "bio": texts("Minister since 2020.", "Ministre depuis 2020."),
            }
        ],
        "meetings": [
            {
                "slug": "council",
                "kind": "council",
                "title": texts("Justice and Home Affairs Council", "Conseil Justice et affaires intérieures"),
                "location": texts("Luxembourg", "Luxembourg"),
                "starts_on": "2024-06-13",
                "ends_on": "2024-06-14",
                "participants": ["p-minister"],
                "objectives": [texts("Agree on the next steps.", "Convenir des prochaines étapes.")],
                "agenda": [
                    {"title": texts("Port security", "Sécurité des ports"), "topics": ["ports"]},
                    {"title": texts("Borders", "Frontières"), "topics": ["borders"]},
                ],
            }
        ],
        "actions": [],
    }


def topic(doc: Doc, key: str) -> Doc:
    found: Doc = next(t for t in doc["areas"][0]["topics"] if t["key"] == key)
    return found


def item(doc: Doc, key: str) -> Doc:
    found: Doc = next(i for t in doc["areas"][0]["topics"] for i in t["items"] if i["key"] == key)
    return found


def load(library: Library, doc: Doc) -> Library:
    with library.unit_of_work() as uow:
        import_document(uow, validate(doc))
    return library


def preflight(
    library: Library,
    mode: str = "fr",
    copy_type: str = "internal",
    *,
    glossary: Glossary | None = NO_GLOSSARY,
    **kwargs: Any,
) -> list[Finding]:
    with library.unit_of_work() as uow:
        return run_preflight(
            uow, PackRequest("council", mode, copy_type), today=TODAY, glossary=glossary, **kwargs
        )


def summary(findings: list[Finding]) -> list[tuple[str, str, int | None, str | None]]:
    """Severity, code, agenda item and the most specific key of each finding."""
    return [
        (
            f.severity.value,
            f.code,
            f.agenda_number,
            f.item_key or f.action_key or f.participant_key or f.topic_key or f.lang,
        )
        for f in findings
    ]


# --- a complete pack ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["en", "fr", "bilingual"])
@pytest.mark.parametrize("copy_type", ["internal", "external"])
def test_a_complete_pack_has_no_findings(library: Library, mode: str, copy_type: str) -> None:
    load(library, base_document())
    assert preflight(library, mode, copy_type, glossary=None) == []


def test_every_code_is_listed() -> None:
    assert len(set(CODES)) == len(CODES) == 15


# --- translations ---------------------------------------------------------------------------------------------


def test_missing_french_is_blocking_in_french_and_bilingual_packs_only(library: Library) -> None:
    doc = base_document()
    del item(doc, "ports-ltt")["text"]["fr"]
    del item(doc, "ports-qa")["answer"]["fr"]
    load(library, doc)
    expected = [
        ("blocking", "translation-missing", 1, "ports-ltt"),
        ("blocking", "translation-missing", 1, "ports-qa"),
    ]
    assert summary(preflight(library, "fr")) == expected
    assert summary(preflight(library, "bilingual")) == expected
    assert preflight(library, "en") == []
    findings = preflight(library, "fr")
    assert [f.lang for f in findings] == ["fr", "fr"]
    assert [f.topic_key for f in findings] == ["ports", "ports"]
    assert (
        findings[0].text("en")
        == "No French translation of the item “Drug trafficking through ports must stop” of topic “Security of ports”."
    )
    assert (
        findings[1].text("en")
        == "No French translation of the answer “Funding comes from existing programmes” of topic “Security of ports”."
    )
    assert findings[1].text(
        "fr"
    ) == (  # quoted in the reader's language when the text has it, else in its source language
        "Pas de traduction française pour la réponse «\u202fFunding comes from existing programmes\u202f» "
        "du sujet «\u202fSécurité des ports\u202f»."
    )


def test_short_fields_without_french_are_reported(library: Library) -> None:
    """Owners, sources, who prepared the pack and organisations are checked like the texts."""
    doc = base_document()
    ports = topic(doc, "ports")
    ports["owner"] = "Police unit"  # a plain string is the source text alone: the French is missing
    ports["sources"] = ["ST 10270/24"]
    ports["actions"][0]["owner"] = "Commission"
    ports["actions"][0]["source"] = "Progress report, 3 June 2024"
    doc["meetings"][0]["prepared_by"] = "Home Affairs unit"
    doc["participants"][0]["organisation"] = "Ministry of the Interior"
    load(library, doc)
    findings = preflight(library, "fr")
    assert summary(findings) == [
        ("blocking", "translation-missing", None, "fr"),
        ("warning", "translation-missing", None, "p-minister"),
        ("blocking", "translation-missing", 1, "ports"),
        ("blocking", "translation-missing", 1, "ports-act"),
        ("blocking", "translation-missing", 1, "ports-act"),
        ("warning", "translation-missing", 1, "ports"),
    ]
    assert {f.text("en") for f in findings} == {
        "No French translation of who prepared the pack (“Home Affairs unit”).",
        "No French translation of the organisation of participant Jeanne Exemple.",
        "No French translation of the source “ST 10270/24” of topic ports.",
        "No French translation of the owner of action ports-act.",
        "No French translation of the source of action ports-act.",
        "No French translation of the owner of topic ports.",
    }
    assert "Pas de traduction française pour le responsable de l’action ports-act." in {
        f.text("fr") for f in findings
    }
    assert preflight(library, "en") == []


def test_every_text_of_the_pack_is_checked(library: Library) -> None:
    doc = base_document()
    meeting = doc["meetings"][0]
    for block in (
        meeting["title"],
        meeting["location"],
        meeting["objectives"][0],
        meeting["agenda"][1]["title"],
        topic(doc, "borders")["title"],
        topic(doc, "ports")["actions"][0]["text"],
        item(doc, "ports-qa")["question"],
    ):
        del block["fr"]
    load(library, doc)
    findings = preflight(library, "fr")
    assert summary(findings) == [
        ("blocking", "translation-missing", None, "fr"),
        ("blocking", "translation-missing", None, "fr"),
        ("blocking", "translation-missing", None, "fr"),
        ("blocking", "translation-missing", 1, "ports-qa"),
        ("blocking", "translation-missing", 1, "ports-act"),
        ("blocking", "translation-missing", 2, "fr"),
        ("blocking", "translation-missing", 2, "borders"),
    ]
    assert [f.text("en") for f in findings] == [
        "No French translation of the meeting title.",
        "No French translation of the meeting location.",
        "No French translation of objective 1 of the meeting.",
        "No French translation of the question “Will it cost more?” of topic “Security of ports”.",
        "No French translation of the action “Report on the alliance's first year”.",
        "No French translation of the title of agenda item 2.",
        "No French translation of the title of topic “Border checks”.",
    ]


def test_missing_english_of_a_french_text_blocks_an_english_pack(library: Library) -> None:
    doc = base_document()
    topic(doc, "borders")["source_language"] = "fr"
    del item(doc, "borders-ltt")["text"]["en"]
    load(library, doc)
    assert summary(preflight(library, "en")) == [("blocking", "translation-missing", 2, "borders-ltt")]
    assert preflight(library, "fr") == []


def test_stale_translation_is_blocking(library: Library) -> None:
    load(library, base_document())
    with library.unit_of_work() as uow:
        body = uow.items.require("borders-ltt").body
        assert body is not None
        body.set_text("en", "We support stronger and faster checks at the external borders.")
    findings = preflight(library, "fr")
    assert summary(findings) == [("blocking", "translation-stale", 2, "borders-ltt")]
    assert findings[0].text("en") == (
        "The French of the item “We support stronger and faster checks at the…” of topic “Border checks” "
        "is out of date: the source text has changed since it was translated."
    )
    assert preflight(library, "en") == []


def test_draft_translation_is_a_warning(library: Library) -> None:
    doc = base_document()
    item(doc, "ports-obj")["status"] = {"fr": "draft"}
    topic(doc, "ports")["actions"][0]["text_status"] = {"fr": "draft"}
    load(library, doc)
    assert summary(preflight(library, "fr")) == [
        ("warning", "translation-draft", 1, "ports-obj"),
        ("warning", "translation-draft", 1, "ports-act"),
    ]
    assert preflight(library, "en") == []


def test_missing_translations_are_reported_not_raised(library: Library) -> None:
    doc = base_document()
    del item(doc, "ports-ltt")["text"]["fr"]
    load(library, doc)
    with library.unit_of_work() as uow:
        request = PackRequest("council", "fr", allow_missing=False)
        findings = run_preflight(uow, request, today=TODAY, glossary=NO_GLOSSARY)
    assert [f.code for f in findings] == ["translation-missing"]


def test_a_text_in_two_agenda_items_is_reported_once_under_the_first(library: Library) -> None:
    doc = base_document()
    del item(doc, "borders-ltt")["text"]["fr"]
    doc["meetings"][0]["agenda"][0]["topics"] = ["ports", "borders"]
    load(library, doc)
    assert summary(preflight(library, "bilingual")) == [("blocking", "translation-missing", 1, "borders-ltt")]


def test_texts_left_out_of_the_copy_are_not_checked(library: Library) -> None:
    doc = base_document()
    del item(doc, "ports-bg")["text"]["fr"]
    load(library, doc)
    assert summary(preflight(library, "fr", "internal")) == [
        ("blocking", "translation-missing", 1, "ports-bg")
    ]
    assert preflight(library, "fr", "external") == []


# --- selection and slots --------------------------------------------------------------------------------------


def test_agenda_item_with_nothing_selected(library: Library) -> None:
    doc = base_document()
    doc["meetings"][0]["agenda"][1]["items"] = []
    load(library, doc)
    findings = preflight(library, "en")
    assert summary(findings) == [("warning", "nothing-selected", 2, None)]
    assert findings[0].text("en") == "Nothing is selected for this agenda item: its section will be empty."


def test_external_copy_of_only_internal_items_is_empty(library: Library) -> None:
    doc = base_document()
    doc["meetings"][0]["agenda"][0]["items"] = ["ports-bg"]
    load(library, doc)
    assert summary(preflight(library, "en", "internal")) == [
        ("warning", "no-objective", 1, None),
        ("warning", "no-lines-to-take", 1, None),
    ]
    findings = preflight(library, "en", "external")
    assert summary(findings) == [("warning", "nothing-selected", 1, None)]
    assert "internal use" in findings[0].text("en")


def test_missing_objective_and_lines_to_take(library: Library) -> None:
    doc = base_document()
    doc["meetings"][0]["agenda"][0]["items"] = ["ports-fact", "ports-qa"]
    doc["meetings"][0]["agenda"][1]["items"] = ["borders-obj"]
    load(library, doc)
    assert summary(preflight(library, "en")) == [
        ("warning", "no-objective", 1, None),
        ("warning", "no-lines-to-take", 1, None),
        ("warning", "no-lines-to-take", 2, None),
    ]


def test_meeting_without_agenda(library: Library) -> None:
    doc = base_document()
    doc["meetings"][0]["agenda"] = []
    load(library, doc)
    assert summary(preflight(library, "en")) == [("warning", "no-agenda", None, None)]


# --- actions and reviews --------------------------------------------------------------------------------------


def test_overdue_open_actions_of_the_pack_topics(library: Library) -> None:
    doc = base_document()
    actions = topic(doc, "ports")["actions"]
    actions[0]["deadline"] = "2024-06-09"
    actions += [
        {"key": "done-late", "text": texts("Done.", "Fait."), "deadline": "2024-01-01", "status": "done"},
        {
            "key": "dropped",
            "text": texts("Dropped.", "Abandonné."),
            "deadline": "2024-01-01",
            "status": "cancelled",
        },
        {
            "key": "busy",
            "text": texts("Busy.", "En cours."),
            "deadline": "2024-06-01",
            "status": "in_progress",
        },
        {
            "key": "due-today",
            "text": texts("Today.", "Aujourd'hui."),
            "deadline": "2024-06-10",
            "status": "open",
        },
        {"key": "no-date", "text": texts("Whenever.", "Un jour."), "status": "open"},
    ]
    load(library, doc)
    findings = preflight(library, "en")
    assert summary(findings) == [  # in the pack's action order: earliest deadline first
        ("warning", "action-overdue", 1, "busy"),
        ("warning", "action-overdue", 1, "ports-act"),
    ]
    assert findings[1].topic_key == "ports"
    assert findings[1].text("en") == (
        "Action “Report on the alliance's first year” was due on 9 June 2024 and is not done yet."
    )
    assert "9 juin 2024" in findings[1].text("fr")


def test_cancelled_actions_are_not_checked_for_translation(library: Library) -> None:
    doc = base_document()
    topic(doc, "ports")["actions"].append(
        {"key": "dropped", "text": {"en": "Dropped."}, "deadline": "2024-01-01", "status": "cancelled"}
    )
    load(library, doc)
    assert preflight(library, "fr") == []


def test_review_age(library: Library) -> None:
    doc = base_document()
    topic(doc, "ports")["reviewed_on"] = "2023-12-13"  # 180 days before TODAY: not yet overdue
    topic(doc, "borders")["reviewed_on"] = "2023-12-12"  # 181 days
    load(library, doc)
    findings = preflight(library, "en")
    assert summary(findings) == [("warning", "review-overdue", 2, "borders")]
    assert findings[0].text("en") == (
        "Topic “Border checks” was last reviewed on 12 December 2023, more than 180 days ago."
    )
    assert "12 décembre 2023" in findings[0].text("fr")  # days as the interface's language writes them
    assert summary(preflight(library, "en", review_age_days=30)) == [
        ("warning", "review-overdue", 1, "ports"),
        ("warning", "review-overdue", 2, "borders"),
    ]
    assert preflight(library, "en", review_age_days=365) == []


def test_never_reviewed_topic_is_for_information(library: Library) -> None:
    doc = base_document()
    topic(doc, "borders")["reviewed_on"] = None
    load(library, doc)
    assert summary(preflight(library, "en")) == [("info", "never-reviewed", 2, "borders")]


def test_negative_review_age_is_refused(library: Library) -> None:
    load(library, base_document())
    with pytest.raises(ValueError):
        preflight(library, "en", review_age_days=-1)


def test_today_comes_from_the_request_when_not_given(library: Library) -> None:
    doc = base_document()
    topic(doc, "ports")["actions"][0]["deadline"] = "2024-06-09"
    load(library, doc)
    with library.unit_of_work() as uow:
        before = run_preflight(uow, PackRequest("council", today=dt.date(2024, 6, 1)), glossary=NO_GLOSSARY)
        after = run_preflight(uow, PackRequest("council", today=dt.date(2024, 6, 10)), glossary=NO_GLOSSARY)
    assert before == []
    assert [f.code for f in after] == ["action-overdue"]


# --- participants ---------------------------------------------------------------------------------------------


def test_participant_without_bio_in_the_pack_language(library: Library) -> None:
    doc = base_document()
    del doc["participants"][0]["bio"]["fr"]
    load(library, doc)
    findings = preflight(library, "bilingual")
    assert summary(findings) == [("warning", "participant-no-bio", None, "p-minister")]
    assert findings[0].lang == "fr"
    assert findings[0].text("en") == "No French biography for participant Jeanne Exemple."
    assert preflight(library, "en") == []


def test_participant_without_any_bio(library: Library) -> None:
    doc = base_document()
    doc["participants"][0]["bio"] = {}
    load(library, doc)
    assert [(f.code, f.lang) for f in preflight(library, "bilingual")] == [
        ("participant-no-bio", "en"),
        ("participant-no-bio", "fr"),
    ]


def test_participant_bio_out_of_date(library: Library) -> None:
    load(library, base_document())
    with library.unit_of_work() as uow:
        uow.participants.require("p-minister").bio.set_text("en", "Minister since 2019.")
    assert summary(preflight(library, "fr")) == [("warning", "participant-bio-stale", None, "p-minister")]


# --- glossary -------------------------------------------------------------------------------------------------


def test_french_that_does_not_use_the_agreed_term(library: Library) -> None:
    doc = base_document()
    item(doc, "ports-ltt")["text"] = texts(
        "Organised crime uses our ports.", "Le crime organisé utilise nos ports."
    )
    load(library, doc)
    findings = preflight(library, "fr", glossary=None)
    assert summary(findings) == [("warning", "glossary-term", 1, "ports-ltt")]
    assert findings[0].lang == "fr"
    assert findings[0].text("en") == (
        "In the item “Organised crime uses our ports” of topic “Security of ports”, the English uses “organised crime” "
        "but the French does not use the agreed "
        "“criminalité organisée”."
    )
    assert findings[0].text("fr") == (
        "Pour l’élément «\u202fLe crime organisé utilise nos ports\u202f» du sujet «\u202fSécurité des ports\u202f», "
        "l’anglais emploie «\u202forganised crime\u202f» mais le français "
        "n’emploie pas le terme convenu «\u202fcriminalité organisée\u202f»."
    )
    assert [f.code for f in preflight(library, "bilingual", glossary=None)] == ["glossary-term"]
    assert preflight(library, "en", glossary=None) == []
    assert preflight(library, "fr", glossary=Glossary()) == []


def test_a_glossary_of_ones_own(library: Library) -> None:
    load(library, base_document())
    own = Glossary([GlossaryTerm("ports alliance", "alliance portuaire")])
    assert summary(preflight(library, "fr", glossary=own)) == [("warning", "glossary-term", 1, "ports-obj")]


def test_no_glossary_finding_without_an_up_to_date_french(library: Library) -> None:
    doc = base_document()
    item(doc, "ports-ltt")["text"] = {"en": "Organised crime uses our ports."}
    load(library, doc)
    assert [f.code for f in preflight(library, "fr", glossary=None)] == ["translation-missing"]


# --- markings and external copies: verified on the outline the assembler builds ---------------------------------


def outline_of(library: Library, copy_type: str = "internal") -> Outline:
    with library.unit_of_work() as uow:
        return assemble(uow, PackRequest("council", "en", copy_type, allow_missing=True, today=TODAY))


def test_the_marking_check_passes_on_real_outlines(library: Library) -> None:
    load(library, base_document())
    outline = outline_of(library)
    assert outline.marking is Marking.RESTREINT_UE
    assert check_marking(outline, [Marking.LIMITE, Marking.RESTREINT_UE, None]) == []


def test_the_marking_check_catches_a_pack_marked_too_low(library: Library) -> None:
    load(library, base_document())
    outline = outline_of(library)
    findings = check_marking(replace(outline, marking=Marking.LIMITE), [Marking.LIMITE])
    assert summary(findings) == [("blocking", "marking-too-low", None, "ports-fact")]
    assert findings[0].text("en") == (
        "The pack is marked LIMITE but contains content marked RESTREINT UE/EU RESTRICTED."
    )
    unmarked = check_marking(replace(outline, marking=None))
    assert [f.code for f in unmarked] == ["marking-too-low"]
    assert "marked no marking" in unmarked[0].text("en")
    assert "aucun marquage" in unmarked[0].text("fr")


def test_the_marking_check_counts_topic_markings_without_entries(library: Library) -> None:
    doc = base_document()
    topic(doc, "borders")["marking"] = "CONFIDENTIEL UE/EU CONFIDENTIAL"
    doc["meetings"][0]["agenda"][1]["items"] = []  # the topic's marking counts even with nothing selected
    load(library, doc)
    outline = outline_of(library)
    assert outline.marking is Marking.CONFIDENTIEL_UE
    too_low = replace(outline, marking=Marking.RESTREINT_UE)
    assert check_marking(too_low, []) == []  # the entries alone are RESTREINT at most
    assert [f.code for f in check_marking(too_low, [Marking.CONFIDENTIEL_UE])] == ["marking-too-low"]


def test_run_preflight_verifies_the_marking_of_the_assembled_outline(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(library, base_document())

    def low_marking(uow: Any, request: PackRequest) -> Outline:
        assert request.allow_missing
        return replace(assemble(uow, request), marking=Marking.LIMITE)

    monkeypatch.setattr(preflight_checks, "assemble", low_marking)
    findings = preflight(library, "fr")
    assert summary(findings) == [("blocking", "marking-too-low", None, "ports-fact")]


def internal_everywhere(outline: Outline) -> Outline:
    """``outline`` with every entry flagged internal, as a broken assembler might leave it."""
    sections = tuple(
        replace(
            section,
            slots=tuple(
                replace(slot, entries=tuple(replace(entry, internal=True) for entry in slot.entries))
                for slot in section.slots
            ),
        )
        for section in outline.sections
    )
    return replace(outline, sections=sections)


def test_the_external_copy_check_passes_on_real_outlines(library: Library) -> None:
    load(library, base_document())
    external = outline_of(library, "external")
    assert not any(entry.internal for entry in external.entries)
    assert check_external_copy(external) == []
    internal = outline_of(library, "internal")
    assert any(entry.internal for entry in internal.entries)
    assert check_external_copy(internal) == []  # internal items belong in the internal copy


def test_the_external_copy_check_catches_internal_items(library: Library) -> None:
    load(library, base_document())
    findings = check_external_copy(internal_everywhere(outline_of(library, "external")))
    assert summary(findings) == [
        ("blocking", "internal-in-external", 1, "ports-obj"),
        ("blocking", "internal-in-external", 1, "ports-ltt"),
        ("blocking", "internal-in-external", 1, "ports-fact"),
        ("blocking", "internal-in-external", 1, "ports-qa"),
        ("blocking", "internal-in-external", 2, "borders-obj"),
        ("blocking", "internal-in-external", 2, "borders-ltt"),
    ]
    assert findings[0].topic_key == "ports"
    assert findings[0].text("en") == "Item ports-obj is for internal use only but is in the external copy."


def test_run_preflight_verifies_the_external_outline(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(library, base_document())
    monkeypatch.setattr(
        preflight_checks, "assemble", lambda uow, request: internal_everywhere(assemble(uow, request))
    )
    assert [f.code for f in preflight(library, "fr", "external")] == ["internal-in-external"] * 6
    assert preflight(library, "fr", "internal") == []


# --- order, errors, the sample library --------------------------------------------------------------------------


def test_findings_are_sorted_by_agenda_item_then_severity(library: Library) -> None:
    doc = base_document()
    del doc["participants"][0]["bio"]["fr"]
    del item(doc, "borders-ltt")["text"]["fr"]
    item(doc, "borders-obj")["status"] = {"fr": "draft"}
    topic(doc, "borders")["reviewed_on"] = None
    topic(doc, "ports")["actions"][0]["deadline"] = "2024-01-01"
    del doc["meetings"][0]["title"]["fr"]
    load(library, doc)
    assert summary(preflight(library, "fr")) == [
        ("blocking", "translation-missing", None, "fr"),
        ("warning", "participant-no-bio", None, "p-minister"),
        ("warning", "action-overdue", 1, "ports-act"),
        ("blocking", "translation-missing", 2, "borders-ltt"),
        ("warning", "translation-draft", 2, "borders-obj"),
        ("info", "never-reviewed", 2, "borders"),
    ]


def test_sort_findings_keeps_the_order_found_within_a_severity() -> None:
    from briefing.errors import Message

    def finding(severity: Severity, code: str, number: int | None) -> Finding:
        return Finding(severity, code, Message(code), agenda_number=number)

    found = [
        finding(Severity.INFO, "c", 2),
        finding(Severity.WARNING, "b", 2),
        finding(Severity.WARNING, "a", 2),
        finding(Severity.BLOCKING, "x", 1),
        finding(Severity.INFO, "y", None),
    ]
    assert [f.code for f in sort_findings(found)] == ["y", "x", "b", "a", "c"]


def test_unknown_meeting(library: Library) -> None:
    load(library, base_document())
    with library.unit_of_work() as uow, pytest.raises(NotFoundError):
        run_preflight(uow, PackRequest("no-such-meeting"))


def test_findings_as_records(library: Library) -> None:
    doc = base_document()
    del item(doc, "ports-ltt")["text"]["fr"]
    load(library, doc)
    (finding,) = preflight(library, "fr")
    assert finding.blocking
    assert finding.as_dict() == {
        "severity": "blocking",
        "code": "translation-missing",
        "message": "No French translation of the item “Drug trafficking through ports must stop” of topic “Security of ports”.",
        "agenda_item": 1,
        "topic": "ports",
        "item": "ports-ltt",
        "lang": "fr",
        "action": None,
        "participant": None,
    }


def test_sample_library_in_french(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        findings = run_preflight(uow, PackRequest("jha-test", "fr"), today=dt.date(2024, 6, 1))
    assert summary(findings) == [
        ("warning", "participant-no-bio", None, "p-adviser"),
        ("blocking", "translation-missing", 1, "dt-bg-1"),
        ("blocking", "translation-missing", 1, "dt-act-1"),
        ("warning", "no-objective", 1, None),
        ("warning", "translation-draft", 1, "dt-act-2"),
        ("blocking", "translation-missing", 2, "fr"),
        ("warning", "no-objective", 2, None),
        ("warning", "no-lines-to-take", 2, None),
        ("info", "never-reviewed", 2, "programme-fr"),
    ]
