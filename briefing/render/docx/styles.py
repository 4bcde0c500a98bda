"""How the house styles of a pack join the styles of a Word template.

Every paragraph, run and table of a pack names a style by its role (``heading1``, ``question``, …). Without a
template the pack gets the house styles (:mod:`~briefing.render.docx.house_styles`): a calm look in navy and
grey, Calibri 11 pt. With a template, each role uses the template's style of the same name (Word names
built-in styles in English whatever the language of Word, while their style ids are translated, so names are
matched, not ids); a role the template lacks gets the house style, added to the template's ``styles.xml``. A
missing built-in style ("List Bullet", "toc 1", …) is reported in the warnings; the pack's own "Briefing …"
styles are added silently, and a template defines them by name to restyle those parts.
"""

from __future__ import annotations

from typing import Any

from briefing.errors import N_, Message
from briefing.render.docx.house_styles import HOUSE_STYLES, HouseStyle, StyleIds
from briefing.render.docx.xml import escape, get_or_insert, language_tag, parse_fragment, qn

_RPR_AFTER_LANG = frozenset({"eastAsianLayout", "specVanish", "oMath"})


def _style_xml(style: HouseStyle, style_id: str, ids: dict[str, str]) -> str:
    attributes = f'w:type="{style.kind}" w:styleId="{escape(style_id)}"'
    if style.default:
        attributes += ' w:default="1"'
    if not style.builtin:
        attributes += ' w:customStyle="1"'
    inner = f'<w:name w:val="{escape(style.name)}"/>'
    if style.based_on:
        inner += f'<w:basedOn w:val="{escape(ids[style.based_on])}"/>'
    if style.next_role:
        inner += f'<w:next w:val="{escape(ids[style.next_role])}"/>'
    if style.ui_priority is not None:
        inner += f'<w:uiPriority w:val="{style.ui_priority}"/>'
    if (
        style.builtin
        and not style.default
        and style.role not in {"title", "subtitle", "heading1", "heading2"}
    ):
        inner += "<w:semiHidden/><w:unhideWhenUsed/>"
    if style.role in {"normal", "title", "subtitle", "heading1", "heading2"} or not style.builtin:
        inner += "<w:qFormat/>"
    return f"<w:style {attributes}>{inner}{style.properties}</w:style>"


def apply_styles(styles: Any, lang: str, *, template: bool) -> tuple[StyleIds, list[Message]]:
    """Give every role a style in the ``w:styles`` element ``styles``, adding house styles where missing.

    Sets the document's default language (``docDefaults``) to ``lang``. Returns the style ids to use and, when
    ``styles`` is a template's, one warning per built-in style it lacks.
    """
    by_name: dict[tuple[str, str], str] = {}
    defaults: dict[str, str] = {}
    taken: set[str] = set()
    for element in styles.iterfind(qn("w:style")):
        kind = element.get(qn("w:type"), "paragraph")
        style_id = element.get(qn("w:styleId"), "")
        name = element.find(qn("w:name"))
        taken.add(style_id)
        if name is not None:
            by_name.setdefault((kind, (name.get(qn("w:val")) or "").lower()), style_id)
        if element.get(qn("w:default")) in {"1", "true", "on"}:
            defaults.setdefault(kind, style_id)
    ids: dict[str, str] = {}
    added: list[str] = []
    warnings: list[Message] = []
    for style in HOUSE_STYLES:
        found = defaults.get(style.kind) if style.default else by_name.get((style.kind, style.name.lower()))
        if found is not None:
            ids[style.role] = found
            continue
        style_id = style.style_id
        while style_id in taken:
            style_id += "Briefing"
        taken.add(style_id)
        ids[style.role] = style_id
        added.append(_style_xml(style, style_id, ids))
        if template and style.builtin and not style.default:
            warnings.append(
                Message(
                    N_("The template has no “{style}” style; the pack's own “{style}” style is used."),
                    style=style.name,
                )
            )
    if added:
        styles.extend(list(parse_fragment("".join(added), "w:styles")))
    set_default_language(styles, lang)
    return StyleIds(**{role: escape(style_id) for role, style_id in ids.items()}), warnings


def set_default_language(styles: Any, lang: str) -> None:
    """Make ``lang`` the language of text that says nothing else (``w:docDefaults/w:rPrDefault``)."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"))
        styles.insert(0, defaults)
    run_defaults = get_or_insert(defaults, "w:rPrDefault", {"pPrDefault"})
    properties = get_or_insert(run_defaults, "w:rPr", set())
    language = get_or_insert(properties, "w:lang", _RPR_AFTER_LANG)
    language.set(qn("w:val"), language_tag(lang))
