"""Opening a library safely: recognise it, back it up, migrate it to the app's schema.

- A new (absent or empty) file is created and migrated to head.
- An older library is copied next to itself, then migrated forward.
- A file that is not a Briefing library, or was written by a newer version of the app, is refused with a clear
  error and left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from briefing.errors import N_, LibraryError
from briefing.store.engine import make_engine
from briefing.store.location import check_library_path, sqlite_path, sqlite_url
from briefing.store.snapshot import APPLICATION_ID, HEAD_REVISION, SQLITE_MAGIC, check_library_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

__all__ = [
    "APPLICATION_ID",
    "HEAD_REVISION",
    "MIGRATIONS_DIR",
    "SQLITE_MAGIC",
    "alembic_config",
    "backup_sqlite",
    "check_library_file",
    "create_sqlite_library",
    "current_revision",
    "head_revision",
    "known_revisions",
    "migrate",
    "open_engine",
]


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the library, or None for a database Alembic never touched."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) != 1:
        return None
    return str(rows[0])


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the library next to itself before a migration; returns the copy's path."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix or '.sqlite'}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)  # never leave half a backup next to the library
        raise
    finally:
        source.close()
    return target


def open_engine(url: URL, *, create: bool = True, upgrade: bool = True) -> Engine:
    """An engine on a library at head revision, creating or upgrading it as needed.

    A SQLite library that does not exist yet is built in a temporary file next to it and linked into place only
    if the name is still free (see :func:`create_sqlite_library`). An existing file is never removed.
    """
    path = sqlite_path(url)
    is_new = False
    if path is not None:
        check_library_path(path)
        is_new = check_library_file(path)
        if is_new and not create:
            raise LibraryError(N_("There is no library at {path}."), path=path)
        if is_new and not path.exists():
            create_sqlite_library(path)
            is_new = check_library_file(path)
    shown = path if path is not None else url.render_as_string(hide_password=True)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise LibraryError(
            N_("The library {path} cannot be opened: {reason}"), path=shown, reason=exc.orig
        ) from exc
    if revision is None and not is_new and inspect(engine).get_table_names():
        engine.dispose()
        raise LibraryError(
            N_("{path} is a database of another application, not a Briefing library."), path=url
        )
    _mark_as_library(engine)
    if revision == HEAD_REVISION:
        return engine
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise LibraryError(
            N_(
                "The library {path} was written by a newer version of Briefing; please update the application."
            ),
            path=url,
        )
    if revision != head_revision() and upgrade:
        try:
            if revision is not None and path is not None:
                backup_sqlite(path, revision)
            migrate(engine)
        except (OperationalError, DatabaseError, sqlite3.Error, OSError) as exc:
            engine.dispose()
            raise _setup_error(url if path is None else path, exc) from exc
    return engine


def create_sqlite_library(path: Path) -> None:
    """Create the library at ``path`` unless another process does it first; then theirs is left as it is.

    The new library is migrated in a temporary file in the same folder, then hard-linked to ``path``, which fails
    when the name is taken: there is never a half-made library at ``path``, and clean-up only ever removes this
    process's temporary files.
    """
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
        os.close(handle)
        temporary = Path(name)
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
        engine = make_engine(sqlite_url(temporary))
        try:
            migrate(engine)
        finally:
            engine.dispose()  # the last connection checkpoints and removes the temporary -wal
        if temporary.with_name(temporary.name + "-wal").exists():
            raise OSError(errno.EBUSY, "the new library is still in use")
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        _link_if_absent(temporary, path)
    except (OperationalError, DatabaseError, sqlite3.Error, OSError) as exc:
        raise _setup_error(path, exc) from exc
    finally:
        if temporary is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)


def _link_if_absent(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        return  # another process created the library first: it is used as it is
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK):
            raise
        if not path.exists():  # a file system without hard links: a plain rename, after a last look
            os.rename(temporary, path)
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _setup_error(shown: object, exc: BaseException) -> LibraryError:
    reason = getattr(exc, "orig", None) or (
        exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    )
    return LibraryError(
        N_("The library {path} cannot be set up: {reason}. Nothing was changed."), path=shown, reason=reason
    )


def _mark_as_library(engine: Engine) -> None:
    """Give a library made before Briefing marked its files the application id that identifies it.

    A new, empty file is left to the migration; a file that cannot be written keeps working unmarked.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        if not inspect(connection).get_table_names():
            return
        if connection.exec_driver_sql("PRAGMA application_id").scalar() == 0:
            try:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.commit()
            except OperationalError:
                connection.rollback()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
