"""The outline snapshot: every demo pack's outline reads back equal, compactly; damaged data is refused."""

from __future__ import annotations

import dataclasses
import json
import zlib
from pathlib import Path

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.assemble.outline import Cover, Outline, Text
from briefing.history.codec import SnapshotError, decode_outline, encode_outline
from briefing.model.enums import CopyType, PackMode
from briefing.store import Library


@pytest.mark.parametrize("mode", ["en", "fr", "bilingual"])
@pytest.mark.parametrize("copy", ["internal", "external"])
def test_outline_reads_back_equal(sample_library: Library, mode: str, copy: str) -> None:
    with sample_library.reading() as uow:
        outline = assemble(uow, PackRequest("jha-test", mode, copy, allow_missing=True))
    outline = dataclasses.replace(
        outline, copy_line=(Text("Copy 1 of 2 — Anne", "en"),)[: len(outline.languages)]
    )
    data = encode_outline(outline)
    assert decode_outline(data) == outline
    assert len(data) < len(repr(outline)) / 4


def test_a_snapshot_from_a_newer_version_or_damaged_is_refused() -> None:
    with pytest.raises(SnapshotError, match="newer version"):
        decode_outline(zlib.compress(b'{"format": 99, "outline": {}}'))
    with pytest.raises(SnapshotError, match="cannot be read"):
        decode_outline(b"not a snapshot")
    with pytest.raises(SnapshotError, match="cannot be read"):
        decode_outline(zlib.compress(b'{"format": 1, "outline": {"meeting_slug": 3}}'))


def test_a_snapshot_in_the_first_format_still_reads(sample_library: Library) -> None:
    """Records made before the compact format (each record an object of its fields) read back as they were."""
    data = (Path(__file__).parents[1] / "data" / "history" / "outline-format-1.zlib").read_bytes()
    assert json.loads(zlib.decompress(data))["format"] == 1
    outline = decode_outline(data)
    with sample_library.reading() as uow:
        current = assemble(uow, PackRequest("jha-test", "bilingual", "internal", allow_missing=True))
    assert outline.meeting_slug == "jha-test" and outline.languages == ("en", "fr")
    assert [section.title for section in outline.sections] == [section.title for section in current.sections]
    # the text table has grown rows since (policy areas); every row it had then is still one now
    assert outline.texts and {(r.block_id, r.part) for r in outline.texts} <= {
        (r.block_id, r.part) for r in current.texts
    }
    assert decode_outline(encode_outline(outline)) == outline


def test_the_compact_format_names_each_records_fields_once() -> None:
    outline = Outline(
        meeting_slug="m",
        mode=PackMode.EN,
        languages=("en",),
        copy=CopyType.INTERNAL,
        marking=None,
        cover=Cover(
            *(((Text("x", "en"),),) * 4), prepared_by="", copy_label=(), marking=None, generated_on=()
        ),
        contents=(),
        objectives=(),
        agenda=(),
        sections=(),
        participants=(),
        actions=(),
        sources=(),
    )
    document = json.loads(zlib.decompress(encode_outline(outline)))
    assert document["format"] == 2
    assert document["fields"]["Cover"][:3] == ["pack_label", "title", "dates"]
    assert isinstance(document["outline"], list) and document["outline"][0] == "m"
    assert decode_outline(encode_outline(outline)) == outline
    # a field the snapshot does not know takes its default; one the class no longer has is ignored
    document["fields"]["Outline"] = [*document["fields"]["Outline"][:-1], "retired_field"]
    changed = decode_outline(zlib.compress(json.dumps(document).encode()))
    assert changed == outline
    document["outline"] = document["outline"][:-1]
    with pytest.raises(SnapshotError, match="cannot be read"):
        decode_outline(zlib.compress(json.dumps(document).encode()))


def test_a_snapshot_written_step_by_step_is_the_one_written_at_once(big_library: Library) -> None:
    import json

    from briefing.export import assemble_pack
    from briefing.history.codec import FORMAT, _encoder, _field_table
    from briefing.progress import stepper
    from tests.support.big_meeting import MEETING

    outline = assemble_pack(big_library, PackRequest(MEETING, "bilingual", "internal", True))
    seen: list[float] = []
    data = encode_outline(outline, step=stepper(seen.append))
    whole = json.dumps(
        {"format": FORMAT, "fields": _field_table(Outline), "outline": _encoder(Outline)(outline)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert data == zlib.compress(whole.encode("utf-8"), 3)
    assert decode_outline(data) == outline
    assert seen == sorted(seen) and len(set(seen)) >= 10  # section by section, chunk by chunk
