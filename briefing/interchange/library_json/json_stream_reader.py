"""A JSON document read a piece at a time, for files too large to hold in memory as one value.

The caller walks the structure it expects: :meth:`JsonStream.members` streams the members of an object,
:meth:`JsonStream.elements` the elements of an array, and :meth:`JsonStream.value` reads one whole value (a
topic, a title) with the standard library's decoder and its hooks. Only the text of the value being read is kept,
so memory is bounded by the largest such value, not by the file. Errors are the decoder's own
(:class:`json.JSONDecodeError`), with line and column counted from the start of the file.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

CHUNK = 1 << 16
"""Bytes read from the file at a time (more while one value is larger)."""
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NEAR_END = 16
"""A decoding error this close to the end of the text read so far may be a value cut short: read on and retry."""


class DuplicateKeyError(Exception):
    """An object of the document names the same key twice (raised for the objects this module streams)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class JsonStream:
    """A JSON document read incrementally from a binary file, decoded as UTF-8 (a wrong byte raises
    :class:`UnicodeDecodeError` when it is reached)."""

    def __init__(
        self,
        handle: BinaryIO,
        decoder: json.JSONDecoder,
        *,
        on_bytes: Callable[[bytes], object] | None = None,
    ) -> None:
        self._handle = handle
        self._decoder = decoder
        self._text = codecs.getincrementaldecoder("utf-8")("strict")
        self._on_bytes = on_bytes
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self._lines_before = 0
        """Line breaks in the text already dropped from the buffer."""
        self._column_before = 0
        """Characters after the last line break of the dropped text."""
        self._started = False

    # --- reading the file -------------------------------------------------------------------------------------

    def _fill(self, at_least: int = 0) -> bool:
        """Read more text into the buffer (dropping what was consumed); False at the end of the file, where the
        buffer is left as it was."""
        if self._eof:
            return False
        data = self._handle.read(max(at_least, CHUNK))
        if self._on_bytes is not None and data:
            self._on_bytes(data)
        if not data:
            self._eof = True
            self._buffer += self._text.decode(b"", final=True)
            return False
        if self._pos:
            dropped = self._buffer[: self._pos]
            breaks = dropped.count("\n")
            if breaks:
                self._lines_before += breaks
                self._column_before = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._column_before += len(dropped)
            self._buffer = self._buffer[self._pos :]
            self._pos = 0
        self._buffer += self._text.decode(data)
        if not self._started:
            self._started = True
            if self._buffer.startswith("\ufeff"):
                raise self._error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
        return True

    def _skip_whitespace(self) -> None:
        while True:
            self._pos = _WHITESPACE.match(self._buffer, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buffer) or not self._fill():
                return

    def _error(self, message: str, pos: int) -> json.JSONDecodeError:
        """A decoding error at ``pos`` of the buffer, with its line and column in the whole file."""
        error = json.JSONDecodeError(message, self._buffer, pos)
        before = self._buffer.rfind("\n", 0, pos)
        error.lineno = self._lines_before + self._buffer.count("\n", 0, pos) + 1
        error.colno = pos - before if before >= 0 else self._column_before + pos + 1
        return error

    # --- the structure ----------------------------------------------------------------------------------------

    def peek(self) -> str:
        """The first character of the next value ("" at the end of the file)."""
        if not self._started:
            self._fill()
        self._skip_whitespace()
        return self._buffer[self._pos] if self._pos < len(self._buffer) else ""

    def _take(self, char: str, message: str) -> None:
        if self.peek() != char:
            raise self._error(message, self._pos)
        self._pos += 1

    def value(self) -> Any:
        """Read one whole value with the decoder (and its hooks)."""
        self.peek()
        while True:
            try:
                found, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as exc:
                near_end = exc.pos >= len(self._buffer) - _NEAR_END or exc.msg.startswith(
                    "Unterminated string"
                )
                if near_end and self._fill(len(self._buffer)):
                    continue
                raise self._error(exc.msg, exc.pos) from None
            if end >= len(self._buffer) and self._fill(len(self._buffer)):
                continue  # a number may go on in the next chunk
            self._pos = end
            return found

    def skip(self) -> None:
        """Read past one value without keeping it (objects and arrays are walked, not built)."""
        char = self.peek()
        if char == "{":
            for _ in self.members():
                self.skip()
        elif char == "[":
            for _ in self.elements():
                self.skip()
        else:
            self.value()

    def members(self) -> Iterator[str]:
        """The names of an object's members, in order; after each one the caller reads or skips its value."""
        self._take("{", "Expecting value")
        if self.peek() == "}":
            self._pos += 1
            return
        seen: set[str] = set()
        while True:
            if self.peek() != '"':
                raise self._error("Expecting property name enclosed in double quotes", self._pos)
            name = self.value()
            if name in seen:
                raise DuplicateKeyError(name)
            seen.add(name)
            self._take(":", "Expecting ':' delimiter")
            yield name
            char = self.peek()
            self._pos += 1
            if char == "}":
                return
            if char != ",":
                raise self._error("Expecting ',' delimiter", self._pos - 1)

    def elements(self) -> Iterator[int]:
        """The indexes of an array's elements; after each one the caller reads or skips the element."""
        self._take("[", "Expecting value")
        if self.peek() == "]":
            self._pos += 1
            return
        index = 0
        while True:
            yield index
            index += 1
            char = self.peek()
            self._pos += 1
            if char == "]":
                return
            if char != ",":
                raise self._error("Expecting ',' delimiter", self._pos - 1)

    def end(self) -> None:
        """Check that nothing but whitespace follows the document."""
        if self.peek() != "":
            raise self._error("Extra data", self._pos)
