"""Packs exported by Briefing come back into an empty library with the same topics, items and actions.

The expected content is the pack's own outline (what was printed, French typography included), for both demo
meetings in English, French and the bilingual interpreter's copy. A section of a pack that covers several topics
does not say which topic each item comes from; the items are compared as a whole, the topics by their titles.

The expected actions are the library's actions of the pack's topics, less those due on or before the end of the
meeting's month (:func:`is_meeting_event`): the pack treats those as events of the meeting itself and never prints
them, so no import of it can bring them back.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.assemble.follow_up import is_meeting_event
from briefing.assemble.outline import Outline, Passage
from briefing.export import ExportRequest, export_pack
from briefing.interchange.demo.builder import create_demo_library
from briefing.interchange.word_import import apply_plan, plan_import
from briefing.model import TextBlock
from briefing.store import Library

MEETINGS = ("jha-council-2024-06", "val-duchesse-ii")
MODES = ("en", "fr", "bilingual")
TODAY = dt.date(2024, 6, 1)

Texts = frozenset[tuple[str, str]]


def passage(texts: Passage | None) -> Texts | None:
    if texts is None:
        return None
    # a "[translation missing]" notice stands for no text
    return frozenset((t.lang, t.text.strip()) for t in texts if t.text.strip() and not t.missing)


def first(short: Passage) -> str | None:
    """A short field (owner, source) as an import reads it: its first column."""
    return short[0].text if short else None


def block(texts: TextBlock | None) -> Texts | None:
    if texts is None:
        return None
    return frozenset((lang, row.text.strip()) for lang, row in texts.translations.items() if row.text.strip())


@pytest.fixture(scope="module")
def demo_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(tmp_path_factory.mktemp("demo") / "library.sqlite")
    create_demo_library(library)
    yield library
    library.close()


@pytest.fixture(scope="module")
def packs(demo_library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Outline]]:
    folder = tmp_path_factory.mktemp("packs")
    made = {}
    for meeting in MEETINGS:
        for mode in MODES:
            request = PackRequest(meeting, mode, "internal", allow_missing=True, today=TODAY)
            path = folder / f"{meeting}-{mode}.docx"
            export_pack(demo_library, ExportRequest(request, path))
            with demo_library.unit_of_work() as uow:
                made[f"{meeting}-{mode}"] = (path, assemble(uow, request))
    return made


@pytest.fixture(scope="module")
def follow_up(demo_library: Library, packs: dict[str, tuple[Path, Outline]]) -> dict[str, set[str]]:
    """Per meeting, the keys of the library's actions of its pack's topics that are not events of the meeting."""
    found = {}
    left_out = 0
    with demo_library.unit_of_work() as uow:
        for meeting in MEETINGS:
            record = uow.meetings.require(meeting)
            ends = record.ends_on or record.starts_on
            _, outline = packs[f"{meeting}-en"]
            topics = {key for section in outline.sections for key in section.topic_keys}
            mine = [a for a in uow.actions.list() if a.topic is not None and a.topic.key in topics]
            found[meeting] = {a.key for a in mine if not is_meeting_event(a.deadline, ends)}
            left_out += len(mine) - len(found[meeting])
    assert left_out > 0, "the demo meetings have no actions the packs leave out"
    return found


@pytest.fixture(scope="module")
def resaved(
    packs: dict[str, tuple[Path, Outline]], soffice: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The packs opened and saved again as .docx by LibreOffice, in one run: other styles, other XML."""
    outdir = tmp_path_factory.mktemp("resaved")
    profile = tmp_path_factory.mktemp("lo-profile")
    files = [path for path, _ in packs.values()]
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), *map(str, files)],
        check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(profile)},
    )  # fmt: skip
    return {name: outdir / path.name for name, (path, _) in packs.items()}


