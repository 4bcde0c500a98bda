"""Where the library lives: ``--db``, then ``BRIEFING_DB``, then a file in the user's data directory.

SQLAlchemy is imported only by the functions that build URLs: :func:`library_file` answers without it, for the
desktop app's first screen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import N_, LibraryError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_VAR = "BRIEFING_DB"
BACKENDS = ("sqlite", "postgresql")
"""The databases a library can live in."""
APP_NAME = "Briefing"
FILE_NAME = "library.sqlite"


def default_library_path() -> Path:
    """The per-user library file (e.g. ``~/.local/share/Briefing/library.sqlite`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def _chosen(db: str | os.PathLike[str] | None) -> str | None:
    return os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None


def library_file(db: str | os.PathLike[str] | None = None) -> Path | None:
    """The SQLite file :func:`resolve_location` would open, or None when ``db`` (or the environment) is a URL."""
    chosen = _chosen(db)
    if chosen is None:
        return default_library_path().expanduser().resolve()
    if "://" in chosen:
        return None
    return Path(chosen).expanduser().resolve()


def resolve_location(db: str | os.PathLike[str] | None = None) -> URL:
    """The library's SQLAlchemy URL from an explicit ``db`` (path or URL), the environment, or the default."""
    chosen = _chosen(db)
    if chosen is None:
        return sqlite_url(default_library_path())
    if not chosen.strip():
        raise LibraryError(N_("No library was named: give a library file or a database URL."))
    if "://" in chosen:
        return library_url(chosen)
    return sqlite_url(Path(chosen))


def library_url(text: str) -> URL:
    """The URL ``text`` names, when it is a database a library can live in; a :class:`LibraryError` otherwise."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise _unknown_url(text) from exc
    if url.get_backend_name() not in BACKENDS:
        raise _unknown_url(url.render_as_string(hide_password=True))
    return url


def _unknown_url(shown: str) -> LibraryError:
    return LibraryError(
        N_(
            "“{url}” is not a library Briefing can open: give a file, a sqlite:/// URL or a postgresql:// URL."
        ),
        url=shown,
    )


def check_library_path(path: Path) -> None:
    """Refuse a library path that names a folder, or that lies under something that is not a folder."""
    if path.is_dir():
        raise LibraryError(N_("{path} is a folder, not a library file."), path=path)
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise LibraryError(
                    N_("{path} cannot be a library: {parent} is a file, not a folder."),
                    path=path,
                    parent=parent,
                )
            return


def sqlite_url(path: Path) -> URL:
    """An SQLAlchemy URL for the SQLite file at ``path``."""
    from sqlalchemy.engine import URL

    return URL.create("sqlite+pysqlite", database=str(path.expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
