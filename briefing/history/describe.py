"""A recorded export in words, in the user's language: for the history listing of the command line and the app."""

from __future__ import annotations

from typing import Any

from briefing.errors import N_, Message


def describe(record: Any, lang: str) -> str:
    """What a record is, in a few words: "Word pack", "Addendum 1 to version 3"."""
    if record.is_addendum:
        return Message(
            N_("Addendum {number} to version {version}"),
            number=record.addendum_number,
            version=record.base_number,
        ).render(lang)
    kinds = {
        "docx": N_("Word pack"),
        "xlsx": N_("Excel pack"),
        "pdf": N_("PDF pack"),
    }
    return Message(kinds.get(record.format, record.format)).render(lang)


def copy_name(copy: str, lang: str) -> str:
    names = {"internal": N_("internal"), "external": N_("external")}
    return Message(names[copy]).render(lang) if copy in names else copy


def mode_name(mode: str, lang: str) -> str:
    names = {"en": N_("English"), "fr": N_("French"), "bilingual": N_("bilingual")}
    return Message(names[mode]).render(lang) if mode in names else mode


def recipient_text(record: Any, lang: str) -> str:
    if record.copy_number is None:
        return record.recipient or "—"
    return Message(
        N_("copy {number} of {count}: {recipient}"),
        number=record.copy_number,
        count=record.copy_count,
        recipient=record.recipient or "—",
    ).render(lang)


__all__ = ["copy_name", "describe", "mode_name", "recipient_text"]
