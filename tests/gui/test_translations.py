"""The French catalogue of the interface is complete, current with the code, and compiled."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing.gui.i18n.build import qm_path, release, ts_path, update


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation type (None when finished)."""
    found = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            found[(name, message.findtext("source") or "")] = kind
    return found


def test_every_string_is_translated_and_none_is_obsolete() -> None:
    problems = {key: kind for key, kind in messages(ts_path("fr")).items() if kind is not None}
    assert problems == {}


def test_lupdate_finds_no_new_or_vanished_string(tmp_path: Path) -> None:
    copy = tmp_path / "briefing_fr.ts"
    shutil.copy(ts_path("fr"), copy)
    update(copy, keep_obsolete=True)
    assert messages(copy) == messages(ts_path("fr"))


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "briefing_fr.qm"
    release(ts_path("fr"), compiled)
    assert compiled.read_bytes() == qm_path("fr").read_bytes()


def test_french_uses_typographic_apostrophes() -> None:
    """French text is written with ’ (as in print), never the typewriter ' — in the interface and the core."""
    from babel.messages.pofile import read_po

    from briefing.i18n.catalogue import po_path

    straight = []
    for context in ET.parse(ts_path("fr")).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
            straight += [text for text in forms if "'" in text]
    assert straight == []
    with po_path("fr").open("rb") as handle:
        catalogue = read_po(handle)
    texts = [
        form
        for message in catalogue
        if message.id
        for form in (message.string if isinstance(message.string, tuple) else (message.string,))
    ]
    assert [text for text in texts if "'" in text] == []
