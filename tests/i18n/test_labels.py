"""Pack labels in English and French, and the catalogue they come from."""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest

from briefing.i18n import catalogue, labels
from briefing.i18n.labels import ContextMessage, Labels, PageParts, PluralMessage
from briefing.i18n.typography import french

EN = Labels.for_language("en")
FR = Labels.for_language("fr")

LABELS = [
    (labels.BRIEFING_PACK, "Briefing pack", "Dossier de réunion"),
    (labels.CONTENTS, "Contents", "Sommaire"),
    (labels.OBJECTIVES, "Objectives", "Objectifs"),
    (labels.AGENDA, "Agenda", "Ordre du jour"),
    (labels.PARTICIPANTS, "Participants", "Participants"),
    (labels.FOLLOW_UP_ACTIONS, "Follow-up actions", "Actions de suivi"),
    (labels.LOGISTICS, "Logistics", "Informations pratiques"),
    (labels.SOURCES, "Sources", "Sources"),
    (labels.OBJECTIVE, "Objective", "Objectif"),
    (labels.LINES_TO_TAKE, "Lines to take", "Éléments de langage"),
    (labels.COUNTERPART_POSITION, "Counterpart's position", "Position de l’interlocuteur"),
    (labels.BACKGROUND, "Background", "Contexte"),
    (labels.KEY_FACTS, "Key facts", "Faits et chiffres"),
    (labels.IF_ASKED, "If asked", "Si la question est posée"),
    (labels.PRESS_LINE, "Press line", "Éléments pour la presse"),
    (labels.ACTIONS, "Actions", "Actions"),
    (labels.QUESTION, "Question", "Question"),
    (labels.ANSWER, "Answer", "Réponse"),
    (labels.PREPARED_BY, "Prepared by", "Préparé par"),
    (labels.DATE, "Date", "Date"),
    (labels.LOCATION, "Location", "Lieu"),
    (labels.MARKING, "Marking", "Marquage"),
    (labels.NO_MARKING, "No marking", "Sans marquage"),
    (labels.VERSION, "Version", "Version"),
    (labels.INTERNAL_COPY, "Internal copy", "Exemplaire interne"),
    (labels.EXTERNAL_COPY, "External copy", "Exemplaire externe"),
    (
        labels.NOT_FOR_COUNTERPART,
        "Not for use with the counterpart",
        "À ne pas utiliser avec l’interlocuteur",
    ),
    (labels.UNTRANSLATED, "Untranslated — English text", "Non traduit — texte anglais"),
    (labels.ACTION, "Action", "Action"),
    (labels.OWNER, "Owner", "Responsable"),
    (labels.DEADLINE, "Deadline", "Échéance"),
    (labels.STATUS, "Status", "Statut"),
    (labels.SOURCE, "Source", "Source"),
    (labels.NAME, "Name", "Nom"),
    (labels.FUNCTION, "Function", "Fonction"),
    (labels.ORGANISATION, "Organisation", "Organisation"),
    (labels.BIOGRAPHY, "Biography", "Biographie"),
    (labels.LAST_MET, "Last met", "Dernière rencontre"),
    (labels.POINTS_MATRIX, "Points matrix", "Matrice des points"),
    (labels.ACTIONS_TRACKER, "Actions tracker", "Suivi des actions"),
    (labels.TRANSLATION_STATUS, "Translation status", "État des traductions"),
    (labels.AGENDA_ITEM, "Agenda item", "Point de l’ordre du jour"),
    (labels.TOPIC, "Topic", "Sujet"),
    (labels.SLOT, "Slot", "Rubrique"),
    (labels.TEXT, "Text", "Texte"),
    (labels.ENGLISH, "English", "Anglais"),
    (labels.FRENCH, "French", "Français"),
    (labels.LAST_REVIEWED, "Last reviewed", "Dernière relecture"),
    (labels.LAST_REVIEWED_ON, "Last reviewed on", "Dernière relecture le"),
]

SHEET_NAMES = [labels.POINTS_MATRIX, labels.ACTIONS_TRACKER, labels.TRANSLATION_STATUS]


