"""Where the library is: --db, then BRIEFING_DB (path or URL), then the user's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store.location import ENV_VAR, resolve_location


def test_explicit_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    url = resolve_location(tmp_path / "explicit.sqlite")
    assert url.database == str(tmp_path / "explicit.sqlite")


def test_environment_path_or_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert resolve_location().database == str(tmp_path / "env.sqlite")
    monkeypatch.setenv(ENV_VAR, "postgresql+psycopg://user@localhost/briefing")
    url = resolve_location()
    assert (url.get_backend_name(), url.database) == ("postgresql", "briefing")


def test_default_is_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = resolve_location()
    assert url.database == str(tmp_path / "data" / "Briefing" / "library.sqlite")
