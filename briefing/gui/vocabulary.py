"""Display names of the library's closed vocabularies, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefing.model.enums import ActionStatus, ItemKind, MeetingKind, TranslationState


def state_name(state: TranslationState) -> str:
    names = {
        TranslationState.MISSING: QCoreApplication.translate("Vocabulary", "missing"),
        TranslationState.DRAFT: QCoreApplication.translate("Vocabulary", "draft"),
        TranslationState.TRANSLATED: QCoreApplication.translate("Vocabulary", "translated, not reviewed"),
        TranslationState.REVIEWED: QCoreApplication.translate("Vocabulary", "reviewed"),
        TranslationState.STALE: QCoreApplication.translate("Vocabulary", "stale: the source changed"),
        TranslationState.SOURCE: QCoreApplication.translate("Vocabulary", "source text"),
    }
    return names[state]


def kind_name(kind: ItemKind) -> str:
    names = {
        ItemKind.OBJECTIVE: QCoreApplication.translate("Vocabulary", "Objective"),
        ItemKind.LINE_TO_TAKE: QCoreApplication.translate("Vocabulary", "Line to take"),
        ItemKind.COUNTERPART_POSITION: QCoreApplication.translate("Vocabulary", "Counterpart's position"),
        ItemKind.BACKGROUND: QCoreApplication.translate("Vocabulary", "Background"),
        ItemKind.KEY_FACT: QCoreApplication.translate("Vocabulary", "Key fact"),
        ItemKind.QA: QCoreApplication.translate("Vocabulary", "If asked (question and answer)"),
        ItemKind.PRESS_LINE: QCoreApplication.translate("Vocabulary", "Press line"),
    }
    return names[kind]


def action_status_name(status: ActionStatus) -> str:
    names = {
        ActionStatus.OPEN: QCoreApplication.translate("Vocabulary", "Open"),
        ActionStatus.IN_PROGRESS: QCoreApplication.translate("Vocabulary", "In progress"),
        ActionStatus.DONE: QCoreApplication.translate("Vocabulary", "Done"),
        ActionStatus.CANCELLED: QCoreApplication.translate("Vocabulary", "Cancelled"),
    }
    return names[status]


def meeting_kind_name(kind: MeetingKind) -> str:
    names = {
        MeetingKind.COUNCIL: QCoreApplication.translate("Vocabulary", "Council"),
        MeetingKind.BILATERAL: QCoreApplication.translate("Vocabulary", "Bilateral"),
        MeetingKind.MULTILATERAL: QCoreApplication.translate("Vocabulary", "Multilateral"),
        MeetingKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
    }
    return names[kind]


def mode_names() -> list[tuple[str, str]]:
    """The pack languages: (mode, display name)."""
    return [
        ("en", QCoreApplication.translate("Vocabulary", "English")),
        ("fr", QCoreApplication.translate("Vocabulary", "French")),
        ("bilingual", QCoreApplication.translate("Vocabulary", "Bilingual (interpreter's copy)")),
    ]


def copy_names() -> list[tuple[str, str]]:
    """The copy types: (copy, display name)."""
    return [
        ("internal", QCoreApplication.translate("Vocabulary", "Internal copy (minister)")),
        ("external", QCoreApplication.translate("Vocabulary", "External copy (without internal notes)")),
    ]


def language_name(lang: str) -> str:
    return {
        "en": QCoreApplication.translate("Vocabulary", "English"),
        "fr": QCoreApplication.translate("Vocabulary", "French"),
    }.get(lang, lang)
