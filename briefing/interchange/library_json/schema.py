"""Validation of a library JSON document into plain records, naming the JSON path of the first problem."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from briefing.errors import N_, InterchangeError, Message
from briefing.model.enums import ActionStatus, ItemKind, Marking, MeetingKind, TextStatus

FORMAT_NAME = "briefing-library"
FORMAT_VERSION = 1
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
KEY = re.compile(r"^\S(.{0,198}\S)?$")
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
LANGUAGE_CODE_LENGTH = 8
"""The longest language code the library stores."""
SHORT_TEXT = 200
"""The most characters of a key, an owner, a source or a preset's name (names and organisations: 300)."""
NAME = 300
MAX_NUMBER_DIGITS = 20
"""Most digits a number in a library file may have."""

TextMap = dict[str, str]
"""A text in each language it is written in."""
ShortText = TextMap
"""A short field (an owner, a source, an organisation, who prepared a pack) in each language it is written in;
the file gives it as a plain string (the source-language text) or as an object like any text."""


@dataclass
class ItemRecord:
    key: str | None
    kind: ItemKind
    text: TextMap | None
    question: TextMap | None
    answer: TextMap | None
    marking: Marking | None
    internal: bool
    status: dict[str, TextStatus]
    stale: list[str] = field(default_factory=list)


@dataclass
class ActionRecord:
    key: str | None
    text: TextMap
    owner: ShortText | None
    deadline: dt.date | None
    status: ActionStatus
    source: ShortText | None
    text_status: dict[str, TextStatus]
    stale: list[str] = field(default_factory=list)


@dataclass
class TopicRecord:
    key: str
    title: TextMap
    owner: ShortText | None
    tags: list[str]
    marking: Marking | None
    reviewed_on: dt.date | None
    sources: list[ShortText]
    source_language: str
    items: list[ItemRecord]
    actions: list[ActionRecord]


@dataclass
class AreaRecord:
    key: str
    title: TextMap
    topics: list[TopicRecord]


@dataclass
class ParticipantRecord:
    key: str
    name: str
    organisation: ShortText | None
    function: TextMap
    bio: TextMap


@dataclass
class AgendaRecord:
    title: TextMap
    topics: list[str]
    items: list[str] | None


@dataclass
class PresetRecord:
    name: str
    agenda: list[list[str]]


@dataclass
class MeetingRecord:
    slug: str
    kind: MeetingKind
    title: TextMap
    location: TextMap
    starts_on: dt.date | None
    ends_on: dt.date | None
    prepared_by: ShortText | None
    participants: list[str]
    objectives: list[TextMap]
    agenda: list[AgendaRecord]
    presets: list[PresetRecord] = field(default_factory=list)


@dataclass
class LibraryDocument:
    areas: list[AreaRecord]
    participants: list[ParticipantRecord]
    meetings: list[MeetingRecord]
    actions: list[ActionRecord]


class _Path:
    """A JSON path under construction, e.g. ``areas[0].topics[3].items[1].kind``.

    Its text is spelt out only when asked for (in an error message): validating a large file makes a path for
    every value it checks and nearly never needs one.
    """

    __slots__ = ("_parent", "_part", "_text")

    def __init__(self, text: str = "", parent: _Path | None = None, part: str | int = "") -> None:
        self._text: str | None = text if parent is None else None
        self._parent = parent
        self._part = part

    @property
    def text(self) -> str:
        if self._text is None:
            assert self._parent is not None
            parent = self._parent.text
            if isinstance(self._part, int):
                self._text = f"{parent}[{self._part}]"
            else:
                self._text = f"{parent}.{self._part}" if parent else self._part
        return self._text

    def key(self, name: str) -> _Path:
        return _Path(parent=self, part=name)

    def index(self, i: int) -> _Path:
        return _Path(parent=self, part=i)

    def fail(self, msgid: str, **params: Any) -> InterchangeError:
        """An error naming this path and the problem found there."""
        return InterchangeError(
            N_("{path}: {problem}"), path=self.text or "(top)", problem=Message(msgid, **params)
        )

    def __str__(self) -> str:
        return self.text


