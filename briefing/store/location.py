"""Where the library lives: ``--db``, then ``BRIEFING_DB``, then a file in the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url

ENV_VAR = "BRIEFING_DB"
APP_NAME = "Briefing"
FILE_NAME = "library.sqlite"


def default_library_path() -> Path:
    """The per-user library file (e.g. ``~/.local/share/Briefing/library.sqlite`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def resolve_location(db: str | os.PathLike[str] | None = None) -> URL:
    """The library's SQLAlchemy URL from an explicit ``db`` (path or URL), the environment, or the default."""
    chosen = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if chosen is None:
        return sqlite_url(default_library_path())
    if "://" in chosen:
        return make_url(chosen)
    return sqlite_url(Path(chosen))


def sqlite_url(path: Path) -> URL:
    """An SQLAlchemy URL for the SQLite file at ``path``."""
    return URL.create("sqlite+pysqlite", database=str(path.expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
