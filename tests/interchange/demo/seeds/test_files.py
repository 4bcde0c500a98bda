"""The seed documents can be read, from the installed package or the source tree, and only by name."""

from __future__ import annotations

import re

import pytest

from briefing.interchange.demo.seeds import PROGRAMME_FR, SEED_NAMES, read_seed


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_document_can_be_read(name: str) -> None:
    assert len(read_seed(name)) > 4000


def test_read_seed_refuses_paths() -> None:
    with pytest.raises(ValueError):
        read_seed("../README.md")


def test_french_seed_is_a_pdf_extraction() -> None:
    raw = read_seed(PROGRAMME_FR)
    assert re.search(r"^5\s*$", raw, re.MULTILINE)
    assert "migration,ainsi" in raw


def test_read_seed_falls_back_to_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(package: str) -> None:
        raise ModuleNotFoundError(package)

    expected = read_seed(PROGRAMME_FR)
    monkeypatch.setattr("importlib.resources.files", not_installed)
    assert read_seed(PROGRAMME_FR) == expected