@pytest.mark.parametrize(("msgid", "en", "fr"), LABELS)
def test_label_in_both_languages(msgid: str, en: str, fr: str) -> None:
    assert EN.get(msgid) == en
    assert FR.get(msgid) == fr
    assert FR.gettext(msgid) == fr


def test_agenda_item_heading_takes_its_number() -> None:
    assert EN.agenda_item(3) == "Agenda item 3"
    assert FR.agenda_item(3) == "Point 3 de l’ordre du jour"
    assert FR.get(labels.AGENDA_ITEM_NUMBER, number="3 bis") == "Point 3 bis de l’ordre du jour"


def test_page_parts_surround_the_page_fields() -> None:
    assert EN.page_parts() == PageParts("Page ", " of ", "")
    assert FR.page_parts() == PageParts("Page ", " sur ", "")
    assert FR.get(labels.PAGE_OF, page=2, pages=9) == "Page 2 sur 9"


def test_page_parts_refuses_a_translation_without_both_fields() -> None:
    class Broken(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "Page {pages}"

    with pytest.raises(ValueError, match="page"):
        Labels("fr", Broken()).page_parts()


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        ("open", "Open", "Ouverte"),
        ("in_progress", "In progress", "En cours"),
        ("done", "Done", "Terminée"),
        ("cancelled", "Cancelled", "Annulée"),
    ],
)
def test_action_statuses(value: str, en: str, fr: str) -> None:
    assert (EN.action_status(value), FR.action_status(value)) == (en, fr)


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        ("missing", "Missing", "Manquante"),
        ("draft", "Draft", "Brouillon"),
        ("translated", "Translated", "Traduite"),
        ("reviewed", "Reviewed", "Relue"),
        ("stale", "Stale", "À mettre à jour"),
        ("source", "Source text", "Texte source"),
    ],
)
def test_translation_states(value: str, en: str, fr: str) -> None:
    assert (EN.translation_state(value), FR.translation_state(value)) == (en, fr)


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        ("council", "Council", "Conseil"),
        ("bilateral", "Bilateral", "Bilatérale"),
        ("multilateral", "Multilateral", "Multilatérale"),
        ("other", "Other", "Autre"),
    ],
)
def test_meeting_kinds(value: str, en: str, fr: str) -> None:
    assert (EN.meeting_kind(value), FR.meeting_kind(value)) == (en, fr)


@pytest.mark.parametrize(
    ("kind", "name_en", "name_fr", "heading_en", "heading_fr"),
    [
        ("objective", "Objective", "Objectif", "Objective", "Objectif"),
        ("line_to_take", "Line to take", "Élément de langage", "Lines to take", "Éléments de langage"),
        (
            "counterpart_position",
            "Counterpart's position",
            "Position de l’interlocuteur",
            "Counterpart's position",
            "Position de l’interlocuteur",
        ),
        ("background", "Background", "Contexte", "Background", "Contexte"),
        ("key_fact", "Key fact", "Fait ou chiffre", "Key facts", "Faits et chiffres"),
        ("qa", "Question and answer", "Question-réponse", "If asked", "Si la question est posée"),
        ("press_line", "Press line", "Élément pour la presse", "Press line", "Éléments pour la presse"),
    ],
)
def test_item_kind_names_and_slot_headings(
    kind: str, name_en: str, name_fr: str, heading_en: str, heading_fr: str
) -> None:
    assert (EN.item_kind(kind), FR.item_kind(kind)) == (name_en, name_fr)
    assert (EN.slot_heading(kind), FR.slot_heading(kind)) == (heading_en, heading_fr)


def test_actions_slot_comes_last() -> None:
    assert list(labels.SLOT_HEADINGS)[-1] == "actions"
    assert FR.slot_heading("actions") == "Actions"


def test_every_model_value_has_a_label() -> None:
    enums = pytest.importorskip("briefing.model.enums")
    assert set(labels.ACTION_STATUSES) == {status.value for status in enums.ActionStatus}
    assert set(labels.TRANSLATION_STATES) == {state.value for state in enums.TranslationState}
    assert set(labels.MEETING_KINDS) == {kind.value for kind in enums.MeetingKind}
    assert set(labels.ITEM_KINDS) == {kind.value for kind in enums.ItemKind}
    assert list(labels.SLOT_HEADINGS)[:-1] == [kind.value for kind in enums.ItemKind]
    assert FR.item_kind(enums.ItemKind.KEY_FACT) == "Fait ou chiffre"


