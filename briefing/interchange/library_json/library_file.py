"""A library JSON file read as a stream of records, in bounded memory whatever its size.

The file is walked with :class:`~briefing.interchange.library_json.json_stream_reader.JsonStream`: each topic (with
its items and actions), participant, meeting and action without a topic is decoded and validated on its own and
handed out as a part, so only one such record is in memory at a time. :func:`check_library_file` reads the whole
file once and refuses it, naming the JSON path of the first problem, before anything is written; the import then
reads it again (:meth:`CheckedFile.parts`) and writes as it goes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.errors import N_, InterchangeError
from briefing.interchange.library_json.json_stream_reader import DuplicateKeyError, JsonStream
from briefing.interchange.library_json.schema import (
    LIBRARY_DECODER,
    ActionRecord,
    AreaRecord,
    KeyRegistry,
    LibraryDocument,
    MeetingRecord,
    ParticipantRecord,
    TextMap,
    TopicRecord,
    UnreadableError,
    _action,
    _area_header,
    _meeting,
    _participant,
    _Path,
    _topic,
    check_format,
    check_version,
    repeated_key,
    too_deep,
)


@dataclass(frozen=True, slots=True)
class AreaHeader:
    """An area without its topics."""

    index: int
    key: str
    title: TextMap


@dataclass(frozen=True, slots=True)
class TopicPart:
    area: int
    index: int
    record: TopicRecord


@dataclass(frozen=True, slots=True)
class ParticipantPart:
    index: int
    record: ParticipantRecord


@dataclass(frozen=True, slots=True)
class MeetingPart:
    index: int
    record: MeetingRecord


@dataclass(frozen=True, slots=True)
class ActionPart:
    """An action that belongs to no topic (the top-level ``actions`` list)."""

    index: int
    record: ActionRecord


Part = AreaHeader | TopicPart | ParticipantPart | MeetingPart | ActionPart


@dataclass
class CheckedFile:
    """A library file read and validated as a whole: its areas and meetings (few), and how to read the rest again."""

    path: Path
    areas: list[AreaHeader]
    meetings: list[MeetingRecord]
    sha256: str
    counts: dict[str, int] = field(default_factory=dict)

    def parts(self) -> Iterator[TopicPart | ParticipantPart | ActionPart]:
        """The file's topics, participants and actions without a topic, read again in file order.

        Raises :class:`InterchangeError` at the end if the file is no longer the one that was checked.
        """
        digest = hashlib.sha256()
        for part in read_parts(self.path, on_bytes=digest.update):
            if isinstance(part, TopicPart | ParticipantPart | ActionPart):
                yield part
        if digest.hexdigest() != self.sha256:
            raise InterchangeError(
                N_("{path} changed while it was being imported: nothing was imported."), path=self.path
            )


def check_library_file(path: Path) -> CheckedFile:
    """Read and validate the whole file at ``path`` in bounded memory; nothing is written anywhere.

    The first problem raises :class:`InterchangeError` naming its JSON path (or its line and column when the
    file is not JSON).
    """
    digest = hashlib.sha256()
    keys = KeyRegistry()
    areas: list[AreaHeader] = []
    meetings: list[MeetingRecord] = []
    counts = {"areas": 0, "topics": 0, "items": 0, "actions": 0, "participants": 0, "meetings": 0}
    for part in read_parts(path, on_bytes=digest.update):
        _claim(keys, part)
        if isinstance(part, AreaHeader):
            areas.append(part)
            counts["areas"] += 1
        elif isinstance(part, TopicPart):
            counts["topics"] += 1
            counts["items"] += len(part.record.items)
            counts["actions"] += len(part.record.actions)
        elif isinstance(part, MeetingPart):
            meetings.append(part.record)
            counts["meetings"] += 1
        elif isinstance(part, ParticipantPart):
            counts["participants"] += 1
        else:
            counts["actions"] += 1
    areas.sort(key=lambda area: area.index)
    return CheckedFile(Path(path), areas, meetings, digest.hexdigest(), counts)


def read_document(path: Path) -> LibraryDocument:
    """Read and validate a library JSON file into one document held in memory (for small files and tests)."""
    keys = KeyRegistry()
    headers: dict[int, AreaHeader] = {}
    topics: dict[int, list[TopicRecord]] = {}
    document = LibraryDocument([], [], [], [])
    for part in read_parts(path):
        _claim(keys, part)
        if isinstance(part, AreaHeader):
            headers[part.index] = part
        elif isinstance(part, TopicPart):
            topics.setdefault(part.area, []).append(part.record)
        elif isinstance(part, ParticipantPart):
            document.participants.append(part.record)
        elif isinstance(part, MeetingPart):
            document.meetings.append(part.record)
        else:
            document.actions.append(part.record)
    document.areas = [
        AreaRecord(header.key, header.title, topics.get(index, []))
        for index, header in sorted(headers.items())
    ]
    return document


def _claim(keys: KeyRegistry, part: Part) -> None:
    if isinstance(part, AreaHeader):
        keys.claim("area", part.key, f"areas[{part.index}].key")
    elif isinstance(part, TopicPart):
        keys.topic(part.record, f"areas[{part.area}].topics[{part.index}]")
    elif isinstance(part, ParticipantPart):
        keys.claim("participant", part.record.key, f"participants[{part.index}].key")
    elif isinstance(part, MeetingPart):
        keys.claim("meeting", part.record.slug, f"meetings[{part.index}].slug")
    else:
        keys.claim("action", part.record.key, f"actions[{part.index}].key")


def read_parts(path: Path, *, on_bytes: Callable[[bytes], object] | None = None) -> Iterator[Part]:
    """The parts of the file at ``path`` in file order, each validated; problems raise :class:`InterchangeError`."""
    try:
        with Path(path).open("rb") as handle:
            yield from _document(JsonStream(handle, LIBRARY_DECODER, on_bytes=on_bytes))
    except OSError as exc:
        raise InterchangeError(N_("Cannot read {path}: {reason}"), path=path, reason=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise InterchangeError(N_("{path} is not UTF-8 text."), path=path) from exc
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            N_("{path} is not valid JSON (line {line}, column {column}: {reason})."),
            path=path,
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from exc
    except (UnreadableError, DuplicateKeyError, RecursionError) as exc:
        unreadable = _unreadable(exc)
        raise InterchangeError(N_("{path}: {problem}"), path=path, problem=unreadable.problem) from exc


def _unreadable(exc: Exception) -> UnreadableError:
    if isinstance(exc, DuplicateKeyError):
        return repeated_key(exc.key)
    if isinstance(exc, RecursionError):
        return too_deep()
    assert isinstance(exc, UnreadableError)
    return exc


def _document(stream: JsonStream) -> Iterator[Part]:
    top = _Path()
    if stream.peek() != "{":
        stream.value()
        stream.end()
        raise top.fail(N_("expected an object"))
    found_format = found_version = False
    for name in stream.members():
        if name == "format":
            check_format(stream.value())
            found_format = True
        elif name == "version":
            check_version(stream.value())
            found_version = True
        elif name == "areas":
            yield from _list(stream, top.key(name), _area)
        elif name == "participants":
            yield from _list(stream, top.key(name), _record(_participant, ParticipantPart))
        elif name == "meetings":
            yield from _list(stream, top.key(name), _record(_meeting, MeetingPart))
        elif name == "actions":
            yield from _list(stream, top.key(name), _record(_action, ActionPart))
        else:
            stream.skip()
    stream.end()
    if not found_format:
        check_format(None)
    if not found_version:
        check_version(None)


Element = Callable[[JsonStream, _Path, int], Iterator[Part]]


def _list(stream: JsonStream, path: _Path, element: Element) -> Iterator[Part]:
    """The parts of a list's elements; null stands for an empty list."""
    if stream.peek() != "[":
        if stream.value() is None:
            return
        raise path.fail(N_("expected a list"))
    for index in stream.elements():
        yield from element(stream, path.index(index), index)


def _record(validate: Callable[[Any, _Path], Any], part: Callable[[int, Any], Part]) -> Element:
    def element(stream: JsonStream, path: _Path, index: int) -> Iterator[Part]:
        yield part(index, validate(stream.value(), path))

    return element


def _area(stream: JsonStream, path: _Path, index: int) -> Iterator[Part]:
    """An area's topics one by one, and its header: before its topics when its key and title come first."""
    if stream.peek() != "{":
        stream.value()
        raise path.fail(N_("expected an object"))
    header: dict[str, Any] = {}
    announced = False
    for name in stream.members():
        if name != "topics":
            header[name] = stream.value()
            continue
        if "key" in header and "title" in header and not announced:
            yield AreaHeader(index, *_area_header(header, path))
            announced = True

        def topic(stream: JsonStream, here: _Path, position: int) -> Iterator[Part]:
            yield TopicPart(index, position, _topic(stream.value(), here))

        yield from _list(stream, path.key("topics"), topic)
    if not announced:
        yield AreaHeader(index, *_area_header(header, path))
