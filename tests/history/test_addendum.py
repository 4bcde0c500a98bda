"""The addendum: exactly what changed since a recorded version, as Word tracked changes LibreOffice can review."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from briefing.assemble import PackRequest, assemble
from briefing.cli.main import main
from briefing.errors import BriefingError
from briefing.export import ExportRequest, export_pack
from briefing.history.addendum import ADDED, CHANGED, REMOVED, compare, word_diff
from briefing.history.versions import AddendumRequest, export_addendum, export_recorded
from briefing.operations.library import add_item, delete_item, update_item
from briefing.operations.texts import set_text
from briefing.store import Library
from tests.history.conftest import MEETING, Reviewer, block_of
from tests.support.reading import validate_ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD_LINE = "Security in ports is a shared responsibility."
NEW_LINE = "Security in ports is everyone's business."
REMOVED_QUESTION = "Will the alliance cost more?"
ADDED_TEXT = "A new paragraph on the programme."


@given(st.text(alphabet="ab .,\n'é", max_size=40), st.text(alphabet="ab .,\n'é", max_size=40))
def test_a_word_diff_reads_as_the_old_text_and_as_the_new(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(text for kind, text in segments if kind != "+") == old
    assert "".join(text for kind, text in segments if kind != "-") == new
    assert all(text for _kind, text in segments)


def test_changes_separated_by_a_space_read_as_one() -> None:
    assert word_diff(OLD_LINE, NEW_LINE) == [
        ("=", "Security in ports is "),
        ("-", "a shared responsibility"),
        ("+", "everyone's business"),
        ("=", "."),
    ]


def make_changes(library: Library) -> None:
    set_text(library, block_of(library, "dt-ltt-1"), "en", NEW_LINE)
    delete_item(library, "dt-qa-1")
    add_item(library, "programme-fr", "background", {"en": ADDED_TEXT, "fr": "Un nouveau paragraphe."})


@pytest.fixture
def version_one(sample_library: Library, outputs: Path) -> Path:
    update_item(sample_library, "dt-bg-1", marking="LIMITE")
    path = outputs / "pack.docx"
    export_pack(sample_library, ExportRequest(PackRequest(MEETING, "en", allow_missing=True), path))
    return path


def test_the_addendum_lists_exactly_the_changes_made(sample_library: Library, version_one: Path) -> None:
    from briefing.history.versions import read_recorded

    make_changes(sample_library)
    record, base = read_recorded(sample_library, MEETING, 1)
    with sample_library.reading() as uow:
        current = assemble(uow, PackRequest(MEETING, "en", allow_missing=True))
    addendum = compare(base, current, base_number=1, number=1, base_time=record.created_at)
    found = {
        (change.change, entry.change, entry.item_key)
        for change in addendum.sections
        for entry in change.entries
    }
    added_key = next(
        e.item_key for e in current.entries if e.item_key not in {b.item_key for b in base.entries}
    )
    assert found == {
        (CHANGED, CHANGED, "dt-ltt-1"),
        (CHANGED, REMOVED, "dt-qa-1"),
        (CHANGED, ADDED, added_key),
    }
    first = addendum.sections[0].entries[0]
    assert first.old[0][1][0].text == OLD_LINE and first.new[0][1][0].text == NEW_LINE

    # an agenda item dropped and one new: matched by topics, the new one added as a whole
    moved = dataclasses.replace(current.sections[1], number=3, topic_keys=("another-topic",))
    later = dataclasses.replace(current, sections=(current.sections[0], moved))
    kinds = [
        (s.change, len(s.entries))
        for s in compare(base, later, base_number=1, number=1, base_time=record.created_at).sections
    ]
    assert kinds == [(CHANGED, 2), (ADDED, len(moved.entries)), (REMOVED, len(base.sections[1].entries))]

    assert compare(base, base, base_number=1, number=1, base_time=record.created_at).sections == ()


def test_follow_up_actions_changed_since_are_listed_under_their_agenda_item(
    sample_library: Library, version_one: Path
) -> None:
    from briefing.history.versions import read_recorded

    with sample_library.unit_of_work() as uow:
        action = uow.actions.require("dt-act-1")
        action.owner = "Council Secretariat"
    record, base = read_recorded(sample_library, MEETING, 1)
    with sample_library.reading() as uow:
        current = assemble(uow, PackRequest(MEETING, "en", allow_missing=True))
    addendum = compare(base, current, base_number=1, number=1, base_time=record.created_at)
    (section,) = addendum.sections
    (change,) = section.entries
    assert (change.change, change.item_key, change.slot[0].text) == (
        CHANGED,
        "action:dt-act-1",
        "Follow-up actions",
    )
    old, new = change.old[0][1][0].text, change.new[0][1][0].text
    assert "(Commission;" in old and "(Council Secretariat;" in new
    assert [seg for seg in word_diff(old, new) if seg[0] != "="] == [
        ("-", "Commission"),
        ("+", "Council Secretariat"),
    ]


@pytest.mark.libreoffice
def test_the_addendum_is_word_tracked_changes_that_validate_and_libreoffice_reviews(
    sample_library: Library, version_one: Path, outputs: Path, ooxml_validator: str, reviewer: Reviewer
) -> None:
    make_changes(sample_library)
    path = outputs / "addendum.docx"
    result = export_addendum(sample_library, AddendumRequest(MEETING, 1, path))
    assert result.number == 2
    assert validate_ooxml(ooxml_validator, path) == {"file": str(path), "ok": True, "errors": []}

    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        footer_text = "".join(
            etree.fromstring(package.read(name)).xpath("string()")
            for name in package.namelist()
            if "footer" in name
        )
    revisions = list(body.iter(f"{W}ins", f"{W}del"))
    assert revisions and all(
        r.get(f"{W}author") == "Home Affairs unit" and r.get(f"{W}date") for r in revisions
    )
    assert len({r.get(f"{W}id") for r in revisions}) == len(revisions)
    text = "".join(body.xpath("string()"))
    assert "Addendum 1 to version 1" in text
    assert "LIMITE" in text and "LIMITE" in footer_text  # the pack's marking, on the page and in every footer

    accepted, count = reviewer.review(path, "accept")
    rejected, _count = reviewer.review(path, "reject")
    assert count >= 4  # LibreOffice sees the insertions and deletions as changes
    assert NEW_LINE in accepted and OLD_LINE not in accepted
    assert OLD_LINE in rejected and NEW_LINE not in rejected
    assert ADDED_TEXT in accepted and ADDED_TEXT not in rejected
    assert REMOVED_QUESTION in rejected and REMOVED_QUESTION not in accepted


def test_a_french_addendum_of_a_bilingual_version_and_its_exact_remake(
    sample_library: Library, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sample_library.path)
    pack = outputs / "pack.docx"
    assert (
        main(["export", MEETING, "--lang", "bilingual", "--allow-missing", "-o", str(pack), "--db", db]) == 0
    )
    set_text(
        sample_library, block_of(sample_library, "dt-qa-1", "answer"), "fr", "Le financement est nouveau."
    )
    path = outputs / "addendum-fr.docx"
    assert (
        main(
            [
                "addendum",
                MEETING,
                "--since",
                "1",
                "--lang",
                "fr",
                "--allow-missing",
                "-o",
                str(path),
                "--db",
                db,
            ]
        )
        == 0
    )
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    text = "".join(body.xpath("string()"))
    assert "Addendum 1 à la version 1" in text and "Modifié — " in text
    deleted = "".join(t.text for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text or "" for ins in body.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
    assert "provient des programmes existants" in deleted and "est nouveau" in inserted

    again = outputs / "again.docx"
    assert export_recorded(sample_library, MEETING, 2, again).identical
    assert again.read_bytes() == path.read_bytes()
    capsys.readouterr()
    assert main(["history", MEETING, "--db", db]) == 0
    assert "Addendum 1 to version 1" in capsys.readouterr().out.splitlines()[2]


def test_an_addendum_in_a_language_the_version_lacks_is_refused(
    sample_library: Library, version_one: Path
) -> None:
    with pytest.raises(BriefingError, match="not in fr"):
        export_addendum(
            sample_library, AddendumRequest(MEETING, 1, version_one.with_name("a.docx"), "fr", True)
        )
    assert not version_one.with_name("a.docx").exists()
