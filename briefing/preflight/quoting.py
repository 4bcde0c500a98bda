"""How a finding names what it is about: the first words of a text, or a topic's title, in the reader's
language when the text has it."""

from __future__ import annotations

from briefing.errors import Message
from briefing.selection.pack import PackTopic, Texts

EXTRACT_WORDS = 8
"""How many words of a text a finding quotes to say which text it is about."""
TITLE_CHARACTERS = 80


class Quoted(Message):
    """A text a finding quotes to name what it is about: in the reader's language when the text has it, else
    in its source language."""

    def __init__(self, by_lang: dict[str, str], fallback: str) -> None:
        super().__init__("")
        self.by_lang = by_lang
        self.fallback = fallback

    def render(self, lang: str = "en") -> str:
        return self.by_lang.get(lang) or self.fallback


def _shorten(text: str, words: int) -> str:
    split = text.split()
    if len(split) > words:
        return " ".join(split[:words]).rstrip(".,;:") + "…"
    return " ".join(split).rstrip(".;:")


def extract(texts: Texts, words: int = EXTRACT_WORDS) -> Quoted:
    """The first words of a text, to name it in a finding instead of its key."""
    by_lang = {lang: _shorten(text, words) for lang, text in texts.texts.items() if text.strip()}
    return Quoted(by_lang, _shorten(texts.source_text or "", words))


def title(topic: PackTopic) -> Quoted:
    """A topic's title, to name it in a finding instead of its key."""

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= TITLE_CHARACTERS else text[: TITLE_CHARACTERS - 1].rstrip() + "…"

    by_lang = {lang: cut(text) for lang, text in topic.title.texts.items() if text.strip()}
    return Quoted(by_lang, cut(topic.title.source_text or topic.key))
