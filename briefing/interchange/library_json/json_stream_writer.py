"""JSON written piece by piece, byte for byte as ``json.dumps(document, ensure_ascii=False, indent=2)``.

A document is plain JSON values, except that a list may be a :class:`LazyList`: an iterable read only while it is
written, so a list of a hundred thousand objects is never in memory at once. :func:`materialise` turns such a
document into plain values, for callers that want the whole document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

INDENT = "  "


class LazyList:
    """A list whose elements are produced while the document is written (once: it is an iterator)."""

    __slots__ = ("_elements",)

    def __init__(self, elements: Iterable[Any]) -> None:
        self._elements = elements

    def __iter__(self) -> Iterator[Any]:
        return iter(self._elements)


def json_chunks(value: Any, level: int = 0) -> Iterator[str]:
    """The text of ``value`` indented as at nesting ``level``, in pieces (one per lazy element at most)."""
    if isinstance(value, LazyList) or (
        isinstance(value, dict) and any(isinstance(member, LazyList) for member in value.values())
    ):
        yield from _streamed(value, level)
    else:
        pieces: list[str] = []
        _encode(value, "\n" + INDENT * level, pieces)
        yield "".join(pieces)


def _streamed(value: dict[str, Any] | LazyList, level: int) -> Iterator[str]:
    inner = "\n" + INDENT * (level + 1)
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        separator = "{"
        for name, member in value.items():
            yield f"{separator}{inner}{_string(name)}: "
            yield from json_chunks(member, level + 1)
            separator = ","
        yield "\n" + INDENT * level + "}"
        return
    separator = "["
    for element in value:
        yield separator + inner
        yield from json_chunks(element, level + 1)
        separator = ","
    yield "[]" if separator == "[" else "\n" + INDENT * level + "]"


_string: Callable[[str], str] = json.encoder.encode_basestring
"""A string as JSON, non-ASCII characters as they are (``ensure_ascii=False``); the C version when there is one."""


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append the pieces of ``value`` to ``out`` as ``json.dumps(indent=2, ensure_ascii=False)`` writes it,
    ``newline`` being the line break and indentation of the line ``value`` starts on."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int | float):
        out.append(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + INDENT
        separator = "{"
        for name, member in value.items():
            out.append(f"{separator}{inner}{_string(name)}: ")
            _encode(member, inner, out)
            separator = ","
        out.append(newline + "}")
    elif isinstance(value, list | tuple | LazyList):
        inner = newline + INDENT
        separator = "["
        for element in value:
            out.append(separator + inner)
            _encode(element, inner, out)
            separator = ","
        out.append("[]" if separator == "[" else newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def write_json(value: Any, write: Callable[[str], object]) -> None:
    """Write ``value`` and a final newline through ``write``."""
    for chunk in json_chunks(value):
        write(chunk)
    write("\n")


def materialise(value: Any) -> Any:
    """``value`` with every lazy list read into a plain list."""
    if isinstance(value, dict):
        return {name: materialise(member) for name, member in value.items()}
    if isinstance(value, LazyList | list):
        return [materialise(element) for element in value]
    return value
