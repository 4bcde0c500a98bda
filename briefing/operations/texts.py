"""Editing one language of a text, and confirming a translation against its source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.errors import N_, BriefingError, EditConflictError, NotFoundError
from briefing.model import TextBlock, TextStatus
from briefing.model.enums import TranslationState
from briefing.operations.base import Batch, Change, Changed, ChangeKey, Target, unit_of_work
from briefing.store import UnitOfWork


@dataclass(frozen=True)
class TextSnapshot:
    """One language of a text as stored: what is needed to put it back exactly."""

    text: str
    status: TextStatus
    source_fingerprint: str | None
    reviewed_source: str | None = None


@dataclass(frozen=True)
class TextChange(Change):
    """One language of a text block changed; ``states`` is every language's state afterwards."""

    block_id: int
    lang: str
    old: TextSnapshot | None
    new: TextSnapshot | None
    states: dict[str, TranslationState]
    changed: Changed = Changed.TEXT

    @property
    def state(self) -> TranslationState:
        """The state of the edited language afterwards."""
        return self.states.get(self.lang, TranslationState.MISSING)

    def revert(self, target: Target) -> TextChange:
        return restore_text(target, self.block_id, self.lang, self.old)

    @property
    def keys(self) -> frozenset[ChangeKey]:
        return frozenset({("text", str(self.block_id))})

    def merged_with(self, later: TextChange) -> TextChange:
        """This change followed by ``later`` on the same text, as one change (for undoing typing at once)."""
        return TextChange(self.block_id, self.lang, self.old, later.new, later.states)


def _block(uow: UnitOfWork, block_id: int) -> TextBlock:
    block = uow.texts.get(block_id)
    if block is None:
        raise NotFoundError(N_("This text no longer exists in the library."))
    return block


def _snapshot(block: TextBlock, lang: str) -> TextSnapshot | None:
    row = block.translations.get(lang)
    if row is None:
        return None
    return TextSnapshot(row.text, row.status, row.source_fingerprint, row.reviewed_source)


def _states(block: TextBlock) -> dict[str, TranslationState]:
    languages = {block.source_lang, "en", "fr", *block.translations}
    return {lang: block.state(lang) for lang in sorted(languages)}


def text_states(target: Target, block_id: int) -> dict[str, TranslationState]:
    """The state of every language of a text (the source language reads "source")."""
    with unit_of_work(target) as uow:
        return _states(_block(uow, block_id))


def set_text(
    target: Target,
    block_id: int,
    lang: str,
    text: str,
    status: TextStatus | None = None,
    *,
    based_on: str | None = None,
) -> TextChange:
    """Write ``text`` as the ``lang`` version of a text.

    Editing the source language turns the other languages stale by themselves. Writing another language
    records the source it was made from and makes it "translated" (unless ``status`` says otherwise); an
    empty translation makes that language missing.

    ``based_on`` is the text the editor showed before the person typed (``""`` for none). When the library
    holds something else by now — someone else saved in between — nothing is written and
    :class:`~briefing.errors.EditConflictError` carries both versions, so the person can merge them.
    """
    with unit_of_work(target) as uow:
        block = _block(uow, block_id)
        old = _snapshot(block, lang)
        if based_on is not None:
            stored = old.text if old is not None else ""
            if stored not in (based_on, text):
                raise EditConflictError(block_id, lang, theirs=stored, mine=text)
        if lang != block.source_lang and not text.strip():
            block.remove_text(lang)
        else:
            if lang != block.source_lang and status is None:
                status = TextStatus.TRANSLATED
            block.set_text(lang, text, status)
        uow.flush()
        return TextChange(block_id, lang, old, _snapshot(block, lang), _states(block))


def mark_reviewed(target: Target, block_id: int, lang: str) -> TextChange:
    """Confirm the ``lang`` version of a text against its current source: reviewed, no longer stale."""
    with unit_of_work(target) as uow:
        block = _block(uow, block_id)
        old = _snapshot(block, lang)
        if old is None or not old.text.strip():
            raise BriefingError(N_("There is no text in this language to review yet."))
        block.mark_reviewed(lang)
        uow.flush()
        return TextChange(block_id, lang, old, _snapshot(block, lang), _states(block))


def restore_text(target: Target, block_id: int, lang: str, snapshot: TextSnapshot | None) -> TextChange:
    """Put one language of a text back exactly as ``snapshot`` (None: missing) recorded it."""
    with unit_of_work(target) as uow:
        block = _block(uow, block_id)
        old = _snapshot(block, lang)
        if snapshot is None:
            block.remove_text(lang)
        else:
            row = block.set_text(lang, snapshot.text, snapshot.status)
            row.source_fingerprint = snapshot.source_fingerprint
            row.reviewed_source = snapshot.reviewed_source
        uow.flush()
        return TextChange(block_id, lang, old, _snapshot(block, lang), _states(block))


def set_texts(
    target: Target, block_id: int, texts: Mapping[str, str], changed: Changed = Changed.TEXT
) -> Batch:
    """Write several languages of a text at once (the source first), as one change.

    Only the languages whose text differs are written; ``changed`` is what the batch reports (e.g. an agenda
    item's title also changes the agenda).
    """
    with unit_of_work(target) as uow:
        block = _block(uow, block_id)
        order = sorted(texts, key=lambda lang: lang != block.source_lang)
        changes: list[Change] = []
        for lang in order:
            if (block.text(lang) or "") != texts[lang]:
                changes.append(set_text(uow, block_id, lang, texts[lang]))
        return Batch(tuple(changes), changed)


LIST_SEPARATOR = "; "
"""Joins the texts of a list (a topic's sources) where one box shows them all, e.g. in a conflict."""


def set_text_list(
    target: Target,
    block_ids: Sequence[int],
    lang: str,
    texts: Sequence[str],
    *,
    based_on: Sequence[str] | None = None,
) -> Batch:
    """Write the ``lang`` version of several short texts at once (the titles of a topic's sources), as one change.

    ``texts`` gives one text per block, in order. ``based_on`` is what the editor showed for each: when the
    library holds something else for any of them, nothing is written and
    :class:`~briefing.errors.EditConflictError` carries both lists, joined by :data:`LIST_SEPARATOR`.
    """
    if len(texts) != len(block_ids) or (based_on is not None and len(based_on) != len(block_ids)):
        raise BriefingError(
            N_("Give one text for each entry, separated by semicolons ({count} in all)."),
            count=len(block_ids),
        )
    with unit_of_work(target) as uow:
        stored = [_block(uow, block_id).text(lang) or "" for block_id in block_ids]
        if based_on is not None and any(
            _squeezed(now) not in (_squeezed(shown), _squeezed(wanted))
            for now, shown, wanted in zip(stored, based_on, texts, strict=True)
        ):
            raise EditConflictError(
                block_ids[0] if block_ids else 0,
                lang,
                theirs=LIST_SEPARATOR.join(stored),
                mine=LIST_SEPARATOR.join(texts),
                field="list",
            )
        changes = tuple(
            set_text(uow, block_id, lang, text)
            for block_id, text, now in zip(block_ids, texts, stored, strict=True)
            if text != now
        )
        return Batch(changes, Changed.TEXT)


def _squeezed(text: str) -> str:
    return " ".join(text.split())
