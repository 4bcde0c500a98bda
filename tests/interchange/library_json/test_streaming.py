"""Library files read and written a piece at a time: the same documents, the same errors, in bounded memory."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import InterchangeError
from briefing.interchange.library_json import (
    check_library_file,
    export_document,
    import_checked_file,
    import_document,
    import_library_json,
    json_stream_reader,
    read_document,
    rows,
    validate,
    write_library_json,
)
from briefing.interchange.library_json.json_stream_reader import DuplicateKeyError, JsonStream
from briefing.interchange.library_json.json_stream_writer import LazyList, json_chunks
from briefing.interchange.library_json.schema import LIBRARY_DECODER
from briefing.store import Library, text_blocks


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read files 7 bytes at a time, so values and UTF-8 sequences straddle every kind of boundary."""
    monkeypatch.setattr(json_stream_reader, "CHUNK", 7)


def write(tmp_path: Path, text: str, name: str = "library.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_streamed_reading_gives_the_document_json_loads_gives(
    tmp_path: Path, sample_document: dict[str, Any], tiny_chunks: None
) -> None:
    path = write(tmp_path, json.dumps(sample_document, ensure_ascii=False, indent=1))
    assert read_document(path) == validate(sample_document)


def test_members_in_any_order(library: Library, sample_document: dict[str, Any], tmp_path: Path) -> None:
    """Topics before their area's key, meetings before the participants and topics they name, format last."""
    shuffled: dict[str, Any] = {
        "meetings": sample_document["meetings"],
        "areas": [{"topics": area["topics"], "title": area["title"], "key": area["key"]}
                  for area in sample_document["areas"]],
        "participants": sample_document["participants"],
        "actions": sample_document["actions"],
        "unknown": {"nested": [1, 2, {"a": None}]},
        "version": 1,
        "format": "briefing-library",
    }  # fmt: skip
    path = write(tmp_path, json.dumps(shuffled, ensure_ascii=False))
    import_library_json(library, path)
    with library.reading() as uow:
        assert export_document(uow) == sample_document


def test_streamed_export_is_byte_for_byte_json_dumps(
    sample_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rows, "TOPIC_BATCH", 1)
    monkeypatch.setattr(text_blocks, "ID_CHUNK", 3)
    path = tmp_path / "library.json"
    summary = write_library_json(sample_library, path)
    with sample_library.reading() as uow:
        document = export_document(uow)
    assert path.read_text(encoding="utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert summary.counts["topics"] == 2 and summary.counts["items"] == 8 and summary.counts["meetings"] == 2
    import hashlib

    assert summary.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_in_many_small_batches(
    library: Library, sample_document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.interchange.library_json import importer

    monkeypatch.setattr(importer, "BATCH_RECORDS", 2)
    path = write(tmp_path, json.dumps(sample_document))
    summary = import_library_json(library, path)
    assert summary.created["items"] == 8
    with library.reading() as uow:
        assert export_document(uow) == sample_document
    again = import_library_json(library, path)  # everything is found by key and updated
    assert again.created == {} and again.updated["items"] == 8


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": []},
        {"a": {}},
        [1, -2, 2.5, 1e100, True, False, None, 'é\u2028"\\\x01', [[]], [{}]],
        {"é": {"b": [1, {"c": None}]}},
    ],
)
def test_json_chunks_write_what_json_dumps_writes(value: Any) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert "".join(json_chunks(value)) == expected
    assert "".join(json_chunks(value, 2)) == expected.replace("\n", "\n    ")
    lazy = {"x": LazyList(iter([value])), "y": LazyList(iter([]))}
    assert "".join(json_chunks(lazy)) == json.dumps({"x": [value], "y": []}, ensure_ascii=False, indent=2)


def _decode(text: str, chunk: int) -> Any:
    """Walk ``text`` with the streaming reader, building it back, ``chunk`` bytes read at a time."""
    original = json_stream_reader.CHUNK
    json_stream_reader.CHUNK = chunk
    try:
        stream = JsonStream(io.BytesIO(text.encode("utf-8")), LIBRARY_DECODER)

        def walk() -> Any:
            char = stream.peek()
            if char == "{":
                return {name: walk() for name in stream.members()}
            if char == "[":
                return [walk() for _ in stream.elements()]
            return stream.value()

        value = walk()
        stream.end()
        return value
    finally:
        json_stream_reader.CHUNK = original


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=json_values, cut=st.integers(0, 10_000), junk=st.sampled_from(["", "x", "}", ",", "]", '"', "\\"]),
       chunk=st.integers(1, 9), indent=st.sampled_from([None, 1]))  # fmt: skip
