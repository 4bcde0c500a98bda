"""The HTML preview: the same outline as the Word pack, escaped, language-tagged, flags visible."""

from __future__ import annotations

from html.parser import HTMLParser

from briefing.assemble import PackRequest, assemble
from briefing.operations import set_text
from briefing.render.html import render_html
from briefing.store import Library


def preview(library: Library, mode: str = "en", copy: str = "internal") -> str:
    with library.unit_of_work() as uow:
        return render_html(assemble(uow, PackRequest("jha-test", mode, copy, allow_missing=True)))


class Spans(HTMLParser):
    """Collects (lang, text) of every element with a lang attribute, and checks tags balance."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.texts: list[tuple[str, str]] = []
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "meta"):
            return
        self.open_tags.append(tag)
        self.stack.append(dict(attrs).get("lang"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        assert self.open_tags.pop() == tag
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] and data.strip():
            self.texts.append((self.stack[-1], data))


def parsed(html: str) -> Spans:
    spans = Spans()
    spans.feed(html)
    spans.close()
    assert spans.open_tags == []
    return spans


def test_english_pack_shows_sections_slots_and_marking(sample_library: Library) -> None:
    html = preview(sample_library)
    assert html.count('<p class="marking">LIMITE</p>') == 2
    assert "Agenda item 1 — Drug trafficking" in html
    assert "Lines to take" in html
    assert "Security in ports is a shared responsibility." in html
    assert ("en", "Security in ports is a shared responsibility.") in parsed(html).texts


def test_texts_are_escaped(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        block = uow.items.require("dt-ltt-1").body_id
    assert block is not None
    set_text(sample_library, block, "en", '<script>alert("x")</script> & co')
    html = preview(sample_library)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    parsed(html)


def test_french_pack_tags_languages_and_flags_untranslated_text(sample_library: Library) -> None:
    html = preview(sample_library, "fr")
    texts = parsed(html).texts
    assert ("fr", "La sécurité des ports est une responsabilité partagée.") in texts
    assert '<html lang="fr">' in html
    assert "Point 1 de l’ordre du jour" in html or "Point 1 de l'ordre du jour" in html
    # the internal background has no French: the English stands in, flagged, tagged English
    assert ("en", "Internal assessment of the negotiating room.") in texts
    assert 'class="untranslated" lang="en"' in html
    assert "[Non traduit" in html


def test_internal_entries_are_flagged_and_left_out_of_the_external_copy(sample_library: Library) -> None:
    internal = preview(sample_library, "en", "internal")
    assert 'class="internal"' in internal
    assert "Not for use with the counterpart" in internal
    external = preview(sample_library, "en", "external")
    assert "Internal assessment of the negotiating room." not in external


def test_bilingual_copy_puts_languages_side_by_side(sample_library: Library) -> None:
    html = preview(sample_library, "bilingual")
    assert (
        '<tr><td width="50%"><span lang="en">Security in ports is a shared responsibility.</span></td>'
        '<td width="50%"><span lang="fr">La sécurité des ports est une responsabilité partagée.</span></td></tr>'
    ) in html
    parsed(html)


def test_every_contents_link_has_its_target(sample_library: Library) -> None:
    with sample_library.unit_of_work() as uow:
        outline = assemble(uow, PackRequest("jha-test", "fr", allow_missing=True))
    html = render_html(outline)
    for line in outline.contents:
        assert f'href="#{line.anchor}"' in html and f'name="{line.anchor}"' in html, line.anchor
    assert "Informations pratiques" in html and "Format" in html
