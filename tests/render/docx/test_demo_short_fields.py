"""The demo packs read back: French short fields, each action printed once, the counterpart's positions.

The packs, their PDFs (one LibreOffice run) and the pages' text (pdftotext) come from tests/render/conftest.py.
The .docx is read paragraph by paragraph, table cells included, from its XML.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from briefing.assemble import PackRequest, assemble
from briefing.assemble.outline import Outline
from briefing.selection import load_pack_selection
from briefing.selection.pack import PackSelection, Texts
from briefing.store import Library
from tests.support.demo_packs import COPIES, MEETINGS, MODES, pack_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FLAG = "[Non traduit — texte anglais]"


def paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of the document body, those in table cells included, in order."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def short_fields(selection: PackSelection) -> list[Texts]:
    """Every short field of a meeting's pack: who prepared it, location, organisations, owners, sources."""
    meeting = selection.meeting
    found = [t for t in (meeting.prepared_by_texts, meeting.location) if t is not None]
    found += [p.organisation_texts for p in selection.participants if p.organisation_texts is not None]
    for agenda_item in selection.agenda:
        for topic in agenda_item.topics:
            found += [t for t in (topic.owner_texts, topic.area_title) if t is not None]
            found += topic.source_texts
        for action in agenda_item.actions:
            found += [t for t in (action.owner_texts, action.source_texts) if t is not None]
    return found


def outline(library: Library, meeting: str, mode: str, copy: str) -> Outline:
    with library.unit_of_work() as uow:
        return assemble(uow, PackRequest(meeting, mode, copy, allow_missing=True))


def test_french_packs_print_no_english_short_field(
    packs: dict[str, Path], pdfs: dict[str, list[str]], demo_library: Library
) -> None:
    for meeting in MEETINGS:
        with demo_library.unit_of_work() as uow:
            fields = short_fields(load_pack_selection(uow, meeting))
        assert fields, meeting
        assert all(field.text("fr") for field in fields), meeting  # the demo gives every one its French
        english = {
            flat(f.text("en") or "") for f in fields if flat(f.text("en") or "") != flat(f.text("fr") or "")
        }
        assert english, meeting
        for copy in COPIES:
            name = pack_name(meeting, "fr", copy)
            # In the .docx: no English short field outside a paragraph flagged as untranslated.
            unflagged = [flat(p) for p in paragraphs(packs[name]) if FLAG not in p]
            printed = [(value, p) for value in english for p in unflagged if value in p]
            assert printed == [], (name, printed[:3])
            # In the PDF: an English short field is found no more often than the flagged English texts hold it.
            pages = flat(" ".join(pdfs[name]))
            flagged = " ".join(
                text.text for text in _texts(outline(demo_library, meeting, "fr", copy)) if text.untranslated
            )
            for value in english:
                assert pages.count(value) <= flat(flagged).count(value), (name, value)
        # And the French of the fields a reader meets first is on the page.
        pages = flat(" ".join(pdfs[pack_name(meeting, "fr", "internal")]))
        solid = re.sub(r"\s+", "", pages)  # a title may break across lines anywhere, even after a dash
        with demo_library.unit_of_work() as uow:
            selection = load_pack_selection(uow, meeting)
        prepared = selection.meeting.prepared_by_texts
        assert prepared is not None and f"Préparé par {flat(prepared.text('fr') or '')}" in pages
        for topic in (t for a in selection.agenda for t in a.topics):
            for source in topic.source_texts:
                assert re.sub(r"\s+", "", source.text("fr") or "") in solid, source.text("fr")


def _texts(outline: Outline) -> list:  # type: ignore[type-arg]
    """Every text of the outline's sections and tracker (the places English stands in for French)."""
    found = []
    for section in outline.sections:
        for entry in section.entries:
            for passage in (entry.body, entry.question, entry.answer):
                found += list(passage or ())
    for action in outline.actions:
        found += list(action.text)
    for objective in outline.objectives:
        found += list(objective)
    return found


def test_each_action_text_is_printed_once_per_pack(packs: dict[str, Path], demo_library: Library) -> None:
    for meeting in MEETINGS:
        for mode in MODES:
            for copy in COPIES:
                name = pack_name(meeting, mode, copy)
                document = "\n".join(paragraphs(packs[name]))
                actions = outline(demo_library, meeting, mode, copy).actions
                assert actions, name
                for action in actions:
                    for text in {t.text for t in action.text if not t.missing}:
                        assert document.count(text) == 1, (name, action.key, text[:60])


def test_the_bilateral_gives_the_counterparts_position_with_its_source(
    packs: dict[str, Path], pdfs: dict[str, list[str]]
) -> None:
    english = flat(" ".join(pdfs[pack_name("val-duchesse-ii", "en", "internal")]))
    french = flat(" ".join(pdfs[pack_name("val-duchesse-ii", "fr", "internal")]))
    assert "Counterpart's position" in english or "Counterpart’s position" in english
    assert "Position de l’interlocuteur" in french
    assert "France has stationed a French liaison magistrate in Belgium" in english
    assert "France counts more than 200 terrorist combatants" in english
    assert "Val Duchesse II joint communiqué, 11 June 2018" in english  # the source the positions cite
    assert "Communiqué conjoint Val Duchesse II, 11 juin 2018" in french