def test_the_same_values_and_the_same_errors_as_json_loads(
    value: Any, cut: int, junk: str, chunk: int, indent: int | None
) -> None:
    """Whole documents come back equal; cut or spoilt ones fail with json's own message, line and column."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    assert _decode(text, chunk) == value
    broken = text[: cut % (len(text) + 1)] + junk
    try:
        expected: Any = json.loads(broken)
    except json.JSONDecodeError as exc:
        expected = (exc.msg, exc.lineno, exc.colno)
    try:
        found: Any = _decode(broken, chunk)
    except json.JSONDecodeError as exc:
        found = (exc.msg, exc.lineno, exc.colno)
    except DuplicateKeyError:
        # a key repeated before the place where json.loads fails: the stream stops at the first problem
        assert isinstance(expected, tuple), broken
        return
    if isinstance(expected, tuple) and isinstance(found, tuple):
        # the streaming walker names the same place; json's message may differ for a cut-off object or array
        assert found[1:] == expected[1:] or found[0] == "Expecting value", (broken, found, expected)
    else:
        assert found == expected, broken


def test_a_syntax_error_deep_in_a_large_file_names_its_line(tmp_path: Path, tiny_chunks: None) -> None:
    lines = ['{"format": "briefing-library", "version": 1, "participants": [']
    lines += [f'{{"key": "p{i}", "name": "P"}},' for i in range(200)]
    lines += ['{"key": "last", "name": "P" "oops"}]}']
    with pytest.raises(InterchangeError) as caught:
        check_library_file(write(tmp_path, "\n".join(lines)))
    message = caught.value.message("en")
    assert "line 202, column 29" in message and "Expecting ','" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"format": "briefing-library", "version": 1} x', "Extra data"),
        ("\ufeff{}", "Unexpected UTF-8 BOM"),
        ('{"format": "briefing-library", "version": 1, "areas": [{"key": "a", "title": {"en": "A"}, '
         '"topics": [], "topics": []}]}', 'the key "topics" appears twice'),
        ('{"format": "briefing-library", "version": 1, "areas": {}}', "areas: expected a list"),
        ('{"format": "briefing-library", "version": 1, "areas": [7]}', "areas[0]: expected an object"),
        ('{"version": 1, "areas": []}', 'format: expected "briefing-library"'),
        ('{"format": "briefing-library"}', "version: expected a whole number"),
        ("[1, 2]", "(top): expected an object"),
        ('{"format": "briefing-library", "version": 1, "areas": [{"title": {"en": "A"}, "topics": []}]}',
         "areas[0].key: missing"),
    ],
)  # fmt: skip
def test_structural_problems(tmp_path: Path, text: str, fragment: str, tiny_chunks: None) -> None:
    with pytest.raises(InterchangeError) as caught:
        check_library_file(write(tmp_path, text))
    assert fragment in caught.value.message("en")
    assert caught.value.message("fr")


def test_keys_repeated_across_batches_are_refused_before_anything_is_written(
    library: Library, sample_document: dict[str, Any], tmp_path: Path
) -> None:
    broken = copy.deepcopy(sample_document)
    broken["areas"][0]["topics"][1]["items"][0]["key"] = "dt-ltt-1"
    with pytest.raises(
        InterchangeError, match=r"areas\[0\]\.topics\[1\]\.items\[0\]\.key: duplicate item key"
    ):
        import_library_json(library, write(tmp_path, json.dumps(broken)))
    with library.reading() as uow:
        assert uow.areas.count() == 0


def test_a_file_changed_after_it_was_checked_is_not_imported(
    library: Library, sample_document: dict[str, Any], tmp_path: Path
) -> None:
    path = write(tmp_path, json.dumps(sample_document))
    checked = check_library_file(path)
    changed = copy.deepcopy(sample_document)
    changed["areas"][0]["title"]["en"] = "Something else"
    path.write_text(json.dumps(changed), encoding="utf-8")
    with (
        pytest.raises(InterchangeError, match="changed while it was being imported"),
        library.unit_of_work() as uow,
    ):
        import_checked_file(uow, checked)
    with library.reading() as uow:
        assert uow.translations.count() == 0


def test_an_error_met_while_writing_rolls_everything_back(
    library: Library, sample_document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A meeting naming a topic that is neither in the file nor in the library: found only once the topics were
    written, batch by batch; the whole import is undone."""
    from briefing.interchange.library_json import importer

    monkeypatch.setattr(importer, "BATCH_RECORDS", 1)
    broken = copy.deepcopy(sample_document)
    broken["meetings"][0]["agenda"][0]["topics"].append("nowhere")
    with pytest.raises(
        InterchangeError, match=r"meetings\[0\]\.agenda\[0\]\.topics\[\d\]: no topic with key"
    ):
        import_library_json(library, write(tmp_path, json.dumps(broken)))
    with library.reading() as uow:
        assert uow.items.count() == 0 and uow.translations.count() == 0


def test_import_document_and_the_file_import_agree(tmp_path: Path, sample_document: dict[str, Any]) -> None:
    first = Library.open(tmp_path / "one.sqlite")
    second = Library.open(tmp_path / "two.sqlite")
    try:
        with first.unit_of_work() as uow:
            import_document(uow, validate(sample_document))
        import_library_json(second, write(tmp_path, json.dumps(sample_document)))
        with first.reading() as one, second.reading() as two:
            assert export_document(one) == export_document(two)
    finally:
        first.close()
        second.close()
