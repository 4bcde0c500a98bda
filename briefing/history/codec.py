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
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from briefing.assemble.outline import Outline, Text
from briefing.errors import N_, BriefingError
from briefing.progress import Step, counter, part

FORMAT = 1
"""The version of the snapshot's layout; a newer one is refused with a clear message."""

MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024
"""The most a snapshot may unpack to: an outline is a few megabytes even for an 800-page pack."""


class SnapshotError(BriefingError):
    """A recorded outline cannot be read back."""


LONG_FIELDS = ("sections", "texts")  # both emptied by name in encode_outline
"""The outline's fields that grow with the pack: written one record at a time, each reported to the step."""
COMPRESS_CHUNK = 1 << 20
"""Bytes compressed between two steps."""


def encode_outline(outline: Outline, *, step: Step | None = None) -> bytes:
    """``outline`` as compressed JSON; ``step`` is told the share done as its sections and texts are written and
    compressed, and may stop the work by raising (see :mod:`briefing.progress`).

    The JSON is the one ``json.dumps`` makes of the whole outline; its long fields are written a record at a
    time only so that the work can report its progress."""
    long = {name: getattr(outline, name) for name in LONG_FIELDS}
    short = _encode(dataclasses.replace(outline, sections=(), texts=()))
    records = max(1, sum(len(value) for value in long.values()))
    done = counter(part(step, 0.0, 0.7), records, every=200)
    written = 0
    fields = []
    for name in (f.name for f in dataclasses.fields(Outline)):
        if name in long and (long[name] or name in short):
            items = []
            for item in long[name]:
                items.append(_json(_encode(item)))
                written += 1
                done(written)
            fields.append(f"{_json(name)}:[{','.join(items)}]")
        elif name in short:
            fields.append(f"{_json(name)}:{_json(short[name])}")
    text = f'{{"format":{_json(FORMAT)},"outline":{{{",".join(fields)}}}}}'
    data = text.encode("utf-8")
    compressing = part(step, 0.7, 1.0)
    packer = zlib.compressobj(3)  # level 3: near level 6 in size, at a third of its time
    chunks = []
    for start in range(0, len(data), COMPRESS_CHUNK):
        chunks.append(packer.compress(data[start : start + COMPRESS_CHUNK]))
        compressing(start / len(data))
    chunks.append(packer.flush())
    return b"".join(chunks)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
        outline = _decoder(Outline)(document["outline"])
    except SnapshotError:
        raise
    except (zlib.error, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(N_("The recorded pack cannot be read: {reason}"), reason=exc) from exc
    assert isinstance(outline, Outline)
    return outline


# --- writing ---------------------------------------------------------------------------------------------------

_EMPTY_DEFAULTS = (None, False, "", ())
"""Defaults left out of a snapshot when a field holds them: reading it back gives them again."""

Encoder = Callable[[Any], Any]
_ENCODERS: dict[type, Encoder] = {}


def _encode(value: Any) -> Any:
    kind = type(value)
    encoder = _ENCODERS.get(kind)
    if encoder is None:
        encoder = _ENCODERS[kind] = _encoder_for(kind)
    return encoder(value)


def _text(value: Text) -> list[Any]:
    """A text, the commonest record of an outline, as a short list: [text, lang] and its flags up to the last set
    (untranslated, stale, missing, in the order of :class:`~briefing.assemble.outline.Text`'s fields)."""
    flags = [value.untranslated, value.stale, value.missing]
    while flags and not flags[-1]:
        flags.pop()
    return [value.text, value.lang, *flags]


def _encoder_for(kind: type) -> Encoder:
    if kind is Text:
        return _text
    if dataclasses.is_dataclass(kind):
        names = []
        for f in dataclasses.fields(kind):
            default = f.default
            omit = any(
                default is empty or (type(default) is type(empty) and default == empty)
                for empty in _EMPTY_DEFAULTS
            )
            names.append((f.name, default if omit else dataclasses.MISSING))

        def record(value: Any) -> dict[str, Any]:
            out = {}
            for name, default in names:
                item = getattr(value, name)
                if default is not dataclasses.MISSING and item == default and type(item) is type(default):
                    continue
                out[name] = _encode(item)
            return out

        return record
    if issubclass(kind, Enum):
        return lambda value: value.value
    if issubclass(kind, dt.date):  # a datetime is a date too
        return lambda value: value.isoformat()
    if issubclass(kind, tuple | list):
        return lambda value: [_encode(item) for item in value]
    if issubclass(kind, Mapping):
        return lambda value: {str(key): _encode(item) for key, item in value.items()}
    if kind is type(None) or issubclass(kind, str | int | float | bool):
        return lambda value: value
    raise TypeError(f"cannot record a {kind.__name__} in an outline snapshot")


# --- reading ---------------------------------------------------------------------------------------------------

Decoder = Callable[[Any], Any]


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function reading values of the type ``hint`` from their JSON form, made once per type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = _decoder(options[0])
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: tuple([item(part) for part in _sequence(value)])
        parts = tuple(_decoder(arg) for arg in args)
        return lambda value: tuple(read(part) for read, part in zip(parts, _sequence(value), strict=True))
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        _key, item_hint = typing.get_args(hint)
        item = _decoder(item_hint)
        return lambda value: {str(key): item(part) for key, part in value.items()}
    if isinstance(hint, type):
        return _type_decoder(hint)
    raise TypeError(f"cannot read {hint!r} from an outline snapshot")


def _sequence(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, not {type(value).__name__}")
    return value


def _read_text(value: Any) -> Text:
    if not isinstance(value, list) or not 2 <= len(value) <= 5:
        raise ValueError("expected a text as [text, lang, …]")
    text, lang, *flags = value
    if not isinstance(text, str) or not isinstance(lang, str) or not all(isinstance(f, bool) for f in flags):
        raise ValueError("expected a text as [text, lang, …]")
    return Text(text, lang, *flags)


def _type_decoder(hint: type) -> Decoder:
    """A reader of a record, an enum member, a date or a plain value of the class ``hint``."""
    if hint is Text:
        return _read_text
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        readers = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(hint) if f.init}
        made = hint

        def record(value: Any) -> Any:
            return made(**{name: readers[name](part) for name, part in value.items() if name in readers})

        return record
    if issubclass(hint, Enum):
        return hint
    if hint is dt.datetime:
        return dt.datetime.fromisoformat
    if hint is dt.date:
        return dt.date.fromisoformat
    if hint in (str, int, float, bool):
        expected = hint

        def plain_value(value: Any) -> Any:
            if not isinstance(value, expected):
                raise ValueError(f"expected {expected.__name__}, not {type(value).__name__}")
            return value

        return plain_value
    raise TypeError(f"cannot read {hint!r} from an outline snapshot")


__all__ = ["SnapshotError", "decode_outline", "encode_outline"]
