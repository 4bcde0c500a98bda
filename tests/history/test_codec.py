"""The outline snapshot: every demo pack's outline reads back equal, compactly; damaged data is refused."""

from __future__ import annotations

import dataclasses
import zlib

import pytest

from briefing.assemble import PackRequest, assemble
from briefing.assemble.outline import Text
from briefing.history.codec import SnapshotError, decode_outline, encode_outline
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


def test_a_snapshot_written_step_by_step_is_the_one_written_at_once(big_library: Library) -> None:
    import json

    from briefing.export import assemble_pack
    from briefing.history.codec import FORMAT, _encode
    from briefing.progress import stepper
    from tests.support.big_meeting import MEETING

    outline = assemble_pack(big_library, PackRequest(MEETING, "bilingual", "internal", True))
    seen: list[float] = []
    data = encode_outline(outline, step=stepper(seen.append))
    whole = json.dumps(
        {"format": FORMAT, "outline": _encode(outline)}, ensure_ascii=False, separators=(",", ":")
    )
    assert data == zlib.compress(whole.encode("utf-8"), 3)
    assert decode_outline(data) == outline
    assert seen == sorted(seen) and len(set(seen)) >= 10  # section by section, chunk by chunk