def test_unknown_values_are_an_error() -> None:
    with pytest.raises(KeyError):
        FR.action_status("archived")


@pytest.mark.parametrize(
    ("count", "en", "fr"),
    [
        (0, "0 open actions", "0 action ouverte"),
        (1, "1 open action", "1 action ouverte"),
        (2, "2 open actions", "2 actions ouvertes"),
    ],
)
def test_plural_labels(count: int, en: str, fr: str) -> None:
    assert EN.count(labels.OPEN_ACTIONS_COUNT, count) == en
    assert FR.count(labels.OPEN_ACTIONS_COUNT, count) == fr
    singular, plural = labels.OPEN_ACTIONS_COUNT
    assert FR.ngettext(singular, plural, count).format(count=count) == fr


@pytest.mark.parametrize("lang", ["fr_BE", "fr-BE", "FR"])
def test_regional_codes_give_the_pack_language(lang: str) -> None:
    assert Labels.for_language(lang).language == "fr"
    assert Labels.for_language(lang).get(labels.CONTENTS) == "Sommaire"


def test_other_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        Labels.for_language("de")


@pytest.mark.parametrize("msgid", SHEET_NAMES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sheet_names_are_valid_in_spreadsheets(msgid: str, lang: str) -> None:
    name = Labels.for_language(lang).get(msgid)
    assert 0 < len(name) <= 31
    assert not set(name) & set("[]:*?/\\")


# The catalogue.


def _forms(value: object) -> tuple[str, ...]:
    """The forms of a message id or translation: one, or several for a plural."""
    return tuple(value) if isinstance(value, tuple | list) else (str(value),)


def _translation(msgid: str, context: str | None = None) -> str:
    """The French translation of ``msgid`` in the (possibly patched) catalogue."""
    entry = catalogue.read_catalogue("fr").get(msgid, context)
    assert entry is not None, msgid
    return _forms(entry.string)[0]


def _all_label_messages() -> set[str | ContextMessage | PluralMessage]:
    """Every message the labels module defines, as constants or in its mappings."""
    found: set[str | ContextMessage | PluralMessage] = set()
    for name, value in vars(labels).items():
        if name.isupper() and isinstance(value, str | ContextMessage | PluralMessage) and name != "DOMAIN":
            found.add(value)
        elif name.isupper() and isinstance(value, dict):
            found.update(value.values())
    return found


def _extracted() -> set[str | ContextMessage | PluralMessage]:
    """The messages extraction finds in the labels module, in the same shapes."""
    found: set[str | ContextMessage | PluralMessage] = set()
    for message in catalogue.extract_messages(catalogue.LABEL_SOURCES):
        forms = _forms(message.id)
        if len(forms) == 2:
            found.add(PluralMessage(*forms))
        elif message.context:
            found.add(ContextMessage(message.context, forms[0]))
        elif forms[0]:
            found.add(forms[0])
    return found


def test_extraction_finds_every_label() -> None:
    assert _extracted() == _all_label_messages()


def test_core_sources_hold_the_labels_but_not_the_gui() -> None:
    sources = catalogue.core_sources()
    assert catalogue.LABEL_SOURCES[0] in sources
    assert not [path for path in sources if "gui" in path.parts or "migrations" in path.parts]


def test_french_catalogue_is_complete_and_compiled() -> None:
    assert catalogue.check_catalogue("fr") == []


def test_every_label_is_translated_in_the_french_po() -> None:
    po = catalogue.read_catalogue("fr")
    for message in catalogue.extract_messages(catalogue.LABEL_SOURCES):
        if not message.id:
            continue
        entry = po.get(message.id, message.context)
        assert entry is not None, f"{message.id!r} is missing from the French catalogue"
        assert not entry.fuzzy, f"{message.id!r} is fuzzy"
        assert all(_forms(entry.string)), f"{message.id!r} is not translated"


def test_mo_holds_what_the_po_compiles_to() -> None:
    compiled = catalogue.compile_catalogue("fr")
    assert catalogue._same_messages(compiled, catalogue.mo_path("fr"))


def _french_entries() -> list[tuple[str, str]]:
    """(English, French) for every form of every French entry."""
    pairs: list[tuple[str, str]] = []
    for message in catalogue.read_catalogue("fr"):
        if not message.id:
            continue
        ids, strings = _forms(message.id), _forms(message.string)
        pairs += [(ids[min(i, len(ids) - 1)], string) for i, string in enumerate(strings) if string]
    return pairs


@pytest.mark.parametrize(("msgid", "msgstr"), _french_entries())
def test_french_translation_is_typeset(msgid: str, msgstr: str) -> None:
    assert "'" not in msgstr, "use the typographic apostrophe ’"
    assert french(msgstr) == msgstr
    assert set(re.findall(r"\{\w+\}", msgstr)) == set(re.findall(r"\{\w+\}", msgid))


# Keeping the catalogue in step.


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the locale folder that the catalogue tools work on instead of the real one."""
    copy = tmp_path / "locale"
    shutil.copytree(labels.LOCALE_DIR, copy)
    monkeypatch.setattr(catalogue, "LOCALE_DIR", copy)
    return copy


def _new_source(tmp_path: Path) -> Path:
    source = tmp_path / "extra.py"
    source.write_text(
        'from briefing.i18n.labels import N_\n\nSEATING_PLAN = N_("Seating plan")\n', encoding="utf-8"
    )
    return source


def test_update_adds_new_messages_untranslated(tmp_path: Path, locale_copy: Path) -> None:
    sources = (*catalogue.core_sources(), _new_source(tmp_path))
    assert catalogue.check_catalogue("fr", sources) == ["fr: 'Seating plan' is missing; run update"]
    catalogue.update_catalogue("fr", sources)
    assert _translation("Seating plan") == ""
    assert _translation("Contents") == "Sommaire"
    assert _translation("Open", "action status") == "Ouverte"
    assert catalogue.check_catalogue("fr", sources) == []
    assert "'Seating plan'" in catalogue.untranslated("fr")
    required = (*catalogue.LABEL_SOURCES, sources[-1])
    assert catalogue.check_catalogue("fr", sources, required) == ["fr: 'Seating plan' is not translated"]


def test_update_drops_labels_no_longer_used(tmp_path: Path, locale_copy: Path) -> None:
    only_new = (_new_source(tmp_path),)
    assert "fr: 'Contents' is no longer used; run update" in catalogue.check_catalogue("fr", only_new)
    catalogue.update_catalogue("fr", only_new)
    assert [message.id for message in catalogue.read_catalogue("fr") if message.id] == ["Seating plan"]


def test_update_of_a_catalogue_in_step_changes_nothing(locale_copy: Path) -> None:
    before = catalogue.po_path("fr").read_text(encoding="utf-8")
    catalogue.update_catalogue("fr")
    assert _without_babel_version(
        catalogue.po_path("fr").read_text(encoding="utf-8")
    ) == _without_babel_version(before)


def _without_babel_version(po_text: str) -> str:
    return re.sub(r'"Generated-By: .*\n', "", po_text)


def test_check_reports_fuzzy_entries_and_a_stale_mo(locale_copy: Path) -> None:
    po = catalogue.po_path("fr")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Contents"', '#, fuzzy\nmsgid "Contents"', 1), encoding="utf-8")
    assert catalogue.check_catalogue("fr") == [
        "fr: 'Contents' is fuzzy",
        "fr: briefing.mo is out of date; run compile",
    ]
    po.write_text(text.replace('"Sommaire"', '"Table des matières"'), encoding="utf-8")
    assert catalogue.check_catalogue("fr") == ["fr: briefing.mo is out of date; run compile"]
    catalogue.compile_catalogues()
    assert catalogue.check_catalogue("fr") == []


def test_check_reports_a_missing_mo(locale_copy: Path) -> None:
    catalogue.mo_path("fr").unlink()
    assert catalogue.check_catalogue("fr") == ["fr: briefing.mo is out of date; run compile"]


def test_command_line_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert catalogue.main(["check"]) == 0
    assert "in step" in capsys.readouterr().out