class UnreadableError(Exception):
    """Raised from inside the JSON parser for a document no library file can be."""

    def __init__(self, problem: Message) -> None:
        super().__init__(problem.msgid)
        self.problem = problem


def parse_json(text: str) -> Any:
    """Parse a whole JSON document as :data:`LIBRARY_DECODER` does; nesting deeper than Python can follow is an
    error too."""
    try:
        return LIBRARY_DECODER.decode(text)
    except RecursionError as exc:
        raise too_deep() from exc


def too_deep() -> UnreadableError:
    return UnreadableError(Message(N_("the JSON is nested too deeply to be a library file")))


def repeated_key(name: str) -> UnreadableError:
    return UnreadableError(Message(N_('the key "{key}" appears twice in the same object'), key=name))


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise repeated_key(name)
        result[name] = value
    return result


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise UnreadableError(Message(N_("a number has more than {most} digits"), most=MAX_NUMBER_DIGITS))
    return int(digits)


def _decimal_number(digits: str) -> float:
    if len(digits) > MAX_NUMBER_DIGITS * 2:
        raise UnreadableError(Message(N_("a number has more than {most} digits"), most=MAX_NUMBER_DIGITS * 2))
    return float(digits)


def _no_constant(name: str) -> Any:
    raise UnreadableError(Message(N_("{value} is not a number JSON allows"), value=name))


LIBRARY_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_without_repeats,
    parse_int=_whole_number,
    parse_float=_decimal_number,
    parse_constant=_no_constant,
)
"""Parses JSON the way a library file is read: a repeated key in an object, a number longer than
:data:`MAX_NUMBER_DIGITS`, NaN or Infinity are errors (raising :class:`UnreadableError`)."""


def validate(data: Any) -> LibraryDocument:
    """Check a whole document and turn it into records; the first problem raises with its JSON path."""
    top = _Path()
    obj = _object(data, top)
    check_format(obj.get("format"))
    check_version(obj.get("version"))
    areas = [_area(a, p) for a, p in _list(obj, "areas", top)]
    participants = [_participant(x, p) for x, p in _list(obj, "participants", top)]
    meetings = [_meeting(x, p) for x, p in _list(obj, "meetings", top)]
    actions = [_action(x, p) for x, p in _list(obj, "actions", top)]
    document = LibraryDocument(areas, participants, meetings, actions)
    _check_unique_keys(document)
    return document


def check_format(value: Any) -> None:
    if value != FORMAT_NAME:
        raise _Path("format").fail(N_('expected "{expected}"'), expected=FORMAT_NAME)


