"""Fixtures shared by the seed tests: the programme in both languages and the Council note, parsed once."""

from __future__ import annotations

import pytest

from briefing.interchange.demo.seeds import CouncilNote, Programme, load_council_note, load_programme


@pytest.fixture(scope="module")
def english() -> Programme:
    return load_programme("en")


@pytest.fixture(scope="module")
def french() -> Programme:
    return load_programme("fr")


@pytest.fixture(scope="module")
def note() -> CouncilNote:
    return load_council_note()
