"""Writing files so that a failure never leaves a half-written or broken file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.errors import N_, BriefingError


class OutputError(BriefingError):
    """The output file could not be written; any previous file at that place is unchanged."""


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
