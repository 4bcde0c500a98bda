"""Bounds on a zip archive from elsewhere (a workbook, a Word template, a Word brief), checked before parsing.

Office files are zips of XML parts, and a small file can declare thousands of parts or inflate to gigabytes. The
zip directory is looked at first — how many entries, how big each is and how big all of them are once unpacked,
as the directory records it — and then every part is read with the limit enforced on the bytes actually
inflated, so an archive that lies about its sizes is stopped too.

This module only finds what is wrong; each caller words the refusal for its own kind of file.
"""

from __future__ import annotations

import enum
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

READ_CHUNK = 1024 * 1024
"""Bytes inflated at a time while a part is read."""


class Overflow(enum.Enum):
    """Which bound an archive goes beyond."""

    ENTRIES = "entries"
    """More entries than allowed."""
    PART = "part"
    """One entry bigger than allowed once unpacked."""
    TOTAL = "total"
    """All entries together bigger than allowed once unpacked."""


@dataclass(frozen=True, slots=True)
class ZipBounds:
    """How many entries an archive may hold and how many bytes they may unpack to."""

    max_entries: int
    max_part_bytes: int
    max_total_bytes: int


@dataclass(frozen=True, slots=True)
class ZipProblem:
    """The first bound an archive goes beyond: which, by how much, and in which part when it is one part."""

    overflow: Overflow
    found: int
    """Entries counted, or bytes declared."""
    limit: int
    part: str | None = None


class PartTooLargeError(Exception):
    """A part inflated past the bytes it was allowed while it was read."""

    def __init__(self, part: str, limit: int) -> None:
        super().__init__(part, limit)
        self.part = part
        self.limit = limit


def check_directory(entries: Sequence[zipfile.ZipInfo], bounds: ZipBounds) -> ZipProblem | None:
    """The first bound the zip directory ``entries`` goes beyond, or ``None`` when it keeps within all of them."""
    if len(entries) > bounds.max_entries:
        return ZipProblem(Overflow.ENTRIES, len(entries), bounds.max_entries)
    total = 0
    for entry in entries:
        if entry.file_size > bounds.max_part_bytes:
            return ZipProblem(Overflow.PART, entry.file_size, bounds.max_part_bytes, entry.filename)
        total += entry.file_size
    if total > bounds.max_total_bytes:
        return ZipProblem(Overflow.TOTAL, total, bounds.max_total_bytes)
    return None


def read_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> bytes:
    """The inflated bytes of ``entry``, raising :class:`PartTooLargeError` as soon as they pass ``limit``.

    Errors of the archive itself (:class:`zipfile.BadZipFile`, :class:`OSError`, :class:`EOFError`, a
    :class:`RuntimeError` for an encrypted entry) are left to the caller, which knows what the file was meant to be.
    """
    chunks: list[bytes] = []
    size = 0
    with archive.open(entry) as handle:
        while chunk := handle.read(READ_CHUNK):
            size += len(chunk)
            if size > limit:
                raise PartTooLargeError(entry.filename, limit)
            chunks.append(chunk)
    return b"".join(chunks)


__all__ = ["Overflow", "PartTooLargeError", "ZipBounds", "ZipProblem", "check_directory", "read_part"]
