"""Reading glossaries: CSV made by hand or in a spreadsheet, TBX exported from IATE, and the shipped starter set.

CSV
    UTF-8, with or without a byte-order mark. The first row names the columns: ``en`` and ``fr`` are required,
    ``note`` is optional, other columns are ignored, and names are read without regard to case or surrounding
    spaces. Fields are separated by commas; a header with semicolons or tabs and no comma (as a spreadsheet set
    to French or Belgian settings saves it) makes that the separator. Blank rows are skipped. A row without an
    English or a French term, or with more fields than the header, stops the import with an
    :class:`~briefing.errors.InterchangeError` naming the row (the header is row 1, as in a spreadsheet).

TBX
    The TermBase eXchange files IATE exports (``martif/text/body/termEntry/langSet`` with ``xml:lang`` and
    ``tig/term`` or ``ntig/termGrp/term``); TBX 3 (``conceptEntry/langSec/termSec/term``) is read too.
    Element names are matched without their namespace, language codes on their first part (``en-GB`` is
    English). Every English term of an entry is paired with every French term of the same entry, leaving out
    terms marked deprecated, superseded or obsolete; the note is the entry's id and subject field.

    The parser is safe for files from anywhere: no network access, no DTD loaded, no entity expanded, no huge
    tree. A file that declares entities (the "billion laughs" bomb, an external entity pointing at a local
    file or a URL) or uses one is refused as a whole; a ``DOCTYPE`` that only names the TBX DTD, as IATE
    exports do, is fine and the DTD is never fetched.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

from briefing.errors import N_, InterchangeError, Message
from briefing.glossary.terms import Glossary, GlossaryTerm, term_words

STARTER_PACKAGE = "briefing.resources.glossary"
STARTER_FILE = "jha-starter.csv"
# briefing/glossary/files.py -> parents[2] is the project root holding resources/.
_SOURCE_STARTER = Path(__file__).resolve().parents[2] / "resources" / "glossary" / STARTER_FILE

_SEPARATORS = (",", ";", "\t")
_ENTITY_DECLARATION = "<!ENTITY"
_UNUSABLE_STATUS = ("deprecated", "superseded", "obsolete")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InterchangeError(
            N_("Cannot read {path}: {reason}"), path=path, reason=exc.strerror or str(exc)
        ) from exc


def _row_error(path: Path, row: int, msgid: str, **params: object) -> InterchangeError:
    return InterchangeError(
        N_("{path}, row {row}: {problem}"), path=path, row=row, problem=Message(msgid, **params)
    )


# --- CSV ------------------------------------------------------------------------------------------------------


def read_csv(text: str, path: Path) -> list[GlossaryTerm]:
    """The terms of a glossary CSV already decoded to ``text``; ``path`` names it in error messages."""
    first_line = text.split("\n", 1)[0]
    separator = next((sep for sep in _SEPARATORS if sep in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    terms: list[GlossaryTerm] = []
    columns: dict[str, int] = {}
    width = 0
    row = 0
    try:
        for row, fields in enumerate(reader, start=1):
            if row == 1:
                columns, width = _header(fields, path)
                continue
            if not any(field.strip() for field in fields):
                continue
            if len(fields) > width:
                raise _row_error(
                    path,
                    row,
                    N_("{count} fields where the header has {expected}"),
                    count=len(fields),
                    expected=width,
                )
            values = {name: fields[i].strip() if i < len(fields) else "" for name, i in columns.items()}
            if not term_words(values["en"]):
                raise _row_error(path, row, N_("the English term is empty"))
            if not term_words(values["fr"]):
                raise _row_error(path, row, N_("the French term is empty"))
            terms.append(GlossaryTerm(values["en"], values["fr"], values.get("note", "")))
    except csv.Error as exc:
        raise _row_error(path, row + 1, N_("not readable as CSV ({reason})"), reason=str(exc)) from exc
    if row == 0:
        raise InterchangeError(
            N_("{path} is empty; its first row must name the columns en, fr and optionally note."), path=path
        )
    return terms


def _header(fields: list[str], path: Path) -> tuple[dict[str, int], int]:
    columns: dict[str, int] = {}
    for i, field in enumerate(fields):
        name = field.strip().lstrip("\ufeff").casefold()
        if name in ("en", "fr", "note"):
            if name in columns:
                raise InterchangeError(
                    N_("{path}: the column “{name}” appears twice in the header."), path=path, name=name
                )
            columns[name] = i
    if "en" not in columns or "fr" not in columns:
        raise InterchangeError(
            N_("{path}: the first row must name the columns en, fr and optionally note (found: {found})."),
            path=path,
            found=", ".join(field.strip() for field in fields) or "—",
        )
    return columns, len(fields)


def load_csv(path: str | Path) -> Glossary:
    """Read a glossary CSV (see the module description); nothing is kept when a row is bad."""
    path = Path(path)
    try:
        text = _read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(N_("{path} is not UTF-8 text."), path=path) from exc
    return Glossary(read_csv(text, path))


# --- TBX ------------------------------------------------------------------------------------------------------


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _declares_entities(data: bytes) -> bool:
    """Whether the raw file holds an entity declaration, in UTF-8 or either UTF-16."""
    return any(
        _ENTITY_DECLARATION.encode(encoding) in data for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    )


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _lang(element: etree._Element) -> str:
    value = element.get("{http://www.w3.org/XML/1998/namespace}lang") or element.get("lang") or ""
    return value.strip().replace("_", "-").split("-", 1)[0].lower()


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _usable(term: etree._Element, holder: etree._Element) -> bool:
    """False for a term its entry marks deprecated, superseded or obsolete."""
    for note in holder.iter():
        if _local(note) in ("termNote", "descrip") and (note.get("type") or "") in (
            "administrativeStatus",
            "normativeAuthorization",
            "usageStatus",
        ):
            status = _text(note).casefold()
            if any(word in status for word in _UNUSABLE_STATUS):
                return False
    return True


def _terms_of(lang_set: etree._Element) -> list[str]:
    """The usable terms of one language section: tig/term, ntig/termGrp/term or termSec/term."""
    found = []
    for term in lang_set.iter():
        if _local(term) != "term":
            continue
        holder = term.getparent()
        while holder is not None and _local(holder) not in ("tig", "ntig", "termSec"):
            holder = holder.getparent()
        text = _text(term)
        if text and _usable(term, holder if holder is not None else term):
            found.append(text)
    return found


def _entry_note(entry: etree._Element) -> str:
    parts = [entry.get("id") or ""]
    for child in entry:
        descrip = child
        if _local(child) == "descripGrp":
            descrip = next((c for c in child if _local(c) == "descrip"), child)
        if _local(descrip) == "descrip" and descrip.get("type") == "subjectField":
            parts.append(_text(descrip))
    return "; ".join(part for part in parts if part)


def read_tbx(data: bytes, path: Path) -> list[GlossaryTerm]:
    """The English/French pairs of a TBX document given as bytes; ``path`` names it in error messages."""
    if _declares_entities(data):
        raise InterchangeError(
            N_("{path} declares XML entities, which a glossary file may not do; it was not read."), path=path
        )
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno is not None else 0
        raise InterchangeError(
            N_("{path} is not well-formed XML (line {line}: {reason})."),
            path=path,
            line=line,
            reason=exc.msg,
        ) from exc
    document = root.getroottree()
    dtd = document.docinfo.internalDTD
    if (dtd is not None and any(True for _ in dtd.iterentities())) or any(
        True for _ in root.iter(etree.Entity)
    ):
        raise InterchangeError(
            N_("{path} declares XML entities, which a glossary file may not do; it was not read."), path=path
        )
    if _local(root) not in ("martif", "tbx"):
        raise InterchangeError(
            N_("{path} is not a TBX file: its root element is “{root}”, where martif or tbx was expected."),
            path=path,
            root=_local(root),
        )
    terms: list[GlossaryTerm] = []
    for entry in root.iter():
        if _local(entry) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {"en": [], "fr": []}
        for section in entry:
            if _local(section) in ("langSet", "langSec") and _lang(section) in by_lang:
                by_lang[_lang(section)].extend(_terms_of(section))
        note = _entry_note(entry)
        terms.extend(GlossaryTerm(en, fr, note) for en in by_lang["en"] for fr in by_lang["fr"])
    if not terms:
        raise InterchangeError(
            N_("{path} holds no term with both an English and a French version."), path=path
        )
    return terms


def load_tbx(path: str | Path) -> Glossary:
    """Read a TBX glossary safely (see the module description)."""
    path = Path(path)
    return Glossary(read_tbx(_read_bytes(path), path))


def load_glossary(path: str | Path) -> Glossary:
    """A glossary from a ``.csv`` or a ``.tbx``/``.xml`` file, by its extension."""
    path = Path(path)
    if path.suffix.lower() in (".tbx", ".xml"):
        return load_tbx(path)
    return load_csv(path)


# --- the starter set ----------------------------------------------------------------------------------------


@cache
def _starter_terms() -> tuple[GlossaryTerm, ...]:
    label = Path("resources") / "glossary" / STARTER_FILE
    try:
        data = (resources.files(STARTER_PACKAGE) / STARTER_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        data = _SOURCE_STARTER.read_bytes()
    return tuple(read_csv(data.decode("utf-8-sig"), label))


def default_glossary() -> Glossary:
    """The starter glossary shipped with the app: Justice and Home Affairs terms of the seed programme.

    Read once from the installed package ``briefing.resources.glossary`` (in a source tree where that package
    is not mapped yet, from the project's ``resources/glossary`` folder); each call returns a new glossary, so
    adding terms to it changes no other caller's.
    """
    return Glossary(_starter_terms())
