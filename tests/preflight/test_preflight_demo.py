"""Preflight on the demo library tells the truth: English-only seed material shows as missing French."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.assemble import PackRequest
from briefing.preflight import Severity, run_preflight
from briefing.store import Library

builder = pytest.importorskip("briefing.interchange.demo.builder")

TODAY = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    builder.create_demo_library(library)
    return library


@pytest.mark.parametrize("slug", ["jha-council-2024-06", "val-duchesse-ii"])
def test_english_only_material_is_reported_missing_in_french(demo: Library, slug: str) -> None:
    with demo.unit_of_work() as uow:
        french = run_preflight(uow, PackRequest(slug, "fr"), today=TODAY)
        english = run_preflight(uow, PackRequest(slug, "en"), today=TODAY)
    missing = [f for f in french if f.code == "translation-missing"]
    assert missing
    assert all(f.severity is Severity.BLOCKING and f.lang == "fr" for f in missing)
    # The programme is the one seed in both languages: none of its topics lacks French.
    assert not [f for f in missing if (f.topic_key or "").startswith("programme-")]
    # Every seed is in English: the English pack lacks nothing.
    assert not [f for f in english if f.code.startswith("translation-")]
    assert not any(f.blocking for f in english)


def test_bilingual_pack_reports_the_same_missing_french(demo: Library) -> None:
    with demo.unit_of_work() as uow:
        french = run_preflight(uow, PackRequest("jha-council-2024-06", "fr"), today=TODAY)
        bilingual = run_preflight(uow, PackRequest("jha-council-2024-06", "bilingual"), today=TODAY)
    assert [(f.code, f.item_key, f.action_key) for f in french] == [
        (f.code, f.item_key, f.action_key) for f in bilingual
    ]
