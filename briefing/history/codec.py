"""The outline a pack was made from, kept as compact bytes: zlib-compressed JSON of the outline's records.

A recorded export keeps the :class:`~briefing.assemble.outline.Outline` it was rendered from, so the same file
can be made again after the library has changed, and what changed since can be shown. The records are written
field by field and read back through their type hints, so a field added to the outline later (with a default)
reads back from an older snapshot, and a field an older snapshot no longer knows is ignored. This module
imports no database code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
import zlib
from collections.abc import Mapping
from enum import Enum
from typing import Any

from briefing.assemble.outline import Outline
from briefing.errors import N_, BriefingError

FORMAT = 1
"""The version of the snapshot's layout; a newer one is refused with a clear message."""

MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024
"""The most a snapshot may unpack to: an outline is a few megabytes even for an 800-page pack."""


class SnapshotError(BriefingError):
    """A recorded outline cannot be read back."""


def encode_outline(outline: Outline) -> bytes:
    """``outline`` as compressed JSON."""
    document = {"format": FORMAT, "outline": _encode(outline)}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 9)


def decode_outline(data: bytes) -> Outline:
    """The outline :func:`encode_outline` stored in ``data``."""
    try:
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(data, MAX_SNAPSHOT_BYTES)
        if unpacker.unconsumed_tail:
            raise ValueError("the snapshot is too large")
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict):
            raise ValueError("not a snapshot")
        if document.get("format") != FORMAT:
            raise SnapshotError(
                N_("This export was recorded by a newer version of Briefing; please update the application.")
            )
        outline = _decode(Outline, document["outline"])
    except SnapshotError:
        raise
    except (zlib.error, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(N_("The recorded pack cannot be read: {reason}"), reason=exc) from exc
    assert isinstance(outline, Outline)
    return outline


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _encode(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot record a {type(value).__name__} in an outline snapshot")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in value)
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} values, not {len(value)}")
        return tuple(_decode(arg, item) for arg, item in zip(args, value, strict=True))
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        _key, item_hint = typing.get_args(hint)
        return {str(key): _decode(item_hint, item) for key, item in value.items()}
    if isinstance(hint, type):
        return _decode_type(hint, value)
    raise TypeError(f"cannot read {hint!r} from an outline snapshot")


def _decode_type(hint: type, value: Any) -> Any:
    """A value of the class ``hint``: a record, an enum member, a date or a plain value."""
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{name: _decode(hints[name], item) for name, item in value.items() if name in known})
    if issubclass(hint, Enum):
        return hint(value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint in (str, int, float, bool):
        if not isinstance(value, hint):
            raise ValueError(f"expected {hint.__name__}, not {type(value).__name__}")
        return value
    raise TypeError(f"cannot read {hint!r} from an outline snapshot")


__all__ = ["SnapshotError", "decode_outline", "encode_outline"]
