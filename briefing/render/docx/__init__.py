"""The Word pack: an :class:`~briefing.assemble.Outline` in, a .docx out.

::

    warnings = render_docx(outline, Path("pack.docx"))                      # house look
    warnings = render_docx(outline, Path("pack.docx"), template=Path("ministry.dotx"))

The pack is built in the house package or in a copy of a Word template (:mod:`.package`), with the house
styles filling what the template lacks (:mod:`.styles`), a bullet list definition (:mod:`.numbering`),
headers and footers (:mod:`.layout`) and the document properties and settings (:mod:`.properties`); the body,
written from the outline by :mod:`.writer`, is streamed into the file when it is saved (:mod:`.archive`). The
file is written through :func:`briefing.files.atomic_output`: it appears complete or not at all, and an
existing file is left untouched when anything fails.

Other modules: :mod:`.xml` (namespaces, text cleaning, run and paragraph builders), :mod:`.fields` (TOC,
PAGE, NUMPAGES), :mod:`.tables`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from briefing.assemble.outline import Outline
from briefing.errors import Message
from briefing.files import atomic_output
from briefing.render.docx.package import TemplateError

__all__ = ["Pack", "TemplateError", "build_pack", "docx_bytes", "render_docx"]


@dataclass
class Pack:
    """A pack ready to be saved: its package, and its body still to be written (it is written once)."""

    document: Any
    """The python-docx ``Document`` holding every part but the body's content."""
    body: Iterable[str]
    warnings: list[Message] = field(default_factory=list)

    def save(self, target: Path | IO[bytes]) -> None:
        """Write the .docx to ``target`` (a path or a binary stream)."""
        from briefing.render.docx.archive import write_package

        write_package(self.document, self.body, target)


def build_pack(outline: Outline, template: Path | None = None, *, now: dt.datetime | None = None) -> Pack:
    """Prepare the Word pack of ``outline``, in ``template`` when given; ``now`` dates its properties."""
    from briefing.render.docx.layout import add_headers_and_footers, text_width
    from briefing.render.docx.numbering import add_bullet_list
    from briefing.render.docx.package import (
        numbering_element,
        open_package,
        prepare_package,
        settings_element,
        styles_element,
    )
    from briefing.render.docx.properties import (
        even_and_odd_headers,
        set_app_properties,
        set_core_properties,
        set_settings,
    )
    from briefing.render.docx.styles import apply_styles
    from briefing.render.docx.writer import PackWriter

    document, warnings = open_package(template)
    prepare_package(document)
    styles, style_warnings = apply_styles(
        styles_element(document), outline.primary_language, template=template is not None
    )
    bullets = add_bullet_list(numbering_element(document))
    settings = settings_element(document)
    set_settings(settings, outline.primary_language)
    add_headers_and_footers(document, outline, styles, even_pages=even_and_odd_headers(settings))
    set_core_properties(document, outline, now)
    set_app_properties(document)
    writer = PackWriter(outline, styles, bullets, text_width(document.sections[-1]))
    return Pack(document, writer.chunks(), warnings + style_warnings)


def render_docx(
    outline: Outline, path: Path, *, template: Path | None = None, now: dt.datetime | None = None
) -> list[Message]:
    """Write the Word pack of ``outline`` to ``path``; returns warnings (e.g. styles a template lacks).

    ``now`` dates the document's properties (default: the present moment); with the same outline, template and
    ``now`` the file is the same, byte for byte.

    Raises :class:`TemplateError` when the template cannot be used and :class:`~briefing.files.OutputError`
    when the file cannot be written; then nothing is left at ``path`` but what was there before.
    """
    pack = build_pack(outline, template, now=now)
    with atomic_output(Path(path)) as temporary:
        pack.save(temporary)
    return pack.warnings


def docx_bytes(outline: Outline, template: Path | None = None, *, now: dt.datetime | None = None) -> bytes:
    """The Word pack of ``outline`` as bytes (for tests and previews)."""
    stream = io.BytesIO()
    build_pack(outline, template, now=now).save(stream)
    return stream.getvalue()
