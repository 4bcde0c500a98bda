"""Assembly: the selection, languages, labels, dates, markings and copy types resolved into an outline."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.assemble import MissingTranslationsError, PackRequest, assemble
from briefing.assemble.outline import Outline, plain
from briefing.errors import BriefingError
from briefing.model import ItemKind, Marking
from briefing.store import Library

TODAY = dt.date(2024, 6, 1)


def build(library: Library, mode: str = "en", copy: str = "internal", *, allow: bool = False,
          meeting: str = "jha-test") -> Outline:  # fmt: skip
    with library.unit_of_work() as uow:
        return assemble(uow, PackRequest(meeting, mode, copy, allow_missing=allow, today=TODAY))


def test_english_outline_follows_the_selection_in_brief_order(sample_library: Library) -> None:
    outline = build(sample_library)
    first, second = outline.sections
    assert [plain(s.heading) for s in outline.sections] == ["Agenda item 1", "Agenda item 2"]
    assert plain(first.title) == "Drug trafficking"
    assert [(slot.kind, [e.item_key for e in slot.entries]) for slot in first.slots] == [
        (ItemKind.LINE_TO_TAKE, ["dt-ltt-1"]),
        (ItemKind.BACKGROUND, ["dt-bg-1"]),
        (ItemKind.QA, ["dt-qa-1"]),
    ]
    assert [plain(slot.heading) for slot in first.slots] == ["Lines to take", "Background", "If asked"]
    assert [e.item_key for e in second.entries] == ["pf-bg-1"]  # no explicit selection: everything
    assert [a.key for a in first.actions] == ["dt-act-1", "dt-act-2"]  # dated first
    assert outline.sources == ("ST 10270/24",)
    assert [p.name for p in outline.participants] == ["Jeanne Exemple", "Karl Muster"]
    assert plain(outline.cover.dates) == "13–14\u00a0June\u00a02024"
    assert plain(outline.cover.copy_label) == "Internal copy"
    assert [line.anchor for line in outline.contents] == [
        "objectives", "agenda", "section-1", "section-2", "participants", "actions", "logistics", "sources",
    ]  # fmt: skip


def test_pack_marking_is_the_highest_included_marking(sample_library: Library) -> None:
    assert build(sample_library).marking is Marking.LIMITE
    assert build(sample_library).cover.marking == "LIMITE"


def test_external_copy_drops_internal_items(sample_library: Library) -> None:
    internal = build(sample_library, copy="internal")
    external = build(sample_library, copy="external")
    assert "dt-bg-1" in [e.item_key for e in internal.entries]
    assert "dt-bg-1" not in [e.item_key for e in external.entries]
    assert all(not e.internal for e in external.entries)
    assert plain(external.cover.copy_label) == "External copy"


def test_french_pack_stops_on_missing_translations_with_the_list(sample_library: Library) -> None:
    with pytest.raises(MissingTranslationsError) as caught:
        build(sample_library, "fr")
    where = [(p.where, p.lang, p.state.value) for p in caught.value.problems]
    assert where == [
        ("topic drug-trafficking, item dt-bg-1", "fr", "missing"),
        ("action dt-act-1", "fr", "missing"),
        ("agenda item 2: title", "fr", "missing"),
    ]
    assert "--allow-missing" in caught.value.message("en")
    assert "--allow-missing" in caught.value.message("fr")


def test_allow_missing_uses_the_source_text_marked_untranslated(sample_library: Library) -> None:
    outline = build(sample_library, "fr", allow=True)
    background = next(e for e in outline.entries if e.item_key == "dt-bg-1")
    assert background.body is not None
    (text,) = background.body
    assert (text.text, text.lang, text.untranslated) == (
        "Internal assessment of the negotiating room.",
        "en",
        True,
    )
    assert outline.untranslated_label(text, 0).text == "Non traduit — texte anglais"
    assert outline.untranslated_count == 4  # the three blocking texts and a participant's function
    assert plain(outline.label("contents")) == "Sommaire"
    assert plain(outline.cover.dates) == "13–14\u00a0juin\u00a02024"
    assert plain(outline.sections[0].heading) == "Point 1 de l’ordre du jour"
    question = next(e for e in outline.entries if e.item_key == "dt-qa-1").question
    assert question is not None and question[0].text == "L’alliance coûtera-t-elle plus\u202f?"  # typography
    assert outline.sections[0].actions[0].deadline_text[0].text == "31 décembre 2024"


def test_a_french_source_standing_in_names_french(
    library: Library, sample_document: dict[str, object]
) -> None:
    from briefing.interchange.library_json import import_document, validate

    topic = sample_document["areas"][0]["topics"][1]  # type: ignore[index]
    topic["items"][0]["text"].pop("en")
    with library.unit_of_work() as uow:
        import_document(uow, validate(sample_document))
    outline = build(library, "en", allow=True)
    (text,) = next(e for e in outline.entries if e.item_key == "pf-bg-1").body or ()
    assert (text.lang, text.untranslated) == ("fr", True)
    assert outline.untranslated_label(text, 0).text == "Untranslated — French text"


def test_bilingual_outline_has_two_aligned_columns(sample_library: Library) -> None:
    outline = build(sample_library, "bilingual", allow=True)
    assert outline.languages == ("en", "fr")
    entry = next(e for e in outline.entries if e.item_key == "dt-ltt-1")
    assert entry.body is not None
    assert [(t.lang, t.text) for t in entry.body] == [
        ("en", "Security in ports is a shared responsibility."),
        ("fr", "La sécurité des ports est une responsabilité partagée."),
    ]
    assert [t.text for t in outline.labels.contents] == ["Contents", "Sommaire"]


def test_overdue_actions_are_flagged_against_the_given_day(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        late = assemble(uow, PackRequest("jha-test", today=dt.date(2025, 1, 1)))
    assert [(a.key, a.overdue) for a in late.actions] == [("dt-act-1", True), ("dt-act-2", False)]
    assert [(a.key, a.overdue) for a in build(sample_library).actions] == [
        ("dt-act-1", False),
        ("dt-act-2", False),
    ]


def test_meeting_without_agenda_gives_an_outline_without_sections(sample_library: Library) -> None:
    outline = build(sample_library, meeting="empty-meeting")
    assert outline.sections == () and outline.marking is None
    assert [line.anchor for line in outline.contents] == ["agenda", "logistics"]


@pytest.mark.parametrize(("mode", "copy"), [("de", "internal"), ("en", "public")])
def test_unknown_language_or_copy_is_refused(mode: str, copy: str) -> None:
    with pytest.raises(BriefingError):
        PackRequest("jha-test", mode, copy)
