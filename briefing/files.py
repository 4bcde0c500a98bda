"""Writing files so that a failure never leaves a half-written or broken file behind.

Every file the app writes goes through :func:`atomic_output`, which also refuses a target that is not a regular
file (a device, a FIFO, a folder) or that is an open library or one of its working files (``-wal``, ``-shm``,
``-journal``, its backups): :func:`protect_library` registers a library while it is open in this process. Files
are compared by device and inode, so ``../`` paths, symbolic links and hard links are caught too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.errors import N_, BriefingError


class OutputError(BriefingError):
    """The output file could not be written; any previous file at that place is unchanged."""


WORKING_SUFFIXES = ("", "-wal", "-shm", "-journal")
"""A SQLite library and the files SQLite keeps next to it."""
BACKUP_FOLDER = "backups"
"""The folder beside a library that holds its automatic backups."""

_open_libraries: Counter[Path] = Counter()
_lock = threading.Lock()


def protect_library(path: Path) -> None:
    """Refuse every output onto the library at ``path`` (and its working files) until :func:`release_library`."""
    with _lock:
        _open_libraries[Path(path)] += 1


def release_library(path: Path) -> None:
    with _lock:
        _open_libraries[Path(path)] -= 1
        if _open_libraries[Path(path)] <= 0:
            del _open_libraries[Path(path)]


def check_output(path: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` may be written: a regular file or a new name, not a library's."""
    path = Path(path)
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _output_error(exc, path) from exc
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputError(
            N_("{path} cannot be written: it is a folder or a device, not a file. Nothing was written."),
            path=path,
        )
    with _lock:
        libraries = list(_open_libraries)
    for library in libraries:
        if _belongs_to(path, status, library):
            raise OutputError(
                N_(
                    "{path} would overwrite the library {library} or one of its working files: choose another file. "
                    "Nothing was written."
                ),
                path=path,
                library=library,
            )


def _belongs_to(path: Path, status: os.stat_result | None, library: Path) -> bool:
    """Whether ``path`` is ``library``, one of its working files or backups (by inode, or by folder and name)."""
    folder = _identity(path.parent if str(path.parent) else Path("."))
    names = {library.name + suffix for suffix in WORKING_SUFFIXES}
    if folder is not None and folder == _identity(library.parent) and path.name in names:
        return True
    if status is None:
        return False
    target = (status.st_dev, status.st_ino)
    guarded = [library.with_name(library.name + suffix) for suffix in WORKING_SUFFIXES]
    guarded += library.parent.glob(f"{library.stem}.backup-*")
    backups = library.parent / BACKUP_FOLDER
    if backups.is_dir():
        guarded += backups.iterdir()
    return any(_identity(file) == target for file in guarded)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)


def atomic_write_with(path: Path, writer: Callable[[Path], None]) -> None:
    """Let ``writer`` produce the file at a temporary path, then rename it to ``path``."""
    with atomic_output(path) as temporary:
        writer(temporary)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path next to ``path``; renamed onto ``path`` when the block succeeds, removed otherwise."""
    path = Path(path)
    check_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(N_("The folder {folder} does not exist."), folder=folder)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _output_error(exc, path) from exc
    os.close(handle)
    temporary = Path(name)
    _give_usual_permissions(temporary, path)
    try:
        yield temporary
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        check_output(path)  # again: the library may have been opened, or the name changed, in the meantime
        os.replace(temporary, path)
    except OSError as exc:
        raise _output_error(exc, path) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _output_error(exc: OSError, path: Path) -> OutputError:
    if exc.errno == errno.ENOSPC:
        return OutputError(N_("The disk is full: {path} was not written."), path=path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return OutputError(
            N_(
                "{path} cannot be written: it is read-only or open in another program (close it and try again)."
            ),
            path=path,
        )
    return OutputError(N_("{path} cannot be written: {reason}"), path=path, reason=exc.strerror or exc)


def _give_usual_permissions(temporary: Path, target: Path) -> None:
    """The new file gets the old file's permissions, or what the user's umask gives a new file.

    ``mkstemp`` creates files readable by their owner only, and the rename would carry that over.
    """
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        temporary.chmod(mode)