def expected(
    outline: Outline,
) -> tuple[set[Texts | None], Counter[tuple[object, ...]], set[tuple[object, ...]]]:
    topics = {passage(title) for section in outline.sections for title in section.topics}
    items: Counter[tuple[object, ...]] = Counter()
    seen: set[str] = set()
    for entry in outline.entries:
        if entry.item_key not in seen:
            seen.add(entry.item_key)
            items[
                (entry.kind.value, passage(entry.body), passage(entry.question), passage(entry.answer),
                 entry.marking, entry.internal)
            ] += 1  # fmt: skip
    actions = {
        (passage(a.text), first(a.owner_text), a.deadline, a.status, first(a.source_text))
        for a in outline.actions
    }
    return topics, items, actions


def imported(
    library: Library,
) -> tuple[set[Texts | None], Counter[tuple[object, ...]], set[tuple[object, ...]]]:
    with library.unit_of_work() as uow:
        topics = {block(topic.title) for topic in uow.topics.list()}
        items: Counter[tuple[object, ...]] = Counter(
            (item.kind.value, block(item.body), block(item.question), block(item.answer),
             item.effective_marking, item.internal)
            for item in uow.items.list()
        )  # fmt: skip
        actions = {(block(a.text), a.owner, a.deadline, a.status.value, a.source) for a in uow.actions.list()}
    return topics, items, actions


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("meeting", MEETINGS)
def test_pack_imports_back_with_the_same_topics_items_and_actions(
    packs: dict[str, tuple[Path, Outline]],
    follow_up: dict[str, set[str]],
    meeting: str,
    mode: str,
    tmp_path: Path,
) -> None:
    path, outline = packs[f"{meeting}-{mode}"]
    library = Library.open(tmp_path / "empty.sqlite")
    try:
        plan = plan_import(library, path)
        apply_plan(library, plan)
        want_topics, want_items, want_actions = expected(outline)
        got_topics, got_items, got_actions = imported(library)
    finally:
        library.close()

    assert {a.key for a in outline.actions} == follow_up[meeting]
    assert got_topics == want_topics
    assert got_items == want_items
    assert got_actions == want_actions
    assert plan.counts()["unrecognised"] == 0
    assert len(want_items) > 20 and len(want_actions) >= 5


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("meeting", MEETINGS)
def test_pack_saved_again_by_libreoffice_imports_the_same(
    packs: dict[str, tuple[Path, Outline]], resaved: dict[str, Path], meeting: str, mode: str, tmp_path: Path
) -> None:
    _, outline = packs[f"{meeting}-{mode}"]
    library = Library.open(tmp_path / "empty.sqlite")
    try:
        apply_plan(library, plan_import(library, resaved[f"{meeting}-{mode}"]))
        assert imported(library) == expected(outline)
    finally:
        library.close()


def test_importing_the_same_pack_twice_adds_nothing(
    packs: dict[str, tuple[Path, Outline]], tmp_path: Path
) -> None:
    path, _ = packs["val-duchesse-ii-en"]
    library = Library.open(tmp_path / "twice.sqlite")
    try:
        apply_plan(library, plan_import(library, path))
        first = imported(library)
        again = plan_import(library, path)
        counts = again.counts()
        apply_plan(library, again)
        assert imported(library) == first
    finally:
        library.close()
    assert again.empty
    assert counts["topics_merged"] == 4 and counts["topics_new"] == 0
    assert counts["items_same"] == 27 and counts["actions_new"] == 0  # with the counterpart's positions


@pytest.mark.parametrize("mode", MODES)
def test_a_pack_imported_onto_its_own_library_changes_nothing(
    demo_library: Library, packs: dict[str, tuple[Path, Outline]], mode: str
) -> None:
    path, outline = packs[f"jha-council-2024-06-{mode}"]

    plan = plan_import(demo_library, path)

    counts = plan.counts()
    assert plan.empty
    assert counts["topics_merged"] == len({t for s in outline.sections for t in s.topics})
    assert counts["items_same"] == len({entry.item_key for entry in outline.entries})
    assert counts["actions_new"] == 0
    assert {item.existing_key for topic in plan.topics for item in topic.items} == {
        entry.item_key for entry in outline.entries
    }