def check_version(version: Any) -> None:
    here = _Path("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise here.fail(N_("expected a whole number"))
    if version > FORMAT_VERSION:
        raise here.fail(
            N_("version {version} is newer than this application reads ({supported})"),
            version=version,
            supported=FORMAT_VERSION,
        )
    if version < 1:
        raise here.fail(N_("unknown version {version}"), version=version)


def _object(value: Any, path: _Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise path.fail(N_("expected an object"))
    return value


def _list(obj: dict[str, Any], name: str, path: _Path, required: bool = False) -> list[tuple[Any, _Path]]:
    here = path.key(name)
    if name not in obj or obj[name] is None:
        if required:
            raise here.fail(N_("missing"))
        return []
    value = obj[name]
    if not isinstance(value, list):
        raise here.fail(N_("expected a list"))
    return [(entry, here.index(i)) for i, entry in enumerate(value)]


def _checked_text(value: str, here: _Path, limit: int | None = None) -> str:
    """``value`` when the library can store it: at most ``limit`` characters, no NUL, no lone surrogate."""
    if limit is not None and len(value) > limit:
        raise here.fail(N_("too long: {length} characters, at most {limit}"), length=len(value), limit=limit)
    bad = _NOT_TEXT.search(value)
    if bad is not None:
        raise here.fail(
            N_("holds the character U+{code}, which cannot be stored"), code=f"{ord(bad.group()):04X}"
        )
    return value


def _string(
    obj: dict[str, Any],
    name: str,
    path: _Path,
    *,
    required: bool = False,
    key: bool = False,
    limit: int | None = SHORT_TEXT,
) -> str | None:
    here = path.key(name)
    value = obj.get(name)
    if value is None:
        if required:
            raise here.fail(N_("missing"))
        return None
    if not isinstance(value, str):
        raise here.fail(N_("expected text"))
    _checked_text(value, here, limit)
    if key and not KEY.match(value):
        raise here.fail(N_("a key must be 1 to 200 characters without surrounding spaces"))
    if required and not value.strip():
        raise here.fail(N_("must not be empty"))
    return value


def _required(
    obj: dict[str, Any], name: str, path: _Path, *, key: bool = False, limit: int = SHORT_TEXT
) -> str:
    value = _string(obj, name, path, required=True, key=key, limit=limit)
    assert value is not None
    return value


def _strings(obj: dict[str, Any], name: str, path: _Path) -> list[str]:
    values = []
    for value, here in _list(obj, name, path):
        if not isinstance(value, str):
            raise here.fail(N_("expected text"))
        values.append(_checked_text(value, here))
    return values


def _short_text(value: Any, here: _Path, source_lang: str, limit: int) -> ShortText | None:
    """A short field: a plain string is its source-language text; an object gives it per language."""
    if value is None:
        return None
    if isinstance(value, str):
        _checked_text(value, here, limit)
        return {source_lang: value} if value.strip() else None
    texts = {lang: text for lang, text in _language_map(value, here).items() if text.strip()}
    for lang, text in texts.items():
        _checked_text(text, here.key(lang), limit)
    if not texts:
        return None
    if source_lang not in texts:
        raise here.key(source_lang).fail(N_("missing: the text in the source language is needed"))
    return texts


def _short(
    obj: dict[str, Any], name: str, path: _Path, source_lang: str, limit: int = SHORT_TEXT
) -> ShortText | None:
    return _short_text(obj.get(name), path.key(name), source_lang, limit)


def _shorts(obj: dict[str, Any], name: str, path: _Path, source_lang: str) -> list[ShortText]:
    found = (_short_text(value, here, source_lang, SHORT_TEXT) for value, here in _list(obj, name, path))
    return [texts for texts in found if texts is not None]


def _text_map(obj: dict[str, Any], name: str, path: _Path, *, required: bool = False) -> TextMap:
    here = path.key(name)
    value = obj.get(name)
    if value is None:
        if required:
            raise here.fail(N_("missing"))
        return {}
    return _language_map(value, here)


def _date(obj: dict[str, Any], name: str, path: _Path) -> dt.date | None:
    value = _string(obj, name, path)
    if value is None:
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise path.key(name).fail(N_('"{value}" is not a date (YYYY-MM-DD)'), value=value) from exc


def _choice(obj: dict[str, Any], name: str, path: _Path, enum_cls: Any, default: Any, what: str) -> Any:
    value = obj.get(name)
    if value is None:
        return default
    try:
        return enum_cls(value)
    except ValueError as exc:
        raise path.key(name).fail(N_('unknown {what} "{value}"'), what=what, value=value) from exc


def _bool(obj: dict[str, Any], name: str, path: _Path) -> bool:
    value = obj.get(name, False)
    if not isinstance(value, bool):
        raise path.key(name).fail(N_("expected true or false"))
    return value


def _statuses(obj: dict[str, Any], path: _Path, name: str = "status") -> dict[str, TextStatus]:
    here = path.key(name)
    value = obj.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise here.fail(N_("expected an object from language code to status"))
    statuses = {}
    for lang, status in value.items():
        try:
            statuses[lang] = TextStatus(status)
        except ValueError as exc:
            raise here.key(lang).fail(N_('unknown status "{value}"'), value=status) from exc
    return statuses


def _languages(obj: dict[str, Any], name: str, path: _Path) -> list[str]:
    """A list of language codes, e.g. the languages whose translation is out of date (``"stale": ["fr"]``)."""
    languages = _strings(obj, name, path)
    for index, lang in enumerate(languages):
        if not _is_language_code(lang):
            raise path.key(name).index(index).fail(N_('"{lang}" is not a language code'), lang=lang)
    return languages


def _item(value: Any, path: _Path) -> ItemRecord:
    obj = _object(value, path)
    kind = _choice(obj, "kind", path, ItemKind, None, "kind")
    if kind is None:
        raise path.key("kind").fail(N_("missing"))
    text = question = answer = None
    if kind is ItemKind.QA:
        question = _text_map(obj, "question", path, required=True)
        answer = _text_map(obj, "answer", path, required=True)
    else:
        text = _text_map(obj, "text", path, required=True)
    return ItemRecord(
        key=_string(obj, "key", path, key=True),
        kind=kind,
        text=text,
        question=question,
        answer=answer,
        marking=_choice(obj, "marking", path, Marking, None, "marking"),
        internal=_bool(obj, "internal", path),
        status=_statuses(obj, path),
        stale=_languages(obj, "stale", path),
    )


def _action(value: Any, path: _Path, source_lang: str = "en") -> ActionRecord:
    obj = _object(value, path)
    return ActionRecord(
        key=_string(obj, "key", path, key=True),
        text=_text_map(obj, "text", path, required=True),
        owner=_short(obj, "owner", path, source_lang),
        deadline=_date(obj, "deadline", path),
        status=_choice(obj, "status", path, ActionStatus, ActionStatus.OPEN, "status"),
        source=_short(obj, "source", path, source_lang),
        text_status=_statuses(obj, path, "text_status"),
        stale=_languages(obj, "stale", path),
    )


def _topic(value: Any, path: _Path) -> TopicRecord:
    obj = _object(value, path)
    source_language = _string(obj, "source_language", path) or "en"
    if not _is_language_code(source_language):
        raise path.key("source_language").fail(N_('"{lang}" is not a language code'), lang=source_language)
    return TopicRecord(
        key=_required(obj, "key", path, key=True),
        title=_text_map(obj, "title", path, required=True),
        owner=_short(obj, "owner", path, source_language),
        tags=_strings(obj, "tags", path),
        marking=_choice(obj, "marking", path, Marking, None, "marking"),
        reviewed_on=_date(obj, "reviewed_on", path),
        sources=_shorts(obj, "sources", path, source_language),
        source_language=source_language,
        items=[_item(x, p) for x, p in _list(obj, "items", path)],
        actions=[_action(x, p) for x, p in _list(obj, "actions", path)],
    )


def _area(value: Any, path: _Path) -> AreaRecord:
    obj = _object(value, path)
    key, title = _area_header(obj, path)
    return AreaRecord(key=key, title=title, topics=[_topic(x, p) for x, p in _list(obj, "topics", path)])


def _area_header(obj: dict[str, Any], path: _Path) -> tuple[str, TextMap]:
    """An area's key and title (everything but its topics)."""
    return _required(obj, "key", path, key=True), _text_map(obj, "title", path, required=True)


def _participant(value: Any, path: _Path) -> ParticipantRecord:
    obj = _object(value, path)
    return ParticipantRecord(
        key=_required(obj, "key", path, key=True),
        name=_required(obj, "name", path, limit=NAME),
        organisation=_short(obj, "organisation", path, "en", NAME),
        function=_text_map(obj, "function", path),
        bio=_text_map(obj, "bio", path),
    )


def _agenda(value: Any, path: _Path) -> AgendaRecord:
    obj = _object(value, path)
    items = _strings(obj, "items", path) if obj.get("items") is not None else None
    topics = _strings(obj, "topics", path)
    _no_repeats(topics, path.key("topics"))
    if items is not None:
        _no_repeats(items, path.key("items"))
    return AgendaRecord(title=_text_map(obj, "title", path, required=True), topics=topics, items=items)


def _no_repeats(values: list[str], path: _Path) -> None:
    """A list of keys names each one once (a meeting's participants, an agenda item's topics, …)."""
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise path.index(index).fail(
                N_('"{key}" is already listed at {first}'), key=value, first=path.index(seen[value])
            )
        seen[value] = index


def _preset(value: Any, path: _Path) -> PresetRecord:
    obj = _object(value, path)
    agenda = []
    for entry, here in _list(obj, "agenda", path):
        if not isinstance(entry, list) or not all(isinstance(k, str) for k in entry):
            raise here.fail(N_("expected a list of item keys"))
        agenda.append(list(entry))
    return PresetRecord(name=_required(obj, "name", path), agenda=agenda)


def _meeting(value: Any, path: _Path) -> MeetingRecord:
    obj = _object(value, path)
    starts_on = _date(obj, "starts_on", path)
    ends_on = _date(obj, "ends_on", path)
    if starts_on and ends_on and ends_on < starts_on:
        raise path.key("ends_on").fail(N_("the meeting ends before it starts"))
    objectives = []
    for entry, here in _list(obj, "objectives", path):
        objectives.append(_language_map(entry, here))
    participants = _strings(obj, "participants", path)
    _no_repeats(participants, path.key("participants"))
    presets = [_preset(x, p) for x, p in _list(obj, "presets", path)]
    _no_repeats([preset.name for preset in presets], path.key("presets"))
    return MeetingRecord(
        slug=_required(obj, "slug", path, key=True),
        kind=_choice(obj, "kind", path, MeetingKind, MeetingKind.OTHER, "meeting kind"),
        title=_text_map(obj, "title", path, required=True),
        location=_text_map(obj, "location", path),
        starts_on=starts_on,
        ends_on=ends_on,
        prepared_by=_short(obj, "prepared_by", path, "en", NAME),
        participants=participants,
        objectives=objectives,
        agenda=[_agenda(x, p) for x, p in _list(obj, "agenda", path)],
        presets=presets,
    )


def _language_map(value: Any, path: _Path) -> TextMap:
    """A text map: an object from language code to text."""
    if not isinstance(value, dict):
        raise path.fail(N_('expected an object from language code to text, e.g. {{"en": "…"}}'))
    for lang, text in value.items():
        if not _is_language_code(lang):
            raise path.key(lang).fail(N_('"{lang}" is not a language code'), lang=lang)
        if not isinstance(text, str):
            raise path.key(lang).fail(N_("expected text"))
        _checked_text(text, path.key(lang))
    return dict(value)


def _is_language_code(text: str) -> bool:
    return len(text) <= LANGUAGE_CODE_LENGTH and LANGUAGE_CODE.match(text) is not None


class KeyRegistry:
    """Keys met so far, by kind, with the JSON path where each was first used: a key is unique within its kind."""

    KINDS = ("area", "topic", "item", "action", "participant", "meeting")

    def __init__(self) -> None:
        self.seen: dict[str, dict[str, str]] = {kind: {} for kind in self.KINDS}

    def claim(self, kind: str, key: str | None, path: str) -> None:
        if key is None:
            return
        seen = self.seen[kind]
        if key in seen:
            raise _Path(path).fail(
                N_('duplicate {kind} key "{key}" (first used at {first})'),
                kind=kind,
                key=key,
                first=seen[key],
            )
        seen[key] = path

    def topic(self, topic: TopicRecord, path: str) -> None:
        """Claim a topic's key and the keys of its items and actions."""
        self.claim("topic", topic.key, f"{path}.key")
        for i, item in enumerate(topic.items):
            self.claim("item", item.key, f"{path}.items[{i}].key")
        for i, action in enumerate(topic.actions):
            self.claim("action", action.key, f"{path}.actions[{i}].key")


def _check_unique_keys(document: LibraryDocument) -> None:
    keys = KeyRegistry()
    for a, area in enumerate(document.areas):
        keys.claim("area", area.key, f"areas[{a}].key")
        for t, topic in enumerate(area.topics):
            keys.topic(topic, f"areas[{a}].topics[{t}]")
    for i, action in enumerate(document.actions):
        keys.claim("action", action.key, f"actions[{i}].key")
    for p, participant in enumerate(document.participants):
        keys.claim("participant", participant.key, f"participants[{p}].key")
    for m, meeting in enumerate(document.meetings):
        keys.claim("meeting", meeting.slug, f"meetings[{m}].slug")
