"""Fixtures for the Word renderer: outlines of the sample meeting, and a second reader for .docx files.

The second reader opens the package with zipfile and parses its parts with lxml, independently of
python-docx, so the tests check what is in the file rather than what python-docx makes of it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from lxml import etree

from briefing.assemble import Outline, PackRequest, assemble
from briefing.store import Library

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W_NS, "r": R_NS}
TODAY = dt.date(2024, 6, 1)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class DocxFile:
    """A .docx read with zipfile and lxml only."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.parts[name])

    @property
    def document(self) -> Any:
        return self.xml("word/document.xml")

    @property
    def body(self) -> Any:
        return self.document.find(w("body"))

    @staticmethod
    def paragraph_text(paragraph: Any) -> str:
        return "".join(t.text or "" for t in paragraph.iter(w("t")))

    def paragraphs(self, root: Any = None) -> list[str]:
        root = self.body if root is None else root
        return [self.paragraph_text(p) for p in root.iter(w("p"))]

    def text(self, root: Any = None) -> str:
        return "\n".join(self.paragraphs(root))

    def styled(self, style_id: str) -> list[str]:
        """Texts of the body paragraphs with the given style id."""
        return [
            self.paragraph_text(p)
            for p in self.body.iter(w("p"))
            if p.find("w:pPr/w:pStyle", NS) is not None
            and p.find("w:pPr/w:pStyle", NS).get(w("val")) == style_id
        ]

    def relationship_targets(self) -> dict[str, str]:
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        return {rel.get("Id"): "word/" + rel.get("Target") for rel in rels}

    def header_footer_name(self, kind: str, which: str) -> str:
        """The part name of the header or footer (``kind`` "header"/"footer") of type ``which``."""
        section = self.body.find(w("sectPr"))
        for reference in section.findall(w(f"{kind}Reference")):
            if reference.get(w("type")) == which:
                return self.relationship_targets()[reference.get(f"{{{R_NS}}}id")]
        raise AssertionError(f"no {which} {kind}")

    def header_footer(self, kind: str, which: str) -> Any:
        """The header or footer (``kind`` "header"/"footer") of type ``which`` ("default", "first")."""
        return self.xml(self.header_footer_name(kind, which))

    def part_relationships(self, name: str) -> dict[str, str]:
        """Relationship ids of the part ``name`` and the part names they point to."""
        folder, _, file = name.rpartition("/")
        rels = etree.fromstring(self.parts[f"{folder}/_rels/{file}.rels"])
        return {rel.get("Id"): f"{folder}/{rel.get('Target')}" for rel in rels}

    def runs_with(self, text: str, root: Any = None) -> list[Any]:
        root = self.body if root is None else root
        return [r for r in root.iter(w("r")) if text in "".join(t.text or "" for t in r.iter(w("t")))]

    @staticmethod
    def lang(run: Any) -> str | None:
        found = run.find("w:rPr/w:lang", NS)
        return None if found is None else found.get(w("val"))


@pytest.fixture
def make_outline(sample_library: Library) -> Callable[..., Outline]:
    """The outline of the sample meeting in a mode and copy type (missing translations allowed)."""

    def make(mode: str = "en", copy: str = "internal") -> Outline:
        with sample_library.unit_of_work() as uow:
            return assemble(uow, PackRequest("jha-test", mode, copy, allow_missing=True, today=TODAY))

    return make


@pytest.fixture
def read_docx() -> Callable[[bytes], DocxFile]:
    return DocxFile
