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

FORMAT = 2
"""The version of the snapshot's layout; a newer one is refused with a clear message.

Format 1 wrote each record as an object of its fields; format 2 writes it as a list, in the order the snapshot's
``fields`` table gives for its class, which is a third smaller and quicker to write. Both are read."""

MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024
"""The most a snapshot may unpack to: an outline is a few megabytes even for an 800-page pack."""


class SnapshotError(BriefingError):
    """A recorded outline cannot be read back."""


LONG_FIELDS = ("sections", "texts")
"""The outline's fields that grow with the pack: written a batch of records at a time, each batch reported."""
BATCH = 200
"""Records of a long field written between two steps."""
COMPRESS_CHUNK = 1 << 20
"""Bytes compressed between two steps."""


def encode_outline(outline: Outline, *, step: Step | None = None) -> bytes:
    """``outline`` as compressed JSON; ``step`` is told the share done as its sections and texts are written and
    compressed, and may stop the work by raising (see :mod:`briefing.progress`).

    The JSON is the one ``json.dumps`` makes of the whole document; its long fields are written a batch of
    records at a time only so that the work can report its progress."""
    hints = typing.get_type_hints(Outline)
    names = [f.name for f in dataclasses.fields(Outline)]
    short = _encoder(Outline)(dataclasses.replace(outline, sections=(), texts=()))
    long = {name: getattr(outline, name) for name in LONG_FIELDS}
    done = counter(part(step, 0.0, 0.7), max(1, sum(len(value) for value in long.values())))
    written = 0
    fields = []
    for name, value in zip(names, short, strict=True):
        if name not in long:
            fields.append(_json(value))
            continue
        write = _encoder(typing.get_args(hints[name])[0])
        records = long[name]
        batches = []
        for start in range(0, len(records), BATCH):
            batch = [write(record) for record in records[start : start + BATCH]]
            batches.append(_json(batch)[1:-1])
            written += len(batch)
            done(written)
        fields.append(f"[{','.join(batches)}]")
    head = _json({"format": FORMAT, "fields": _field_table(Outline)})[:-1]
    data = f'{head},"outline":[{",".join(fields)}]}}'.encode()
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
    """The outline :func:`encode_outline` stored in ``data`` (in either format)."""
    try:
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(data, MAX_SNAPSHOT_BYTES)
        if unpacker.unconsumed_tail:
            raise ValueError("the snapshot is too large")
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict):
            raise ValueError("not a snapshot")
        version = document.get("format")
        if version not in (1, FORMAT):
            raise SnapshotError(
                N_("This export was recorded by a newer version of Briefing; please update the application.")
            )
        layout = None if version == 1 else _layout(document["fields"])
        outline = _decoder(Outline, layout)(document["outline"])
    except SnapshotError:
        raise
    except (zlib.error, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(N_("The recorded pack cannot be read: {reason}"), reason=exc) from exc
    assert isinstance(outline, Outline)
    return outline


# --- writing ---------------------------------------------------------------------------------------------------

Encoder = Callable[[Any], Any]


def _text(value: Text) -> list[Any]:
    """A text, the commonest record of an outline, as a short list: [text, lang] and its flags up to the last set
    (untranslated, stale, missing, in the order of :class:`~briefing.assemble.outline.Text`'s fields)."""
    if not (value.untranslated or value.stale or value.missing):
        return [value.text, value.lang]
    flags = [value.untranslated, value.stale, value.missing]
    while not flags[-1]:
        flags.pop()
    return [value.text, value.lang, *flags]


def _same(value: Any) -> Any:
    return value


@functools.cache
def _encoder(hint: Any) -> Encoder:
    """A function turning values of the type ``hint`` into their JSON form, made once per type from the type
    hints, so that writing a record is a list of attribute reads rather than a walk asking each value its type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot record {hint!r} in an outline snapshot")
        inner = _encoder(options[0])
        if inner is _same:
            return _same
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _encoder(args[0])
            if item is _same:
                return _same  # JSON writes a tuple of plain values as a list
            return lambda value: [item(part) for part in value]
        parts = tuple(_encoder(arg) for arg in args)
        return lambda value: [write(part) for write, part in zip(parts, value, strict=True)]
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        _key, item_hint = typing.get_args(hint)
        item = _encoder(item_hint)
        return lambda value: {str(key): item(part) for key, part in value.items()}
    if hint is Text:
        return _text
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_encoder(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda value: value.value
    if isinstance(hint, type) and issubclass(hint, dt.date):  # a datetime is a date too
        return lambda value: value.isoformat()
    if hint in (str, int, float, bool, type(None)):
        return _same
    raise TypeError(f"cannot record {hint!r} in an outline snapshot")


def _record_encoder(kind: type) -> Encoder:
    """A function writing a record of the class ``kind`` as the list of its fields, compiled from its hints."""
    hints = typing.get_type_hints(kind)
    namespace: dict[str, Any] = {}
    parts = []
    for index, f in enumerate(dataclasses.fields(kind)):
        write = _encoder(hints[f.name])
        if write is _same:
            parts.append(f"value.{f.name}")
        else:
            namespace[f"write_{index}"] = write
            parts.append(f"write_{index}(value.{f.name})")
    source = f"def record(value):\n    return [{', '.join(parts)}]\n"
    exec(compile(source, f"<snapshot writer of {kind.__qualname__}>", "exec"), namespace)
    record: Encoder = namespace["record"]
    return record


@functools.cache
def _field_table(kind: type) -> dict[str, list[str]]:
    """The fields of every record class reachable from ``kind``, in the order format 2 writes them."""
    table: dict[str, list[str]] = {}

    def visit(hint: Any) -> None:
        for arg in typing.get_args(hint):
            visit(arg)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint is not Text:
            if hint.__qualname__ in table:
                return
            table[hint.__qualname__] = [f.name for f in dataclasses.fields(hint)]
            hints = typing.get_type_hints(hint)
            for f in dataclasses.fields(hint):
                visit(hints[f.name])

    visit(kind)
    return table


# --- reading ---------------------------------------------------------------------------------------------------

Decoder = Callable[[Any], Any]
Layout = tuple[tuple[str, tuple[str, ...]], ...] | None
"""Format 2's table of each record class's fields in the order written; ``None`` for format 1's objects."""


def _layout(table: Any) -> Layout:
    if not isinstance(table, dict) or not all(
        isinstance(names, list) and all(isinstance(name, str) for name in names) for names in table.values()
    ):
        raise ValueError("expected a table of fields")
    return tuple(sorted((str(kind), tuple(names)) for kind, names in table.items()))


@functools.cache
def _decoder(hint: Any, layout: Layout) -> Decoder:
    """A function reading values of the type ``hint`` from their JSON form, made once per type and layout."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = _decoder(options[0], layout)
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0], layout)
            return lambda value: tuple([item(part) for part in _sequence(value)])
        parts = tuple(_decoder(arg, layout) for arg in args)
        return lambda value: tuple(read(part) for read, part in zip(parts, _sequence(value), strict=True))
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        _key, item_hint = typing.get_args(hint)
        item = _decoder(item_hint, layout)
        return lambda value: {str(key): item(part) for key, part in _mapping(value).items()}
    if isinstance(hint, type):
        return _type_decoder(hint, layout)
    raise TypeError(f"cannot read {hint!r} from an outline snapshot")


def _sequence(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, not {type(value).__name__}")
    return value


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"expected an object, not {type(value).__name__}")
    return value


def _read_text(value: Any) -> Text:
    if not isinstance(value, list) or not 2 <= len(value) <= 5:
        raise ValueError("expected a text as [text, lang, …]")
    text, lang, *flags = value
    if not isinstance(text, str) or not isinstance(lang, str) or not all(isinstance(f, bool) for f in flags):
        raise ValueError("expected a text as [text, lang, …]")
    return Text(text, lang, *flags)


def _record_decoder(hint: type, layout: Layout) -> Decoder:
    """A reader of a record of the class ``hint``: from an object of its fields (format 1) or from the list of
    them in the order the snapshot's table gives (format 2). A field the snapshot does not know takes its default;
    one the class no longer has is ignored."""
    hints = typing.get_type_hints(hint)
    readers = {f.name: _decoder(hints[f.name], layout) for f in dataclasses.fields(hint) if f.init}
    made = hint
    if layout is None:

        def from_object(value: Any) -> Any:
            return made(
                **{name: readers[name](part) for name, part in _mapping(value).items() if name in readers}
            )

        return from_object
    names = dict(layout).get(hint.__qualname__)
    if names is None:
        raise ValueError(f"the snapshot has no fields for {hint.__qualname__}")
    order = tuple((position, name, readers[name]) for position, name in enumerate(names) if name in readers)
    width = len(names)

    def from_list(value: Any) -> Any:
        if not isinstance(value, list) or len(value) != width:
            raise ValueError(f"expected {hint.__qualname__} as a list of {width} fields")
        return made(**{name: read(value[position]) for position, name, read in order})

    return from_list


def _type_decoder(hint: type, layout: Layout) -> Decoder:
    """A reader of a record, an enum member, a date or a plain value of the class ``hint``."""
    if hint is Text:
        return _read_text
    if dataclasses.is_dataclass(hint):
        return _record_decoder(hint, layout)
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
